// <kuril-widget>: the Kuril Islands map and timeline as a custom element.
//
//   <script type="module" src="https://example.org/kuril-widget/kuril-widget.js"></script>
//   <kuril-widget lang="en" theme="auto" start-at="joint-declaration-1956"></kuril-widget>
//
// Attributes (README, "Attributes"): lang, theme, start-at, article-src,
// story-src, height.
//
// The element renders into its own Shadow DOM (host CSS cannot reach in,
// its CSS cannot leak out). It loads the wasm module next to this file, so
// it works from another origin than the host page. Attributes are read on
// connection and whenever they change; removing the element unmounts the
// widget and frees it. Errors show inside the element, never as an uncaught
// exception on the host page.
import init, { mount } from './kuril-widget-core.js';

const ATTRIBUTES = ['lang', 'theme', 'start-at', 'article-src', 'story-src', 'height', 'sync-url'];
let ready = null;

class KurilWidget extends HTMLElement {
  static get observedAttributes() { return ATTRIBUTES; }

  connectedCallback() {
    const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
    ready = ready || init({ module_or_path: new URL('./kuril-widget-core_bg.wasm', import.meta.url) });
    ready.then(() => {
      if (this.isConnected && !this.handle) this.handle = mount(root);
    }).catch((e) => {
      root.textContent = 'The map and timeline of the Kuril Islands dispute could not load: ' + e;
    });
  }

  disconnectedCallback() {
    if (this.handle) { this.handle.destroy(); this.handle = null; }
  }

  attributeChangedCallback() {
    if (this.handle) this.handle.update();
  }
}

if (!customElements.get('kuril-widget')) customElements.define('kuril-widget', KurilWidget);
