// Sets the studio's text to arguments[0] as a paste would.
const t = document.getElementById('st-text');
t.value = arguments[0];
t.dispatchEvent(new Event('input', { bubbles: true }));
