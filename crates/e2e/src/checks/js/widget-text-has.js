// Whether the element arguments[1] selects in the widget arguments[0]
// holds the text arguments[2] (`kwQ`: `add_widgets`).
const t = window.kwQ(arguments[0], arguments[1]);
return !!t && t.textContent.includes(arguments[2]);
