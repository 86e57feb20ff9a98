// Opens the news page arguments[0] (the element three screens below the
// fold) in a frame fixed over the page, so that the frame is in view.
const f = document.createElement('iframe');
f.id = 'kw-below';
f.src = arguments[0];
f.style.cssText = 'position: fixed; top: 0; left: 0; width: 1000px; height: 700px; z-index: 9; background: #fff';
document.body.appendChild(f);
