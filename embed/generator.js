// The demo page's embed-code generator: choose the options, copy either
// embed code. The preview is a <kuril-widget> with the same attributes.
// The studio (studio.js) imports embedCodes for its own export.
const NAMES = ['lang', 'theme', 'start-at', 'height', 'story-src'];
const DEFAULTS = { lang: 'en', theme: 'light' };
const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// Both embed codes for the widget's files at `base` and these [name,
// value] options (defaults left out).
export function embedCodes(base, options) {
  const opts = options.filter(([name, value]) => value !== '' && value !== DEFAULTS[name]);
  const attrs = opts.map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  const query = opts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return {
    opts,
    element: `<script type="module" src="${base}kuril-widget.js"></script>\n<kuril-widget${attrs}></kuril-widget>`,
    iframe: `<iframe data-kuril-embed src="${base}embed.html${query ? '?' + esc(query) : ''}" title="Map and timeline of the Kuril Islands dispute" width="100%" height="1100"></iframe>\n<script src="${base}embed-host.js"></script>`,
  };
}

// A button that copies a field's text (or selects it where the clipboard
// is refused).
export function copyButton(button, field) {
  const label = button.textContent;
  button.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(field.value); button.textContent = 'Copied'; }
    catch (e) { field.select(); button.textContent = 'Press Ctrl+C'; }
    setTimeout(() => { button.textContent = label; }, 2000);
  });
}

const form = document.getElementById('kw-gen');
if (form) {
  const base = new URL('.', location.href).href;
  const preview = document.getElementById('kw-gen-preview');
  const update = () => {
    const codes = embedCodes(base, NAMES.map((name) => [name, form.elements[name].value.trim()]));
    const opts = codes.opts;
    form.elements.element.value = codes.element;
    form.elements.iframe.value = codes.iframe;
    for (const name of NAMES) {
      const v = opts.find(([k]) => k === name);
      if (v) preview.setAttribute(name, v[1]); else preview.removeAttribute(name);
    }
  };
  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const button of form.querySelectorAll('[data-copy]')) {
    copyButton(button, form.elements[button.dataset.copy]);
  }
  update();
}
