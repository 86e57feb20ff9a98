// The widget kw-inh's title's inherited text properties; then the page
// style and the widgets are taken away.
const c = getComputedStyle(window.kwQ('kw-inh', '.kw-card-title') || window.kwQ('kw-inh', '.kw-title'));
const out = [c.textTransform, c.letterSpacing, c.wordSpacing, c.fontStyle, c.direction];
document.getElementById('kw-leak').remove();
document.getElementById('kw-box').remove();
return out;
