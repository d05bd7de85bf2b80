// A protocol-level Arki participant: joins a session as a guest the way the browser does (page,
// ?v-r=init, push WebSocket, ui-navigate, a click on "join"), then reports when each pushed step
// change arrives. Speaks Vaadin 25.2's UIDL/push protocol: pinned to that version; the real-
// Chromium benchmark beside it keeps it honest.
const WebSocket = require('ws');
const http = require('http');

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(base, method, path, { cookie, body } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(base + path);
    const headers = {};
    if (cookie) headers.Cookie = cookie;
    if (body) { headers['Content-Type'] = 'application/json; charset=UTF-8'; headers['Content-Length'] = Buffer.byteLength(body); }
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

const STEP = /Vaihe (\d+) \\?\/ /;

class Participant {
  constructor(base, code, onStep) {
    this.base = base; this.code = code; this.onStep = onStep;
    this.cookies = new Map(); this.syncId = 0; this.clientId = 0; this.step = 0;
  }

  cookie() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }

  remember(headers) {
    for (const c of headers['set-cookie'] || []) { const [kv] = c.split(';'); const i = kv.indexOf('='); this.cookies.set(kv.slice(0, i), kv.slice(i + 1)); }
  }

  seen(text) {
    const sync = text.match(/"syncId":(\d+)/);
    if (sync) this.syncId = Math.max(this.syncId, Number(sync[1]));
    const step = text.match(STEP);
    if (step && Number(step[1]) !== this.step) { this.step = Number(step[1]); this.onStep(this, this.step, Date.now(), Buffer.byteLength(text)); }
  }

  async rpc(rpc) {
    const body = JSON.stringify({ csrfToken: this.csrf, rpc, syncId: this.syncId, clientId: this.clientId++ });
    const r = await request(this.base, 'POST', `/?v-r=uidl&v-uiId=${this.uiId}`, { cookie: this.cookie(), body });
    this.remember(r.headers);
    if (r.status !== 200) throw new Error(`UIDL ${r.status}: ${r.body.slice(0, 200)}`);
    this.seen(r.body);
    return r.body;
  }

  async join() {
    const route = `join/${this.code}`;
    const page = await request(this.base, 'GET', `/${route}`);
    this.remember(page.headers);
    const cookieLang = this.cookies.set('arki-lang', 'fi');
    void cookieLang;
    const init = await request(this.base, 'GET', `/?v-r=init&location=${encodeURIComponent(route)}&query=`, { cookie: this.cookie() });
    this.remember(init.headers);
    const config = JSON.parse(init.body).appConfig;
    this.uiId = config['v-uiId'];
    this.csrf = config.uidl['Vaadin-Security-Key'];
    const pushId = config.uidl['Vaadin-Push-ID'];
    const ws = new WebSocket(this.base.replace('http', 'ws') + `/VAADIN/push?v-r=push&v-uiId=${this.uiId}&v-pushId=${pushId}`
      + '&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true'
      + '&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=0',
    { headers: { Cookie: this.cookie() }, perMessageDeflate: false });
    await new Promise((res, rej) => { ws.once('open', res); ws.once('error', rej); });
    ws.on('message', (data) => this.seen(data.toString()));
    this.ws = ws;
    const view = await this.rpc([{ type: 'event', node: 1, event: 'ui-navigate',
      data: { route: `/${route}`, query: '', appShellTitle: 'Arki', historyState: { idx: 0 }, trigger: '' } }]);
    const button = nodeWithId(view, 'join-submit');
    if (button == null) throw new Error('no join button: ' + view.slice(0, 300));
    const joined = await this.rpc([{ type: 'event', node: button, event: 'click', data: { 'event.shiftKey': false, 'event.metaKey': false,
      'event.detail': 1, 'event.ctrlKey': false, 'event.clientX': 40, 'event.clientY': 160, 'event.altKey': false,
      'event.button': 0, 'event.screenY': 250, 'event.screenX': 50 } }]);
    // joined only if the session's step is on screen; else the page said "busy, try again" (a failed join, counted as one)
    if (nodeWithId(joined, 'step-question') == null && nodeWithId(joined, 'session-title') == null) {
      this.close();
      throw new Error('join not completed: ' + (joined.includes('join-busy') ? 'busy message shown' : joined.slice(0, 200)));
    }
    return this;
  }

  close() { if (this.ws) this.ws.terminate(); }
}

/** The node whose "id" attribute is set to the given value in a UIDL changes list. */
function nodeWithId(uidl, id) {
  const json = JSON.parse(uidl.replace(/^for\(;;\);/, '').replace(/^\d+\|/, ''));
  const changes = (Array.isArray(json) ? json[0] : json).changes || [];
  const hit = changes.find((c) => c.key === 'id' && c.value === id);
  return hit ? hit.node : null;
}

module.exports = { Participant, request };
