// Before the reader scrolls: the files the page has loaded ([path,
// bytes]), its long tasks, and whether the widget's element is defined
// and live.
const w = document.querySelector('kuril-widget');
return {
  files: performance.getEntriesByType('resource').map((r) => [r.name.replace(location.origin, ''), r.transferSize]),
  long_tasks: __kwb.longtasks,
  defined: !!customElements.get('kuril-widget'),
  live: !!w.shadowRoot.querySelector('[data-kw-live]'),
};
