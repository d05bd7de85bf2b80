#!/usr/bin/env bash
# Phone profile: time to a usable answer box and page weight of the join/answer view on a throttled
# phone (4x CPU, 150 ms RTT, 1.6 Mbps), and unthrottled on loopback. One JSON line per run.
#   bench/session-phone.sh [reps]      (default 3)
set -euo pipefail
cd "$(dirname "$0")/session"
[ -d node_modules ] || npm ci --no-audit --no-fund >&2
source ./app.sh
start_app
node phone.js "${1:-3}"
