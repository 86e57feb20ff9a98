//! The host glue: mounts the widget into every element of the page
//! that has a `data-kuril-widget` attribute, and exports [`mount`] for the
//! `<kuril-widget>` element (`embed/kuril-widget.js`). Where the page (or a
//! declarative shadow root) holds a build-time render
//! (`div.kw-root[data-kw-ssr]`, `cargo xtask fallback` or a publish kit)
//! of exactly the story and options the widget is asked for, it is
//! hydrated in place; otherwise the widget renders afresh.
//!
//! Options are the element's attributes, named by the one table
//! `kuril_core::widget::options::NAMES` (with a `data-` prefix on a page's
//! own mount point), read into one `Options` that the widget gets whole. The page address is the host's: only a
//! widget with `sync-url` reads its start from it and writes the selected
//! event back, under its own key (`kuril_core::widget::address`), keeping the rest
//! of the address and the history entry's state. A story file or article is fetched
//! from an allowed source only (the page's origin, the widget's own, and
//! those the page lists in `<meta name="kuril-widget-sources">`), without
//! cookies or a referrer, up to a size cap, and the widget shows "loading",
//! the story, or why it failed with a "Try again" button.
//!
//! The widget's own story is bundled, packed. A fetched packed story
//! (`story.kws`, a publish kit's) is read here; a fetched article or JSON
//! story file goes to the newsroom module (`crates/newsroom`), which this
//! module starts in a Web Worker only then: it extracts or reads the story
//! off the main thread and answers with it packed.
//!
//! A host may send a widget to an event or a date: [`WidgetHandle::select`]
//! for the element, [`select`] for the page's own mount points (the
//! iframe page's answer to its host's message).

//!
//! - [`mount`] (this file): the exports, the panic message, the page's
//!   mount points;
//! - `mount.rs`: one mounted widget, its options and its render;
//! - `fetch.rs`: the bounded fetch and the newsroom worker;
//! - `language.rs`: the texts of a language the module does not carry;
//! - `roots.rs`: the page's mount points, and a widget's root in its
//!   parent;
//! - `address.rs`: the widget's own key in the page address.

mod address;
mod fetch;
mod language;
mod mount;
mod roots;

use mount::{mount_at, open, refresh, Shared};
use roots::{mount_points, root_in};
use wasm_bindgen::JsCast;

/// What a reader sees in a widget that stopped: short and fixed; the
/// details (with source paths) go to the console only.
const STOPPED: &str = "The map and timeline stopped working. Reloading the page shows them again.";

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

    /// Goes to an event or a date (a `start-at` value), as if the reader
    /// had chosen it: the element's `select()`.
    pub fn select(&self, value: &str) {
        if let Some(w) = &self.widget {
            open(w, value);
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

/// Mounts a widget into `shadow`, which has the widget's stylesheet (a
/// pasted render's `<link>`, or the one sheet the element's script
/// adopts into every shadow root: `embed/kuril-widget.js`; the module does
/// not carry a copy). The options are the host element's attributes.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(shadow: web_sys::ShadowRoot) -> Result<WidgetHandle, wasm_bindgen::JsValue> {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    // A declarative shadow root may already hold the build-time render.
    let (root, ssr) = root_in(&doc, &shadow).ok_or("no root for the widget")?;
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
    let host: web_sys::HtmlElement = shadow.host().dyn_into()?;
    Ok(WidgetHandle {
        widget: Some(mount_at(root.clone(), ssr, host, "")),
        root,
    })
}

/// Goes to an event or a date (a `start-at` value) in every widget this
/// instance mounted into the page's own mount points: the iframe page's
/// answer to its host's `kuril-select` message (`embed/embed.js`).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn select(value: &str) {
    let page = PAGE.with(|p| p.borrow().clone());
    for w in &page {
        open(w, value);
    }
}

/// Mounts a widget into every `[data-kuril-widget]` element of the page
/// and sets the panic hook.
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
