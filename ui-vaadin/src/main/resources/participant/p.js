// Arki participant page: upgrades the page's plain forms to fetch, follows the session's steps
// over Server-Sent Events, keeps typed text in localStorage until the server has committed it,
// and says in words when the page is offline. The page works without this script; nothing
// here is needed to join, write, vote or rate. ES2020, no framework, no inline code (strict CSP).
(() => {
  'use strict';
  const root = document.querySelector('[data-events]');
  if (!root) return;
  const session = root.dataset.session || root.dataset.events;
  const lang = (document.documentElement.lang || 'fi').slice(0, 2);
  const TEXTS = {
    fi: { offline: 'Ei yhteyttä. Kirjoittamasi teksti on tallessa tällä laitteella ja lähetetään, kun yhteys palaa.',
          sending: 'Lähetetään…', refused: 'Tekstiä ei hyväksytty', unsaved: 'Ei vielä tallennettu', chars: 'merkkiä' },
    sv: { offline: 'Ingen anslutning. Din text finns kvar på den här enheten och skickas när anslutningen är tillbaka.',
          sending: 'Skickar…', refused: 'Texten godtogs inte', unsaved: 'Inte sparad ännu', chars: 'tecken' },
    en: { offline: 'Offline. What you typed is kept on this device and sent when the connection is back.',
          sending: 'Sending…', refused: 'The text was refused', unsaved: 'Not saved yet', chars: 'characters' },
  };
  const t = (key) => (root.dataset[key + 'Text']) || (TEXTS[lang] || TEXTS.fi)[key];
  const MAX = 2000;
  const DRAFTS = 'arki-drafts:' + session;
  let version = Number(root.dataset.version || -1);
  let online = navigator.onLine;

  // ---- status line: offline is said in words, not only by colour ---------------------------
  // the page's own status element (#connection, with its text in the page's language) or one of ours
  const statusLine = () => {
    let el = document.getElementById('connection') || document.getElementById('live-status');
    if (!el) {
      el = document.createElement('p');
      el.id = 'live-status';
      el.setAttribute('role', 'status');
      root.prepend(el);
    }
    return el;
  };
  const showStatus = () => {
    const el = statusLine();
    const offline = !online;
    el.textContent = offline ? (el.dataset.lost ? el.dataset.lost + ' ' + t('offline') : t('offline')) : '';
    el.hidden = !offline;
    root.classList.toggle('offline', offline);
  };

  // ---- drafts: typed text survives a reload, a crash or kill -9 ------------------------------
  const loadDrafts = () => { try { return JSON.parse(localStorage.getItem(DRAFTS)) || {}; } catch (e) { return {}; } };
  const saveDrafts = (d) => { try { localStorage.setItem(DRAFTS, JSON.stringify(d)); } catch (e) { /* private mode: drafts stay in memory only */ } };
  const fields = (form, submitter) => {
    let data;
    try { data = new FormData(form, submitter || undefined); } catch (e) { data = new FormData(form); }
    if (submitter && submitter.name && !data.has(submitter.name)) data.append(submitter.name, submitter.value);
    return data;
  };
  // a form is known by its action and its step: the same form on a later step is a new draft
  const draftKey = (form) => (form.getAttribute('action') || '') + '#' + ((document.getElementById('step') || root).dataset.step || '');
  const textOf = (form) => form.querySelector('textarea');

  function remember(form) {
    const area = textOf(form);
    if (!area) return;
    const drafts = loadDrafts();
    const key = draftKey(form);
    if (!area.value.trim()) { delete drafts[key]; saveDrafts(drafts); return; }
    const entries = [];
    fields(form).forEach((v, k) => { if (k !== '_csrf' && typeof v === 'string') entries.push([k, v]); });
    drafts[key] = { action: form.getAttribute('action'), entries, pending: (drafts[key] || {}).pending || false };
    saveDrafts(drafts);
    mark(form, drafts[key].refused ? 'refused' : 'unsaved');
  }

  function forget(key) {
    const drafts = loadDrafts();
    delete drafts[key];
    saveDrafts(drafts);
  }

  function mark(form, state) {
    let note = form.querySelector('.draft-state');
    if (!state) { if (note) note.remove(); return; }
    if (!note) {
      note = document.createElement('span');
      note.className = 'draft-state';
      note.setAttribute('aria-live', 'polite');
      const area = textOf(form);
      (area && area.parentNode === form ? area : form.lastElementChild || form).after(note);
    }
    note.dataset.state = state;
    note.textContent = t(state);
  }

  /** Puts kept text (and its client id, so a resend is the same answer) back into the page's forms. */
  function restoreDrafts() {
    const drafts = loadDrafts();
    for (const form of root.querySelectorAll('form')) {
      const d = drafts[draftKey(form)];
      const area = textOf(form);
      if (!d || !area || area.value) continue;
      for (const [k, v] of d.entries) {
        const input = form.elements.namedItem(k);
        if (input && input.type !== 'submit' && input.type !== 'button' && !(input instanceof RadioNodeList)) input.value = v;
      }
      mark(form, d.refused ? 'refused' : 'unsaved');
      count(area);
    }
  }

  function csrf() {
    const input = document.querySelector('input[name="_csrf"]');
    const meta = document.querySelector('meta[name="_csrf"]');
    return input ? input.value : (meta ? meta.content : null);
  }

  /** Sends again what was submitted but never confirmed (the server write is idempotent by the client id). */
  async function resendPending() {
    if (!online) return;
    const drafts = loadDrafts();
    for (const [key, d] of Object.entries(drafts)) {
      if (!d.pending || d.refused) continue;
      const body = new URLSearchParams(d.entries);
      const token = csrf();
      if (token) body.set('_csrf', token);
      try {
        const r = await fetch(d.action, { method: 'POST', body, credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
        if (r.ok) { forget(key); await swapFrom(r); } else if (r.status === 403) {
          // a server restart ends the web session and its CSRF token: take a fresh page (and token) and try again later
          await refreshPage();
          return;
        } else if (refusal(r.status)) {
          // refused for good (too long, step closed): say so instead of retrying for ever
          d.refused = true; drafts[key] = d; saveDrafts(drafts);
        }
      } catch (e) { setOnline(false); return; }
    }
    restoreDrafts();
  }

  /** Client errors that sending again cannot fix (too long, step closed); 403 (expired token), 408 and 429 can be. */
  const refusal = (code) => code >= 400 && code < 500 && code !== 403 && code !== 408 && code !== 429;

  async function refreshPage() {
    try {
      const r = await fetch(location.href, { credentials: 'same-origin' });
      if (r.ok) await swapFrom(r);
    } catch (e) { setOnline(false); }
  }

  const anyPending = () => Object.values(loadDrafts()).some((d) => d.pending && !d.refused);

  // ---- swapping in what the server rendered -------------------------------------------------
  /** A key that finds "the same control" again in freshly rendered HTML. */
  function focusKey(el) {
    if (!el || el === document.body || !root.contains(el)) return null;
    if (el.id) return '#' + CSS.escape(el.id);
    const form = el.form;
    const scope = form && form.getAttribute('action') ? 'form[action="' + CSS.escape(form.getAttribute('action')) + '"] ' : '';
    if (el.name) return scope + '[name="' + CSS.escape(el.name) + '"]' + (el.value ? '[value="' + CSS.escape(el.value) + '"]' : '');
    return null;
  }
  function refocus(key) {
    if (!key) return;
    const el = root.querySelector(key);
    if (el && document.activeElement !== el) el.focus({ preventScroll: true });
  }

  function replaceParts(doc) {
    const fresh = doc.querySelector('[data-events]');
    if (!fresh) return false;
    const key = focusKey(document.activeElement);
    root.replaceChildren(...Array.from(fresh.childNodes).map((n) => document.importNode(n, true)));
    showStatus();
    for (const a of ['version', 'step']) if (fresh.dataset[a] !== undefined) root.dataset[a] = fresh.dataset[a];
    version = Math.max(version, Number(fresh.dataset.version || -1));
    enhance();
    // the page names the control to focus after a post (the button pressed, or its pair when that one is now disabled)
    const named = root.querySelector('[autofocus]');
    if (named && !named.disabled) named.focus({ preventScroll: true }); else refocus(key);
    return true;
  }

  /** Swaps in a participant page the server sent with an error status; false (nothing changed) for anything else. */
  async function swapIfPage(response) {
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    return replaceParts(doc);
  }

  async function swapFrom(response) {
    const html = await response.text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    if (!replaceParts(doc)) location.reload();
  }

  function swapStep(html, id) {
    if (id <= version) return; // a catch-up and a broadcast may both carry the same version
    const current = document.getElementById('step');
    if (!current) return;
    const tpl = document.createElement('template');
    tpl.innerHTML = html;
    const next = tpl.content.firstElementChild;
    if (!next) return;
    const key = focusKey(document.activeElement);
    // the shared step has an empty slot for the participant's own part: on the same step the
    // part on screen stays (with whatever is being typed); a new step fetches its own
    const sameStep = next.dataset.step === current.dataset.step;
    const mine = current.querySelector('#personal');
    const slot = next.querySelector('#personal');
    if (sameStep && mine && slot) slot.replaceWith(mine);
    current.replaceWith(next);
    version = id;
    root.dataset.version = String(id);
    enhance();
    refocus(key);
    if (!sameStep) personal();
  }

  /** Presence and the timer live outside the step; the stream sends them beside it. */
  function swapBar(html) {
    const tpl = document.createElement('template');
    tpl.innerHTML = html;
    const presence = tpl.content.getElementById('presence');
    const here = document.getElementById('presence');
    if (presence && here) here.textContent = presence.textContent;
    const timer = tpl.content.getElementById('timer');
    const clock = document.getElementById('timer');
    if (timer && clock) { clock.dataset.ends = timer.dataset.ends || ''; tick(); }
  }

  /** Counts the timer down from its end time (set by the facilitator), every second. */
  function tick() {
    const clock = document.getElementById('timer');
    if (!clock) return;
    const ends = clock.dataset.ends ? Date.parse(clock.dataset.ends) : NaN;
    if (Number.isNaN(ends)) { clock.hidden = true; return; }
    clock.hidden = false;
    const left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    const template = clock.dataset.left || '{0}:{1}';
    clock.textContent = left === 0 ? (clock.dataset.up || '0:00')
      : template.replace('{0}', String(Math.floor(left / 60))).replace('{1}', String(left % 60).padStart(2, '0'));
  }

  /** Own answers and own budget are not in the shared step: fetched separately, if the page offers them. */
  async function personal() {
    const url = root.dataset.personal;
    if (!url) return;
    try {
      const r = await fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } });
      if (!r.ok) return;
      const doc = new DOMParser().parseFromString(await r.text(), 'text/html');
      const key = focusKey(document.activeElement);
      for (const part of Array.from(doc.body.children)) {
        const here = part.id && document.getElementById(part.id);
        if (here) here.replaceWith(document.importNode(part, true));
      }
      enhance();
      refocus(key);
    } catch (e) { /* the next step or reload brings them */ }
  }

  // ---- forms ---------------------------------------------------------------------------------
  document.addEventListener('submit', async (e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !root.contains(form) || (form.method || '').toLowerCase() !== 'post') return;
    e.preventDefault();
    const submitter = e.submitter;
    const key = draftKey(form);
    const area = textOf(form);
    if (area && area.value.trim()) {
      remember(form);
      const drafts = loadDrafts();
      if (drafts[key]) { drafts[key].pending = true; delete drafts[key].refused; saveDrafts(drafts); }
      mark(form, 'sending');
    }
    const body = new URLSearchParams(fields(form, submitter));
    if (submitter) submitter.disabled = true;
    try {
      const r = await fetch(form.getAttribute('action') || location.href, {
        method: 'POST', body, credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' },
      });
      setOnline(true);
      if (r.ok) {
        forget(key);
        await swapFrom(r);
      } else if (r.status === 403) {
        // expired token (e.g. after a server restart): fresh page and token; the draft stays pending and is sent again
        await refreshPage();
        mark(form, 'unsaved');
      } else if (refusal(r.status)) {
        const drafts = loadDrafts();
        if (drafts[key]) { drafts[key].pending = false; drafts[key].refused = true; saveDrafts(drafts); }
        await swapFrom(r);
        restoreDrafts();
      } else {
        // the server could not take it (5xx, e.g. the database is away): its page says so, with the
        // text kept and "try now"; the draft stays pending here and is sent again shortly
        const swapped = await swapIfPage(r).catch(() => false);
        mark(swapped ? (root.querySelector('form[action="' + CSS.escape(form.getAttribute('action') || '') + '"]') || form) : form, 'unsaved');
      }
    } catch (err) {
      // not sent (offline, server away): the text stays here and goes when the connection is back
      setOnline(false);
      mark(form, 'unsaved');
    } finally {
      if (submitter && submitter.isConnected) submitter.disabled = false;
    }
  });

  document.addEventListener('input', (e) => {
    const el = e.target;
    if (!(el instanceof HTMLTextAreaElement) || !root.contains(el) || !el.form) return;
    count(el);
    remember(el.form);
  });

  // ---- character counter ---------------------------------------------------------------------
  function count(area) {
    const max = Number(area.getAttribute('maxlength')) || MAX;
    // the page's own counter (its text in the page's language) or one of ours
    const own = area.form && area.form.querySelector('.arki-counter[data-template]');
    if (own) {
      own.textContent = own.dataset.template.replace('{0}', String(area.value.length));
      own.classList.toggle('over', area.value.length > max);
      return;
    }
    let counter = area.form && area.form.querySelector('.char-count');
    if (!counter) {
      counter = document.createElement('span');
      counter.className = 'char-count';
      counter.setAttribute('aria-live', 'polite');
      area.after(counter);
    }
    counter.textContent = area.value.length + ' / ' + max + ' ' + t('chars');
    counter.classList.toggle('over', area.value.length > max);
  }

  function enhance() {
    root.querySelectorAll('textarea').forEach(count);
    restoreDrafts();
  }

  // ---- connection ----------------------------------------------------------------------------
  function setOnline(value) {
    if (online === value) return;
    online = value;
    showStatus();
    if (online) resendPending();
  }
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));

  function listen() {
    const url = new URL(root.dataset.events, location.href);
    url.searchParams.set('since', String(version));
    url.searchParams.set('lang', lang);
    const es = new EventSource(url);
    es.addEventListener('step', (e) => swapStep(e.data, Number(e.lastEventId)));
    es.addEventListener('bar', (e) => swapBar(e.data));
    es.onopen = () => { setOnline(true); };
    es.onerror = () => {
      // EventSource reconnects by itself (with Last-Event-ID); a closed stream (refused, session gone) does not
      if (es.readyState === EventSource.CLOSED) { setTimeout(listen, 5000); }
      setOnline(false);
    };
  }

  showStatus();
  enhance();
  tick();
  setInterval(tick, 1000);
  listen();
  resendPending();
  setInterval(() => { if (anyPending()) resendPending(); }, 5000);
})();
