// The review on the page: the article with its highlights, the list of
// items, the selected item's editor. Text from the article is always set
// as text, never as markup. Every key, index and id comes from the review
// (kuril_extract::studio::Review); nothing here is worked out from them.
import { $, KINDS, state, status } from './state.js';
import { later, reconcile, whenRendered } from './frames.js';
import { allPainted, mark } from './hooks.js';

let listed = () => false; // the page's part once the list is in

// Calls `f(review)` once a review's list is drawn; it answers whether it
// selected an item that should be scrolled to.
export function whenListed(f) { listed = f; }

// Every slice is in: the selection reaches the new nodes too.
whenRendered(() => {
  select(state.byKey.has(state.selected) ? state.selected : null, false);
  allPainted();
  mark();
});

// The article's paragraphs as [signature, make] entries: each a block of
// its pieces (a piece that runs over a paragraph's end is cut there),
// highlighted by the kinds of the items it belongs to.
function paragraphs(r) {
  const { byKey } = state;
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
export function show(r) {
  state.review = r;
  state.byKey = new Map(r ? r.items.map((i) => [i.key, i]) : []);
  state.generation++;
  const art = $('st-article');
  $('st-undo').disabled = !(r && r.undo);
  $('st-redo').disabled = !(r && r.redo);
  if (!r) { art.replaceChildren(); $('st-items').replaceChildren(); $('st-count').textContent = ''; select(null); return; }
  reconcile(art, paragraphs(r), 4, true);
  const gen = state.generation;
  later(() => { if (gen === state.generation) showList(r); });
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
  else status(`${state.note}Found ${r.items.length} items. Check each one; the preview and the export follow every change.`);
  state.note = '';
  fillSentences(r);
  const scroll = listed(r);
  select(state.byKey.has(state.selected) ? state.selected : null, scroll);
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

// The selected item in the list and the article, and its editor.
export function select(key, scroll = true) {
  state.selected = key;
  const item = state.byKey.get(key);
  $('st-person-quote-row').hidden = !(item && item.kind === 'quote');
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
  editor(item);
}
// The editor of one item: what it is, and what can be answered.
function editor(item) {
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
    sp.replaceChildren(new Option('Nobody (no speaker)', ''), ...state.review.people.map((p) => new Option(p.name, p.id)));
    sp.value = item.speaker || '';
  }
  $('st-edit-status').textContent = '';
}
// The event's places: a box for each place the widget knows, made once.
function showPlaces(on) {
  const box = $('st-places');
  const { places } = state.review;
  if (!box.children.length) {
    box.append(...places.map((p) => {
      const label = document.createElement('label');
      const c = document.createElement('input');
      c.type = 'checkbox';
      c.value = p.id;
      label.append(c, ` ${p.name}`);
      return label;
    }));
  }
  for (const c of box.querySelectorAll('input')) c.checked = on.includes(c.value);
  $('st-places-sum').textContent = `Places (${on.length ? places.filter((p) => on.includes(p.id)).map((p) => p.name).join(', ') : 'none'})`;
}
