//! One mounted widget: where its options are read (the element's
//! attributes, or `data-` ones on a page's own mount point), its props,
//! the fetch it waits for, and how it is rendered or hydrated.
//!
//! A build-time render in the widget's root says what it holds
//! (`data-kw-ssr`, `kuril_core::widget::holds`): the widget hydrates it
//! when it would draw exactly that (the same story, by its packed bytes'
//! fingerprint, and the same options), and renders afresh in its place
//! otherwise. A render of a story that is still on its way (a publish
//! kit's page, whose `story.kws` the widget fetches) stays as the first
//! paint until the story arrives and decides.

use super::address::{sync_key, write_address};
use super::fetch::{fetch_bytes, fetch_language, read_in_worker};
use super::language::{self, Language};
use kuril_core::i18n::Lang;
use kuril_core::story::pack;
use kuril_core::widget::holds::{options_of_key, Holds};
use kuril_core::widget::options::Options;
use kuril_widget::components::{App, AppProps, Source};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::AttrValue;

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
    /// Where the widget renders.
    root: web_sys::Element,
    /// What the build-time render in `root` holds (its `data-kw-ssr`),
    /// while it is there untouched: until the widget hydrates or
    /// replaces it.
    ssr: Option<String>,
    /// The element whose attributes are the options (`lang`, or
    /// `data-lang` with `prefix` "data-"), and that gets `--kw-height`.
    host: web_sys::HtmlElement,
    prefix: &'static str,
    props: AppProps,
    remote: Option<Remote>,
    /// Counts fetches, so a late answer to an older one is dropped.
    pub(super) fetches: u32,
    /// The texts of the language the options ask for, where it is not
    /// the one the module carries (English).
    language: Option<Language>,
}

pub(super) type Shared = Rc<RefCell<Mounted>>;

/// The options of the widget whose host is `host`: its attributes, named
/// by the one table of options (with `prefix`, "data-", on a page's own
/// mount point).
fn options_of(host: &web_sys::HtmlElement, prefix: &str) -> Options {
    Options::read(|name| host.get_attribute(&format!("{prefix}{name}")))
}

thread_local! {
    /// The bundled story's fingerprint, computed once.
    static BUNDLED: String = pack::fingerprint(kuril_core::data::STORY);
}

/// What the widget should draw, as far as it is known yet.
enum Wanted {
    /// This render key (`Holds::key`).
    Key(String),
    /// A fetched story is still on its way: the options part of the key.
    Waiting(String),
    /// Nothing a build-time render holds (a bad option, an error).
    Other,
}

impl Mounted {
    /// What the widget draws now: its story and the options that change
    /// the drawing.
    fn wanted(&self) -> Wanted {
        let p = &self.props;
        let mut o = (*p.options).clone();
        o.start_at = (o.start_at).or_else(|| p.address_start.as_ref().map(|v| v.to_string()));
        let story = match &p.source {
            Source::Bundled => BUNDLED.with(String::clone),
            Source::Packed(bytes) => pack::fingerprint(bytes),
            Source::Loading(_) => {
                return Holds::of("", &o)
                    .map_or(Wanted::Other, |h| Wanted::Waiting(h.options_key()))
            }
            Source::Failed { .. } | Source::Unreadable(_) => return Wanted::Other,
        };
        Holds::of(&story, &o).map_or(Wanted::Other, |h| Wanted::Key(h.key()))
    }

    /// Whether the build-time render holds just what is asked (the story
    /// on its way aside): it is what the widget will hydrate.
    fn render_is_wanted(&self) -> bool {
        match (&self.ssr, self.wanted()) {
            (Some(held), Wanted::Key(want)) => *held == want,
            (Some(held), Wanted::Waiting(options)) => options_of_key(held) == options,
            _ => false,
        }
    }
}

