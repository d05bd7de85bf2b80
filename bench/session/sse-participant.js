// A protocol-level Arki participant on the light participant page: joins as a guest the way a
// browser without script does (GET the join page for its CSRF token, POST the join form, follow
// to /p/{session}), then opens the page's Server-Sent Events stream and reports when each step
// change arrives ("Vaihe N" in the step fragment). Same interface as participant.js (Vaadin).
const http = require('http');

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(base, method, path, { cookie, form } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(base + path);
    const headers = {};
    if (cookie) headers.Cookie = cookie;
    const body = form ? new URLSearchParams(form).toString() : null;
    if (body) { headers['Content-Type'] = 'application/x-www-form-urlencoded'; headers['Content-Length'] = Buffer.byteLength(body); }
    const r = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, agent, headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: data }));
    });
    r.on('error', reject);
    if (body) r.write(body);
    r.end();
  });
}

const STEP = /Vaihe (\d+)/;

class Participant {
  constructor(base, code, onStep) {
    this.base = base; this.code = code; this.onStep = onStep;
    this.cookies = new Map([['arki-lang', 'fi']]); this.step = 0; this.version = -1;
  }

  cookie() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }

  remember(headers) {
    for (const c of headers['set-cookie'] || []) { const [kv] = c.split(';'); const i = kv.indexOf('='); this.cookies.set(kv.slice(0, i), kv.slice(i + 1)); }
  }

  async join() {
    const page = await request(this.base, 'GET', `/join/${this.code}`, { cookie: this.cookie() });
    this.remember(page.headers);
    const csrf = (page.body.match(/name="_csrf" value="([^"]+)"/) || [])[1];
    if (!csrf) throw new Error(`join page ${page.status} without a CSRF token: ${page.body.slice(0, 200)}`);
    const joined = await request(this.base, 'POST', `/join/${this.code}`, { cookie: this.cookie(), form: { _csrf: csrf, name: 'Vieras' } }); // the name only counts in a named session
    this.remember(joined.headers);
    const to = joined.headers.location || '';
    const m = to.match(/\/p\/([0-9a-f-]{36})/);
    if (joined.status !== 303 || !m) throw new Error(`join not completed: ${joined.status} ${to} ${joined.body.slice(0, 200)}`);
    this.session = m[1];
    await this.listen();
    return this;
  }

  listen() {
    return new Promise((resolve, reject) => {
      const u = new URL(`${this.base}/p/${this.session}/events?lang=fi`);
      const r = http.get({ host: u.hostname, port: u.port, path: u.pathname + u.search,
        headers: { Cookie: this.cookie(), Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) { reject(new Error(`events ${res.statusCode}`)); res.resume(); return; }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk) => {
          const at = Date.now();
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end); buffer = buffer.slice(end + 2);
            if (!frame.includes('\nevent: step') && !frame.startsWith('event: step')) continue;
            const step = frame.match(STEP);
            if (step && Number(step[1]) !== this.step) { this.step = Number(step[1]); this.onStep(this, this.step, at, Buffer.byteLength(frame)); }
          }
        });
        resolve();
      });
      r.on('error', reject);
      this.req = r;
    });
  }

  close() { if (this.req) this.req.destroy(); }
}

module.exports = { Participant, request };
