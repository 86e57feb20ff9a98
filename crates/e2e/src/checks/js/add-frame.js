// Replaces the element with the id arguments[0] by the iframe of the HTML
// arguments[1], at the end of the page.
document.getElementById(arguments[0])?.remove();
const box = document.createElement('div');
box.innerHTML = arguments[1];
document.body.appendChild(box.firstChild);
