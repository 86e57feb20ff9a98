// Sets the generator to Japanese opening at 1956; its embed codes and the
// preview's language.
const f = document.getElementById('kw-gen');
f.elements.lang.value = 'ja';
f.elements['start-at'].value = '1956';
f.dispatchEvent(new Event('input'));
return {
  element: f.elements.element.value,
  iframe: f.elements.iframe.value,
  preview: document.getElementById('kw-gen-preview').getAttribute('lang')
};
