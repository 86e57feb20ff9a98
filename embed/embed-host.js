// For host pages that embed embed.html (or a publish kit's index.html) in
// an iframe without a news system's own resizer: gives each iframe marked
// data-kuril-embed the height its content reports (the Datawrapper-style
// message), so it never shows a scroll bar, and turns the frame's
// selections into a kuril-select event on the <iframe> element
// (detail: {id, date}, as the <kuril-widget> element's). A message counts
// only from that frame's window and from the origin of its src; the height
// is kept between 150 and 6000 px, so a frame cannot shrink to nothing or
// push the page away.
//
// To select an event (or show a date) in a frame, post it the same name:
//   frame.contentWindow.postMessage({ type: 'kuril-select', id: 'joint-declaration-1956' },
//                                   new URL(frame.src, location.href).origin);
(() => {
  const MIN = 150;
  const MAX = 6000;
  // The kuril iframe a message comes from, if it is one and the message
  // is from the origin of its src.
  function frameOf(e) {
    for (const frame of document.querySelectorAll('iframe[data-kuril-embed]')) {
      if (frame.contentWindow !== e.source) continue;
      let origin;
      try { origin = new URL(frame.src, document.baseURI).origin; } catch (err) { return null; }
      return e.origin === origin ? frame : null;
    }
    return null;
  }
  window.addEventListener('message', (e) => {
    const d = e.data;
    if (!d || typeof d !== 'object') return;
    const heights = d['datawrapper-height'];
    const selected = d.type === 'kuril-select' && typeof d.id === 'string';
    if (!(heights && typeof heights === 'object') && !selected) return;
    const frame = frameOf(e);
    if (!frame) return;
    if (selected) {
      const detail = { id: d.id, date: typeof d.date === 'string' ? d.date : '' };
      frame.dispatchEvent(new CustomEvent('kuril-select', { detail, bubbles: true }));
      return;
    }
    const h = Number(Object.values(heights)[0]);
    if (Number.isFinite(h) && h > 0) frame.height = String(Math.round(Math.min(MAX, Math.max(MIN, h))));
  });
})();
