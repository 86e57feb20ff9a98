// Pastes the article arguments[1] with its metadata arguments[0] ({ key:
// value }, the other fields emptied) as an editor would: an input event.
for (const k of ['publisher', 'published', 'url', 'language']) {
  document.getElementById('st-' + k).value = '';
}
for (const [k, v] of Object.entries(arguments[0])) document.getElementById('st-' + k).value = v;
const t = document.getElementById('st-text');
t.value = arguments[1];
t.dispatchEvent(new Event('input', { bubbles: true }));
