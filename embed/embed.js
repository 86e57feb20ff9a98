// The iframe embed (embed.html): options from the address, and the page's
// height posted to the host whenever it changes, in the formats news sites
// listen for.
//
//   embed.html?start-at=1900            where the widget opens
//   embed.html?childId=kuril-1          Pym.js child id (from pym.Parent)
//   embed.html?chartId=kuril-1          id in Datawrapper-style messages
//
// Messages: Datawrapper {"datawrapper-height": {id: px}}, AMP
// {sentinel: "amp", type: "embed-size", height: px}, Pym.js
// "pymxPYMx<id>xPYMxheightxPYMx<px>".
//
// Selections, both ways (README, "The iframe speaks"): each event the
// reader selects is posted to the parent as {type: "kuril-select", id,
// date, chartId} (embed-host.js makes it a kuril-select event on the
// <iframe>, as the element's), and the parent may post {type:
// "kuril-select", id: "joint-declaration-1956"} or {type: "kuril-select",
// date: "1956-10-19"} to this frame to select an event or show a date.
import init, { memory_bytes, select } from './kuril-widget-core.js';

// Anything the page's strict Content-Security-Policy blocks is counted here
// (the end-to-end test reads it; it should stay 0).
// memoryBytes: the wasm memory's size, which the benchmark reads.
window.kuril = { cspViolations: [], memoryBytes: () => memory_bytes() };
document.addEventListener('securitypolicyviolation', (e) => {
  window.kuril.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});

const params = new URLSearchParams(location.search);
const mount = document.querySelector('[data-kuril-widget]');
// The same options as the element's attributes, as URL parameters. A
// height in viewport units is refused here: the iframe's viewport is the
// frame itself, so "80vh" would shrink the frame at every resize round.
for (const name of ['lang', 'theme', 'start-at', 'article-src', 'story-src', 'height']) {
  const value = params.get(name);
  if (value === null || !mount) continue;
  if (name === 'height' && /v(h|w|min|max|b|i)\s*$/i.test(value)) {
    console.warn(`kuril-widget: height=${value} is refused in the iframe (viewport units measure the frame itself); size the iframe on the host page instead`);
    continue;
  }
  mount.setAttribute('data-' + name, value);
}
// The iframe's address is its own: it keeps the selected event there
// (`#start-at=…`), so a link to the embed reopens it.
if (mount) mount.setAttribute('data-sync-url', '');
const id = params.get('chartId') || params.get('childId') || 'kuril-widget';
const pymId = params.get('childId') || id;

let last = 0;
// Called by the ResizeObserver, when the layout is done: measuring there
// forces none. A page that is not in a frame measures nothing.
function postHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last) return;
  last = height;
  const parent = window.parent;
  parent.postMessage({ 'datawrapper-height': { [id]: height } }, '*');
  parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*');
}

new ResizeObserver(postHeight).observe(document.documentElement);
const ready = init({ module_or_path: new URL('./kuril-widget-core_bg.wasm', import.meta.url) });
// The observer reports every change of height, the first one included.
ready.catch((e) => {
  if (mount) mount.textContent = 'The map and timeline of the Kuril Islands dispute could not load: ' + e;
});

if (mount && window.parent !== window) {
  mount.addEventListener('kuril-select', (e) => {
    window.parent.postMessage({ type: 'kuril-select', id: e.detail.id, date: e.detail.date, chartId: id }, '*');
  });
  // Only the parent page may ask; it learns nothing it did not send.
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (e.source !== window.parent || !d || d.type !== 'kuril-select') return;
    const value = typeof d.id === 'string' ? d.id : typeof d.date === 'string' ? d.date : null;
    if (value) ready.then(() => select(value)).catch(() => {});
  });
}
