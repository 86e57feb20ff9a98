// Whether the frame kw-talk shows 1900 with no event selected.
const d = document.getElementById('kw-talk').contentDocument;
const t = d.querySelector('.kw-legend-title');
return !d.querySelector('.kw-event[aria-pressed=true]') && t && t.textContent.includes('1900');
