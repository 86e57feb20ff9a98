// Runs axe-core (window.axe) on the whole page; its violations as
// "rule (impact): targets" lines.
const done = arguments[arguments.length - 1];
window.axe.run(document, { resultTypes: ['violations'], iframes: false })
  .then((r) => done(r.violations.map((v) => v.id + ' (' + v.impact + '): ' +
    v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', '))))
  .catch((e) => done(['axe failed: ' + e]));
