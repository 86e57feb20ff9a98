// The frame's CSP violations, its styling, theme and height, and its
// policy, once it shows the dark theme.
const w = document.getElementById('kw-test-frame').contentWindow;
const d = w.document;
const k = d.querySelector('.kw');
const fr = d.querySelector('.kw-frame');
if (!k || !fr || !w.kuril || fr.dataset.theme !== 'dark') return null;
return {
  violations: w.kuril.cspViolations,
  styled: w.getComputedStyle(k).borderTopStyle,
  frame: [fr.dataset.theme, Math.round(fr.getBoundingClientRect().height)],
  policy: d.querySelector('meta[http-equiv=Content-Security-Policy]').content
};
