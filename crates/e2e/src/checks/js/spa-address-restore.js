// Takes the host's <base> and widgets away and puts the address back.
document.getElementById('kw-base').remove();
document.getElementById('kw-box').remove();
history.replaceState(window.kwAddr[1], '', window.kwAddr[0]);
