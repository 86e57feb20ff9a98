// The iframe page's gate, run before its first paint (a classic script in
// the head, so nothing is drawn before it). The page's HTML holds the
// widget's render for the page's own options (data-holds: a URL query of
// story-src, lang, theme, start-at, height; empty for the bundled story with
// the defaults). When the page's address asks for anything else (a
// parameter, or the widget's key in the fragment), that render must not
// show as if it were what was asked for: the root element is marked
// data-kw-stale, and embed.css keeps the render hidden until the widget has
// drawn what was asked (data-kw-live). The widget decides for itself what
// to hydrate (src/host/mount.rs); this only keeps a wrong first paint away.
(() => {
  const me = document.currentScript;
  const holds = new URLSearchParams((me && me.dataset.holds) || '');
  const asks = new URLSearchParams(location.search);
  const lang = (v) => (v || 'en').trim().toLowerCase().split(/[-_]/)[0] || 'en';
  const theme = (v) => (v || 'light').trim().toLowerCase() || 'light';
  const same = { lang: (a, b) => lang(a) === lang(b), theme: (a, b) => theme(a) === theme(b) };
  let stale = false;
  for (const name of ['story-src', 'article-src', 'lang', 'theme', 'start-at', 'height']) {
    if (!asks.has(name)) continue;
    const [a, b] = [asks.get(name), holds.get(name)];
    if (same[name] ? !same[name](a, b) : a.trim() !== (b || '')) stale = true;
  }
  // Without a start-at, the widget opens where its key in the fragment
  // says (sync-url), which the held render does not show.
  const opens = location.hash.replace(/^#/, '').split('&').some((p) => p.startsWith('start-at='));
  if (opens && !asks.has('start-at') && !holds.has('start-at')) stale = true;
  if (stale) document.documentElement.setAttribute('data-kw-stale', '');
})();
