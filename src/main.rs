//! Trunk's entry point: mounts the widget into every element of the page
//! that has a `data-kuril-widget` attribute.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsCast;

#[cfg(target_arch = "wasm32")]
/// Shows a message inside each widget box if the widget panics, so the
/// reader is told and the host page goes on working.
fn panic_hook(info: &std::panic::PanicHookInfo<'_>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(nodes) = doc.query_selector_all("[data-kuril-widget]") {
        for i in 0..nodes.length() {
            if let Some(el) = nodes
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                el.set_class_name("kw kw-error");
                el.set_text_content(Some(&format!(
                    "The map and timeline stopped working: {info}"
                )));
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(panic_hook));
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(nodes) = doc.query_selector_all("[data-kuril-widget]") else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(el) = nodes
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            // Replace the page's loading / no-script fallback.
            el.set_inner_html("");
            yew::Renderer::<kuril_widget::components::App>::with_root(el).render();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "kuril-widget runs in the browser: `cargo xtask serve` builds it and serves the demo page."
    );
}
