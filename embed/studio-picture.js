// The PNGs of a card (the kit's social card, or the picture of the
// preview's view): its SVG, made by the publish module (kuril_publish::card,
// the same as the command line's), drawn by the browser at 1× (1200×675) or
// 2× (2400×1350).

export const WIDTH = 1200;
export const HEIGHT = 675;

// The PNG of a card's SVG text at `scale` (1: 1200×675, 2: 2400×1350).
export async function png(svg, scale) {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * scale;
  canvas.height = HEIGHT * scale;
  const g = canvas.getContext('2d');
  // WebKit may draw a just-decoded SVG image as nothing, or as its
  // background alone, the first time (seldom, and more often large): a
  // picture has a title, a map and a legend, many colours, so it is drawn
  // again a frame later until it has them.
  for (let tries = 0; tries < 20; tries++) {
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    if (colours(canvas) > 8) break;
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  }
  return new Promise((done, fail) => canvas.toBlob((b) => (b ? done(b) : fail(new Error('the browser made no PNG'))), 'image/png'));
}

// How many colours a small copy of `canvas` has.
function colours(canvas) {
  const probe = document.createElement('canvas');
  probe.width = 96;
  probe.height = 54;
  const p = probe.getContext('2d');
  p.drawImage(canvas, 0, 0, probe.width, probe.height);
  const d = p.getImageData(0, 0, probe.width, probe.height).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4) seen.add(((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]) * 256 + d[i + 3]);
  return seen.size;
}
