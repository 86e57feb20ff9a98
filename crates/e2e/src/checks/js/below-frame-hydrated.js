// Once the element in the frame kw-below is hydrated in place: the files
// the frame asked for; else null.
const w = document.getElementById('kw-below').contentWindow;
const r = w.document.querySelector('kuril-widget').shadowRoot;
if (!r.querySelector('.kw-root[data-kw-ssr] > [data-kw-live]')) return null;
return w.performance.getEntriesByType('resource').map((e) => e.name.replace(location.origin, ''));
