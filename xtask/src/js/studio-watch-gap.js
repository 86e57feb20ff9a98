// Once the page has sent its worker the arguments[0]th request, measures
// the longest gap of the main thread (window.kwGap, ms) with a chain of
// 0 ms timers, until window.kwTicking is false.
const asked = arguments[0];
window.kwGap = 0;
window.kwTicking = false;
const tick = () => {
  const now = performance.now();
  window.kwGap = Math.max(window.kwGap, now - window.kwLast);
  window.kwLast = now;
  if (window.kwTicking) setTimeout(tick, 0);
};
const root = document.documentElement;
const watch = new MutationObserver(() => {
  if (Number(root.dataset.studio.split(' ')[0]) >= asked) {
    watch.disconnect();
    window.kwTicking = true;
    window.kwLast = performance.now();
    tick();
  }
});
watch.observe(root, { attributes: true, attributeFilter: ['data-studio'] });
