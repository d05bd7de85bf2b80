#!/usr/bin/env bash
# Fan-out benchmark: the facilitator's real click on "next" (real Chromium) reaching N participants.
#   bench/session-fanout.sh emulated 100 1000 5000   protocol-level participants of the light page (bench/session/sse-participant.js;
#                                                    PROTOCOL=vaadin: the old Vaadin participant, bench/session/participant.js)
#   bench/session-fanout.sh chromium 50              real Chromium participants (one page each)
# One application start per size (bench/session/app.sh; knobs in bench/README.md).
# Prints one JSON line per run: p50/p95/last latency, missing deliveries, server CPU per delivered
# update, live heap per participant (emulated), the bare-WebSocket baseline, and the load average.
set -euo pipefail
cd "$(dirname "$0")/session"
[ -d node_modules ] || npm ci --no-audit --no-fund >&2
mode=${1:-emulated}; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100)
source ./app.sh
for n in "${sizes[@]}"; do
  start_app
  # one size failing (e.g. the facilitator timing out on a starved machine) does not lose the others
  if [ "$mode" = chromium ]; then node fanout-chromium.js "$n" "${ROUNDS:-6}" || echo "chromium $n failed" >&2
  else node fanout.js "$n" "${ROUNDS:-10}" || echo "emulated $n failed" >&2; fi
  stop_app; trap - EXIT
done
