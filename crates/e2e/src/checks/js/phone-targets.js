// In the phone frame kw-vp, once its widget is live, for each place id of
// arguments[0]: a viewport point where its label is on top, one where its
// land is (or, for a group, its target), one where its invisible target
// under the land is and nothing else of the place is, and the smallest
// side of each of its targets (the land's box, the targets' boxes); else
// null while the widget is not live.
const f = document.getElementById('kw-vp');
const d = f.contentDocument;
if (!d || !d.querySelector('[data-kw-live] .kw-map path')) return null;
// A card opened before may have scrolled the frame's page.
d.scrollingElement.scrollTo(0, 0);
const at = f.getBoundingClientRect();
const place = (e) => e && e.closest('[data-place]')?.dataset.place;
// A point of e's box where the topmost element is `want(top)`.
const point = (e, want) => {
  if (!e) return null;
  const r = e.getBoundingClientRect();
  const pts = [];
  for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) pts.push([r.x + r.width * i / 12, r.y + r.height * j / 12]);
  const c = [r.x + r.width / 2, r.y + r.height / 2];
  pts.sort((a, b) => Math.hypot(a[0] - c[0], a[1] - c[1]) - Math.hypot(b[0] - c[0], b[1] - c[1]));
  const hit = pts.find(([x, y]) => want(d.elementFromPoint(x, y)));
  return hit ? [Math.round(at.x + hit[0]), Math.round(at.y + hit[1])] : null;
};
const side = (e) => { const r = e.getBoundingClientRect(); return Math.min(r.width, r.height); };
const out = {};
for (const id of arguments[0]) {
  const q = (css) => d.querySelector(css.replace('ID', id));
  const label = q('.kw-labels text[data-place="ID"]');
  const land = q('path.kw-land[data-place="ID"]');
  const targets = [...d.querySelectorAll(`.kw-target[data-place="${id}"]`)];
  const hit = targets.find((t) => !label || !t.getBoundingClientRect().width ||
    !(t.getBoundingClientRect().x <= label.getBoundingClientRect().x + 1 && label.getBoundingClientRect().right <= t.getBoundingClientRect().right + 1));
  out[id] = {
    label: point(label, (t) => place(t) === id && t.closest('text')),
    land: land ? point(land, (t) => t === land) : point(hit, (t) => place(t) === id),
    target: point(hit, (t) => t === hit),
    sides: { land: land ? side(land) : 0, targets: targets.map(side) },
  };
}
return out;
