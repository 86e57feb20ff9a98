//! One mounted widget: where its options are read (the element's
//! attributes, or `data-` ones on a page's own mount point), its props,
//! the fetch it waits for, and how it is rendered or hydrated.

use super::address::{sync_key, write_address};
use super::fetch::{fetch_bytes, read_in_worker};
use kuril_core::widget::options::Options;
use kuril_widget::components::{App, AppProps, Source};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;
use yew::AttrValue;

/// The page's own mount points: its `[data-kuril-widget]` elements.
pub(super) fn mount_points(doc: &web_sys::Document) -> Vec<web_sys::Element> {
    let Ok(nodes) = doc.query_selector_all("[data-kuril-widget]") else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// A story file or an article text, and its URL.
#[derive(Clone, PartialEq)]
pub(super) enum Remote {
    Story(String),
    Article(String),
}

/// One mounted widget: where its options are read, its props, and the
/// fetch it waits for.
pub(super) struct Mounted {
    pub(super) app: Option<yew::AppHandle<App>>,
    /// The element whose attributes are the options (`lang`, or
    /// `data-lang` with `prefix` "data-"), and that gets `--kw-height`.
    host: web_sys::HtmlElement,
    prefix: &'static str,
    props: AppProps,
    remote: Option<Remote>,
    /// Counts fetches, so a late answer to an older one is dropped.
    pub(super) fetches: u32,
}

pub(super) type Shared = Rc<RefCell<Mounted>>;

/// The options of the widget whose host is `host`: its attributes, named
/// by the one table of options (with `prefix`, "data-", on a page's own
/// mount point).
fn options_of(host: &web_sys::HtmlElement, prefix: &str) -> Options {
    Options::read(|name| host.get_attribute(&format!("{prefix}{name}")))
}

impl Mounted {
    fn render(&mut self) {
        if let Some(app) = &mut self.app {
            app.update(self.props.clone());
        }
    }
}

/// Reads the options again and shows what they ask for, fetching a new
/// story or article when its URL changed.
pub(super) fn refresh(w: &Shared) {
    let fetch = {
        let mut m = w.borrow_mut();
        let o = options_of(&m.host, m.prefix);
        m.props.lang = o.lang.map(AttrValue::from);
        m.props.theme = o.theme.map(AttrValue::from);
        m.props.start_at = o.start_at.map(AttrValue::from);
        // With `sync-url`, the widget also opens where its key in the
        // page address says; without it the address is left alone.
        m.props.address_start = sync_key(&m.host, o.sync_url).and_then(|key| {
            let hash = web_sys::window()?.location().hash().ok()?;
            kuril_core::widget::address::read(&hash, &key).map(AttrValue::from)
        });
        m.props.height = o.height.map(AttrValue::from);
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
        let remote = match (o.story_src, o.article_src) {
            (Some(s), _) => Some(Remote::Story(s)),
            (None, Some(a)) => Some(Remote::Article(a)),
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

/// Mounts a widget into `root`, reading its options from `host`.
pub(super) fn mount_at(
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
        if let Some(key) = sync_key(&target, options_of(&target, prefix).sync_url) {
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
pub(super) fn root_in(
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
