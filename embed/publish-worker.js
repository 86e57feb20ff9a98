// The studio's publish module in a Web Worker (crates/publish, bin
// kuril-publish built for wasm32): the kit's rules, the same as the command
// line's (cargo xtask publish), loaded only by the studio. studio.js posts
// {id, op: 'kit', story, settings} (the story file and the settings as
// JSON) and gets {id, files: [[name, bytes], …], element, iframe} (all but
// the card's PNGs, and the embed codes);
// {id, op: 'card', story, settings} gets {id, svg}; {id, op: 'zip', png,
// png2, folder} gets {id, zip}, the archive of the kit made last with the
// PNGs the page drew. Or {id, error}.
import init, { publish_kit, publish_card, publish_zip } from './kuril-publish.js';

const ready = init({ module_or_path: new URL('./kuril-publish_bg.wasm', import.meta.url) });

self.onmessage = async ({ data: { id, op, story, settings, png, png2, folder } }) => {
  try {
    await ready;
    if (op === 'kit') {
      const { files, element, iframe } = await publish_kit(story, settings);
      self.postMessage({ id, files, element, iframe });
    } else if (op === 'card') {
      self.postMessage({ id, svg: await publish_card(story, settings) });
    } else if (op === 'zip') {
      const zip = publish_zip(png, png2, folder);
      self.postMessage({ id, zip }, [zip.buffer]);
    } else {
      throw new Error(`unknown request ${op}`);
    }
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
