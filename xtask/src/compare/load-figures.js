// One page load's figures, once the observer (observer.js) says it is
// ready: when it was ready and interactive, its first contentful paint,
// the blocking time and long tasks until then, its layout shift, every
// file it loaded and its wasm memory.
const res = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'));
const fcp = performance.getEntriesByName('first-contentful-paint')[0];
const ready = __kwb.ready;
const interactive = Math.max(__kwb.interactive, ready);
const until = (end) => __kwb.longtasks.filter(([t]) => t < end);
const blocking = (end) => until(end).reduce((n, [, d]) => n + Math.max(0, d - 50), 0);
return {
  ready,
  interactive,
  fcp: fcp ? fcp.startTime : null,
  blocking: blocking(ready),
  blocking_interactive: blocking(interactive),
  long_tasks: until(interactive).length,
  cls: __kwb.cls,
  assets: res.map((r) => ({
    name: r.name.replace(location.origin + '/', '') || 'page',
    transfer: r.transferSize,
    gzip: r.encodedBodySize,
    raw: r.decodedBodySize,
  })),
  wasm: window.kuril && window.kuril.memoryBytes ? window.kuril.memoryBytes() : 0,
};
