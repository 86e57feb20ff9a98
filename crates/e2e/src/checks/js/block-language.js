// Makes the page's requests for a language file (lang-*.kwl) fail while
// window.kwBlockLanguage is set: the widget's bounded fetch calls the
// page's fetch, as a network failure would reach it.
if (!window.kwFetch) {
  window.kwFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = String((input && input.url) || input);
    if (window.kwBlockLanguage && url.includes('/lang-')) {
      return Promise.reject(new TypeError('no network (the test)'));
    }
    return window.kwFetch.call(window, input, init);
  };
}
window.kwBlockLanguage = true;
