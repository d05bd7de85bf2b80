#!/usr/bin/env bash
# Cross-node hop: two Arki nodes on one PostgreSQL; a facilitator's step on node A to the arrival
# at node B's broadcaster (LISTEN/NOTIFY after commit), against a raw pg_notify hop in the same run.
#   bench/cross-node-hop.sh [rounds]      (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# an integration test (tag `integration`): failsafe runs it, surefire runs nothing
./mvnw -B -q -pl platform-core -am verify -Dit.test=CrossNodeHopBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rounds="${1:-200}" -DtrimStackTrace=true >/dev/null || true
tail -1 platform-core/target/bench/cross-node-hop.jsonl
