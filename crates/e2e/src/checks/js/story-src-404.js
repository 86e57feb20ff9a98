// Whether kw-s shows the HTTP 404 message with a Try again button.
const t = window.kwQ('kw-s', '.kw-error');
return t && t.textContent.includes('HTTP 404') && window.kwQ('kw-s', '.kw-retry') !== null;
