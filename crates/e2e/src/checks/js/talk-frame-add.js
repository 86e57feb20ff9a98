// Opens the kit page arguments[0] in an iframe (kw-talk) whose kuril-select
// events are kept in window.kwFrameSel, then posts a forged selection from
// this window, which the frame must not take.
window.kwFrameSel = [];
const f = document.createElement('iframe');
f.id = 'kw-talk';
f.setAttribute('data-kuril-embed', '');
f.src = arguments[0];
f.style.cssText = 'width: 700px; height: 1200px';
f.addEventListener('kuril-select', (e) => window.kwFrameSel.push(e.detail));
document.body.appendChild(f);
window.postMessage({ type: 'kuril-select', id: 'forged' }, '*');
