// Opens arguments[0] in a frame of a phone's viewport, arguments[1] ×
// arguments[2] px, at the top left of the page, replacing the one before.
document.getElementById('kw-vp')?.remove();
const f = document.createElement('iframe');
f.id = 'kw-vp';
f.src = arguments[0];
f.style.cssText = 'position: absolute; left: 0; top: 0; z-index: 9; border: 0; width: ' +
  arguments[1] + 'px; height: ' + arguments[2] + 'px';
document.body.prepend(f);
scrollTo(0, 0);
