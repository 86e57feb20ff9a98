// Records Chromium's long animation frames from now on (window.kwLoaf,
// times from window.kwT0).
window.kwLoaf = [];
window.kwLoafObs && window.kwLoafObs.disconnect();
window.kwLoafObs = new PerformanceObserver((l) => window.kwLoaf.push(...l.getEntries()));
window.kwLoafObs.observe({ type: 'long-animation-frame' });
window.kwT0 = performance.now();
