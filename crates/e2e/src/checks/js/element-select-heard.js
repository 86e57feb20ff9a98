// Listens for kuril-select (into window.kwSel) and selects an event in the
// element.
window.kwSel = null;
document.addEventListener('kuril-select', (e) => { window.kwSel = e.detail; });
document.querySelector('kuril-widget').shadowRoot .querySelector('.kw-event[data-event=singapore-2018]').click();
return true;
