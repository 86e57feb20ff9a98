// For the end-to-end checks (xtask/src/e2e/studio.rs) and the bench
// (xtask/src/studio_bench.rs), on the page's root element, and nothing
// else: the page's logic never reads them.
//   data-studio = "asked done idle": the requests asked and answered, and
//     whether the worker has the newest text, every slice of its review is
//     on the page and no kit waits;
//   data-studio-ms, -worker-ms, -painted: from the text's posting to its
//     highlights painted, the module's own time, and which request;
//   data-studio-all-ms, -all: the same to every slice painted;
//   data-studio-preview: the story file the preview was given last.
import { state, settled } from './state.js';

const ds = document.documentElement.dataset;

export function mark() {
  const idle = settled() && !state.kitTimer && !state.kitAsked;
  ds.studio = `${state.asked} ${state.done} ${idle ? 1 : 0}`;
}
// Once the frame after this one has been drawn.
const drawn = (f) => requestAnimationFrame(() => setTimeout(f, 0));
// The review of request `id`, posted at `posted`, has its first slice on
// the page; the module took `ms`.
export function painted(id, posted, ms) {
  drawn(() => {
    ds.studioMs = String(performance.now() - posted);
    ds.studioWorkerMs = String(ms);
    ds.studioPainted = String(id);
  });
}
// Every slice of the review is on the page.
export function allPainted() {
  const [posted, id] = [state.postedAt, state.done];
  drawn(() => {
    ds.studioAllMs = String(performance.now() - posted);
    ds.studioAll = String(id);
  });
}
export function previewed(url) {
  ds.studioPreview = url || '';
}
