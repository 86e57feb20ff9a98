// A point of the viewport where the element arguments[0] selects is on
// top: its centre if it is there (an island's centre may be sea, or its
// label), else the nearest point of a 16 × 16 grid over its box.
const e = document.querySelector(arguments[0]);
const r = e.getBoundingClientRect();
const pts = [];
for (let i = 0; i <= 16; i++) {
  for (let j = 0; j <= 16; j++) pts.push([r.x + r.width * i / 16, r.y + r.height * j / 16]);
}
const c = [r.x + r.width / 2, r.y + r.height / 2];
pts.sort((a, b) => Math.hypot(a[0] - c[0], a[1] - c[1]) - Math.hypot(b[0] - c[0], b[1] - c[1]));
const hit = pts
  .map(([x, y]) => [Math.round(x), Math.round(y)])
  .find(([x, y]) => {
    const t = document.elementFromPoint(x, y);
    return t && e.contains(t);
  });
return hit || [Math.round(c[0]), Math.round(c[1])];
