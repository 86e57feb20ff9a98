// The studio's static picture of the widget's current view: the title, the
// map on the selected date, its legend and the credit, as a 1200×675 SVG
// (and a PNG drawn from that SVG at 1× or 2×). The map is the widget's own
// SVG, cloned with the colours its style sheet gives each shape written
// onto the shape, so the picture is the same rendering as the page, not a
// screenshot. Every text is set as text.

const NS = 'http://www.w3.org/2000/svg';
export const WIDTH = 1200;
export const HEIGHT = 675;
const STYLES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
  'stroke-linejoin', 'stroke-linecap', 'opacity', 'font-size', 'font-family', 'font-weight', 'paint-order',
  'text-anchor', 'dominant-baseline'];

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

// The clone of `svg` with each element's computed presentation written on
// it; hidden elements and focus outlines are left out.
function inlined(svg) {
  const copy = svg.cloneNode(true);
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  for (let i = from.length - 1; i >= 0; i--) {
    const cs = getComputedStyle(from[i]);
    if (cs.display === 'none' || cs.visibility === 'hidden') { to[i].remove(); continue; }
    for (const p of STYLES) {
      const v = cs.getPropertyValue(p);
      if (v) to[i].setAttribute(p, v);
    }
    to[i].removeAttribute('class');
    to[i].removeAttribute('tabindex');
  }
  return copy;
}

// Splits `text` into lines of at most `width` characters, at spaces.
function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// The picture of the widget in `root` (its shadow root) as SVG text;
// `review` gives the article's headline and publisher for the credit.
export function picture(root, review) {
  const q = (css) => root.querySelector(css);
  const text = (css) => (q(css) ? q(css).textContent.trim() : '');
  const frame = q('.kw');
  const cs = getComputedStyle(frame);
  const ink = cs.color;
  const font = cs.fontFamily;
  const out = el('svg', { xmlns: NS, width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, 'font-family': font });
  out.append(el('rect', { width: WIDTH, height: HEIGHT, fill: cs.backgroundColor === 'rgba(0, 0, 0, 0)' ? '#ffffff' : cs.backgroundColor }));
  out.append(el('text', { x: 40, y: 58, 'font-size': 32, 'font-weight': 700, fill: ink }, text('.kw-title')));
  const date = text('.kw-card .kw-date');
  const event = text('.kw-card .kw-card-title');
  const sub = [date, event].filter(Boolean).join(': ');
  wrap(sub, 95).slice(0, 2).forEach((line, i) => out.append(el('text', { x: 40, y: 92 + i * 24, 'font-size': 20, fill: ink }, line)));
  // The map, fitted into its box as the widget fits it.
  const map = inlined(q('.kw-map svg'));
  for (const [k, v] of Object.entries({ x: 40, y: 140, width: 720, height: 470, preserveAspectRatio: 'xMidYMid meet' })) map.setAttribute(k, v);
  map.removeAttribute('role');
  out.append(map);
  // The legend, each key with its swatch's colours.
  let y = 160;
  for (const line of wrap(text('.kw-legend-title'), 34)) {
    out.append(el('text', { x: 790, y, 'font-size': 18, 'font-weight': 700, fill: ink }, line));
    y += 24;
  }
  y += 8;
  for (const li of root.querySelectorAll('.kw-legend li')) {
    const sw = li.querySelector('.kw-swatch, .kw-swatch-line');
    if (sw) {
      const s = getComputedStyle(sw);
      if (sw.classList.contains('kw-swatch-line')) {
        const dashed = s.borderTopStyle === 'dashed' || s.borderTopStyle === 'dotted';
        out.append(el('line', { x1: 790, y1: y - 6, x2: 818, y2: y - 6, stroke: s.borderTopColor, 'stroke-width': 3, 'stroke-dasharray': dashed ? '6 4' : 'none' }));
      } else {
        const border = s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) > 0;
        out.append(el('rect', { x: 790, y: y - 16, width: 28, height: 18, fill: s.backgroundColor, stroke: border ? s.borderTopColor : 'none', 'stroke-width': 2 }));
      }
    }
    for (const line of wrap(li.textContent.trim(), 30)) {
      out.append(el('text', { x: 830, y, 'font-size': 16, fill: ink }, line));
      y += 22;
    }
    y += 8;
  }
  const source = [review.headline, text('.kw-sub')].filter(Boolean)[0] || '';
  const credit = `Map data © OpenStreetMap contributors · ${source} · kuril-widget`;
  wrap(credit, 130).slice(0, 2).forEach((line, i) => out.append(el('text', { x: 40, y: 636 + i * 20, 'font-size': 14, fill: ink }, line)));
  return new XMLSerializer().serializeToString(out);
}

// The PNG of the picture's SVG text at `scale` (1: 1200×675, 2: 2400×1350).
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
