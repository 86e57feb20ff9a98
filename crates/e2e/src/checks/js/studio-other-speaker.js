// Another speaker than the extractor's for the selected quotation: nobody,
// or the first person.
const sp = document.getElementById('st-speaker');
sp.value = sp.value ? '' : (sp.options[1] ? sp.options[1].value : '');
