// Shared by the session benchmarks: the facilitator in real Chromium, percentiles, load average.
const { chromium } = require('playwright-core');
const fs = require('fs');

const CHROMIUM = { executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-renderer-backgrounding',
    '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'] };

async function launch() {
  return chromium.launch(CHROMIUM);
}

/** Signs in as the demo facilitator, starts a one-card Juuti session, moves past the targets review to its first question (step 3). */
async function startSession(browser, base, cardTitle = 'Työhyvinvointi') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'arki-lang', value: 'fi', url: base }]);
  const page = await context.newPage();
  // the machine is shared (load 20+ on 2 cores): the facilitator's Vaadin round trips can take tens of seconds
  page.setDefaultTimeout(Number(process.env.PAGE_TIMEOUT_MS || 120000));
  await page.goto(`${base}/login`);
  await page.fill('vaadin-login-form input[name=username]', 'facilitator');
  await page.fill('vaadin-login-form input[name=password]', 'arki-demo');
  await page.click('vaadin-login-form vaadin-button[slot=submit]');
  await page.waitForSelector('#tenant-name');
  await page.goto(`${base}/sessions/new`);
  await page.click("vaadin-checkbox:has(label:text-is('Yritysrahoitus'))");
  await page.click('#start-deck');
  await page.click("vaadin-select-item[role=option]:has-text('Juutin kuusi ulottuvuutta')");
  await page.click("vaadin-radio-button:has(label:has-text('Yksi kortti'))");
  await page.click('#start-card');
  await page.click(`vaadin-select-item[role=option]:has-text('${cardTitle}')`);
  await page.click('#start-submit');
  await page.waitForURL(/facilitate/);
  const code = (await page.textContent('#join-code')).trim();
  await next(page, 2);
  await next(page, 3);
  return { page, code, url: page.url() };
}

/** Clicks "next" and returns the browser's own clock at the click (same clock as this process). */
async function next(page, expectedStep) {
  await page.evaluate(() => {
    window.__clickedAt = 0;
    document.getElementById('step-next').addEventListener('click', () => { window.__clickedAt = Date.now(); }, { once: true, capture: true });
  });
  await page.click('#step-next');
  const clickedAt = await page.evaluate(() => window.__clickedAt);
  await page.waitForFunction((n) => (document.getElementById('step-progress') || {}).textContent?.startsWith(`Vaihe ${n} `), expectedStep);
  return clickedAt;
}

function pct(values, p) {
  const s = Float64Array.from(values).sort();
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}

function load() {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

module.exports = { launch, startSession, next, pct, load, CHROMIUM };
