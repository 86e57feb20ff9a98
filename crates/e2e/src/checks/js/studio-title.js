// Writes the selected event's title arguments[1] in the language
// arguments[0].
const l = document.getElementById('st-title-lang');
l.value = arguments[0];
l.dispatchEvent(new Event('change'));
document.getElementById('st-title').value = arguments[1];
