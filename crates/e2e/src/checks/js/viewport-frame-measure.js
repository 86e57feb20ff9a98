// Once the widget in the frame kw-vp is live: the frame made as tall as
// its page, then the measure, code on the frame f and its document d that
// returns the measure (spliced in by `in_frame`); else null.
const f = document.getElementById('kw-vp');
const d = f.contentDocument;
if (!d || !d.querySelector('[data-kw-live] .kw-map path')) return null;
f.style.height = Math.ceil(d.documentElement.scrollHeight) + 'px';
$MEASURE
