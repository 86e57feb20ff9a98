// Gives the frame kw-ssr-element a page with one <kuril-widget> holding
// the fetched fallback (window.kwFallback).
document.getElementById('kw-ssr-element').srcdoc = '<!doctype html><html><head><link rel="stylesheet" href="embed.css"><script type="module" src="kuril-widget.js"></script></head>' + '<body><kuril-widget>' + window.kwFallback + '</kuril-widget></body></html>';
