// The widget's options, the preview, the story file's links and the
// publish kit: the kit, the preview's card and the zip are made by the
// publish module in its own worker (publish-worker.js, loaded the first
// time a kit is made); this draws the card's PNGs and offers the files.
import { copyButton } from '../generator.js';
import { png } from '../studio-picture.js';
import { $, base, state, save, settled } from './state.js';
import { mark, previewed } from './hooks.js';

// "Open at": the story's events, then the bundled history's others (the
// widget's timeline has them all).
export function fillOptions(r) {
  const start = $('st-start');
  // The kept choice waits for the first review, which brings the options.
  const want = start.value || state.wantStart;
  state.wantStart = '';
  const group = (label, events) => {
    const g = document.createElement('optgroup');
    g.label = label;
    g.append(...events.map((e) => new Option(`${e.date || 'no date'}: ${e.title}`, e.id)));
    return g;
  };
  const mine = new Set(r.events.map((e) => e.id));
  const others = r.history.filter((e) => !mine.has(e.id));
  start.replaceChildren(new Option("The article's own event", ''),
    group('Events of this article', r.events), group('The bundled history, on every timeline', others));
  start.value = r.events.some((e) => e.id === want) || others.some((e) => e.id === want) ? want : '';
}
function options() {
  return [['lang', $('st-lang').value], ['theme', $('st-theme').value],
    ['start-at', $('st-start').value], ['height', $('st-height').value.trim()]];
}
// One address for each version of the story file: the download link and
// the preview share it. The three newest are kept, so that the preview's
// fetch of one never meets a freed address.
export function storyChanged(json) {
  const urls = state.storyUrls;
  state.story = json;
  if (json) urls.push(URL.createObjectURL(new Blob([json], { type: 'application/json' })));
  while (urls.length > (json ? 3 : 0)) URL.revokeObjectURL(urls.shift());
  const url = urls[urls.length - 1];
  const link = $('st-story-file');
  link.href = url || '#';
  link.toggleAttribute('aria-disabled', !url);
  state.view = '';
  // The preview reads the same file through story-src, as a reader's
  // widget will. Rendering it takes the main thread for a while, so it
  // follows once the editor pauses and the review is drawn, never between
  // two keystrokes.
  clearTimeout(state.previewTimer);
  state.previewTimer = setTimeout(preview, 400);
  optionsChanged();
}
function preview() {
  if (!settled()) { state.previewTimer = setTimeout(preview, 400); return; }
  state.previewTimer = 0;
  const url = state.storyUrls[state.storyUrls.length - 1];
  setAttr($('st-preview'), 'story-src', url);
  previewed(url);
}
// Sets an attribute (removes it for no value), unless it has that value.
function setAttr(e, name, value) {
  if (!value) e.removeAttribute(name);
  else if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}
export function optionsChanged() {
  // Only what changed: each attribute set makes the preview render again.
  for (const [k, v] of options()) setAttr($('st-preview'), k, v);
  state.view = '';
  // The kit (and its embed codes) follows once the preview has.
  state.kitStale = true;
  clearTimeout(state.kitTimer);
  state.kitTimer = setTimeout(makeKit, 600);
  $('st-kit-link').hidden = true;
  save();
  mark();
}
for (const id of ['st-start', 'st-lang', 'st-theme', 'st-height', 'st-kit-url', 'st-base']) $(id).addEventListener('input', optionsChanged);
for (const id of ['st-start', 'st-lang', 'st-theme']) $(id).addEventListener('change', optionsChanged);
copyButton($('st-copy-element'), $('st-element'));
copyButton($('st-copy-iframe'), $('st-iframe'));

