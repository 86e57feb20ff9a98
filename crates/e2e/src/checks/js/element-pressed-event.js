// The event the first <kuril-widget> has selected, or null.
const r = document.querySelector('kuril-widget')?.shadowRoot;
const b = r && r.querySelector('.kw-event[aria-pressed=true]');
return b ? b.dataset.event : null;
