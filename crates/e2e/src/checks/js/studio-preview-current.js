// Whether the studio's preview shows the current story file, drawn and
// not busy.
const r = document.getElementById('st-preview').shadowRoot;
return document.documentElement.dataset.studioPreview === document.getElementById('st-story-file').href &&
  !!(r && r.querySelector('[data-kw-live] .kw-map path') && !r.querySelector('[aria-busy="true"]'));
