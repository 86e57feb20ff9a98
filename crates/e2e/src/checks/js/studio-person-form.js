// Fills the form of a person the list lacks: name arguments[0], office
// arguments[1], side arguments[2] (the form opened first).
document.querySelector('#st-person summary').click();
document.getElementById('st-person-name').value = arguments[0];
document.getElementById('st-person-office').value = arguments[1];
document.getElementById('st-person-side').value = arguments[2];
