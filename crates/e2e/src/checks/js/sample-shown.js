// From now on, every frame: whether any of the widget's titles, headline
// or event titles that hold arguments[1] is shown in the iframe
// arguments[0] (its document or a <kuril-widget>'s shadow root).
// window.kwShown[id] counts the frames that showed one, window.kwFrames[id]
// all frames, window.kwShownHow how they were shown.
const id = arguments[0];
const needle = arguments[1];
window.kwShown = window.kwShown || {};
window.kwShown[id] = 0;
window.kwFrames = window.kwFrames || {};
window.kwFrames[id] = 0;
const tick = () => {
  const f = document.getElementById(id);
  if (!f) return;
  window.kwFrames[id]++;
  const d = f.contentDocument;
  const w = f.contentWindow;
  if (d && w) {
    const roots = [d, ...[...d.querySelectorAll('kuril-widget')].map((e) => e.shadowRoot).filter(Boolean)];
    for (const r of roots) {
      for (const e of r.querySelectorAll('.kw-title, .kw-sub, .kw-event-title, .kw-card-title')) {
        if (e.textContent.includes(needle) && w.getComputedStyle(e).visibility !== 'hidden' && e.getClientRects().length) {
          window.kwShown[id]++;
          window.kwShownHow = (window.kwShownHow || []).concat([
            [d.readyState, w.getComputedStyle(r.querySelector('.kw') || e).borderTopStyle, e.className],
          ]);
          break;
        }
      }
    }
  }
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);
