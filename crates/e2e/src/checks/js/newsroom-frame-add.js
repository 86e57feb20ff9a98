// Opens embed.html given an article (article-src) in a frame, kw-nr.
const f = document.createElement('iframe');
f.id = 'kw-nr';
f.style.width = '700px';
f.src = 'embed.html?article-src=examples/kyodo-wire.txt';
document.body.appendChild(f);
