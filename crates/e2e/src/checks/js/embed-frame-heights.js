// The three height messages the frame posts (Datawrapper's, AMP's and
// Pym's), once all have come.
const m = window.kwMsgs;
const dw = m.find((d) => d && d['datawrapper-height'] && d['datawrapper-height'].t1 > 300);
const amp = m.find((d) => d && d.sentinel === 'amp' && d.type === 'embed-size' && d.height > 300);
const pym = m.find((d) => typeof d === 'string' && /^pymxPYMxt1xPYMxheightxPYMx[0-9]+$/.test(d));
return dw && amp && pym ? [dw, amp, pym] : null;
