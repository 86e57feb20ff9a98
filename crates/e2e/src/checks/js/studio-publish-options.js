// Sets the publish options: language arguments[0], event to open at
// arguments[1], the kit's address arguments[2].
const set = (id, v, ev) => {
  const e = document.getElementById(id);
  e.value = v;
  e.dispatchEvent(new Event(ev));
};
set('st-lang', arguments[0], 'change');
set('st-start', arguments[1], 'change');
set('st-kit-url', arguments[2], 'input');
