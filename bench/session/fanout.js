// Fan-out from the facilitator's real click (real Chromium) to N emulated participants, with the
// live heap per participant and server CPU per delivered update, and a bare WebSocket fan-out to
// the same number of sockets as the baseline of the same run.
// Usage: node fanout.js N ROUNDS   (BASE, APP_PID from app.sh)
const fs = require('fs');
const { execSync, fork } = require('child_process');
const WebSocket = require('ws');
const lib = require('./lib.js');
// PROTOCOL=vaadin measures the old Vaadin participant (UIDL/push) with the same harness
const { Participant } = require(process.env.PROTOCOL === 'vaadin' ? './participant.js' : './sse-participant.js');

const N = Number(process.argv[2] || 100);
const ROUNDS = Number(process.argv[3] || 10);
// unmeasured rounds first: the JIT compiles the step-change path, as it has on a server that has run for a while
const WARMUP = Number(process.env.WARMUP || 5);
const BASE = process.env.BASE;
const PID = process.env.APP_PID;
const JCMD = `${process.env.JAVA_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64'}/bin/jcmd`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function cpuMs() {
  const f = fs.readFileSync(`/proc/${PID}/stat`, 'utf8'); const parts = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(parts[11]) + Number(parts[12])) * 10;
}

/** Live heap after a full GC (the class histogram forces one), in MB. */
function liveHeapMb() {
  const out = execSync(`${JCMD} ${PID} GC.class_histogram`, { maxBuffer: 256 * 1024 * 1024 }).toString();
  const total = out.split('\n').find((l) => l.startsWith('Total'));
  return Number(total.trim().split(/\s+/)[2]) / 1048576;
}

async function baseline(n, rounds) {
  const server = fork(`${__dirname}/ws-baseline-server.js`, [], { silent: true });
  const port = await new Promise((r) => server.on('message', r));
  const got = new Map();
  const sockets = [];
  for (let i = 0; i < n; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, n - i) }, () => new Promise((res, rej) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
      ws.on('message', (d) => { const seq = Number(d.toString().split('|')[0]); const t = Date.now(); if (!got.has(seq)) got.set(seq, []); got.get(seq).push(t); });
      ws.once('open', () => { sockets.push(ws); res(); }); ws.once('error', rej);
    })));
  }
  const lat = []; const last = [];
  for (let k = 0; k < rounds; k++) {
    const t0 = Date.now();
    await fetch(`http://127.0.0.1:${port}/broadcast?seq=${k}`);
    const deadline = Date.now() + 10000;
    while ((got.get(k) || []).length < n && Date.now() < deadline) await sleep(2);
    const l = (got.get(k) || []).map((t) => t - t0); lat.push(...l); last.push(Math.max(...l));
    await sleep(100);
  }
  sockets.forEach((s) => s.terminate()); server.kill();
  return { p50: lib.pct(lat, 50), p95: lib.pct(lat, 95), last: lib.pct(last, 50) };
}

(async () => {
  const browser = await lib.launch();
  const { page, code } = await lib.startSession(browser, BASE);
  const arrivals = new Map(); // step -> [ms]
  const sizes = [];
  const onStep = (p, step, at, bytes) => { if (!arrivals.has(step)) arrivals.set(step, []); arrivals.get(step).push(at); sizes.push(bytes); };
  const heapBefore = liveHeapMb();
  const t0 = Date.now(); const participants = []; let failures = 0;
  for (let i = 0; i < N; i += 50) {
    const batch = await Promise.allSettled(Array.from({ length: Math.min(50, N - i) }, () => new Participant(BASE, code, onStep).join()));
    batch.forEach((r) => (r.status === 'fulfilled' ? participants.push(r.value) : (failures++, failures < 3 && console.error(r.reason))));
  }
  const joinMs = Date.now() - t0;
  await sleep(2000);
  const heapAfter = liveHeapMb();
  const presence = (await page.textContent('#presence')).trim();

  const lat = []; const lastPer = []; const cpuPer = []; let missing = 0;
  // PROFILE=/path/to/file.jfr: a Java Flight Recording of the measured rounds only (not the joins)
  const profile = process.env.PROFILE;
  for (let k = -WARMUP; k < ROUNDS; k++) {
    if (k === 0 && profile) execSync(`${JCMD} ${PID} JFR.start name=fanout settings=profile`);
    const target = (k + WARMUP) % 2 === 0 ? 4 : 3; // the card's first two questions
    arrivals.delete(target);
    const c0 = cpuMs();
    // the console shows the same step number as the participants (startSession leaves both at 3)
    const clickedAt = (k + WARMUP) % 2 === 0 ? await lib.next(page, target) : await prev(page, target);
    const deadline = Date.now() + 20000;
    while ((arrivals.get(target) || []).length < participants.length && Date.now() < deadline) await sleep(5);
    const l = (arrivals.get(target) || []).map((t) => t - clickedAt);
    await sleep(300);
    const cpu = cpuMs() - c0;
    await sleep(300);
    if (k < 0) continue;
    missing += participants.length - l.length;
    lat.push(...l); lastPer.push(Math.max(...l));
    cpuPer.push(cpu);
  }
  if (profile) execSync(`${JCMD} ${PID} JFR.stop name=fanout filename=${profile}`);
  const base = await baseline(participants.length, ROUNDS);
  const row = {
    benchmark: 'fanout-emulated', protocol: process.env.PROTOCOL === 'vaadin' ? 'vaadin-push' : 'sse', participants: participants.length, join_failures: failures, warmup_rounds: WARMUP, rounds: ROUNDS, join_all_ms: joinMs,
    presence_shown: presence, p50_ms: lib.pct(lat, 50), p95_ms: lib.pct(lat, 95), last_p50_ms: lib.pct(lastPer, 50),
    last_max_ms: Math.max(...lastPer), missing_deliveries: missing,
    baseline_ws_p50_ms: base.p50, baseline_ws_p95_ms: base.p95, baseline_ws_last_ms: base.last,
    p95_vs_baseline: +(lib.pct(lat, 95) / Math.max(1, base.p95)).toFixed(1),
    push_bytes_p50: lib.pct(sizes, 50),
    server_cpu_per_update_us: Math.round((lib.pct(cpuPer, 50) * 1000) / Math.max(1, participants.length)),
    live_heap_per_participant_kb: Math.round(((heapAfter - heapBefore) * 1024) / Math.max(1, participants.length)),
    load_start: process.env.LOAD_START, load: lib.load(),
  };
  console.log(JSON.stringify(row));
  participants.forEach((p) => p.close());
  await browser.close();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });

async function prev(page, expectedStep) {
  await page.evaluate(() => {
    window.__clickedAt = 0;
    document.getElementById('step-previous').addEventListener('click', () => { window.__clickedAt = Date.now(); }, { once: true, capture: true });
  });
  await page.click('#step-previous');
  const at = await page.evaluate(() => window.__clickedAt);
  await page.waitForFunction((n) => (document.getElementById('step-progress') || {}).textContent?.startsWith(`Vaihe ${n} `), expectedStep);
  return at;
}
