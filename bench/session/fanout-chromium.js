// Fan-out from the facilitator's real click to N real Chromium participants (one page each, guests),
// each page noting when the new step appears in its DOM. Also the live heap per participant.
// Usage: node fanout-chromium.js N ROUNDS   (BASE, APP_PID from app.sh)
const { execSync } = require('child_process');
const lib = require('./lib.js');

const N = Number(process.argv[2] || 50);
const ROUNDS = Number(process.argv[3] || 6);
const WARMUP = Number(process.env.WARMUP || 2);
const BASE = process.env.BASE;
const PID = process.env.APP_PID;
const JCMD = `${process.env.JAVA_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64'}/bin/jcmd`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function liveHeapMb() {
  const out = execSync(`${JCMD} ${PID} GC.class_histogram`, { maxBuffer: 256 * 1024 * 1024 }).toString();
  return Number(out.split('\n').find((l) => l.startsWith('Total')).trim().split(/\s+/)[2]) / 1048576;
}

(async () => {
  const browser = await lib.launch();
  const { page: facilitator, code } = await lib.startSession(browser, BASE);
  const heapBefore = liveHeapMb();
  const pages = [];
  const t0 = Date.now();
  for (let i = 0; i < N; i += 10) {
    pages.push(...await Promise.all(Array.from({ length: Math.min(10, N - i) }, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await context.addCookies([{ name: 'arki-lang', value: 'fi', url: BASE }]);
      const page = await context.newPage();
      await page.goto(`${BASE}/join/${code}`, { timeout: 120000 });
      await page.click('#join-submit', { timeout: 120000 });
      await page.waitForSelector('#step-question', { timeout: 120000 });
      await page.evaluate(() => {
        window.__arrivals = {};
        const note = () => {
          const m = (document.getElementById('step-progress') || {}).textContent?.match(/^Vaihe (\d+) /);
          if (m && !window.__arrivals[m[1]]) window.__arrivals[m[1]] = Date.now();
        };
        new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      return page;
    })));
  }
  const joinMs = Date.now() - t0;
  await sleep(2000);
  const heapAfter = liveHeapMb();
  const lat = []; const lastPer = []; let missing = 0;
  for (let k = -WARMUP; k < ROUNDS; k++) {
    const target = (k + WARMUP) % 2 === 0 ? 4 : 3; // the card's first two questions
    await Promise.all(pages.map((p) => p.evaluate((t) => { delete window.__arrivals[t]; }, target)));
    const clickedAt = await click(facilitator, (k + WARMUP) % 2 === 0 ? 'step-next' : 'step-previous', target);
    const deadline = Date.now() + 30000;
    let got = [];
    while (Date.now() < deadline) {
      got = (await Promise.all(pages.map((p) => p.evaluate((t) => window.__arrivals[t] || 0, target)))).filter((t) => t > 0);
      if (got.length === pages.length) break;
      await sleep(50);
    }
    await sleep(500);
    if (k < 0) continue;
    missing += pages.length - got.length;
    const l = got.map((t) => t - clickedAt); lat.push(...l); lastPer.push(Math.max(...l));
  }
  console.log(JSON.stringify({ benchmark: 'fanout-chromium', participants: pages.length, warmup_rounds: WARMUP, rounds: ROUNDS, join_all_ms: joinMs,
    p50_ms: lib.pct(lat, 50), p95_ms: lib.pct(lat, 95), last_p50_ms: lib.pct(lastPer, 50), last_max_ms: Math.max(...lastPer),
    missing_deliveries: missing, live_heap_per_participant_kb: Math.round(((heapAfter - heapBefore) * 1024) / pages.length),
    load_start: process.env.LOAD_START, load: lib.load() }));
  await browser.close();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });

async function click(page, id, expectedStep) {
  await page.evaluate((button) => {
    window.__clickedAt = 0;
    document.getElementById(button).addEventListener('click', () => { window.__clickedAt = Date.now(); }, { once: true, capture: true });
  }, id);
  await page.click(`#${id}`);
  const at = await page.evaluate(() => window.__clickedAt);
  await page.waitForFunction((n) => (document.getElementById('step-progress') || {}).textContent?.startsWith(`Vaihe ${n} `), expectedStep);
  return at;
}
