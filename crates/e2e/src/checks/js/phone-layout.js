// In the frame f's document d (see `in_frame`): the map's labels whose
// boxes meet (pairs of ids), the land of the story under the locator
// inset (ids whose box, where the map shows it, meets the inset's), and
// the timeline's controls and the map's tap targets smaller than 24 × 24
// px, and the map over the header.
// The page from its top, for the measures and the screenshot (the list's
// scrolling to the selected event may have moved it).
d.scrollingElement.scrollTo(0, 0);
const box = (e) => e.getBoundingClientRect();
const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const name = (e) => e.dataset.place || e.closest('[data-place]')?.dataset.place || e.textContent;
const labels = [...d.querySelectorAll('.kw-map svg text')].filter((t) => box(t).width > 0);
const overlaps = [];
labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
  if (meet(box(a), box(b))) {
    const r = (e) => [box(e).left, box(e).top, box(e).width, box(e).height].map(Math.round).join(',');
    overlaps.push(name(a) + ' ' + r(a) + ' / ' + name(b) + ' ' + r(b));
  }
}));
const sv = box(d.querySelector('.kw-map svg')), fr = box(d.querySelector('.kw-map-frame'));
// What the map shows: its <svg> where its frame does not crop it.
const shown = new DOMRect(Math.max(sv.left, fr.left), Math.max(sv.top, fr.top),
  Math.min(sv.right, fr.right) - Math.max(sv.left, fr.left), Math.min(sv.bottom, fr.bottom) - Math.max(sv.top, fr.top));
const clip = (r) => new DOMRect(Math.max(r.left, shown.left), Math.max(r.top, shown.top),
  Math.min(r.right, shown.right) - Math.max(r.left, shown.left), Math.min(r.bottom, shown.bottom) - Math.max(r.top, shown.top));
const inset = box(d.querySelector('.kw-locator'));
const covered = [...d.querySelectorAll('.kw-map path.kw-land[data-place]')]
  .filter((p) => p.dataset.place !== 'land')
  .filter((p) => { const c = clip(box(p)); return c.width > 0 && c.height > 0 && meet(c, inset); })
  .map((p) => p.dataset.place);
const small = [...d.querySelectorAll('.kw-timeline button, .kw-events button, .kw-map-tools button, .kw-target')]
  .filter((b) => box(b).width > 0 && (box(b).width < 24 || box(b).height < 24))
  .map((b) => (b.getAttribute('aria-label') || b.dataset.place || b.textContent.trim()).slice(0, 30) + ' ' +
    Math.round(box(b).width) + '×' + Math.round(box(b).height));
// The widget's parts in their order: the map below the header, not over it.
const head = d.querySelector('.kw-head');
const over = head && box(head).bottom > box(d.querySelector('.kw-map-frame')).top + 0.5
  ? ['the map over the header'] : [];
return { overlaps, covered, small, over, labels: labels.length };
