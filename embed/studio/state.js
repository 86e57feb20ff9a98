// The studio page's state, in one place: what the worker last answered,
// what the editor has selected and is adding, what waits to be drawn or
// sent, the preview and the kit. Every module of the page reads and
// writes it here; nothing else is kept between events. The draft itself
// (text, metadata, edits, options) is kept in local storage too, so that
// it outlives the tab.
export const $ = (id) => document.getElementById(id);
export const KINDS = { event: 'Events', place: 'Places', person: 'People', quote: 'Quotations', claim: "Each side's positions", warning: 'Warnings' };
export const META = ['publisher', 'published', 'url', 'language'];
export const OPTIONS = ['start', 'lang', 'theme', 'height', 'kit-url', 'base'];
// Where the widget's files are: next to the studio's page.
export const base = new URL('.', location.href).href;
const KEY = 'kuril-studio-draft';

export const state = {
  // The worker (client.js).
  asked: 0, // the id of the last request
  done: 0, // the id of the last request answered in full
  busy: false, // a request is in the worker
  again: false, // the text changed while it was there
  timer: 0, // the text will be sent
  sent: new Map(), // request id -> when it was posted
  postedAt: 0, // when the text of the review on screen went to the worker
  // The review on screen (views.js).
  review: null, // the last review (kuril_extract::studio::Review)
  byKey: new Map(), // its items by key
  selected: null, // the selected item's key
  note: '', // said once with the next review's count
  // Drawing (frames.js).
  generation: 0, // a newer review stops an older one's slices
  pending: 0, // jobs still to run
  // What the editor is doing (studio.js).
  adding: null, // the id of the event being added (the review's nextEvent)
  person: null, // { id, quote } while a person is being added
  queued: null, // an edit to send once the worker is free
  year: false, // a year went to the worker
  // The story file, the preview and the kit (publish.js).
  saved: load(),
  wantStart: '', // the kept "Open at", until the first review brings the events
  story: null, // the story file (JSON) of the latest review
  storyUrls: [], // the story file's latest addresses, newest last
  view: '', // the event the reader chose in the preview, if any
  previewTimer: 0, // the preview will be given the story file
  kitTimer: 0, // a kit will be made
  kitAsked: false, // a kit is being made
  kitStale: true, // the options or the story changed since the last kit
  kit: null, // the last kit: {files, element, iframe}
  kitError: '', // why the last kit could not be made (the same settings fail again)
};
state.wantStart = (state.saved.options && state.saved.options.start) || '';

function load() {
  try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
}
// Keeps the draft: the text, the metadata, the edits (as the worker
// gives them, each with its anchor) and the options.
export function save() {
  state.saved = {
    text: $('st-text').value,
    meta: Object.fromEntries(META.map((k) => [k, $(`st-${k}`).value])),
    edits: state.review ? state.review.edits : state.saved.edits || [],
    options: Object.fromEntries(OPTIONS.map((k) => [k, $(`st-${k}`).value])),
  };
  try { localStorage.setItem(KEY, JSON.stringify(state.saved)); } catch (e) { status('The browser refused to keep the draft (storage full or off).'); }
}
export function forget() {
  localStorage.removeItem(KEY);
  state.saved = {};
}
export const status = (text) => { $('st-status').textContent = text; };
// Whether the worker has the newest text and every slice of its review
// is on the page.
export const settled = () => !state.busy && !state.again && !state.timer && !state.pending;
