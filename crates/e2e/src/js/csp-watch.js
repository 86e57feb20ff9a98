// Served as /__test/csp-watch.js: records the page's CSP violations as JSON
// in its root element's data-kw-violations (an attribute, which every
// engine's WebDriver sees, where Firefox hides a page's own globals).
const seen = [];
const root = document.documentElement;
root.dataset.kwViolations = '[]';
document.addEventListener('securitypolicyviolation', (e) => {
  seen.push(e.violatedDirective + ' ' + e.blockedURI);
  root.dataset.kwViolations = JSON.stringify(seen);
});
