// Arki's own browser script for the Vaadin pages (console, presenter), sent once per page by
// BrowserScripts (the one allowlisted place that uses executeJs). One job, so that the server does
// less, never more: an element with data-countdown-ms counts down every second here, so a running
// timer costs no push per second. Nothing here reads or writes the page's content beyond the
// countdown text. (The participants' drafts live in participant/p.js since the Vaadin participant
// views were removed.)
(function () {
  if (window.arkiBrowser) {
    return;
  }
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

  window.arkiBrowser = { countdown: true };
})();
