//! Where widgets mount: the page's own mount points, and a widget's root
//! in its parent (a build-time render's, which says what it holds when
//! this release made it, or a new one).

use wasm_bindgen::JsCast;

/// The page's own mount points: its `[data-kuril-widget]` elements.
pub(super) fn mount_points(doc: &web_sys::Document) -> Vec<web_sys::Element> {
    let Ok(nodes) = doc.query_selector_all("[data-kuril-widget]") else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The widget's root in `parent` (a mount point or a shadow root): the
/// build-time render's (`.kw-root[data-kw-ssr]`, then what it holds if
/// this release made it), or a new one in place of whatever `parent` held
/// (a text version, a notice).
pub(super) fn root_in(
    doc: &web_sys::Document,
    parent: &web_sys::Node,
) -> Option<(web_sys::Element, Option<String>)> {
    let children = parent.child_nodes();
    let found = (0..children.length())
        .filter_map(|i| children.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.class_name().split_whitespace().any(|c| c == "kw-root"));
    if let Some(root) = found {
        // A render of another release may differ in its markup, which
        // hydration cannot take (a page may load one release's element
        // around another's pasted render): that one is replaced.
        let ours = root.get_attribute("data-kw-release").as_deref() == Some(kuril_widget::RELEASE);
        let ssr = root.get_attribute("data-kw-ssr").filter(|_| ours);
        return Some((root, ssr));
    }
    parent.set_text_content(None);
    let root = doc.create_element("div").ok()?;
    root.set_class_name("kw-root");
    parent.append_child(&root).ok()?;
    Some((root, None))
}
