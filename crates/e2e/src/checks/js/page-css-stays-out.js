// The title's height in the page's own copy and in the element's shadow
// root, while a page style hides every .kw-title.
const st = document.createElement('style');
st.textContent = '.kw-title { display: none !important; }';
document.head.appendChild(st);
const inPage = document.querySelector('[data-kuril-widget] .kw-title').offsetHeight;
const inShadow = document.querySelector('kuril-widget').shadowRoot.querySelector('.kw-title').offsetHeight;
st.remove();
return [inPage, inShadow];
