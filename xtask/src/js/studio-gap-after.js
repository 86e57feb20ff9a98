// The longest gap of the main thread, three seconds later (the preview
// drawn too); the timers stop.
const done = arguments[arguments.length - 1];
setTimeout(() => {
  window.kwTicking = false;
  done(window.kwGap);
}, 3000);
