#!/usr/bin/env bash
# Durable answers per second through the real write path for 60 s at a fixed arrival rate, then a
# one-second burst at twice the rate; every acknowledged id is checked in the database (0 lost,
# 0 duplicated); baseline: plain JDBC single-row insert commits in the same run.
#   bench/durable-answers.sh [rate] [seconds]      (default 2000 60)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# an integration test (tag `integration`): failsafe runs it, surefire runs nothing
./mvnw -B -q -pl platform-core -am verify -Dit.test=DurableAnswersBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rate="${1:-2000}" -Dbench.seconds="${2:-60}" -DtrimStackTrace=true >/dev/null || true
tail -1 platform-core/target/bench/durable-answers.jsonl
