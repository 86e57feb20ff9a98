// Where the parts arguments[1] (CSS selectors) are in the iframe
// arguments[0]'s widget, once ROOT (its document, or its element's shadow
// root, as d) holds a .kw-frame, READY is true and the layout is the same
// two polls in a row: { boxes, info: INFO }, else null. Boxes are
// relative to the frame and, for events, to the list's scrolled content.
// $ROOT, $READY and $INFO are code, spliced in by `steady_layout`.
const doc = document.getElementById(arguments[0])?.contentDocument;
const d = $ROOT;
if (!d || !d.querySelector('.kw-frame') || !($READY)) return null;
const o = d.querySelector('.kw-frame').getBoundingClientRect();
const list = d.querySelector('.kw-events');
const boxes = {};
for (const sel of arguments[1]) {
  const e = d.querySelector(sel);
  const r = e && e.getBoundingClientRect();
  const [sx, sy] = e && list && list.contains(e) ? [list.scrollLeft, list.scrollTop] : [0, 0];
  boxes[sel] = r ? [r.x - o.x + sx, r.y - o.y + sy, r.width, r.height].map(Math.round) : null;
}
const k = JSON.stringify(boxes);
window.kwSteady = window.kwSteady || {};
const same = window.kwSteady[arguments[0]] === k;
window.kwSteady[arguments[0]] = k;
return same ? { boxes, info: ($INFO) } : null;
