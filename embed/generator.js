// The demo page's embed-code generator: choose the options, copy either
// embed code. The preview is a <kuril-widget> with the same attributes.
const NAMES = ['lang', 'theme', 'start-at', 'height', 'story-src'];
const DEFAULTS = { lang: 'en', theme: 'light' };
const form = document.getElementById('kw-gen');
if (form) {
  const base = new URL('.', location.href).href;
  const preview = document.getElementById('kw-gen-preview');
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const options = () => NAMES
    .map((name) => [name, form.elements[name].value.trim()])
    .filter(([name, value]) => value !== '' && value !== DEFAULTS[name]);
  const update = () => {
    const opts = options();
    const attrs = opts.map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    const query = opts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    form.elements.element.value =
      `<script type="module" src="${base}kuril-widget.js"></script>\n<kuril-widget${attrs}></kuril-widget>`;
    form.elements.iframe.value =
      `<iframe data-kuril-embed src="${base}embed.html${query ? '?' + esc(query) : ''}" title="Map and timeline of the Kuril Islands dispute" width="100%" height="1100"></iframe>\n<script src="${base}embed-host.js"></script>`;
    for (const name of NAMES) {
      const v = opts.find(([k]) => k === name);
      if (v) preview.setAttribute(name, v[1]); else preview.removeAttribute(name);
    }
  };
  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const button of form.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const field = form.elements[button.dataset.copy];
      try { await navigator.clipboard.writeText(field.value); button.textContent = 'Copied'; }
      catch (e) { field.select(); button.textContent = 'Press Ctrl+C'; }
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    });
  }
  update();
}
