//! Trunk's entry point: mounts the widget into every element of the page
//! that has a `data-kuril-widget` attribute. The widget opens at the
//! element's `data-start-at` (an event id or a date), else at the page
//! address's `#start-at=…`, else at the article's own occasion.
//!
//! Built with the `bench` feature (only `cargo xtask bench` does), a page
//! address with `?bench-extract=N` first times N extractions of the bundled
//! article and leaves the result, as JSON, in the `data-kw-bench` attribute
//! of the document element.

#[cfg(target_arch = "wasm32")]
mod web {
    use kuril_widget::components::{App, AppProps};
    use wasm_bindgen::JsCast;

    /// The value of `key` in a page address's `?a=1&b=2` or `#a=1&b=2`.
    fn param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
        query
            .trim_start_matches(['?', '#'])
            .split('&')
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
    }

    fn mount_points(doc: &web_sys::Document) -> Vec<web_sys::Element> {
        let Ok(nodes) = doc.query_selector_all("[data-kuril-widget]") else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok())
            .collect()
    }

    /// Shows a message inside each widget box if the widget panics, so the
    /// reader is told and the host page goes on working.
    fn panic_hook(info: &std::panic::PanicHookInfo<'_>) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let roots = ROOTS.with(|r| r.borrow().clone());
        for el in mount_points(&doc).into_iter().chain(roots) {
            el.set_class_name("kw kw-error");
            el.set_text_content(Some(&format!(
                "The map and timeline stopped working: {info}"
            )));
        }
    }

    /// Times extractions in batches of ten (the browser's clock is coarse)
    /// and returns the per-extraction median and fastest, in microseconds.
    #[cfg(feature = "bench")]
    fn bench(window: &web_sys::Window, runs: u32) -> Option<String> {
        use kuril_widget::article::{Article, Meta};
        use kuril_widget::data::{Knowledge, ARTICLE, ARTICLE_META};
        use kuril_widget::extract::extract;
        let perf = window.performance()?;
        let k = Knowledge::load().ok()?;
        let article = Article::new(ARTICLE, Meta::parse(ARTICLE_META).ok()?);
        let _ = extract(&article, &k);
        const BATCH: u32 = 10;
        let mut us: Vec<u64> = (0..runs.div_ceil(BATCH).max(1))
            .map(|_| {
                let t = perf.now();
                for _ in 0..BATCH {
                    std::hint::black_box(extract(&article, &k));
                }
                ((perf.now() - t) * 1000.0 / BATCH as f64) as u64
            })
            .collect();
        us.sort_unstable();
        Some(format!(
            "{{\"batches\":{},\"batch\":{BATCH},\"median_us\":{},\"min_us\":{}}}",
            us.len(),
            us[us.len() / 2],
            us[0]
        ))
    }

    /// Runs the benchmark when the page address asks for it.
    #[cfg(feature = "bench")]
    fn bench_if_asked(window: &web_sys::Window, doc: &web_sys::Document) {
        let search = window.location().search().unwrap_or_default();
        let runs = param(&search, "bench-extract");
        if let (Some(runs), Some(root)) =
            (runs.and_then(|r| r.parse().ok()), doc.document_element())
        {
            let report =
                bench(window, runs).unwrap_or_else(|| "{\"error\":\"bench failed\"}".into());
            let _ = root.set_attribute("data-kw-bench", &report);
        }
    }

    thread_local! {
        /// The roots of the widgets mounted as `<kuril-widget>` elements,
        /// so that a panic message reaches them inside their shadow roots.
        static ROOTS: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    /// The widget's stylesheet, adopted by each shadow root.
    const WIDGET_CSS: &str = include_str!("../styles/widget.css");

    /// A widget mounted into a `<kuril-widget>` element's shadow root.
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub struct WidgetHandle {
        app: Option<yew::AppHandle<App>>,
        root: web_sys::Element,
        on_select: yew::Callback<(yew::AttrValue, yew::AttrValue)>,
    }

    #[wasm_bindgen::prelude::wasm_bindgen]
    impl WidgetHandle {
        /// Opens the widget at another event or date (the `start-at`
        /// attribute changed).
        pub fn set_start_at(&mut self, start_at: Option<String>) {
            if let Some(app) = &mut self.app {
                app.update(AppProps {
                    start_at: start_at.map(yew::AttrValue::from),
                    on_select: self.on_select.clone(),
                });
            }
        }

        /// Unmounts the widget and frees it (the element left the page).
        pub fn destroy(&mut self) {
            if let Some(app) = self.app.take() {
                app.destroy();
            }
            ROOTS.with(|r| r.borrow_mut().retain(|e| e != &self.root));
            self.root.remove();
        }
    }

    /// Mounts a widget into `shadow`, with the widget's stylesheet adopted
    /// there (a constructed stylesheet: allowed under a strict CSP).
    #[wasm_bindgen::prelude::wasm_bindgen]
    pub fn mount(
        shadow: web_sys::ShadowRoot,
        start_at: Option<String>,
    ) -> Result<WidgetHandle, wasm_bindgen::JsValue> {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(WIDGET_CSS)?;
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        let root = doc.create_element("div")?;
        shadow.append_child(&root)?;
        ROOTS.with(|r| r.borrow_mut().push(root.clone()));
        // Each selection becomes a `kuril-select` event on the element,
        // which crosses the shadow boundary so the host page hears it.
        let host = shadow.host();
        let on_select = yew::Callback::from(move |(id, date): (yew::AttrValue, yew::AttrValue)| {
            let detail = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&detail, &"id".into(), &id.as_str().into());
            let _ = js_sys::Reflect::set(&detail, &"date".into(), &date.as_str().into());
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&detail);
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("kuril-select", &init) {
                let _ = host.dispatch_event(&e);
            }
        });
        let props = AppProps {
            start_at: start_at.map(yew::AttrValue::from),
            on_select: on_select.clone(),
        };
        let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        Ok(WidgetHandle {
            app: Some(app),
            root,
            on_select,
        })
    }

    pub fn start() {
        std::panic::set_hook(Box::new(panic_hook));
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(doc) = window.document() else { return };
        #[cfg(feature = "bench")]
        bench_if_asked(&window, &doc);
        // A link can open the widget at an event or a date: `#start-at=1900`.
        let hash = window.location().hash().unwrap_or_default();
        let from_hash = param(&hash, "start-at").map(str::to_string);
        for el in mount_points(&doc) {
            // The embed's own choice first (a bad one is reported in the box).
            let start_at = el
                .get_attribute("data-start-at")
                .or_else(|| from_hash.clone())
                .map(yew::AttrValue::from);
            // Replace the page's loading / no-script fallback.
            el.set_inner_html("");
            let props = AppProps {
                start_at,
                ..AppProps::default()
            };
            yew::Renderer::<App>::with_root_and_props(el, props).render();
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
