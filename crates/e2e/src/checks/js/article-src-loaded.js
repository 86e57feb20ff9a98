// Whether kw-s shows the article's story, events in the article marked,
// and no error.
const t = window.kwQ('kw-s', '.kw-sub');
return t && t.textContent.includes('Japan protests Russia') && !window.kwQ('kw-s', '.kw-error') && window.kwQ('kw-s', '.kw-event.kw-in-article') !== null;
