//! The network and the newsroom worker: a bounded fetch from an allowed
//! source (no cookies, no referrer, a size cap and a timeout), and the one
//! worker per page that turns a fetched file into a packed story. The
//! JavaScript is an inline snippet of this module's.

use wasm_bindgen::JsCast;

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
// One newsroom worker per page, started the first time a widget needs it.
// Trunk writes this snippet to snippets/<crate>/inline0.js, two folders
// below the module, and kuril-newsroom-worker.js sits beside the module.
let worker = null, next = 0, policy = null;
const waiting = new Map();
// Under enforced Trusted Types a worker's address must come from a policy:
// the widget's own, "kuril-widget", which passes the addresses this module
// made for the newsroom worker, and nothing else.
const ours = new Set();
function scriptUrl(href) {
  ours.add(href);
  if (!self.trustedTypes) return href;
  policy = policy || trustedTypes.createPolicy('kuril-widget', {
    createScriptURL: (s) => { if (!ours.has(s)) throw new TypeError('not the newsroom worker'); return s; },
  });
  return policy.createScriptURL(href);
}
function start() {
  const url = new URL('../../kuril-newsroom-worker.js', import.meta.url);
  // The widget's files on another origin than the page: a worker must be
  // same-origin, so a same-origin stand-in imports the module from there
  // (asked for at once: trying the other origin first would be a CSP
  // violation report on the host page).
  if (url.origin === location.origin) {
    return listen(new Worker(scriptUrl(url.href), { type: 'module' }));
  }
  const code = `import ${JSON.stringify(url.href)};`;
  const blob = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  return listen(new Worker(scriptUrl(blob), { type: 'module' }));
}
function listen(w) {
  w.onmessage = ({ data }) => {
    const p = waiting.get(data.id);
    waiting.delete(data.id);
    if (p) data.error === undefined ? p.resolve(data.packed) : p.reject(data.error);
  };
  w.onerror = (e) => {
    e.preventDefault();
    for (const p of waiting.values()) p.reject('the newsroom module could not load');
    waiting.clear();
    worker = null;
  };
  return w;
}
// Where story and article files may come from: the page's origin, the
// widget's own files' origin, and those the host page lists in
// <meta name="kuril-widget-sources" content="https://a.example https://b.example">
// (in the page, so that an attribute alone cannot widen it).
function allowed(url) {
  let u;
  try { u = new URL(url, document.baseURI); } catch (e) { throw 'not an address'; }
  // A blob: address of the page's own origin (the studio's preview) was
  // made by the page itself.
  if (u.protocol === 'blob:' && u.origin === location.origin) return u.href;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw 'only http and https addresses are fetched';
  const origins = [location.origin, new URL(import.meta.url).origin];
  const meta = document.querySelector('meta[name="kuril-widget-sources"]');
  for (const o of (meta ? meta.content : '').split(/\s+/)) {
    try { if (o) origins.push(new URL(o).origin); } catch (e) { /* not an origin */ }
  }
  if (!origins.includes(u.origin)) throw `${u.origin} is not a source this page allows (kuril-widget-sources)`;
  return u.href;
}
// A GET of at most `cap` bytes within `ms`: no cookies, no referrer; the
// body is read as a stream and dropped once it passes the cap (an early
// no from Content-Length). Rejects with a message for the reader.
export async function fetch_capped(url, cap, ms) {
  const href = allowed(url);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort('timeout'), ms);
  const mb = `${Math.round(cap / 1048576)} MB`;
  try {
    const resp = await fetch(href, { signal: abort.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!resp.ok) throw `HTTP ${resp.status}`;
    const length = Number(resp.headers.get('Content-Length'));
    if (length > cap) throw `the file is larger than ${mb} (${length} bytes)`;
    const reader = resp.body.getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > cap) { reader.cancel(); throw `the file is larger than ${mb}`; }
      parts.push(value);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  } catch (e) {
    if (abort.signal.aborted && abort.signal.reason === 'timeout') throw `no answer within ${ms / 1000} s`;
    abort.abort();
    throw typeof e === 'string' ? e : (e && e.message) || 'the request failed';
  } finally {
    clearTimeout(timer);
  }
}
// A language file beside the module (`cargo xtask build` writes one for
// each language but English, which the module carries).
export function language_url(code) {
  return new URL(`../../lang-${code}.kwl`, import.meta.url).href;
}
export function newsroom(kind, bytes) {
  try {
    worker = worker || start();
  } catch (e) {
    return Promise.reject(`the newsroom module could not start: ${(e && e.message) || e}`);
  }
  const id = ++next;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, kind, bytes }, [bytes.buffer]);
  });
}
"#)]
extern "C" {
    /// Hands a fetched file to the newsroom worker; resolves to the
    /// packed story, or rejects with why there is none.
    fn newsroom(kind: &str, bytes: js_sys::Uint8Array) -> js_sys::Promise;
    /// Fetches at most `cap` bytes from an allowed source within `ms`;
    /// resolves to the body, or rejects with why there is none.
    fn fetch_capped(url: &str, cap: u32, ms: u32) -> js_sys::Promise;
    /// The address of a language's file, beside the module.
    pub(super) fn language_url(code: &str) -> String;
}