/// Shows what the props ask for: updates the widget, or the first time
/// hydrates the build-time render if it holds just that, waits while the
/// story it may hold is on its way, or renders afresh in its place.
fn show(w: &Shared) {
    let (root, props, hydrate) = {
        let mut m = w.borrow_mut();
        let mut props = m.props.clone();
        // A language the module does not carry: its texts, or the fetch's
        // state in their place (what is shown stays meanwhile: the widget,
        // or a render of just what is asked, which is then hydrated).
        let shown = m.app.is_some() || m.render_is_wanted();
        if let Some(l) = &m.language {
            if !l.give(&mut props, shown) {
                return;
            }
        }
        if let Some(app) = &mut m.app {
            app.update(props);
            return;
        }
        // "Loading" or a failure in the story's place is never hydrated.
        let replaced = props.source != m.props.source;
        let hydrate = !replaced
            && match (&m.ssr, m.wanted()) {
                (Some(held), Wanted::Key(want)) => *held == want,
                // A render of another story than the bundled one (a kit's)
                // may be the one on its way: it stays until the story arrives.
                (Some(held), Wanted::Waiting(options)) => {
                    let bundled = BUNDLED.with(|b| held.starts_with(&format!("story={b}")));
                    if !bundled && options_of_key(held) == options {
                        return;
                    }
                    false
                }
                _ => false,
            };
        m.ssr = None;
        (m.root.clone(), props, hydrate)
    };
    let renderer = yew::Renderer::<App>::with_root_and_props(root.clone(), props);
    // An element's pasted render waits hidden for its stylesheet
    // (`kuril_publish::pages::element_fallback`); the widget's own sheet is
    // there now.
    let _ = root.remove_attribute("hidden");
    let app = if hydrate {
        renderer.hydrate()
    } else {
        // Not `innerHTML`: it throws under enforced Trusted Types.
        root.set_text_content(None);
        let _ = root.remove_attribute("data-kw-ssr");
        renderer.render()
    };
    w.borrow_mut().app = Some(app);
}

/// Reads the options again and shows what they ask for, fetching a new
/// story or article when its URL changed.
pub(super) fn refresh(w: &Shared) {
    refresh_props(w);
    show(w);
}

/// Reads the options into the props, and starts a fetch when the story's
/// or article's URL changed.
fn refresh_props(w: &Shared) {
    let fetch = {
        let mut m = w.borrow_mut();
        let o = options_of(&m.host, m.prefix);
        // With `sync-url`, the widget also opens where its key in the
        // page address says; without it the address is left alone.
        let address_start = sync_key(&m.host, o.sync_url).and_then(|key| {
            let hash = web_sys::window()?.location().hash().ok()?;
            kuril_core::widget::address::read(&hash, &key).map(AttrValue::from)
        });
        // A new start opens a new widget state: a host's earlier request
        // to go elsewhere is done with.
        if o.start_at != m.props.options.start_at || address_start != m.props.address_start {
            m.props.open = None;
        }
        m.props.address_start = address_start;
        // The height, checked, reaches the style sheet as a custom
        // property set through the CSSOM (allowed under a strict CSP).
        let style = m.host.style();
        match o.height.as_deref().map(kuril_core::widget::options::height) {
            Some(Ok(h)) => style.set_property("--kw-height", &h).ok(),
            _ => style.remove_property("--kw-height").ok().map(|_| ()),
        };
        let remote = match (&o.story_src, &o.article_src) {
            (Some(s), _) => Some(Remote::Story(s.clone())),
            (None, Some(a)) => Some(Remote::Article(a.clone())),
            _ => None,
        };
        let lang = (o.lang.as_deref()).and_then(|l| Lang::parse(l).ok());
        let new_language = language::ask(&mut m.language, lang);
        // The widget gets the options whole.
        if *m.props.options != o {
            m.props.options = Rc::new(o);
        }
        let changed = remote != m.remote;
        m.remote = remote.clone();
        if changed {
            // Another story: a host's request was for the one before.
            m.props.open = None;
        }
        if changed && remote.is_none() {
            // A fetch still on its way finds nothing to update.
            m.fetches += 1;
            m.props.source = Source::Bundled;
        }
        (changed.then_some(remote).flatten(), new_language)
    };
    if let Some(r) = fetch.0 {
        load(w, r);
    }
    if fetch.1 {
        load_language(w);
    }
}

