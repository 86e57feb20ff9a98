// The newsroom studio (studio.html): an article in, a checked story and
// its publish kit out. Every rule of extraction and editing is in Rust
// (kuril_extract::studio), run by studio-worker.js; every rule of the kit
// (its pages, codes and card) too (kuril_publish, run by publish-worker.js,
// the same as the command line's). This file sends the text, the editor's
// edits and the options there, renders what they answer, and draws the
// card's PNGs. Text from the article is always set as text, never as
// markup.
import { copyButton } from './generator.js';
import { png } from './studio-picture.js';

const $ = (id) => document.getElementById(id);
const KEY = 'kuril-studio-draft';
const KINDS = { event: 'Events', place: 'Places', person: 'People', quote: 'Quotations', claim: "Each side's positions", warning: 'Warnings' };
const META = ['publisher', 'published', 'url', 'language'];
const base = new URL('.', location.href).href;

const worker = new Worker(new URL('./studio-worker.js', import.meta.url), { type: 'module' });
let asked = 0; // the id of the last request
let busy = false; // a request is in the worker
let again = false; // the text changed while it was there
let review = null; // the last review (kuril_extract::studio::review)
let byKey = new Map(); // its items by key
let selected = null; // the selected item's key
let saved = load();
let note = ''; // said once with the next review's count
let wantStart = (saved.options && saved.options.start) || ''; // the kept "Open at"
let storyUrls = []; // the story file's latest addresses, newest last
const sent = new Map(); // request id -> when it was posted
let story = null; // the story file (JSON) of the latest review
let view = ''; // the event the reader chose in the preview, if any
let kitTimer = 0; // a kit will be made
let kitAsked = false; // a kit is being made
let kitStale = true; // the options or the story changed since the last kit
let kit = null; // the last kit: {files, element, iframe}
let kitError = ''; // why the last kit could not be made (the same settings fail again)

