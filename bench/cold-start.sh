#!/usr/bin/env bash
# Cold start: the fat jar to a served sign-in page, against a minimal Boot + Vaadin app measured in
# the same run. Scenarios: Arki on an empty data directory (initdb + every migration + demo seed),
# Arki on an existing data directory (nothing to migrate), and the baseline app.
#   bench/cold-start.sh [runs]        (default 5 runs of each, interleaved)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
port=18180
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building Arki (production) and the baseline app…" >&2
./mvnw -B -q -Pproduction -DskipTests package
./mvnw -B -q -f bench/baseline-app/pom.xml -DskipTests package

# ms from launch until the URL answers 200; then stop the app and wait for it to go
time_to_ready() {
  local url=$1; shift
  local start end pid
  start=$(date +%s%N)
  "$@" > "$work/app.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "app died:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

fresh=(); warm=(); base=()
for i in $(seq "$runs"); do
  rm -rf "$work/pg"
  fresh+=("$(time_to_ready "http://localhost:$port/login" env PORT=$port ARKI_DATABASE_EMBEDDED_DATA_DIR="$work/pg" "$java" -jar ui-vaadin/target/arki.jar)")
  warm+=("$(time_to_ready "http://localhost:$port/login" env PORT=$port ARKI_DATABASE_EMBEDDED_DATA_DIR="$work/pg" "$java" -jar ui-vaadin/target/arki.jar)")
  base+=("$(time_to_ready "http://localhost:$port/" "$java" -jar bench/baseline-app/target/baseline.jar --server.port=$port)")
  echo "run $i: fresh ${fresh[-1]} ms, existing data ${warm[-1]} ms, baseline ${base[-1]} ms" >&2
done

mf=$(printf '%s\n' "${fresh[@]}" | median)
mw=$(printf '%s\n' "${warm[@]}" | median)
mb=$(printf '%s\n' "${base[@]}" | median)
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "| $(date -u +%F) | $runs | $mf | $mw | $mb | $(awk "BEGIN {printf \"%.2f\", $mw/$mb}") | $load | $(nproc) cores |"
