#!/usr/bin/env bash
# The maximum sustained rate of durable answers through the real write path, with 0 lost and 0
# duplicated: the offered rate (open loop) starts at START and grows ×1.5 per STEP-second step until a
# step fails, loses or duplicates an answer, falls behind (< 97 % achieved) or its p95 passes 250 ms;
# the last good rate is then held for 30 s. Baseline of the same run, before and after: plain JDBC
# single-row insert commits on as many connections as Arki's pool. One JSON line per step, the
# summary last (max_sustained_rate_per_s, max_vs_baseline; goal >= 0.5).
#   bench/durable-answers.sh [start-rate] [step-seconds]      (default 100 10)
# More knobs (Java properties, pass in MAVEN_ARGS): -Dbench.factor=1.5 -Dbench.max-p95-ms=250
#   -Dbench.confirm-seconds=30 -Dbench.baseline-seconds=10 -Dbench.in-flight=64
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# an integration test (tag `integration`): failsafe runs it, surefire runs nothing
./mvnw -B -q -pl platform-core -am verify -Dit.test=DurableAnswersBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rate="${1:-100}" -Dbench.seconds="${2:-10}" -DtrimStackTrace=true ${MAVEN_ARGS:-} >/dev/null || true
cat platform-core/target/bench/durable-answers.jsonl
