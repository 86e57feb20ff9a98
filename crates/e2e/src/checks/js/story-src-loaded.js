// Whether kw-s shows the story file's article and its events.
const t = window.kwQ('kw-s', '.kw-sub');
return t && t.textContent.includes('Japan protests Russia') && window.kwQ('kw-s', '.kw-event[data-event]') !== null;
