// Puts the HTML arguments[0] (<kuril-widget> elements) in a box of its own
// (#kw-box) at the end of the page, and defines window.kwQ(id, css), which
// looks inside a widget's shadow root.
document.getElementById('kw-box')?.remove();
const box = document.createElement('div');
box.id = 'kw-box';
document.body.appendChild(box);
box.innerHTML = arguments[0];
window.kwQ = (id, css) => {
  const e = document.getElementById(id);
  return e && e.shadowRoot && e.shadowRoot.querySelector(css);
};
