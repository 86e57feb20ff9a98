// Starts measuring the longest pause of the page (window.kwGap, in ms)
// with a 16 ms timer, until window.kwFrames is false.
window.kwGap = 0;
window.kwFrames = true;
let last = performance.now();
const tick = () => {
  const t = performance.now();
  window.kwGap = Math.max(window.kwGap, t - last);
  last = t;
  if (window.kwFrames) setTimeout(tick, 16);
};
setTimeout(tick, 16);