function load() {
  try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
}
function save() {
  saved = {
    text: $('st-text').value,
    meta: Object.fromEntries(META.map((k) => [k, $(`st-${k}`).value])),
    edits: review ? review.edits : saved.edits || [],
    options: Object.fromEntries(['start', 'lang', 'theme', 'height', 'kit-url', 'base'].map((k) => [k, $(`st-${k}`).value])),
  };
  try { localStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { status('The browser refused to keep the draft (storage full or off).'); }
}
const status = (text) => { $('st-status').textContent = text; };

// --- Extraction in the worker: the newest text wins, typing never waits.
function metaLines() {
  return META.map((k) => [k, $(`st-${k}`).value.trim()])
    .filter(([, x]) => x).map(([k, x]) => `${k}: ${x.replace(/\n/g, ' ')}`).join('\n');
}
function ask(message) {
  busy = true;
  message.id = ++asked;
  sent.set(message.id, performance.now());
  worker.postMessage(message);
  mark();
}
let timer = 0;
function textChanged() {
  save();
  clearTimeout(timer);
  timer = setTimeout(extract, 150);
  mark();
}
// For the end-to-end checks and the bench, on the page's root element:
// the requests asked and answered, and whether the worker has the newest
// text and every slice of its review is on the page (data-studio =
// "asked done idle").
let done = 0;
function mark() {
  const idle = !busy && !again && !timer && !pending && !kitTimer && !kitAsked;
  document.documentElement.dataset.studio = `${asked} ${done} ${idle ? 1 : 0}`;
}
function extract() {
  timer = 0;
  if (busy) { again = true; return; }
  const text = $('st-text').value;
  if (!text.trim()) { show(null); status('Paste an article to begin.'); mark(); return; }
  status('Reading the article…');
  ask({ op: 'open', text, meta: metaLines(), edits: JSON.stringify(saved.edits || []) });
}
// Sends an edit; false when the worker is still busy with the last one.
function edit(e) {
  if (busy) { $('st-edit-status').textContent = 'Still reading the article; try again in a moment.'; return false; }
  ask({ op: 'edit', edit: typeof e === 'string' ? e : JSON.stringify(e) });
  return true;
}
worker.onmessage = ({ data }) => {
  if ('review' in data) { drawn(data); return; }
  // The story file (or an error) ends the request.
  busy = false;
  done = data.id;
  const year = yearAsked;
  yearAsked = false;
  if (data.error && year) {
    $('st-edit-status').textContent = data.error;
  } else if (data.error) {
    status(data.error);
    $('st-edit-status').textContent = data.error;
    if (addedId) { $('st-add-status').textContent = `Not added: ${data.error}`; addedId = null; }
    if (person) { $('st-person-status').textContent = `Not added: ${data.error}`; person = null; }
  } else if ('published' in data) {
    dated(data.published);
  } else {
    // After the review's first frame, which it would slow.
    later(() => storyChanged(data.story));
  }
  sent.delete(data.id);
  if (queued && !again) { const q = queued; queued = null; edit(q); }
  if (again) { again = false; extract(); }
  mark();
};
// The review is drawn before anything else is done with it.
function drawn(data) {
  const posted = sent.get(data.id);
  postedAt = posted;
  show(JSON.parse(data.review));
  // From the text's posting to its highlights painted (the bench's
  // figure): the frame after this one has been drawn.
  requestAnimationFrame(() => setTimeout(() => {
    const ds = document.documentElement.dataset;
    ds.studioMs = String(performance.now() - posted);
    ds.studioWorkerMs = String(data.ms);
    ds.studioPainted = String(data.id);
  }, 0));
}

// --- The review: the article with its highlights, the items, the editor.
// Puts `entries` ([signature, make]) into `box` as its children. Children
// whose signature matches are kept at the start and at the end (a
// keystroke changes one paragraph, not the article); the rest are made
// anew, `slice` at a time (the first at once when `now`, else later), so
// that no single frame lays out a whole pasted article. A newer review
// stops an older one's slices.
let generation = 0;
let pending = 0; // jobs still to run (see later)
function reconcile(box, entries, slice, now) {
  const gen = generation;
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
    if (gen !== generation) return;
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
// Work a frame at a time: jobs run in order, a few of them or as many as
// fit in a few milliseconds, and then the page is drawn before the next
// ones. (Making a slice takes almost no script; drawing it is the cost, so
// the count bounds a frame, not the clock.)
const jobs = [];
let jobsAsked = false;
function later(job) {
  jobs.push(job);
  pending++;
  if (!jobsAsked) { jobsAsked = true; afterFrame(runJobs); }
}
function runJobs() {
  jobsAsked = false;
  // A job's own later() may have asked for this run, and the jobs it
  // came for have run already: nothing has changed, so nothing to redo.
  if (!jobs.length) return;
  const until = performance.now() + 8;
  for (let n = 0; jobs.length && n < 3 && performance.now() < until; n++) {
    try { jobs.shift()(); } catch (e) { console.error(e); }
    pending--;
  }
  if (jobs.length) { if (!jobsAsked) { jobsAsked = true; afterFrame(runJobs); } } else if (!pending) rendered();
}
// Runs `f` once the next frame is drawn; a hidden page draws none, so
// after a while it runs anyway.
function afterFrame(f) {
  let ran = false;
  const go = () => { if (!ran) { ran = true; f(); } };
  requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, 250);
}
// Every slice is in: the selection reaches the new nodes too.
function rendered() {
  select(byKey.has(selected) ? selected : null, false);
  const ds = document.documentElement.dataset;
  const [posted, id] = [postedAt, done];
  requestAnimationFrame(() => setTimeout(() => {
    ds.studioAllMs = String(performance.now() - posted);
    ds.studioAll = String(id);
  }, 0));
  mark();
}
let postedAt = 0; // when the text of the review on screen went to the worker

// The article's paragraphs as [signature, make] entries: each a block of
// its pieces (a piece that runs over a paragraph's end is cut there),
// highlighted by the kinds of the items it belongs to.
function paragraphs(r) {
  const out = [];
  let par = [];
  for (const [text, keys] of r.pieces) {
    const on = keys.filter((k) => !byKey.get(k).rejected);
    const cls = keys.length ? ['st-m', ...new Set(on.map((k) => `st-k-${byKey.get(k).kind}`)), ...(on.length ? [] : ['st-off'])].join(' ') : '';
    for (const part of text.split(/(?<=\n\n)/)) {
      par.push([part, keys.join(' '), cls]);
      if (part.endsWith('\n\n')) { out.push(par); par = []; }
    }
  }
  if (par.length) out.push(par);
  return out.map((segments) => [segments.flat().join('\u0001'), () => {
    const div = document.createElement('div');
    div.className = 'st-par';
    for (const [text, keys, cls] of segments) {
      if (!keys) { div.append(text); continue; }
      const m = document.createElement('span');
      m.className = cls;
      m.tabIndex = -1;
      m.dataset.keys = keys;
      m.textContent = text;
      div.append(m);
    }
    return div;
  }]);
}

// An item of the list as a [signature, make] entry.
function itemEntry(i) {
  return [JSON.stringify([i.key, i.label, i.detail, i.rejected]), () => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `st-item st-k-${i.kind}`;
    b.dataset.key = i.key;
    b.tabIndex = -1;
    b.setAttribute('aria-pressed', 'false');
    const label = document.createElement('strong');
    label.textContent = i.label;
    const detail = document.createElement('span');
    detail.textContent = i.rejected ? `${i.detail} · left out` : i.detail;
    if (i.rejected) b.classList.add('st-off');
    b.append(label, ' ', detail);
    const li = document.createElement('li');
    li.append(b);
    return li;
  }];
}

