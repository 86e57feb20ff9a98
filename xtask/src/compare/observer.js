
window.__kwb = { longtasks: [], ready: null, interactive: null, cls: 0 };
try { new PerformanceObserver((l) => { for (const e of l.getEntries()) __kwb.longtasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true }); } catch (e) {}
try { new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) __kwb.cls += e.value; })
  .observe({ type: 'layout-shift', buffered: true }); } catch (e) {}
const __kwbRoot = () => document.querySelector('kuril-widget')?.shadowRoot || document;
const __kwbReady = () => __kwbRoot().querySelector('.kw-map path[data-place]') && __kwbRoot().querySelector('.kw-event')
  || document.querySelector('path.leaflet-interactive') && document.querySelector('.tl-timemarker');
// Ours answers input once rendered or hydrated (data-kw-live); the
// reference once it is ready.
const __kwbLive = () => __kwbRoot().querySelector('[data-kw-live] .kw-map') || document.querySelector('.tl-timemarker');
const __kwbPoll = () => {
  if (__kwb.ready === null && __kwbReady()) requestAnimationFrame(() => { if (__kwb.ready === null) __kwb.ready = performance.now(); });
  if (__kwb.interactive === null && __kwbLive()) __kwb.interactive = performance.now();
  if (__kwb.ready === null || __kwb.interactive === null) requestAnimationFrame(__kwbPoll);
};
requestAnimationFrame(__kwbPoll);
