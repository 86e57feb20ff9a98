// Counts the page's fetches (window.kwFetches) and presses kw-s's Try
// again.
window.kwFetch = window.fetch;
window.kwFetches = [];
window.fetch = function (url, ...rest) {
  window.kwFetches.push(String(url));
  return window.kwFetch.call(this, url, ...rest);
};
window.kwQ('kw-s', '.kw-retry').click();
