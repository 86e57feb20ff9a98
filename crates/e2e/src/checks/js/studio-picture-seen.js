// The picture shown, once loaded: [width, height, colours in a 300 × 169
// copy, share of its pixels unlike the first]; [0, 0, 0, 0, message] if
// the studio says it failed; null until then.
const i = document.getElementById('st-picture');
const said = document.getElementById('st-picture-status').textContent;
if (said && !said.includes('ready') && !said.includes('Drawing')) return [0, 0, 0, 0, said];
if (i.hidden || !i.complete || !i.naturalWidth) return null;
const c = document.createElement('canvas');
c.width = 300;
c.height = 169;
const g = c.getContext('2d');
g.drawImage(i, 0, 0, 300, 169);
const d = g.getImageData(0, 0, 300, 169).data;
const colours = new Set();
let ink = 0;
for (let p = 0; p < d.length; p += 4) {
  colours.add(d[p] << 16 | d[p + 1] << 8 | d[p + 2]);
  if (d[p] !== d[0] || d[p + 1] !== d[1] || d[p + 2] !== d[2]) ink++;
}
return [i.naturalWidth, i.naturalHeight, colours.size, ink / (d.length / 4)];
