#!/usr/bin/env bash
# Phone profile: time to a usable answer box and page weight of the join/answer view on a throttled
# phone (4x CPU, 150 ms RTT, 1.6 Mbps), and unthrottled on loopback; then, in the same run and on
# the same profile, a static participant page of the same content (the baseline), and the ratio of
# the medians. One JSON line per run, the ratio last. Goals (issue 10): ratio <= 1.5, <= 60 KB, <= 8 requests.
#   bench/session-phone.sh [reps]      (default 3)
set -euo pipefail
cd "$(dirname "$0")/session"
[ -d node_modules ] || npm ci --no-audit --no-fund >&2
source ./app.sh
start_app
OUT=$(mktemp)
node phone.js "${1:-3}" | tee -a "$OUT"
node phone-static.js "${1:-3}" | tee -a "$OUT"
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const arki = rows.filter((r) => r.benchmark === "phone" && r.profile.startsWith("phone"));
const base = rows.filter((r) => r.benchmark === "phone-static-baseline");
const a = med(arki.map((r) => r.usable_answer_view_ms)); const b = med(base.map((r) => r.usable_answer_view_ms));
console.log(JSON.stringify({ benchmark: "phone-ratio", arki_usable_ms: a, static_usable_ms: b, ratio: +(a / b).toFixed(2),
  arki_kb: med(arki.map((r) => r.transferred_kb)), arki_requests: med(arki.map((r) => r.requests)),
  static_kb: med(base.map((r) => r.transferred_kb)), static_requests: med(base.map((r) => r.requests)) }));' "$OUT"
rm -f "$OUT"
