// Whether the page's iframe embed and its <kuril-widget> are both live.
const f = document.querySelector('iframe[data-kuril-embed]');
const el = document.querySelector('kuril-widget');
return f && f.contentDocument && f.contentDocument.querySelector('[data-kw-live] .kw-map path') &&
  el && el.shadowRoot && el.shadowRoot.querySelector('[data-kw-live] .kw-map path');
