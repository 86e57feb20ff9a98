// Scheduling and drawing: work a frame at a time, so that no single frame
// lays out a whole pasted article. Jobs run in order, a few of them or as
// many as fit in a few milliseconds, and then the page is drawn before the
// next ones. (Making a slice takes almost no script; drawing it is the
// cost, so the count bounds a frame, not the clock.)
import { state } from './state.js';

const jobs = [];
let asked = false; // a run is asked for
let rendered = () => {}; // called when the last job has run

// Calls `f` each time every job has run.
export function whenRendered(f) { rendered = f; }

export function later(job) {
  jobs.push(job);
  state.pending++;
  if (!asked) { asked = true; afterFrame(run); }
}
function run() {
  asked = false;
  // A job's own later() may have asked for this run, and the jobs it
  // came for have run already: nothing has changed, so nothing to redo.
  if (!jobs.length) return;
  const until = performance.now() + 8;
  for (let n = 0; jobs.length && n < 3 && performance.now() < until; n++) {
    try { jobs.shift()(); } catch (e) { console.error(e); }
    state.pending--;
  }
  if (jobs.length) { if (!asked) { asked = true; afterFrame(run); } } else if (!state.pending) rendered();
}
// Runs `f` once the next frame is drawn; a hidden page draws none, so
// after a while it runs anyway.
export function afterFrame(f) {
  let ran = false;
  const go = () => { if (!ran) { ran = true; f(); } };
  requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, 250);
}

// Puts `entries` ([signature, make]) into `box` as its children. Children
// whose signature matches are kept at the start and at the end (a
// keystroke changes one paragraph, not the article); the rest are made
// anew, `slice` at a time (the first at once when `now`, else later). A
// newer review (state.generation) stops an older one's slices.
export function reconcile(box, entries, slice, now) {
  const gen = state.generation;
  const old = [...box.children];
  let head = 0;
  while (head < old.length && head < entries.length && old[head].sig === entries[head][0]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < entries.length - head
    && old[old.length - 1 - tail].sig === entries[entries.length - 1 - tail][0]) tail++;
  for (const e of old.slice(head, old.length - tail)) e.remove();
  const before = tail ? old[old.length - tail] : null;
  const fresh = entries.slice(head, entries.length - tail);
  let at = 0;
  const step = () => {
    if (gen !== state.generation) return;
    const frag = document.createDocumentFragment();
    for (const end = Math.min(fresh.length, at + slice); at < end; at++) {
      const node = fresh[at][1]();
      node.sig = fresh[at][0];
      frag.append(node);
    }
    box.insertBefore(frag, before);
    if (at < fresh.length) later(step);
  };
  if (now) step(); else later(step);
}
