// Adds the iframe embed with options in its address, recording the
// messages it posts to its parent (window.kwMsgs).
window.kwMsgs = [];
addEventListener('message', (e) => window.kwMsgs.push(e.data));
const f = document.createElement('iframe');
f.id = 'kw-test-frame';
f.src = 'embed.html?start-at=1900&lang=ru&theme=dark&height=1000&childId=t1';
f.style.width = '600px';
document.body.appendChild(f);
