// The keys and texts of the studio's listed items of the kind arguments[0].
return [...document.querySelectorAll('#st-items .st-item.st-k-' + arguments[0])]
  .map((b) => [b.dataset.key, b.textContent]);