/// The newsroom module's answer for a fetched file (`kind` is `story`
/// or `article`), read in its worker.
pub(super) async fn read_in_worker(
    kind: &str,
    bytes: js_sys::Uint8Array,
) -> Result<Vec<u8>, String> {
    match wasm_bindgen_futures::JsFuture::from(newsroom(kind, bytes)).await {
        Ok(packed) => Ok(js_sys::Uint8Array::new(&packed).to_vec()),
        Err(why) => Err(why
            .as_string()
            .unwrap_or_else(|| "the newsroom module failed".into())),
    }
}

/// How long a story or article file may take to arrive.
const FETCH_TIMEOUT_MS: u32 = 10_000;
/// The largest article and story file a widget reads: the extractor's
/// input and the worker's memory stay bounded whatever a server sends.
const ARTICLE_CAP: u32 = kuril_core::story::MAX_TEXT_BYTES as u32;
const STORY_CAP: u32 = kuril_core::story::MAX_STORY_FILE_BYTES as u32;

/// The data files with the texts of `lang` (fetched from `url`, its
/// language file), or why there are none, in the words of any fetch.
pub(super) async fn fetch_language(
    url: &str,
    lang: kuril_core::i18n::Lang,
) -> Result<kuril_core::data::Files, String> {
    use kuril_core::data::{Files, LanguageFile, MAX_LANGUAGE_FILE_BYTES};
    let bytes = fetch_at_most(url, MAX_LANGUAGE_FILE_BYTES as u32)
        .await?
        .to_vec();
    let file = LanguageFile::read(&bytes, lang).map_err(|e| e.to_string())?;
    Ok(Files::BUILT_IN.with_language(file))
}

/// The body of a GET request for a story (or an article), or why there
/// is none (a source the page does not allow, a timeout, a status, a
/// body over the cap). It stays in JavaScript's memory: the worker takes
/// it from there.
pub(super) async fn fetch_bytes(url: &str, story: bool) -> Result<js_sys::Uint8Array, String> {
    fetch_at_most(url, if story { STORY_CAP } else { ARTICLE_CAP }).await
}

/// The body of a GET request of at most `cap` bytes, or why there is none.
async fn fetch_at_most(url: &str, cap: u32) -> Result<js_sys::Uint8Array, String> {
    match wasm_bindgen_futures::JsFuture::from(fetch_capped(url, cap, FETCH_TIMEOUT_MS)).await {
        Ok(body) => Ok(body.unchecked_into()),
        Err(why) => Err(why
            .as_string()
            .unwrap_or_else(|| "the request failed".into())),
    }
}
