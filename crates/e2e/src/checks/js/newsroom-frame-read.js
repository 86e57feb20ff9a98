// Once the frame kw-nr shows the article's story and map: its headline and
// the frame's CSP violations; else null.
const w = document.getElementById('kw-nr').contentWindow;
const d = w && w.document;
const q = d && d.querySelector('[data-kw-live] .kw-sub q');
if (!q || !w.kuril || !q.textContent.includes('suspension') || !d.querySelector('.kw-map path')) return null;
return { headline: q.textContent, violations: w.kuril.cspViolations };
