// <kuril-widget>: the Kuril Islands map and timeline as a custom element.
//
//   <script type="module" src="https://example.org/kuril-widget/kuril-widget.js"></script>
//   <kuril-widget lang="en" theme="auto" start-at="joint-declaration-1956"></kuril-widget>
//
// Attributes (README, "Attributes"): the options the element observes
// below, which tests/options.rs holds to the one table of their names
// (kuril_core::widget::options::NAMES), and loading.
//
// Lazy: the element shows its first paint at once (a pasted fallback, a
// declarative shadow root) and fetches and starts its wasm only when it
// comes within about a screen of the viewport, or at once with
// loading="eager" (and for a widget on screen when the page loads).
// el.select('joint-declaration-1956') (or a date) selects as a reader would.
//
// The element renders into its own Shadow DOM (host CSS cannot reach in,
// its CSS cannot leak out). It loads the wasm module next to this file, so
// it works from another origin than the host page. Attributes are read on
// connection and whenever they change; removing the element unmounts the
// widget and frees it.
//
// Faults stay in their box. The module is fetched and compiled once, and
// each widget runs in a wasm instance of its own: a panic (which ends an
// instance) stops that widget only, with a short message in its box and
// the details in the console; the others go on, and new ones mount. The
// glue catches the trap (see xtask/src/bundle.rs), so nothing reaches the
// host page's window.onerror. An unmounted widget's instance, if sound, is
// kept for the next one: ES modules are never freed, so instances are
// reused rather than made anew for every mount.

const base = import.meta.url;
const wasm = new URL('./kuril-widget-core_bg.wasm', base);
const STOPPED = 'The map and timeline stopped working. Reloading the page shows them again.';

let compiled = null;
let made = 0;
const spare = [];

function compile() {
  const bytes = () => fetch(wasm).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status} for ${wasm}`);
    return r.arrayBuffer();
  }).then((b) => WebAssembly.compile(b));
  // compileStreaming needs the application/wasm type; some servers lack it.
  return WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(fetch(wasm)).catch(bytes)
    : bytes();
}

// A sound instance: a spare one, or a new one (the glue module imported
// under a fragment of its own, which makes it a separate module instance
// while the file itself is fetched as usual).
async function instance() {
  while (spare.length) {
    const glue = spare.pop();
    if (!glue.kw_faulted()) return glue;
  }
  compiled = compiled || compile();
  const glue = await import(new URL(`./kuril-widget-core.js#instance-${++made}`, base).href);
  await glue.default({ module_or_path: await compiled });
  return glue;
}

