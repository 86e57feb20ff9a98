//! Trunk's entry point: mounts the widget into every element of the page
//! that has a `data-kuril-widget` attribute, and exports [`mount`] for the
//! `<kuril-widget>` element (`embed/kuril-widget.js`). Where the page (or a
//! declarative shadow root) holds the build-time render
//! (`div.kw-root[data-kw-ssr]`, `cargo xtask fallback`) and the widget's
//! options are the defaults, it is hydrated in place; otherwise the widget
//! renders afresh.
//!
//! Options are the element's attributes (`lang`, `theme`, `start-at`,
//! `article-src`, `story-src`, `height`, `sync-url`; with a `data-` prefix
//! on a page's own mount point). The page address is the host's: only a
//! widget with `sync-url` reads its start from it and writes the selected
//! event back, under its own key (`kuril_core::widget::address`), keeping the rest
//! of the address and the history entry's state. A story file or article is fetched
//! from an allowed source only (the page's origin, the widget's own, and
//! those the page lists in `<meta name="kuril-widget-sources">`), without
//! cookies or a referrer, up to a size cap, and the widget shows "loading",
//! the story, or why it failed with a "Try again" button.
//!
//! The widget's own story is bundled, packed. A fetched article or story
//! file goes to the newsroom module (`crates/newsroom`), which this module
//! starts in a Web Worker only then: it extracts or reads the story off the
//! main thread and answers with it packed.

#[cfg(target_arch = "wasm32")]
mod web {
    use kuril_widget::components::{App, AppProps, Source};
    use wasm_bindgen::JsCast;

