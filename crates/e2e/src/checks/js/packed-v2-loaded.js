// Whether the widget kw-v2 shows the version-2 story with its events in
// the article marked.
const t = window.kwQ('kw-v2', '[data-kw-live] .kw-sub');
return t && t.textContent.includes('Japan protests Russia') &&
  !!window.kwQ('kw-v2', '.kw-event[data-event=talks-suspended-2022].kw-in-article');
