// The widget's focusable controls that Tab has not visited (the start of
// each one's HTML).
const m = document.querySelector('.kw-mount');
return [...m.querySelectorAll('button, a[href], input, select, textarea, summary, [tabindex]')]
  .filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length && !e.closest('.kw-sr') && !e.dataset.kwVisited)
  .map((e) => e.outerHTML.slice(0, 80));
