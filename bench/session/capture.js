// Development aid: logs the UIDL requests a real browser sends while a guest joins (to keep the emulator honest).
const { chromium } = require('playwright-core');
(async () => {
  const [base, code] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  page.on('request', (r) => { if (r.method() === 'POST') console.log('POST', r.url(), r.postData()); });
  page.on('websocket', (ws) => console.log('WS', ws.url()));
  await page.goto(`${base}/join/${code}`);
  await page.click('#join-submit');
  await page.waitForSelector('#step-question');
  await browser.close();
})();
