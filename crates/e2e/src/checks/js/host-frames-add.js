// Loads embed-host.js if the page lacks it, and adds four embed frames
// 300 px high: kw-ha and kw-hb posting heights from the other origin
// arguments[0] (1234 and 99999 px), kw-hc from this one (777 px; its loads
// counted in window.kwLoads) and kw-hv, embed.html asked for a vh height.
if (!document.querySelector('script[src="embed-host.js"]')) {
  const h = document.createElement('script');
  h.src = 'embed-host.js';
  document.head.append(h);
}
window.kwLoads = 0;
const other = arguments[0];
for (const [id, src] of [
  ['kw-ha', other + '/__test/post-height-1234.html'],
  ['kw-hb', other + '/__test/post-height-99999.html'],
  ['kw-hc', '/__test/post-height-777.html'],
  ['kw-hv', 'embed.html?height=80vh'],
]) {
  const f = document.createElement('iframe');
  f.id = id;
  f.dataset.kurilEmbed = '';
  f.height = '300';
  f.style.width = '700px';
  f.onload = () => {
    if (id === 'kw-hc') window.kwLoads++;
  };
  f.src = src;
  document.body.append(f);
}
