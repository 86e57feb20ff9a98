// What the editor says and holds, for a failure's message: its status,
// the selection's label, the draft's edits and `data-studio`.
return document.getElementById('st-edit-status').textContent + ' | ' +
  document.getElementById('st-sel-label').textContent + ' | ' +
  JSON.stringify(JSON.parse(localStorage.getItem('kuril-studio-draft')).edits) + ' | ' +
  document.documentElement.dataset.studio;
