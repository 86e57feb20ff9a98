// Whether the frame kw-below has loaded, its element is defined, and two
// frames have been drawn since.
const w = document.getElementById('kw-below').contentWindow;
const d = w && w.document;
if (!d || d.readyState !== 'complete' || !w.customElements.get('kuril-widget')) return false;
if (!window.kwBelowFrames) {
  window.kwBelowFrames = 1;
  w.requestAnimationFrame(() => w.requestAnimationFrame(() => {
    window.kwBelowFrames = 2;
  }));
}
return window.kwBelowFrames === 2;
