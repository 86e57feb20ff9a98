// The long animation frames recorded: [start, duration, render at, layout
// at, blocking, scripts].
return window.kwLoaf.map((f) => [
  Math.round(f.startTime - window.kwT0),
  Math.round(f.duration),
  Math.round(f.renderStart ? f.renderStart - f.startTime : -1),
  Math.round(f.styleAndLayoutStart ? f.styleAndLayoutStart - f.startTime : -1),
  Math.round(f.blockingDuration),
  f.scripts.map((x) => `${x.invoker} ${Math.round(x.startTime - f.startTime)}+${Math.round(x.duration)} (layout ${Math.round(x.forcedStyleAndLayoutDuration)})`),
]);