// Draws a review: the article's first slice at once (what the editor
// looks at), the rest of it, the list and the options a frame later.
function show(r) {
  review = r;
  byKey = new Map(r ? r.items.map((i) => [i.key, i]) : []);
  generation++;
  const art = $('st-article');
  $('st-undo').disabled = !(r && r.undo);
  $('st-redo').disabled = !(r && r.redo);
  if (!r) { art.replaceChildren(); $('st-items').replaceChildren(); $('st-count').textContent = ''; select(null); return; }
  reconcile(art, paragraphs(r), 4, true);
  const gen = generation;
  later(() => { if (gen === generation) showList(r); });
}
function showList(r) {
  const list = $('st-items');
  const n = r.items.filter((i) => !i.rejected).length;
  $('st-count').textContent = `(${n} kept of ${r.items.length})`;
  const groups = Object.entries(KINDS)
    .map(([kind, title]) => [kind, title, r.items.filter((i) => i.kind === kind)])
    .filter(([, , of]) => of.length);
  reconcile(list, groups.map(([kind]) => [kind, () => {
    const g = document.createElement('div');
    g.append(document.createElement('h4'), document.createElement('ul'));
    return g;
  }]), groups.length, true);
  groups.forEach(([, title, of], at) => {
    const g = list.children[at];
    g.firstChild.textContent = `${title} (${of.length})`;
    reconcile(g.lastChild, of.map(itemEntry), 12, false);
  });
  if (r.dropped) status(`${r.dropped} saved correction(s) no longer fit the text and were left out.`);
  else status(`${note}Found ${r.items.length} items. Check each one; the preview and the export follow every change.`);
  note = '';
  fillOptions(r);
  fillSentences(r);
  // An event just added is selected, for its places and other titles.
  const added = addedId && r.items.find((i) => i.id === addedId);
  if (added) {
    selected = added.key;
    $('st-add-status').textContent = `Added “${added.label}”; it is selected in the list, to set its places and its other titles.`;
    $('st-add-title').value = '';
    $('st-add-date').value = '';
  }
  addedId = null;
  // A person just added: given the quotation chosen, if any.
  const who = person && r.items.find((i) => i.id === person.id);
  if (who) {
    $('st-person-name').value = '';
    $('st-person-office').value = '';
    if (person.quote !== null) {
      const quote = person.quote;
      person = null;
      $('st-person-status').textContent = `Added ${who.label} and made them the speaker of the quotation.`;
      const give = { op: 'speaker', quote, speaker: who.id };
      if (busy) queued = give; else edit(give);
    } else {
      person = null;
      $('st-person-status').textContent = `Added ${who.label}; choose them as a quotation's speaker.`;
    }
  }
  select(byKey.has(selected) ? selected : null, !!added);
  save();
}
// The sentences a new event may come from; the choice is kept.
function fillSentences(r) {
  const box = $('st-add-sentence');
  const sig = r.sentences.join('\u0001');
  if (box.sig === sig) return;
  const was = box.selectedIndex;
  box.replaceChildren(...r.sentences.map((t, i) => new Option(`${i + 1}. ${t}`, String(i))));
  box.sig = sig;
  if (was >= 0 && was < r.sentences.length) box.selectedIndex = was;
}
let addedId = null; // the id of the event being added
$('st-add-set').onclick = () => {
  const title = $('st-add-title').value.trim();
  if (!review) { $('st-add-status').textContent = 'Paste an article first.'; return; }
  if (!title) { $('st-add-status').textContent = 'The event needs a title.'; return; }
  const id = review.nextEvent;
  if (!edit({ op: 'add-event', sentence: Number($('st-add-sentence').value), date: $('st-add-date').value.trim() || null, title })) {
    $('st-add-status').textContent = 'Still reading the article; try again in a moment.';
    return;
  }
  addedId = id;
  $('st-add-status').textContent = '';
};

