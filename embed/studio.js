// The newsroom studio (studio.html): an article in, a checked story and
// its publish kit out. Every rule of extraction and editing is in Rust
// (kuril_extract::studio), run by studio-worker.js; every rule of the kit
// (its pages, codes and card) too (kuril_publish, run by publish-worker.js,
// the same as the command line's). The page sends the text, the editor's
// edits and the options there, renders what they answer, and draws the
// card's PNGs. This module is the page's wiring: what each control does.
// The rest is in studio/: state.js (the page's state, in one place),
// client.js (the worker client), frames.js (scheduling and drawing),
// views.js (the review on the page), publish.js (options, preview, kit),
// hooks.js (what the end-to-end checks and the bench read, apart).
import { $, KINDS, META, base, state, save, forget, status } from './studio/state.js';
import { connect, textChanged, extract, edit, editSoon, askYear } from './studio/client.js';
import { later } from './studio/frames.js';
import { show, select, whenListed } from './studio/views.js';
import { fillOptions, optionsChanged, storyChanged } from './studio/publish.js';
import { mark } from './studio/hooks.js';

const say = (id, text) => { $(id).textContent = text; };

connect({
  review: show,
  // After the review's first frame, which it would slow.
  story: (json) => later(() => storyChanged(json)),
  // A year the editor chose gives the article's date: its metadata, and
  // the text is read again with it.
  published: (date) => {
    $('st-published').value = date;
    state.note = `The article's date is now ${date} (under “About the article”), and the text was read again with it. `;
    textChanged();
  },
  failed: (why, op) => {
    say('st-edit-status', why);
    if (op === 'year') return;
    status(why);
    if (state.adding) { say('st-add-status', `Not added: ${why}`); state.adding = null; }
    if (state.person) { say('st-person-status', `Not added: ${why}`); state.person = null; }
  },
});

// Once a review's list is in: the options it brings, and what the editor
// just added, by the id the review said it would have.
whenListed((r) => {
  fillOptions(r);
  // An event just added is selected, for its places and other titles.
  const added = state.adding && r.items.find((i) => i.id === state.adding);
  if (added) {
    state.selected = added.key;
    say('st-add-status', `Added “${added.label}”; it is selected in the list, to set its places and its other titles.`);
    $('st-add-title').value = '';
    $('st-add-date').value = '';
  }
  state.adding = null;
  // A person just added: given the quotation chosen, if any.
  const { person } = state;
  const who = person && r.items.find((i) => i.id === person.id);
  if (who) {
    $('st-person-name').value = '';
    $('st-person-office').value = '';
    state.person = null;
    if (person.quote !== null) {
      say('st-person-status', `Added ${who.label} and made them the speaker of the quotation.`);
      editSoon({ op: 'speaker', quote: person.quote, speaker: who.id });
    } else {
      say('st-person-status', `Added ${who.label}; choose them as a quotation's speaker.`);
    }
  }
  save();
  return !!added;
});

// --- Adding what the extractor missed.
$('st-add-set').onclick = () => {
  const title = $('st-add-title').value.trim();
  if (!state.review) { say('st-add-status', 'Paste an article first.'); return; }
  if (!title) { say('st-add-status', 'The event needs a title.'); return; }
  const id = state.review.nextEvent;
  if (!edit({ op: 'add-event', sentence: Number($('st-add-sentence').value), date: $('st-add-date').value.trim() || null, title })) {
    say('st-add-status', 'Still reading the article; try again in a moment.');
    return;
  }
  state.adding = id;
  say('st-add-status', '');
};
$('st-person-set').onclick = () => {
  const name = $('st-person-name').value.trim();
  if (!state.review) { say('st-person-status', 'Paste an article first.'); return; }
  if (!name) { say('st-person-status', 'The person needs a name, as the article writes it.'); return; }
  const id = state.review.nextPerson;
  const item = state.byKey.get(state.selected);
  const giving = item && item.kind === 'quote' && $('st-person-quote').checked;
  if (!edit({ op: 'add-person', name, office: $('st-person-office').value.trim(), side: $('st-person-side').value || null })) {
    say('st-person-status', 'Still reading the article; try again in a moment.');
    return;
  }
  state.person = { id, quote: giving ? item.index : null };
  say('st-person-status', '');
};

// --- The selected item's editor: each edit names the item by the index
// the review gave it.
const selected = () => state.byKey.get(state.selected);
const index = () => selected().index;
$('st-toggle').onclick = () => edit({ op: selected().rejected ? 'restore' : 'reject', item: state.selected });
$('st-date-set').onclick = () => edit({ op: 'date', event: index(), date: $('st-date').value.trim() || null });
$('st-title-set').onclick = () => edit({ op: 'title', event: index(), lang: $('st-title-lang').value, title: $('st-title').value });
$('st-title-lang').onchange = () => { $('st-title').value = selected().title[$('st-title-lang').value]; };
$('st-speaker-set').onclick = () => edit({ op: 'speaker', quote: index(), speaker: $('st-speaker').value || null });
$('st-places-set').onclick = () => edit({ op: 'places', event: index(), places: [...$('st-places').querySelectorAll('input:checked')].map((c) => c.value) });
$('st-refuse').onclick = () => edit({ op: 'refuse', warning: index() });
// A year for an article whose dateline has none: the worker answers the
// date it makes (the dateline's day in that year).
$('st-year-set').onclick = () => {
  if (!askYear($('st-year-pick').value)) say('st-edit-status', 'Still reading the article; try again in a moment.');
};
$('st-undo').onclick = () => edit('undo');
$('st-redo').onclick = () => edit('redo');
$('st-over').onclick = () => {
  forget();
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

// --- The article and the list point at each other, by mouse and by
// keyboard.
$('st-article').addEventListener('click', (e) => {
  const m = e.target.closest('.st-m');
  if (m) pickMark(m);
});
function pickMark(m) {
  const keys = m.dataset.keys.split(' ');
  // The innermost item first; clicking again on the same piece moves out.
  const at = keys.indexOf(state.selected);
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
    const item = (k) => state.byKey.get(k);
    say('st-where', m.dataset.keys.split(' ').map((k) => `${KINDS[item(k).kind]}: ${item(k).label}`).join('; '));
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

// --- Start: the kept draft, if any.
const { saved } = state;
$('st-text').value = saved.text || '';
for (const [k, v] of Object.entries(saved.meta || {})) if ($(`st-${k}`)) $(`st-${k}`).value = v;
for (const [k, v] of Object.entries(saved.options || {})) if ($(`st-${k}`) && v) $(`st-${k}`).value = v;
$('st-base').placeholder = base;
optionsChanged();
if (saved.text) { status('Your draft is back.'); extract(); } else status('Paste an article to begin.');
mark();
