// Opens arguments[0] in a frame arguments[1] px wide over the page (a
// viewport of that width in every engine), arguments[2] px high (1200 if
// not given), replacing the one before.
document.getElementById('kw-vp')?.remove();
const f = document.createElement('iframe');
f.id = 'kw-vp';
f.src = arguments[0];
f.style.cssText = 'position: absolute; left: 0; top: 0; z-index: 9; width: ' + arguments[1] +
  'px; height: ' + (arguments[2] || 1200) + 'px; border: 0';
document.body.prepend(f);
scrollTo(0, 0);