let person = null; // { id, quote } while a person is being added
let queued = null; // an edit to send once the worker is free
$('st-person-set').onclick = () => {
  const name = $('st-person-name').value.trim();
  if (!review) { $('st-person-status').textContent = 'Paste an article first.'; return; }
  if (!name) { $('st-person-status').textContent = 'The person needs a name, as the article writes it.'; return; }
  const id = review.nextPerson;
  const quote = isQuote(selected) ? byKey.get(selected).index : null;
  const giving = quote !== null && $('st-person-quote').checked;
  if (!edit({ op: 'add-person', name, office: $('st-person-office').value.trim(), side: $('st-person-side').value || null })) {
    $('st-person-status').textContent = 'Still reading the article; try again in a moment.';
    return;
  }
  person = { id, quote: giving ? quote : null };
  $('st-person-status').textContent = '';
};

function select(key, scroll = true) {
  selected = key;
  $('st-person-quote-row').hidden = !isQuote(key);
  const item = byKey.get(key);
  for (const m of $('st-article').querySelectorAll('.st-sel')) m.classList.remove('st-sel');
  // Only the buttons whose state changes are touched: the list is long.
  // The list's one Tab stop is the selected item, else the first.
  const list = $('st-items');
  for (const b of list.querySelectorAll('.st-item[tabindex="0"], .st-item[aria-pressed="true"]')) {
    b.setAttribute('aria-pressed', 'false');
    b.tabIndex = -1;
  }
  const b = (key && list.querySelector(`.st-item[data-key="${key}"]`)) || null;
  const stop = b || list.querySelector('.st-item');
  if (stop) stop.tabIndex = 0;
  if (b) {
    b.setAttribute('aria-pressed', 'true');
    if (scroll) b.scrollIntoView({ block: 'nearest' });
  }
  $('st-editor-empty').hidden = !!item;
  $('st-editor-body').hidden = !item;
  if (!item) return;
  const marks = $('st-article').querySelectorAll(`.st-m[data-keys~="${key}"]`);
  for (const m of marks) m.classList.add('st-sel');
  if (marks[0] && scroll) marks[0].scrollIntoView({ block: 'nearest' });
  $('st-sel-label').textContent = item.label;
  $('st-sel-detail').textContent = `${KINDS[item.kind]}: ${item.detail}${item.rejected ? ' · left out' : ''}`;
  $('st-sel-excerpt').textContent = item.excerpt || '';
  $('st-sel-excerpt').hidden = !item.excerpt;
  const resolve = (item.kind === 'warning' && item.resolve) || {};
  $('st-toggle').textContent = item.kind === 'warning'
    ? (item.rejected ? 'Reopen the warning'
      : resolve.kind === 'correction' ? 'Accept the correction'
        : resolve.inferred ? `Keep ${resolve.inferred}` : 'Mark the warning settled')
    : (item.rejected ? 'Take it back' : 'Leave it out');
  $('st-event-edit').hidden = item.kind !== 'event';
  $('st-quote-edit').hidden = item.kind !== 'quote';
  $('st-correction').hidden = resolve.kind !== 'correction' || item.rejected;
  $('st-year').hidden = resolve.kind !== 'year' || item.rejected;
  if (resolve.kind === 'correction') $('st-correction-text').textContent = `“${resolve.text}” was read as ${resolve.resolved}.`;
  if (resolve.kind === 'year') {
    $('st-year-list').replaceChildren(...resolve.candidates.map((y) => new Option(String(y))));
    $('st-year-pick').value = resolve.candidates.length ? String(resolve.candidates[0]) : '';
  }
  if (item.kind === 'event') {
    $('st-date').value = item.date || '';
    $('st-title').value = item.title[$('st-title-lang').value];
    showPlaces(item.places);
  }
  if (item.kind === 'quote') {
    const sp = $('st-speaker');
    sp.replaceChildren(new Option('Nobody (no speaker)', ''), ...review.people.map((p) => new Option(p.name, p.id)));
    sp.value = item.speaker || '';
  }
  $('st-edit-status').textContent = '';
}