    fn mount_points(doc: &web_sys::Document) -> Vec<web_sys::Element> {
        let Ok(nodes) = doc.query_selector_all("[data-kuril-widget]") else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok())
            .collect()
    }

    /// What a reader sees in a widget that stopped: short and fixed; the
    /// details (with source paths) go to the console only.
    const STOPPED: &str =
        "The map and timeline stopped working. Reloading the page shows them again.";

    /// A panic ends this wasm instance (`panic = "abort"`): its widgets say
    /// so in their boxes and the console gets the details. Widgets of other
    /// instances go on (each `<kuril-widget>` has its own, see
    /// `embed/kuril-widget.js`), and the trap that follows never reaches the
    /// host's `window.onerror` (the glue catches it, see
    /// `xtask/src/bundle.rs`).
    fn panic_hook(info: &std::panic::PanicHookInfo<'_>) {
        web_sys::console::error_1(&format!("kuril-widget stopped: {info}").into());
        // The lists may be borrowed by the code that panicked.
        let roots = ROOTS.with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default());
        for el in roots {
            el.set_class_name("kw kw-error");
            el.set_attribute("role", "alert").ok();
            el.set_text_content(Some(STOPPED));
        }
    }

    thread_local! {
        /// The roots of this instance's widgets (in a `<kuril-widget>`'s
        /// shadow root or a page's mount point), for the panic message.
        static ROOTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
        /// The widgets mounted into the page's `[data-kuril-widget]` elements.
        static PAGE: std::cell::RefCell<Vec<Shared>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    /// The widget's stylesheet, adopted by each shadow root.
    const WIDGET_CSS: &str = include_str!("../styles/widget.css");

    use std::cell::RefCell;
    use std::rc::{Rc, Weak};
    use yew::AttrValue;

    /// A story file or an article text, and its URL.
    #[derive(Clone, PartialEq)]
    enum Remote {
        Story(String),
        Article(String),
    }

    /// One mounted widget: where its options are read, its props, and the
    /// fetch it waits for.
    struct Mounted {
        app: Option<yew::AppHandle<App>>,
        /// The element whose attributes are the options (`lang`, or
        /// `data-lang` with `prefix` "data-"), and that gets `--kw-height`.
        host: web_sys::HtmlElement,
        prefix: &'static str,
        props: AppProps,
        remote: Option<Remote>,
        /// Counts fetches, so a late answer to an older one is dropped.
        fetches: u32,
    }

    type Shared = Rc<RefCell<Mounted>>;

    impl Mounted {
        fn attr(&self, name: &str) -> Option<AttrValue> {
            self.host
                .get_attribute(&format!("{}{name}", self.prefix))
                .map(AttrValue::from)
        }

        fn render(&mut self) {
            if let Some(app) = &mut self.app {
                app.update(self.props.clone());
            }
        }
    }

    /// Reads the options again and shows what they ask for, fetching a new
    /// story or article when its URL changed.
    fn refresh(w: &Shared) {
        let fetch = {
            let mut m = w.borrow_mut();
            m.props.lang = m.attr("lang");
            m.props.theme = m.attr("theme");
            m.props.start_at = m.attr("start-at");
            // With `sync-url`, the widget also opens where its key in the
            // page address says; without it the address is left alone.
            m.props.address_start = sync_key(&m.host, m.prefix).and_then(|key| {
                let hash = web_sys::window()?.location().hash().ok()?;
                kuril_core::widget::address::read(&hash, &key).map(AttrValue::from)
            });
            m.props.height = m.attr("height");
            // The height, checked, reaches the style sheet as a custom
            // property set through the CSSOM (allowed under a strict CSP).
            let style = m.host.style();
            match m
                .props
                .height
                .as_deref()
                .map(kuril_core::widget::options::height)
            {
                Some(Ok(h)) => style.set_property("--kw-height", &h).ok(),
                _ => style.remove_property("--kw-height").ok().map(|_| ()),
            };
            let remote = match (m.attr("story-src"), m.attr("article-src")) {
                (Some(s), _) => Some(Remote::Story(s.to_string())),
                (None, Some(a)) => Some(Remote::Article(a.to_string())),
                _ => None,
            };
            let changed = remote != m.remote;
            m.remote = remote.clone();
            if changed && remote.is_none() {
                m.props.source = Source::Bundled;
            }
            changed.then_some(remote).flatten()
        };
        match fetch {
            Some(r) => load(w, r),
            None => w.borrow_mut().render(),
        }
    }

    /// Fetches a story file or an article and shows it (or why it failed).
    fn load(w: &Shared, remote: Remote) {
        let (Remote::Story(url) | Remote::Article(url)) = remote.clone();
        let gen = {
            let mut m = w.borrow_mut();
            m.fetches += 1;
            m.props.source = Source::Loading(url.clone().into());
            m.render();
            m.fetches
        };
        let weak = Rc::downgrade(w);
        wasm_bindgen_futures::spawn_local(async move {
            let story = matches!(remote, Remote::Story(_));
            let source = match fetch_bytes(&url, story).await {
                Ok(bytes) => {
                    let kind = if story { "story" } else { "article" };
                    Source::from_newsroom(read_in_worker(kind, bytes).await)
                }
                Err(error) => Source::Failed {
                    url: url.into(),
                    error: error.into(),
                },
            };
            let Some(w) = weak.upgrade() else { return };
            let mut m = w.borrow_mut();
            if m.fetches != gen {
                return;
            }
            m.props.source = source;
            m.render();
        });
    }

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
    }

    /// The newsroom module's answer for a fetched file (`kind` is `story`
    /// or `article`), read in its worker.
    async fn read_in_worker(kind: &str, bytes: js_sys::Uint8Array) -> Result<Vec<u8>, String> {
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

    /// The body of a GET request for a story (or an article), or why there
    /// is none (a source the page does not allow, a timeout, a status, a
    /// body over the cap). It stays in JavaScript's memory: the worker takes
    /// it from there.
    async fn fetch_bytes(url: &str, story: bool) -> Result<js_sys::Uint8Array, String> {
        let cap = if story { STORY_CAP } else { ARTICLE_CAP };
        match wasm_bindgen_futures::JsFuture::from(fetch_capped(url, cap, FETCH_TIMEOUT_MS)).await {
            Ok(body) => Ok(body.unchecked_into()),
            Err(why) => Err(why
                .as_string()
                .unwrap_or_else(|| "the request failed".into())),
        }
    }

    /// Mounts a widget into `root`, reading its options from `host`.
    fn mount_at(
        root: web_sys::Element,
        ssr: bool,
        host: web_sys::HtmlElement,
        prefix: &'static str,
    ) -> Shared {
        // Each selection becomes a `kuril-select` event on the host, which
        // crosses a shadow boundary so the host page hears it.
        let target = host.clone();
        let on_select = yew::Callback::from(move |(id, date): (AttrValue, AttrValue)| {
            // For the end-to-end check that a fault stays in its widget.
            #[cfg(feature = "test-panic")]
            if target.has_attribute("test-panic") {
                panic!("a test panic, asked for by the test-panic attribute");
            }
            if let Some(key) = sync_key(&target, prefix) {
                write_address(&key, &id);
            }
            let detail = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&detail, &"id".into(), &id.as_str().into());
            let _ = js_sys::Reflect::set(&detail, &"date".into(), &date.as_str().into());
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&detail);
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("kuril-select", &init) {
                let _ = target.dispatch_event(&e);
            }
        });
        let w = Rc::new(RefCell::new(Mounted {
            app: None,
            host,
            prefix,
            props: AppProps {
                on_select,
                ..AppProps::default()
            },
            remote: None,
            fetches: 0,
        }));
        // "Try again" fetches the same URL once more.
        let weak: Weak<RefCell<Mounted>> = Rc::downgrade(&w);
        w.borrow_mut().props.on_retry = yew::Callback::from(move |()| {
            if let Some(w) = weak.upgrade() {
                let r = w.borrow().remote.clone();
                if let Some(r) = r {
                    load(&w, r);
                }
            }
        });
        // The options first, so the first render is already what they ask
        // for (not the bundled story for a moment before a story-src).
        refresh(&w);
        let props = w.borrow().props.clone();
        let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
        // The build-time render shows the widget with its default options:
        // with those it is hydrated in place (no second paint, no shift);
        // with others it gives way to a fresh render.
        let app = if ssr && shows_defaults(&w.borrow()) {
            renderer.hydrate()
        } else {
            // Not `innerHTML`: it throws under enforced Trusted Types.
            root.set_text_content(None);
            renderer.render()
        };
        w.borrow_mut().app = Some(app);
        w
    }

    /// The widget's key in the page address when its host asked for
    /// `sync-url` (`data-sync-url` on a page's own mount point).
    fn sync_key(host: &web_sys::HtmlElement, prefix: &str) -> Option<String> {
        host.has_attribute(&format!("{prefix}sync-url"))
            .then(|| kuril_core::widget::address::key_for(&host.id()))
    }

    /// Sets the widget's key in the page address to the selected event,
    /// keeping the rest of the fragment, the history entry and its state:
    /// the URL is absolute, so a `<base href>` cannot redirect it.
    fn write_address(key: &str, event: &str) {
        let Some(w) = web_sys::window() else { return };
        let (Ok(href), Ok(hash), Ok(history)) =
            (w.location().href(), w.location().hash(), w.history())
        else {
            return;
        };
        let url = format!(
            "{}{}",
            href.split('#').next().unwrap_or(&href),
            kuril_core::widget::address::with(&hash, key, event)
        );
        if href != url {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(&url));
        }
    }

    /// Whether a widget asks for what the build-time render shows: the
    /// bundled story in English, light, opening at the article's occasion.
    fn shows_defaults(m: &Mounted) -> bool {
        let p = &m.props;
        m.remote.is_none()
            && p.lang.as_deref().is_none_or(|l| l == "en")
            && p.theme.as_deref().is_none_or(|t| t == "light")
            && p.start_at.is_none()
            && p.address_start.is_none()
            && p.height.is_none()
    }

    /// The widget's root in `parent` (a mount point or a shadow root): the
    /// build-time render's (`.kw-root[data-kw-ssr]`, then `true`), or a new
    /// one in place of whatever `parent` held (a text version, a notice).
    fn root_in(
        doc: &web_sys::Document,
        parent: &web_sys::Node,
    ) -> Option<(web_sys::Element, bool)> {
        let children = parent.child_nodes();
        let found = (0..children.length())
            .filter_map(|i| children.item(i)?.dyn_into::<web_sys::Element>().ok())
            .find(|e| e.class_name().split_whitespace().any(|c| c == "kw-root"));
        if let Some(root) = found {
            let ssr = root.has_attribute("data-kw-ssr");
            return Some((root, ssr));
        }
        parent.set_text_content(None);
        let root = doc.create_element("div").ok()?;
        root.set_class_name("kw-root");
        parent.append_child(&root).ok()?;
        Some((root, false))
    }

    /// The size of the wasm linear memory in bytes, for the soak test and
    /// the benchmark (it grows, never shrinks: growth is what they watch).
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn memory_bytes() -> f64 {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }

    /// A widget mounted into a `<kuril-widget>` element's shadow root.
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub struct WidgetHandle {
        widget: Option<Shared>,
        root: web_sys::Element,
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    impl WidgetHandle {
        /// Reads the element's attributes again (one of them changed).
        pub fn update(&self) {
            if let Some(w) = &self.widget {
                refresh(w);
            }
        }

        /// Unmounts the widget and frees it (the element left the page).
        pub fn destroy(&mut self) {
            if let Some(w) = self.widget.take() {
                let mut m = w.borrow_mut();
                // A fetch still on its way finds nothing to update.
                m.fetches += 1;
                if let Some(app) = m.app.take() {
                    app.destroy();
                }
            }
            ROOTS.with(|r| r.borrow_mut().retain(|e| e != &self.root));
            self.root.remove();
        }
    }

    /// Mounts a widget into `shadow`, with the widget's stylesheet adopted
    /// there (a constructed stylesheet: allowed under a strict CSP). The
    /// options are the host element's attributes.
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn mount(shadow: web_sys::ShadowRoot) -> Result<WidgetHandle, wasm_bindgen::JsValue> {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(WIDGET_CSS)?;
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        // A declarative shadow root may already hold the build-time render.
        let (root, ssr) = root_in(&doc, &shadow).ok_or("no root for the widget")?;
        ROOTS.with(|r| r.borrow_mut().push(root.clone()));
        let host: web_sys::HtmlElement = shadow.host().dyn_into()?;
        Ok(WidgetHandle {
            widget: Some(mount_at(root.clone(), ssr, host, "")),
            root,
        })
    }

    pub fn start() {
        std::panic::set_hook(Box::new(panic_hook));
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(doc) = window.document() else { return };
        for el in mount_points(&doc) {
            // Another instance on the page (a `<kuril-widget>`'s) may have
            // mounted it already.
            if el.has_attribute("data-kw-mounted") {
                continue;
            }
            let _ = el.set_attribute("data-kw-mounted", "");
            let Ok(host) = el.clone().dyn_into::<web_sys::HtmlElement>() else {
                continue;
            };
            let Some((root, ssr)) = root_in(&doc, &el) else {
                continue;
            };
            ROOTS.with(|r| r.borrow_mut().push(root.clone()));
            let w = mount_at(root, ssr, host, "data-");
            PAGE.with(|p| p.borrow_mut().push(w));
        }
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    web::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "kuril-widget runs in the browser: `cargo xtask serve` builds it and serves the demo page."
    );
}
