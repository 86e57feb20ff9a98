// The worker client: the studio's module runs in studio-worker.js, and the
// newest text wins: typing never waits, a text typed while the worker
// reads an older one is sent once it is done. Each request is answered
// with a review (drawn at once) and then the story file, or with a year's
// date, or with why not; `connect` says what the page does with each.
import { $, META, state, save, status } from './state.js';
import { mark, painted } from './hooks.js';

const worker = new Worker(new URL('../studio-worker.js', import.meta.url), { type: 'module' });
let on = null; // { review(r), story(json), published(date), failed(why, op) }

export function connect(handlers) { on = handlers; }

function metaLines() {
  return META.map((k) => [k, $(`st-${k}`).value.trim()])
    .filter(([, x]) => x).map(([k, x]) => `${k}: ${x.replace(/\n/g, ' ')}`).join('\n');
}
function ask(message) {
  state.busy = true;
  message.id = ++state.asked;
  state.sent.set(message.id, { at: performance.now(), op: message.op });
  worker.postMessage(message);
  mark();
}
// The text or its metadata changed: read again once the editor pauses.
export function textChanged() {
  save();
  clearTimeout(state.timer);
  state.timer = setTimeout(extract, 150);
  mark();
}
export function extract() {
  state.timer = 0;
  if (state.busy) { state.again = true; return; }
  const text = $('st-text').value;
  if (!text.trim()) { on.review(null); status('Paste an article to begin.'); mark(); return; }
  status('Reading the article…');
  ask({ op: 'open', text, meta: metaLines(), edits: JSON.stringify(state.saved.edits || []) });
}
// Sends an edit (an object, 'undo' or 'redo'); false when the worker is
// still busy with the last one.
export function edit(e) {
  if (state.busy) { $('st-edit-status').textContent = 'Still reading the article; try again in a moment.'; return false; }
  ask({ op: 'edit', edit: typeof e === 'string' ? e : JSON.stringify(e) });
  return true;
}
// Sends an edit now, or once the worker is free.
export function editSoon(e) {
  if (state.busy) state.queued = e; else edit(e);
}
// Asks the article's date in a year the editor chose; false when busy.
export function askYear(year) {
  if (state.busy) return false;
  ask({ op: 'year', year });
  return true;
}
worker.onmessage = ({ data }) => {
  const asked = state.sent.get(data.id);
  if ('review' in data) {
    // The review is drawn before anything else is done with it.
    state.postedAt = asked.at;
    on.review(JSON.parse(data.review));
    painted(data.id, asked.at, data.ms);
    return;
  }
  // The story file, a date or an error ends the request.
  state.busy = false;
  state.done = data.id;
  state.sent.delete(data.id);
  if (data.error) on.failed(data.error, asked.op);
  else if ('published' in data) on.published(data.published);
  else on.story(data.story);
  if (state.queued && !state.again) { const q = state.queued; state.queued = null; edit(q); }
  if (state.again) { state.again = false; extract(); }
  mark();
};