// The publish module's worker, started on the first question.
let publisher = null;
let questions = 0;
const answers = new Map();
function publish(message) {
  if (!publisher) {
    publisher = new Worker(new URL('../publish-worker.js', import.meta.url), { type: 'module' });
    publisher.onmessage = ({ data }) => {
      const p = answers.get(data.id);
      answers.delete(data.id);
      if (p) (data.error === undefined ? p.done(data) : p.fail(new Error(data.error)));
    };
    // A module that cannot load answers nothing: every question fails,
    // and the next one starts the worker again.
    publisher.onerror = (e) => {
      e.preventDefault();
      for (const p of answers.values()) p.fail(new Error('the publish module could not load'));
      answers.clear();
      publisher = null;
    };
  }
  message.id = ++questions;
  return new Promise((done, fail) => {
    answers.set(message.id, { done, fail });
    publisher.postMessage(message, message.transfer || []);
  });
}
// The kit's settings: the widget's options, where its files are, where
// the kit will be; `start` in place of the chosen start (a picture).
function settings(start) {
  const o = Object.fromEntries(options());
  if (start !== undefined) o['start-at'] = start;
  o.base = $('st-base').value.trim() || base;
  o.url = $('st-kit-url').value.trim();
  return JSON.stringify(o);
}
async function makeKit() {
  state.kitTimer = 0;
  if (!state.story) { mark(); return; }
  if (!settled() || state.previewTimer || state.kitAsked) { state.kitTimer = setTimeout(makeKit, 400); return; }
  state.kitAsked = true;
  state.kitStale = false;
  mark();
  try {
    state.kit = await publish({ op: 'kit', story: state.story, settings: settings() });
    state.kitError = '';
    $('st-element').value = state.kit.element;
    $('st-iframe').value = state.kit.iframe;
    $('st-publish-status').textContent = '';
  } catch (e) {
    state.kit = null;
    state.kitError = e.message;
    $('st-publish-status').textContent = `The kit could not be made: ${e.message}`;
  } finally {
    state.kitAsked = false;
    mark();
  }
}
// The kit as one download: the card's PNGs drawn from its SVG, then the
// archive of the whole folder.
let kitUrl = '';
$('st-publish').addEventListener('click', async () => {
  const say = (t) => { $('st-publish-status').textContent = t; };
  if (!state.story) { say('Paste an article first.'); return; }
  say('Making the kit…');
  for (let waited = 0; (state.kitStale || state.kitAsked || state.kitTimer) && waited < 30000; waited += 100) {
    if (state.kitStale && !state.kitAsked && !state.kitTimer) makeKit();
    await new Promise((done) => setTimeout(done, 100));
  }
  if (state.kitError) { say(`The kit could not be made: ${state.kitError}`); return; }
  if (!state.kit || state.kitStale) { say('The kit could not be made yet; try again in a moment.'); return; }
  const made = state.kit;
  try {
    const svg = new TextDecoder().decode(made.files.find(([n]) => n === 'card.svg')[1]);
    const bytes = async (scale) => new Uint8Array(await (await png(svg, scale)).arrayBuffer());
    const [one, two] = [await bytes(1), await bytes(2)];
    // The worker zips the kit it made last: the one the pictures are of,
    // unless the story or the options changed meanwhile.
    if (state.kit !== made || state.kitStale || state.kitAsked) { say('The story or its options changed while the kit was made: press Publish again.'); return; }
    const slug = (JSON.parse(state.story).article.headline || 'kuril-story').toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'kuril-story';
    const folder = `kuril-kit-${slug}`;
    const { zip } = await publish({ op: 'zip', png: one, png2: two, folder, transfer: [one.buffer, two.buffer] });
    if (kitUrl) URL.revokeObjectURL(kitUrl);
    kitUrl = URL.createObjectURL(new Blob([zip], { type: 'application/zip' }));
    const link = $('st-kit-link');
    link.href = kitUrl;
    link.download = `${folder}.zip`;
    link.textContent = `Download ${folder}.zip (${Math.round(zip.length / 1024)} KB)`;
    link.hidden = false;
    say(`The kit is ready: ${made.files.length + 2} files in ${folder}.zip. Put the folder at the kit's address; the embed codes below point at it.`);
    link.focus();
  } catch (e) {
    say(`The kit could not be made: ${e.message}`);
  }
});

// A picture of the preview's current view: the card of the story as the
// widget opens at the event the preview shows (the kit's card rules).
$('st-preview').addEventListener('kuril-select', (e) => { state.view = e.detail.id; });
for (const b of document.querySelectorAll('[data-picture]')) {
  b.addEventListener('click', async () => {
    const say = (t) => { $('st-picture-status').textContent = t; };
    if (!state.story) { say('Paste an article first.'); return; }
    say('Drawing the picture…');
    try {
      const { svg } = await publish({ op: 'card', story: state.story, settings: settings(state.view || undefined) });
      const kind = b.dataset.picture;
      const blob = kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await png(svg, Number(kind));
      const link = $('st-picture-link');
      if (link.href) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(blob);
      link.download = kind === 'svg' ? 'kuril-widget.svg' : `kuril-widget-${1200 * kind}x${675 * kind}.png`;
      link.textContent = `Download ${link.download}`;
      link.hidden = false;
      const img = $('st-picture');
      img.src = link.href;
      img.alt = `The picture as exported: ${(state.review && state.review.headline) || 'the Kuril Islands dispute'}`;
      img.hidden = false;
      say(`${link.download} is ready.`);
    } catch (e) {
      say(`The picture could not be made: ${e.message || e}`);
    }
  });
}