/// Mounts a widget into `root`, which may hold a build-time render
/// (`ssr`: what it holds), reading its options from `host`.
pub(super) fn mount_at(
    root: web_sys::Element,
    ssr: Option<String>,
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
        root,
        ssr,
        host,
        prefix,
        props: AppProps {
            on_select,
            ..AppProps::default()
        },
        remote: None,
        fetches: 0,
        language: None,
    }));
    // "Try again" fetches the same URL once more.
    let weak: Weak<RefCell<Mounted>> = Rc::downgrade(&w);
    w.borrow_mut().props.on_retry = yew::Callback::from(move |()| {
        if let Some(w) = weak.upgrade() {
            let failed = |l: &Language| matches!(l.got, Some(Err(_)));
            if w.borrow().language.as_ref().is_some_and(failed) {
                load_language(&w);
                show(&w);
                return;
            }
            let r = w.borrow().remote.clone();
            if let Some(r) = r {
                load(&w, r);
                show(&w);
            }
        }
    });
    // The options first, so the first render is already what they ask
    // for (not the bundled story for a moment before a story-src).
    refresh(&w);
    w
}

/// A host's request to go to an event or a date (a `start-at` value).
pub(super) fn open(w: &Shared, value: &str) {
    {
        let mut m = w.borrow_mut();
        let n = m.props.open.as_ref().map_or(0, |(n, _)| n + 1);
        m.props.open = Some((n, AttrValue::from(value.to_string())));
    }
    show(w);
}

/// Fetches a story file or an article and shows it (or why it failed).
/// A story whose bytes start with the packed form's magic is read here
/// (no newsroom module, no worker); a JSON story file or an article goes
/// to the newsroom worker. The caller shows the loading state.
fn load(w: &Shared, remote: Remote) {
    let (Remote::Story(url) | Remote::Article(url)) = remote.clone();
    let gen = {
        let mut m = w.borrow_mut();
        m.fetches += 1;
        m.props.source = Source::Loading(url.clone().into());
        m.fetches
    };
    let weak = Rc::downgrade(w);
    wasm_bindgen_futures::spawn_local(async move {
        let story = matches!(remote, Remote::Story(_));
        let source = match fetch_bytes(&url, story).await {
            Ok(bytes) if story && pack::is_packed(&bytes.subarray(0, 4).to_vec()) => {
                Source::Packed(Rc::new(bytes.to_vec()))
            }
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
        {
            let mut m = w.borrow_mut();
            if m.fetches != gen {
                return;
            }
            m.props.source = source;
        }
        show(&w);
    });
}

/// Fetches the texts of the language asked for, then shows the widget in
/// it (or why they did not come, with "Try again").
fn load_language(w: &Shared) {
    let Some(asked) = w.borrow_mut().language.as_mut().map(|l| {
        l.failed |= matches!(l.got, Some(Err(_)));
        l.got = None;
        l.fetches += 1;
        l.clone()
    }) else {
        return;
    };
    let weak = Rc::downgrade(w);
    wasm_bindgen_futures::spawn_local(async move {
        let got = fetch_language(&asked.url, asked.lang).await.map(Rc::new);
        let Some(w) = weak.upgrade() else { return };
        {
            let mut m = w.borrow_mut();
            match &mut m.language {
                // Still the language and the fetch asked for (neither
                // changed meanwhile).
                Some(l) if l.lang == asked.lang && l.fetches == asked.fetches => l.got = Some(got),
                _ => return,
            }
        }
        show(&w);
    });
}
