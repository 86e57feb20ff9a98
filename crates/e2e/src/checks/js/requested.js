// Every resource the page and its frames have requested, by URL (a frame
// the page cannot read counts as one, named as such).
const names = performance.getEntriesByType('resource').map((e) => e.name);
for (const f of document.querySelectorAll('iframe')) {
  try {
    names.push(...f.contentWindow.performance.getEntriesByType('resource').map((e) => e.name));
  } catch (e) {
    names.push('unreadable frame ' + f.src);
  }
}
return names;
