// Clicks the element arguments[0] selects, as the page's own click, after
// scrolling it to the middle of the window.
const e = document.querySelector(arguments[0]);
e.scrollIntoView({ block: 'center' });
e.click();
