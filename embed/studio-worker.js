// The studio's Web Worker: the studio's module (crates/newsroom, bin
// kuril-studio): the extractor and the editor's draft
// (kuril_extract::studio), off the page's main thread so that typing never
// waits on extraction. The page (studio/client.js) posts
// {id, op: 'open', text, meta, edits}, {id, op: 'edit', edit} (an edit's
// JSON, 'undo' or 'redo') or {id, op: 'year', year}. For the first two,
// two answers come back: {id, review, ms} (the review as JSON text,
// kuril_extract::studio::Review, and how long the module took), which the
// page draws at once, then {id, story} (the story file), which ends the
// request. A year is answered with {id, published}: the article's date in
// that year. Any of them may be {id, error} alone.
import init, { studio_open, studio_edit, studio_story, studio_published } from './kuril-studio.js';

const ready = init({ module_or_path: new URL('./kuril-studio_bg.wasm', import.meta.url) });

self.onmessage = async ({ data: { id, op, text, meta, edits, edit, year } }) => {
  try {
    await ready;
    if (op === 'year') { self.postMessage({ id, published: studio_published(year) }); return; }
    const t0 = performance.now();
    const review = op === 'open' ? studio_open(text, meta, edits) : studio_edit(edit);
    self.postMessage({ id, review, ms: performance.now() - t0 });
    self.postMessage({ id, story: studio_story() });
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
