// Plays a single-page host: a <base href="/"> and its own route in
// history (the address before kept in window.kwAddr).
window.kwAddr = [location.href, history.state];
const base = document.createElement('base');
base.href = '/';
base.id = 'kw-base';
document.head.prepend(base);
history.replaceState({ route: 'asia' }, '', location.pathname + '#/world/asia');
