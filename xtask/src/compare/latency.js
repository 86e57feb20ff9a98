
const done = arguments[arguments.length - 1];
const root = document.querySelector('kuril-widget')?.shadowRoot || document;
const ours = !!root.querySelector('.kw-map');
const frame = () => new Promise((r) => requestAnimationFrame(r));
const task = () => new Promise((r) => setTimeout(r, 0));
async function measure(act, changed) {
  const t0 = performance.now(); act();
  for (let k = 0; k < 20; k++) await Promise.resolve();
  for (let i = 0; i < 120; i++) {
    const shown = changed();
    await frame();
    if (shown) break;
  }
  await task();
  return performance.now() - t0;
}
(async () => {
  const step = [], island = [];
  for (let i = 0; i < 10; i++) {
    if (ours) {
      const before = root.querySelector('.kw-event[aria-pressed=true]')?.dataset.event;
      const next = [...root.querySelectorAll('.kw-timeline .kw-tool')].find((b) => b.textContent === '›' && !b.disabled)
        || root.querySelector(".kw-event[data-event='shimoda-1855']");
      step.push(await measure(() => next.click(), () => root.querySelector('.kw-event[aria-pressed=true]')?.dataset.event !== before));
    } else {
      const before = document.querySelector('.tl-timemarker.tl-timemarker-active')?.id;
      const next = document.querySelector('.tl-slidenav-next');
      step.push(await measure(() => next.click(), () => document.querySelector('.tl-timemarker.tl-timemarker-active')?.id !== before));
      await new Promise((r) => setTimeout(r, 800));
    }
  }
  for (const id of ['iturup', 'kunashir', 'shikotan', 'habomai_shibotsu']) {
    if (ours) {
      island.push(await measure(() => root.querySelector(`.kw-map path[data-place='${id}']`).dispatchEvent(new MouseEvent('click', { bubbles: true })),
        () => (root.querySelector('.kw-island .kw-card-title')?.textContent || '').length > 0 && root.querySelector('.kw-island').dataset.kwb !== id
          && (root.querySelector('.kw-island').dataset.kwb = id)));
    } else {
      const layer = Object.values(map._layers).find((l) => l.feature && l.feature.properties.id === id);
      island.push(await measure(() => layer.fire('click', { latlng: layer.getBounds().getCenter() }),
        () => (document.querySelector('.leaflet-popup-content')?.textContent || '') === layer.feature.properties.name));
    }
  }
  done({ step, island });
})();
