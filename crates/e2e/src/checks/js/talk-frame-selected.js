// Whether the frame kw-talk has joint-declaration-1956 selected, and its
// host heard it as a kuril-select event on the <iframe>.
const b = document.getElementById('kw-talk').contentDocument.querySelector('.kw-event[aria-pressed=true]');
return b && b.dataset.event === 'joint-declaration-1956' &&
  window.kwFrameSel.some((d) => d.id === 'joint-declaration-1956');
