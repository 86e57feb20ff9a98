// Once the iframe arguments[0]'s live widget shows the headline holding
// arguments[1]: how many frames showed the other render (sample-shown.js),
// of how many; else null.
const f = document.getElementById(arguments[0]);
const d = f && f.contentDocument;
if (!d) return null;
const r = d.querySelector('kuril-widget')?.shadowRoot || d;
const sub = r.querySelector('[data-kw-live] .kw-sub');
if (!sub || !sub.textContent.includes(arguments[1])) return null;
return { shown: window.kwShown[arguments[0]], frames: window.kwFrames[arguments[0]] };
