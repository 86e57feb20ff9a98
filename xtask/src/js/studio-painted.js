// Once the studio has painted the review and the whole article for the
// arguments[0]th request: [ms to the review painted, the worker's ms, the
// longest gap so far, ms to all painted]; else null.
const ds = document.documentElement.dataset;
if (Number(ds.studioPainted) < arguments[0] || Number(ds.studioAll) < arguments[0]) return null;
return [Number(ds.studioMs), Number(ds.studioWorkerMs), window.kwGap, Number(ds.studioAllMs)];
