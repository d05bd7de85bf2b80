// Phone profile: a guest opens the join link on a throttled phone (4x CPU slowdown, 150 ms RTT,
// 1.6 Mbps down / 750 kbps up, cache off, a first visit) and answers. Reports bytes and requests
// of the join + answer view, time to the join button, time to a usable answer box (from opening
// the link, including the join click), and time from "save" to "saved". Unthrottled loopback too.
// Usage: node phone.js [reps]   (BASE from app.sh)
const lib = require('./lib.js');

const REPS = Number(process.argv[2] || 3);
const BASE = process.env.BASE;
const profiles = [
  { name: 'loopback', cpu: 1, net: null },
  { name: 'phone-4xCPU-150ms-1.6Mbps', cpu: 4, net: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 } },
];

(async () => {
  const browser = await lib.launch();
  const { code } = await lib.startSession(browser, BASE);
  for (const profile of profiles) {
    for (let rep = 0; rep < REPS; rep++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
      await context.addCookies([{ name: 'arki-lang', value: 'fi', url: BASE }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      if (profile.net) await cdp.send('Network.emulateNetworkConditions', profile.net);
      if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
      let bytes = 0; let requests = 0; const byType = {}; const types = {};
      cdp.on('Network.responseReceived', (e) => { types[e.requestId] = e.type; });
      cdp.on('Network.loadingFinished', (e) => {
        bytes += e.encodedDataLength; requests++;
        const t = types[e.requestId] || 'Other'; byType[t] = (byType[t] || 0) + e.encodedDataLength;
      });
      const t0 = Date.now();
      await page.goto(`${BASE}/join/${code}`, { waitUntil: 'commit', timeout: 120000 });
      await page.waitForSelector('#join-submit', { state: 'visible', timeout: 120000 });
      const joinButton = Date.now() - t0;
      await page.tap('#join-submit');
      await page.waitForSelector('#answer-text textarea', { state: 'visible', timeout: 120000 });
      const answerView = Date.now() - t0;
      await page.fill('#answer-text textarea', `Puhelimelta ${profile.name} ${rep}`);
      const t1 = Date.now();
      await page.tap('#answer-add');
      await page.waitForFunction(() => [...document.querySelectorAll('#my-answers .arki-own-answer')]
        .some((li) => li.textContent.includes('Tallennettu')), null, { timeout: 120000 });
      const saved = Date.now() - t1;
      console.log(JSON.stringify({ benchmark: 'phone', profile: profile.name, rep, requests, transferred_kb: Math.round(bytes / 1024),
        by_type_kb: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, Math.round(v / 1024)])),
        join_button_ms: joinButton, usable_answer_view_ms: answerView, save_to_saved_ms: saved, load_start: process.env.LOAD_START, load: lib.load() }));
      await context.close();
    }
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
