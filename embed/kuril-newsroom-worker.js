// The newsroom module's Web Worker. A widget given article-src or story-src
// starts it (src/host/fetch.rs) and posts {id, kind: 'article' | 'story', bytes};
// it answers {id, packed} (the story, packed: kuril_core::pack) or
// {id, error} (why the file holds no story, for the reader). Extraction runs
// here, so the host page's main thread never waits on it; readers of the
// bundled story never download this module.
import init, { read_article, read_story } from './kuril-newsroom.js';

const ready = init({ module_or_path: new URL('./kuril-newsroom_bg.wasm', import.meta.url) });

self.onmessage = async ({ data: { id, kind, bytes } }) => {
  try {
    await ready;
    const packed = kind === 'story' ? read_story(bytes) : read_article(bytes);
    self.postMessage({ id, packed }, [packed.buffer]);
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
