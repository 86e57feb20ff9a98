// Loads the newsroom module into the page and times its extraction 200
// times; the figures go to the root's data-kw-bench.
import('/kuril-newsroom.js').then(async (m) => {
  await m.default();
  document.documentElement.dataset.kwBench = m.bench_extract(200);
});
