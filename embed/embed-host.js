// For host pages that embed embed.html in an iframe without a news
// system's own resizer: gives each iframe marked data-kuril-embed the
// height its content reports (the Datawrapper-style message), so it never
// shows a scroll bar. A message counts only from that frame's window and
// from the origin of its src; the height is kept between 150 and 6000 px,
// so a frame cannot shrink to nothing or push the page away.
(() => {
  const MIN = 150;
  const MAX = 6000;
  window.addEventListener('message', (e) => {
    const heights = e.data && e.data['datawrapper-height'];
    if (!heights || typeof heights !== 'object') return;
    for (const frame of document.querySelectorAll('iframe[data-kuril-embed]')) {
      if (frame.contentWindow !== e.source) continue;
      let origin;
      try { origin = new URL(frame.src, document.baseURI).origin; } catch (err) { continue; }
      if (e.origin !== origin) continue;
      const h = Number(Object.values(heights)[0]);
      if (Number.isFinite(h) && h > 0) frame.height = String(Math.round(Math.min(MAX, Math.max(MIN, h))));
    }
  });
})();
