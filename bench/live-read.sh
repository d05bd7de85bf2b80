#!/usr/bin/env bash
# The live read: SessionManagement.state() of a session with N participants and rows of every kind,
# against SessionManagement.find() of the same session in the same run (the baseline).
#   bench/live-read.sh [participants] [label]      (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# an integration test (tag `integration`): failsafe runs it, surefire runs nothing
./mvnw -B -q -pl platform-core -am verify -Dit.test=LiveReadBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.participants="${1:-30}" -Dbench.label="${2:-}" -DtrimStackTrace=true >/dev/null || true
tail -1 platform-core/target/bench/live-read.jsonl
