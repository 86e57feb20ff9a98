// Whether the <kuril-widget> in the frame arguments[0] has, in its shadow
// root, an element arguments[1] (CSS) whose text holds arguments[2].
const d = document.getElementById(arguments[0])?.contentDocument;
const r = d && d.querySelector('kuril-widget')?.shadowRoot;
const e = r && r.querySelector(arguments[1]);
return !!e && e.textContent.includes(arguments[2]);