const index = () => byKey.get(selected).index;
const isQuote = (key) => !!key && byKey.has(key) && byKey.get(key).kind === 'quote';
$('st-toggle').onclick = () => {
  const item = byKey.get(selected);
  edit({ op: item.rejected ? 'restore' : 'reject', item: selected });
};
$('st-date-set').onclick = () => {
  const d = $('st-date').value.trim();
  edit({ op: 'date', event: index(), date: d || null });
};
$('st-title-set').onclick = () => edit({ op: 'title', event: index(), lang: $('st-title-lang').value, title: $('st-title').value });
$('st-title-lang').onchange = () => { $('st-title').value = byKey.get(selected).title[$('st-title-lang').value]; };
$('st-speaker-set').onclick = () => edit({ op: 'speaker', quote: index(), speaker: $('st-speaker').value || null });
// The event's places: a box for each place the widget knows, made once.
function showPlaces(on) {
  const box = $('st-places');
  if (!box.children.length) {
    box.append(...review.places.map((p) => {
      const label = document.createElement('label');
      const c = document.createElement('input');
      c.type = 'checkbox';
      c.value = p.id;
      label.append(c, ` ${p.name}`);
      return label;
    }));
  }
  for (const c of box.querySelectorAll('input')) c.checked = on.includes(c.value);
  $('st-places-sum').textContent = `Places (${on.length ? review.places.filter((p) => on.includes(p.id)).map((p) => p.name).join(', ') : 'none'})`;
}
$('st-places-set').onclick = () => edit({ op: 'places', event: index(), places: [...$('st-places').querySelectorAll('input:checked')].map((c) => c.value) });
$('st-refuse').onclick = () => edit({ op: 'refuse', warning: index() });
// A year for an article whose dateline has none is its metadata: the
// published date (the dateline's day in that year), and the text is read
// again with it.
// The worker makes the date (Session::published_in).
$('st-year-set').onclick = () => {
  if (busy) { $('st-edit-status').textContent = 'Still reading the article; try again in a moment.'; return; }
  yearAsked = true;
  ask({ op: 'year', year: $('st-year-pick').value });
};
let yearAsked = false; // a year went to the worker
function dated(date) {
  $('st-published').value = date;
  note = `The article's date is now ${date} (under “About the article”), and the text was read again with it. `;
  textChanged();
}
$('st-undo').onclick = () => edit('undo');
$('st-redo').onclick = () => edit('redo');
$('st-over').onclick = () => {
  localStorage.removeItem(KEY);
  saved = {};
  for (const id of ['st-text', 'st-publisher', 'st-published', 'st-url', 'st-language', 'st-start', 'st-height']) $(id).value = '';
  $('st-lang').value = 'en';
  $('st-theme').value = 'light';
  show(null);
  storyChanged(null);
  status('Started over: the draft is cleared.');
  $('st-text').focus();
};
document.addEventListener('keydown', (e) => {
  const typing = e.target.closest('input, textarea, select');
  if (typing || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
  e.preventDefault();
  edit(e.shiftKey ? 'redo' : 'undo');
});

// The article and the list point at each other, by mouse and by keyboard.
$('st-article').addEventListener('click', (e) => {
  const m = e.target.closest('.st-m');
  if (m) pickMark(m);
});
function pickMark(m) {
  const keys = m.dataset.keys.split(' ');
  // The innermost item first; clicking again on the same piece moves out.
  const at = keys.indexOf(selected);
  select(keys[at > 0 ? at - 1 : keys.length - 1]);
}
$('st-article').addEventListener('keydown', (e) => {
  const marks = [...$('st-article').querySelectorAll('.st-m')];
  if (!marks.length) return;
  const now = marks.indexOf(document.activeElement);
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
  if (step) {
    e.preventDefault();
    const m = marks[Math.max(0, Math.min(marks.length - 1, now + step))];
    m.focus();
    $('st-where').textContent = m.dataset.keys.split(' ').map((k) => `${KINDS[byKey.get(k).kind]}: ${byKey.get(k).label}`).join('; ');
  } else if ((e.key === 'Enter' || e.key === ' ') && now >= 0) {
    e.preventDefault();
    pickMark(marks[now]);
  }
});
$('st-items').addEventListener('click', (e) => {
  const b = e.target.closest('.st-item');
  if (b) select(b.dataset.key);
});
$('st-items').addEventListener('keydown', (e) => {
  const buttons = [...$('st-items').querySelectorAll('.st-item')];
  const now = buttons.indexOf(document.activeElement);
  const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
  if (!step || now < 0) return;
  e.preventDefault();
  const b = buttons[Math.max(0, Math.min(buttons.length - 1, now + step))];
  for (const x of buttons) x.tabIndex = x === b ? 0 : -1;
  b.focus();
});

// --- Input: typing, a file opened or dropped, the metadata.
$('st-text').addEventListener('input', textChanged);
for (const k of META) $(`st-${k}`).addEventListener('input', textChanged);
async function readFile(file) {
  if (!file) return;
  if (file.size > 2 << 20) { status(`${file.name} is larger than 2 MB; no article is that long.`); return; }
  $('st-text').value = await file.text();
  status(`Opened ${file.name}.`);
  textChanged();
}
$('st-file').addEventListener('change', (e) => readFile(e.target.files[0]));
$('st-text').addEventListener('dragover', (e) => e.preventDefault());
$('st-text').addEventListener('drop', (e) => {
  if (!e.dataTransfer.files.length) return;
  e.preventDefault();
  readFile(e.dataTransfer.files[0]);
});

// --- Options, preview and export.
// "Open at": the story's events, then the bundled history's others (the
// widget's timeline has them all).
function fillOptions(r) {
  const start = $('st-start');
  // The kept choice waits for the first review, which brings the options.
  const want = start.value || wantStart;
  wantStart = '';
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
function storyChanged(json) {
  story = json;
  if (json) storyUrls.push(URL.createObjectURL(new Blob([json], { type: 'application/json' })));
  while (storyUrls.length > (json ? 3 : 0)) URL.revokeObjectURL(storyUrls.shift());
  const url = storyUrls[storyUrls.length - 1];
  const link = $('st-story-file');
  link.href = url || '#';
  link.toggleAttribute('aria-disabled', !url);
  view = '';
  // The preview reads the same file through story-src, as a reader's
  // widget will. Rendering it takes the main thread for a while, so it
  // follows once the editor pauses and the review is drawn, never between
  // two keystrokes.
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 400);
  optionsChanged();
}
let previewTimer = 0;
function preview() {
  if (busy || again || timer || pending) { previewTimer = setTimeout(preview, 400); return; }
  previewTimer = 0;
  setAttr($('st-preview'), 'story-src', storyUrls[storyUrls.length - 1]);
  // For the end-to-end checks: the story file the preview was given last.
  document.documentElement.dataset.studioPreview = storyUrls[storyUrls.length - 1] || '';
}
// Sets an attribute (removes it for no value), unless it has that value.
function setAttr(e, name, value) {
  if (!value) e.removeAttribute(name);
  else if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}
function optionsChanged() {
  // Only what changed: each attribute set makes the preview render again.
  for (const [k, v] of options()) setAttr($('st-preview'), k, v);
  view = '';
  // The kit (and its embed codes) follows once the preview has.
  kitStale = true;
  clearTimeout(kitTimer);
  kitTimer = setTimeout(makeKit, 600);
  $('st-kit-link').hidden = true;
  save();
  mark();
}
for (const id of ['st-start', 'st-lang', 'st-theme', 'st-height', 'st-kit-url', 'st-base']) $(id).addEventListener('input', optionsChanged);
for (const id of ['st-start', 'st-lang', 'st-theme']) $(id).addEventListener('change', optionsChanged);
copyButton($('st-copy-element'), $('st-element'));
copyButton($('st-copy-iframe'), $('st-iframe'));

// --- The publish kit, made by the publish module in its own worker
// (loaded the first time a kit is made).
let publisher = null;
let published = 0;
const answers = new Map();
function publish(message) {
  if (!publisher) {
    publisher = new Worker(new URL('./publish-worker.js', import.meta.url), { type: 'module' });
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
  message.id = ++published;
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
  kitTimer = 0;
  if (!story) { mark(); return; }
  if (busy || again || timer || pending || previewTimer || kitAsked) { kitTimer = setTimeout(makeKit, 400); return; }
  kitAsked = true;
  kitStale = false;
  mark();
  try {
    kit = await publish({ op: 'kit', story, settings: settings() });
    kitError = '';
    $('st-element').value = kit.element;
    $('st-iframe').value = kit.iframe;
    $('st-publish-status').textContent = '';
  } catch (e) {
    kit = null;
    kitError = e.message;
    $('st-publish-status').textContent = `The kit could not be made: ${e.message}`;
  } finally {
    kitAsked = false;
    mark();
  }
}
// The kit as one download: the card's PNGs drawn from its SVG, then the
// archive of the whole folder.
let kitUrl = '';
$('st-publish').addEventListener('click', async () => {
  const say = (t) => { $('st-publish-status').textContent = t; };
  if (!story) { say('Paste an article first.'); return; }
  say('Making the kit…');
  for (let waited = 0; (kitStale || kitAsked || kitTimer) && waited < 30000; waited += 100) {
    if (kitStale && !kitAsked && !kitTimer) makeKit();
    await new Promise((done) => setTimeout(done, 100));
  }
  if (kitError) { say(`The kit could not be made: ${kitError}`); return; }
  if (!kit || kitStale) { say('The kit could not be made yet; try again in a moment.'); return; }
  const made = kit;
  try {
    const svg = new TextDecoder().decode(made.files.find(([n]) => n === 'card.svg')[1]);
    const bytes = async (scale) => new Uint8Array(await (await png(svg, scale)).arrayBuffer());
    const [one, two] = [await bytes(1), await bytes(2)];
    // The worker zips the kit it made last: the one the pictures are of,
    // unless the story or the options changed meanwhile.
    if (kit !== made || kitStale || kitAsked) { say('The story or its options changed while the kit was made: press Publish again.'); return; }
    const slug = (JSON.parse(story).article.headline || 'kuril-story').toLowerCase()
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

// --- A picture of the preview's current view: the card of the story as
// the widget opens at the event the preview shows (the kit's card rules).
$('st-preview').addEventListener('kuril-select', (e) => { view = e.detail.id; });
for (const b of document.querySelectorAll('[data-picture]')) {
  b.addEventListener('click', async () => {
    const say = (t) => { $('st-picture-status').textContent = t; };
    if (!story) { say('Paste an article first.'); return; }
    say('Drawing the picture…');
    try {
      const { svg } = await publish({ op: 'card', story, settings: settings(view || undefined) });
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
      img.alt = `The picture as exported: ${(review && review.headline) || 'the Kuril Islands dispute'}`;
      img.hidden = false;
      say(`${link.download} is ready.`);
    } catch (e) {
      say(`The picture could not be made: ${e.message || e}`);
    }
  });
}

// --- Start: the kept draft, if any.
$('st-text').value = saved.text || '';
for (const [k, v] of Object.entries(saved.meta || {})) if ($(`st-${k}`)) $(`st-${k}`).value = v;
for (const [k, v] of Object.entries(saved.options || {})) if ($(`st-${k}`) && v) $(`st-${k}`).value = v;
$('st-base').placeholder = base;
optionsChanged();
if (saved.text) { status('Your draft is back.'); extract(); } else status('Paste an article to begin.');
mark();
