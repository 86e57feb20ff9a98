// The kit page arguments[0]'s meta tags and oembed.json, every file they
// and the page point at that does not answer (missing), and its card's
// PNGs: [width, height, colours in a 300 × 169 copy, share unlike the
// first pixel].
const done = arguments[arguments.length - 1];
const page = new URL(arguments[0], location.href);
(async () => {
  const html = await (await fetch(page)).text();
  const d = new DOMParser().parseFromString(html, 'text/html');
  const meta = (k) => d.querySelector(`meta[property='${k}'], meta[name='${k}']`)?.content;
  const at = (u) => new URL(u, page).href;
  const links = {
    'og:image': meta('og:image'),
    canonical: d.querySelector('link[rel=canonical]')?.href && d.querySelector('link[rel=canonical]').getAttribute('href'),
    oembed: d.querySelector('link[type="application/json+oembed"]')?.getAttribute('href'),
  };
  for (const e of d.querySelectorAll('script[src], link[rel=stylesheet], link[rel=icon]')) {
    links[e.getAttribute('src') || e.getAttribute('href')] = e.getAttribute('src') || e.getAttribute('href');
  }
  const oembed = await (await fetch(at(links.oembed))).json();
  const frame = new DOMParser().parseFromString(oembed.html, 'text/html').querySelector('iframe');
  links['oembed iframe'] = frame && frame.getAttribute('src');
  links['oembed thumbnail'] = oembed.thumbnail_url;
  const missing = [];
  for (const [k, u] of Object.entries(links)) {
    if (!u) {
      missing.push(k + ': none');
      continue;
    }
    const r = await fetch(at(u));
    if (!r.ok) missing.push(k + ': HTTP ' + r.status + ' ' + at(u));
  }
  const pictures = [];
  for (const f of ['card.png', 'card@2x.png']) {
    const i = new Image();
    i.src = at(f);
    await i.decode();
    pictures.push(measurePicture(i));
  }
  return {
    missing,
    pictures,
    title: d.title,
    description: meta('description'),
    ogTitle: meta('og:title'),
    card: meta('twitter:card'),
    alt: meta('og:image:alt'),
    oembed: {
      type: oembed.type,
      version: oembed.version,
      width: oembed.width,
      height: oembed.height,
      tw: oembed.thumbnail_width,
      th: oembed.thumbnail_height,
    },
  };
})().then(done, (e) => done({ error: String(e) }));
