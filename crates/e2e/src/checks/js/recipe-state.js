// On the recipes' host page: whether kw-t1 is live and kw-t2 shows the
// story file, the CSP violations csp-watch.js recorded, whether Trusted
// Types exist, and the start of each widget's text. With arguments[0]
// (waiting), null until both widgets are there.
const q = (id, css) => document.getElementById(id)?.shadowRoot?.querySelector(css);
const sub = q('kw-t2', '[data-kw-live] .kw-sub q');
const seen = {
  live: !!q('kw-t1', '[data-kw-live] .kw-map path'),
  story: !!sub && sub.textContent.includes('suspension'),
  violations: JSON.parse(document.documentElement.dataset.kwViolations || 'null'),
  tt: !!window.trustedTypes,
  texts: ['kw-t1', 'kw-t2'].map((id) => (document.getElementById(id)?.shadowRoot?.textContent || '').slice(0, 120)),
};
if (!arguments[0]) return seen;
return seen.live && sub ? seen : null;
