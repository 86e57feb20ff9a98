// Two widgets' selected events, whether each has an island card open, and
// kw-b's title.
const sel = (id) => window.kwQ(id, '.kw-event[aria-pressed=true]')?.dataset.event;
return [sel('kw-a'), sel('kw-b'), !!window.kwQ('kw-a', '.kw-island'), !!window.kwQ('kw-b', '.kw-island'), window.kwQ('kw-b', '.kw-title').textContent];
