// A page style that would reach inherited text properties of everything
// below the body.
const st = document.createElement('style');
st.id = 'kw-leak';
st.textContent = 'body { text-transform: uppercase !important; letter-spacing: 3px !important; ' +
  'word-spacing: 9px !important; font-style: italic !important; direction: rtl; }';
document.head.append(st);