// The widget's stylesheet in `root`: a pasted render's <link> to this
// release's widget.css once it has loaded; else (another address, not
// loaded yet, refused by the page's policy, or none) one constructed
// sheet, fetched from beside this file once for the page and adopted by
// every element (allowed under a strict CSP). A sheet that cannot be
// fetched is logged, and the widget mounts without it.
const css = new URL('./widget.css', base).href;
let sheet = null;
function styles(root) {
  const own = [...root.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === css && l.sheet);
  if (own) return null;
  sheet = sheet || fetch(css).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status} for ${css}`);
    return r.text();
  }).then((text) => {
    const s = new CSSStyleSheet();
    s.replaceSync(text);
    return s;
  }).catch((e) => {
    sheet = null;
    throw e;
  });
  return sheet.then((s) => { root.adoptedStyleSheets = [s]; })
    .catch((e) => console.error('kuril-widget: its stylesheet could not load', e));
}

// Widgets waiting to come near the viewport: one observer for them all,
// a screen ahead above and below.
const near = 'IntersectionObserver' in window
  ? new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      near.unobserve(e.target);
      e.target.load();
    }
  }, { rootMargin: '100% 0px' })
  : null;

// Whether `el` is within a screen of the viewport now.
function onScreen(el) {
  const r = el.getBoundingClientRect();
  const h = window.innerHeight || document.documentElement.clientHeight;
  return r.bottom >= -h && r.top <= 2 * h;
}

// Marks the pasted render in `el` (data-kw-stale, which widget.css hides
// until the widget has drawn) when it holds something else than the
// element asks for: another story (the address the render was made for,
// data-kw-src, or the bundled one), another language, theme, start or
// height (its data-kw-ssr, kuril_core::widget::holds), or a start in the
// page address (sync-url). The widget itself decides what it hydrates.
function markStale(el) {
  const root = el.shadowRoot && el.shadowRoot.querySelector('.kw-root[data-kw-ssr]');
  if (!root) return;
  const holds = new URLSearchParams(root.getAttribute('data-kw-ssr'));
  const attr = (n) => (el.getAttribute(n) || '').trim();
  const at = (u) => { try { return u && new URL(u, document.baseURI).href; } catch (e) { return u; } };
  const lang = (v) => (v || 'en').toLowerCase().split(/[-_]/)[0] || 'en';
  const theme = (v) => (v || 'light').toLowerCase();
  const px = (v) => (v || '').replace(/px$/, '');
  const keyed = el.hasAttribute('sync-url') && !attr('start-at') && location.hash.replace(/^#/, '').split('&')
    .some((p) => p.startsWith(el.id ? `start-at-${encodeURIComponent(el.id)}=` : 'start-at='));
  const stale = at(attr('story-src')) !== at(root.getAttribute('data-kw-src') || '')
    || attr('article-src') !== ''
    || lang(attr('lang')) !== lang(holds.get('lang'))
    || theme(attr('theme')) !== theme(holds.get('theme'))
    || attr('start-at') !== (holds.get('start-at') || '')
    || px(attr('height')) !== px(holds.get('height'))
    || keyed;
  root.toggleAttribute('data-kw-stale', stale);
}

function showStopped(root) {
  const box = document.createElement('div');
  box.className = 'kw kw-error';
  box.setAttribute('role', 'alert');
  box.textContent = STOPPED;
  root.replaceChildren(box);
}

class KurilWidget extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'theme', 'start-at', 'article-src', 'story-src', 'height', 'sync-url', 'loading'];
  }

  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' });
    if (this.pending || this.handle) return;
    markStale(this);
    if (near && this.getAttribute('loading') !== 'eager' && !onScreen(this)) {
      near.observe(this);
      return;
    }
    this.load();
  }

  // Fetches and starts the widget (once it is near, or asked for).
  load() {
    if (near) near.unobserve(this);
    if (!this.isConnected || this.pending || this.handle) return;
    const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
    this.pending = Promise.all([instance(), styles(root)]).then(([glue]) => {
      if (!this.isConnected || this.handle) { spare.push(glue); return; }
      this.glue = glue;
      // Also for a trap that the panic hook did not see (a stack overflow).
      glue.kw_on_fault(() => showStopped(root));
      this.handle = glue.mount(root);
      if (this.asked !== undefined) this.handle.select(this.asked);
      this.asked = undefined;
    }).catch((e) => {
      console.error('kuril-widget: the widget could not load', e);
      showStopped(root);
    }).finally(() => { this.pending = null; });
  }

  // Selects an event (its id) or shows a date ("1956-10-19"), as the
  // reader would: the page hears it as a kuril-select event.
  select(value) {
    if (this.handle && !this.glue.kw_faulted()) {
      this.handle.select(String(value));
      return;
    }
    this.asked = String(value);
    this.load();
  }

  disconnectedCallback() {
    if (near) near.unobserve(this);
    const { handle, glue } = this;
    this.handle = null;
    this.glue = null;
    if (!handle) return;
    if (glue.kw_faulted()) {
      this.shadowRoot.replaceChildren();
      return;
    }
    try {
      handle.destroy();
      glue.kw_on_fault(null);
      spare.push(glue);
    } catch (e) {
      console.error('kuril-widget: the widget could not unmount', e);
    }
  }

  attributeChangedCallback(name) {
    if (name === 'loading') {
      if (this.getAttribute('loading') === 'eager' && this.isConnected) this.load();
      return;
    }
    if (!this.handle) {
      markStale(this);
      return;
    }
    if (this.glue.kw_faulted()) return;
    try {
      this.handle.update();
    } catch (e) {
      console.error('kuril-widget: the widget stopped', e);
      showStopped(this.shadowRoot);
    }
  }
}

if (!customElements.get('kuril-widget')) customElements.define('kuril-widget', KurilWidget);
