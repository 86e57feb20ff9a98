// Buttons before and after the widget (kw-before, kw-after), the widget's
// visited marks cleared, and focus on kw-before.
const m = document.querySelector('.kw-mount');
for (const [id, where] of [['kw-before', 'beforebegin'], ['kw-after', 'afterend']]) {
  const b = document.createElement('button');
  b.id = id;
  b.textContent = id;
  m.insertAdjacentElement(where, b);
}
m.querySelectorAll('[data-kw-visited]').forEach((e) => delete e.dataset.kwVisited);
document.getElementById('kw-before').focus();
