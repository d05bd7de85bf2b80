// The baseline of bench/session-phone.sh, measured in the same run: a static participant page of
// the same content (the join view, then the answer box with the step's question), one stylesheet
// and one script of Arki's own participant page's sizes, served gzipped by Node, on the same
// throttled phone profile with the same timing points as phone.js. One JSON line per rep.
// Usage: node phone-static.js [reps]   (BASE from app.sh: the real page's script and stylesheet are copied from there)
const http = require('http');
const zlib = require('zlib');
const lib = require('./lib.js');

const REPS = Number(process.argv[2] || 3);
const BASE = process.env.BASE;
const PROFILE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

async function fetchText(url) { const r = await fetch(url); return r.ok ? r.text() : ''; }

(async () => {
  // the same bytes of style and script as the real page (its own files), so only the server differs
  const css = (await fetchText(`${BASE}/p/p.css`)) || 'body{font:16px system-ui}';
  const script = `document.getElementById('join-submit').addEventListener('click',async(e)=>{e.preventDefault();`
    + `const r=await fetch('/join',{method:'POST'});document.getElementById('join').outerHTML=await r.text();});\n/* `
    + (await fetchText(`${BASE}/p/p.js`)).replace(/\*\//g, '') + ' */';
  const page = '<!doctype html><html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
    + '<title>Arki</title><link rel="stylesheet" href="/p.css"><script src="/p.js" defer></script></head><body><main id="join">'
    + '<h1>Juutin kuusi ulottuvuutta</h1><form method="post" action="/join"><button id="join-submit">Liity</button></form></main></body></html>';
  const answer = '<main id="participant"><div id="step"><span id="step-progress">Vaihe 2 / 7</span><h3 id="step-question">Miten tarjoamme '
    + 'asiakkaalle mahdollisimman hyvän asiakaskokemuksen?</h3><form method="post" action="/answer"><div id="answer-text">'
    + '<label for="a">Vastauksesi</label><textarea id="a" name="text" maxlength="2000"></textarea></div>'
    + '<button id="answer-add">Lisää</button></form><ul id="my-answers"></ul></div></main>';
  const files = { '/': [page, 'text/html'], '/p.css': [css, 'text/css'], '/p.js': [script, 'text/javascript'], '/join': [answer, 'text/html'] };
  const server = http.createServer((req, res) => {
    const f = files[req.url.split('?')[0]];
    if (!f) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': f[1], 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(Buffer.from(f[0])));
  });
  await new Promise((r) => server.listen(0, r));
  const base = `http://localhost:${server.address().port}`;
  const browser = await lib.launch();
  for (let rep = 0; rep < REPS; rep++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', PROFILE);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0; let requests = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; requests++; });
    const t0 = Date.now();
    await tab.goto(`${base}/`, { waitUntil: 'commit', timeout: 120000 });
    await tab.waitForSelector('#join-submit', { state: 'visible', timeout: 120000 });
    const joinButton = Date.now() - t0;
    await tab.tap('#join-submit');
    await tab.waitForSelector('#answer-text textarea', { state: 'visible', timeout: 120000 });
    const usable = Date.now() - t0;
    console.log(JSON.stringify({ benchmark: 'phone-static-baseline', profile: 'phone-4xCPU-150ms-1.6Mbps', rep, requests,
      transferred_kb: Math.round(bytes / 1024), join_button_ms: joinButton, usable_answer_view_ms: usable, load_start: process.env.LOAD_START, load: lib.load() }));
    await context.close();
  }
  await browser.close();
  server.close();
})().catch((e) => { console.error(e); process.exit(1); });
