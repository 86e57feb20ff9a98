// Runs axe-core with the WCAG 2.2 AA tags in the frame kw-vp's document,
// loading it there from the test server (the frame's policy allows only
// its own origin's scripts); its violations as "rule (impact): targets".
const done = arguments[arguments.length - 1];
const f = document.getElementById('kw-vp');
const w = f.contentWindow.wrappedJSObject || f.contentWindow;
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const run = () => w.axe.run(w.document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  .then((r) => done(r.violations.map((v) => v.id + ' (' + v.impact + '): ' +
    v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', '))))
  .catch((e) => done(['axe failed: ' + e]));
if (w.axe) run();
else {
  const s = w.document.createElement('script');
  s.src = '/__test/axe.js';
  s.onload = run;
  s.onerror = () => done(['axe-core did not load in the frame']);
  w.document.head.append(s);
}
