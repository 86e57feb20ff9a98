// Whether the widget kw-read shows the event arguments[0] in the year
// arguments[1] (`kwQ`: `add_widgets`).
const y = kwQ('kw-read', ".kw-event[data-event='" + arguments[0] + "'] .kw-year");
return y && y.textContent === arguments[1];
