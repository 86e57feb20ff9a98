// For host pages that embed embed.html in an iframe without a news
// system's own resizer: gives each iframe marked data-kuril-embed the
// height its content reports (the Datawrapper-style message), so it never
// shows a scroll bar.
window.addEventListener('message', (e) => {
  const heights = e.data && e.data['datawrapper-height'];
  if (!heights) return;
  for (const frame of document.querySelectorAll('iframe[data-kuril-embed]')) {
    if (frame.contentWindow === e.source) {
      const h = Object.values(heights)[0];
      if (Number.isFinite(h) && h > 0) frame.height = String(h);
    }
  }
});
