// A loaded picture measured: [width, height, colours in a 300 × 169 copy,
// share of the copy's pixels unlike its first]. Put before the scripts
// that measure a card (concat! in the checks).
function measurePicture(i) {
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
}
