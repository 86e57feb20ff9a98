// Before the reader scrolls, in the frame kw-below: the files asked for,
// whether the element shows its first paint, whether it is live, and
// whether it is two screens down.
const w = document.getElementById('kw-below').contentWindow;
const r = w.document.querySelector('kuril-widget').shadowRoot;
return {
  asked: w.performance.getEntriesByType('resource').map((e) => e.name.replace(location.origin, '')),
  painted: !!(r && r.querySelector('.kw-root[data-kw-ssr] .kw-map path')),
  live: !!(r && r.querySelector('[data-kw-live]')),
  below: r && r.host.getBoundingClientRect().top > 2 * w.innerHeight,
};
