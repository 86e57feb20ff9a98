// Removes the element (kept as window.kwRemoved); what its shadow root
// holds.
const el = document.querySelector('kuril-widget');
el.remove();
window.kwRemoved = el;
return el.shadowRoot.childElementCount;
