// Fills the form of an event the editor adds: from the sentence
// arguments[0] (from 0), dated arguments[1], titled arguments[2].
document.querySelector('#st-add summary').click();
document.getElementById('st-add-sentence').value = arguments[0];
document.getElementById('st-add-date').value = arguments[1];
document.getElementById('st-add-title').value = arguments[2];
