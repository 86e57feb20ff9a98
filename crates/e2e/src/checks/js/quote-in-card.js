// Whether the card of the widget arguments[0] holds a quotation in the
// language arguments[1] that contains arguments[2].
return [...window.kwQ(arguments[0], '.kw-card').querySelectorAll('.kw-quote')]
  .some((q) => q.lang === arguments[1] && q.textContent.includes(arguments[2]));
