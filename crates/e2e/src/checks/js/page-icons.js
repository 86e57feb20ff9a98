// Fetches index.html and embed.html and the icon each links to;
// window.kwIcons becomes 'ok' or what is wrong, per page.
window.kwIcons = null;
Promise.all(['index.html', 'embed.html'].map(async (page) => {
  const doc = new DOMParser().parseFromString(await (await fetch(page)).text(), 'text/html');
  const link = doc.querySelector('link[rel~=icon]');
  if (!link) return page + ': no icon';
  const r = await fetch(new URL(link.getAttribute('href'), location.href));
  return r.ok ? 'ok' : page + ': HTTP ' + r.status;
})).then((r) => {
  window.kwIcons = r;
});
