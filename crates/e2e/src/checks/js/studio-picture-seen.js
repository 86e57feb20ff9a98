// The picture shown, once loaded: [width, height, colours in a 300 × 169
// copy, share of its pixels unlike the first]; [0, 0, 0, 0, message] if
// the studio says it failed; null until then (and while a copy of it
// has one colour only).
const i = document.getElementById('st-picture');
const said = document.getElementById('st-picture-status').textContent;
if (said && !said.includes('ready') && !said.includes('Drawing')) return [0, 0, 0, 0, said];
if (i.hidden || !i.complete || !i.naturalWidth) return null;
// WebKit may give a loaded picture's pixels a frame later: a copy of one
// colour is not yet the picture, so wait on.
const seen = measurePicture(i);
return seen[2] > 1 ? seen : null;
