// Arki's own browser script, sent once per page by BrowserScripts (the one allowlisted place that
// uses executeJs). Two jobs, both so that the server does less, never more:
//  1. Drafts: what a participant types is kept in this browser (localStorage, one key per session,
//     participant and step) on every keystroke, so an app crash, a reload or a step change loses
//     nothing. The server gives each step's text an answer id before it is ever sent; the id is kept
//     with the text, so saving a restored draft stores it exactly once. The server clears a draft
//     once its save has committed.
//  2. Countdowns: an element with data-countdown-ms counts down every second here, so a running
//     timer costs no push per second.
// Nothing here reads or writes the page's content beyond the draft field and the countdown text.
(function () {
  if (window.arkiBrowser) {
    return;
  }
  const PREFIX = 'arki.draft.';
  const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

  function read(key) {
    try {
      const value = JSON.parse(window.localStorage.getItem(key));
      return value && typeof value === 'object' ? value : null;
    } catch (e) {
      return null;
    }
  }

  function write(key, value) {
    try {
      if (value && ((value.typed && value.typed.text) || (value.pending && value.pending.length))) {
        value.at = Date.now();
        window.localStorage.setItem(key, JSON.stringify(value));
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (e) {
      // storage full or switched off: the text still lives on the page and on the server
    }
  }

  function keyOf(scope, step) {
    return PREFIX + scope + '.' + step;
  }

  function keysOf(scope) {
    const keys = [];
    try {
      for (let i = 0; i < window.localStorage.length; i++) {
        const key = window.localStorage.key(i);
        if (key && key.startsWith(PREFIX + scope + '.')) {
          keys.push(key);
        }
      }
    } catch (e) {
      // no storage: nothing to restore
    }
    return keys;
  }

  function fieldOf(event) {
    const path = event.composedPath ? event.composedPath() : [event.target];
    return path.find((n) => n && n.dataset && n.dataset.draftScope) || null;
  }

  /** Keeps what the field holds now (or the native input inside it says) as its step's typed draft. */
  function keep(field, typedValue) {
    const scope = field.dataset.draftScope;
    const step = field.dataset.draftStep;
    const id = field.dataset.draftId;
    if (!scope || step === undefined || !id) {
      return;
    }
    const key = keyOf(scope, step);
    const draft = read(key) || {};
    const text = (typeof typedValue === 'string' ? typedValue : field.value) || '';
    draft.typed = text.trim() ? { id: id, text: text, lane: field.dataset.draftLane || '' } : null;
    write(key, draft);
  }

  /** A step's form shows again: its typed text comes back if the server's copy is older. */
  function restore(field) {
    const stored = read(keyOf(field.dataset.draftScope, field.dataset.draftStep));
    const typed = stored && stored.typed;
    if (typed && typed.id === field.dataset.draftId && typed.text && field.value !== typed.text) {
      field.value = typed.text;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  document.addEventListener('input', (event) => {
    const field = fieldOf(event);
    if (field) {
      // the native textarea inside the field has the new text even before the field itself does
      const source = event.composedPath ? event.composedPath()[0] : event.target;
      keep(field, source && typeof source.value === 'string' ? source.value : undefined);
    }
  });

  new MutationObserver((changes) => {
    for (const change of changes) {
      const field = change.target;
      if (!field.dataset || !field.dataset.draftScope) {
        continue;
      }
      if (change.attributeName === 'data-draft-step') {
        restore(field);
      } else if (change.attributeName === 'data-draft-lane') {
        const key = keyOf(field.dataset.draftScope, field.dataset.draftStep);
        const draft = read(key);
        if (draft && draft.typed && draft.typed.id === field.dataset.draftId) {
          draft.typed.lane = field.dataset.draftLane || '';
          write(key, draft);
        }
      }
    }
  }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-draft-step', 'data-draft-lane'] });

  const drafts = {
    /** Tells the server (an arki-drafts event on the screen) what this browser still holds for the scope. */
    report(screen, scope) {
      const found = [];
      for (const key of keysOf(scope)) {
        const draft = read(key);
        const step = Number(key.substring(key.lastIndexOf('.') + 1));
        if (!draft || !Number.isInteger(step) || (draft.at && Date.now() - draft.at > MAX_AGE_MS)) {
          write(key, null);
          continue;
        }
        found.push({ step: step, typed: draft.typed || null, pending: Array.isArray(draft.pending) ? draft.pending : [] });
      }
      if (found.length) {
        screen.dispatchEvent(new CustomEvent('arki-drafts', { detail: { drafts: found } }));
      }
    },
    /** An answer was sent and could not be saved yet: kept as pending (and no longer as typed text). */
    pending(scope, step, id, lane, text) {
      const key = keyOf(scope, step);
      const draft = read(key) || {};
      draft.pending = (draft.pending || []).filter((p) => p.id !== id);
      draft.pending.push({ id: id, lane: lane || '', text: text });
      if (draft.typed && draft.typed.id === id) {
        draft.typed = null;
      }
      write(key, draft);
    },
    /** The answer with this id has committed: this browser need not keep it any more. */
    saved(scope, step, id) {
      const key = keyOf(scope, step);
      const draft = read(key);
      if (!draft) {
        return;
      }
      draft.pending = (draft.pending || []).filter((p) => p.id !== id);
      if (draft.typed && draft.typed.id === id) {
        draft.typed = null;
      }
      write(key, draft);
    },
    /** The session has closed: nothing of it stays in this browser. */
    forget(scope) {
      keysOf(scope).forEach((key) => write(key, null));
    },
  };

  const counting = new Set();

  function tick() {
    counting.forEach((el) => {
      if (!el.hasAttribute('data-countdown-ms')) {
        counting.delete(el);
        el.arkiGiven = undefined;
        el.textContent = '';
      }
    });
    document.querySelectorAll('[data-countdown-ms]').forEach((el) => {
      counting.add(el);
      const given = el.getAttribute('data-countdown-ms');
      if (el.arkiGiven !== given) {
        el.arkiGiven = given;
        el.arkiEnd = Date.now() + Number(given.split(':')[0]);
      }
      const left = Math.max(0, Math.round((el.arkiEnd - Date.now()) / 1000));
      const text = left === 0 ? el.getAttribute('data-countdown-up')
        : el.getAttribute('data-countdown-left').replace('{0}', String(Math.floor(left / 60)))
          .replace('{1}', String(left % 60).padStart(2, '0'));
      if (text !== null && el.textContent !== text) {
        el.textContent = text;
      }
    });
  }
  window.setInterval(tick, 1000);
  new MutationObserver(tick).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-countdown-ms'] });

  window.arkiBrowser = { drafts: drafts };
})();
