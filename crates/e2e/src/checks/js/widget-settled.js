// What the widget arguments[0] shows once settled: 'map', or its message;
// null until then (`kwQ`: `add_widgets`).
const m = window.kwQ(arguments[0], '.kw-map path');
const e = window.kwQ(arguments[0], '.kw-error');
return m ? 'map' : e ? e.textContent : null;
