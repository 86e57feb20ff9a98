//! The widget's key in the page address, read and written only when its
//! host asked for it with `sync-url`; the rest of the address and the
//! history entry's state are the host's and stay as they are.

/// The widget's key in the page address when its host asked for
/// `sync-url` (`data-sync-url` on a page's own mount point).
pub(super) fn sync_key(host: &web_sys::HtmlElement, sync_url: bool) -> Option<String> {
    sync_url.then(|| kuril_core::widget::address::key_for(&host.id()))
}

/// Sets the widget's key in the page address to the selected event,
/// keeping the rest of the fragment, the history entry and its state:
/// the URL is absolute, so a `<base href>` cannot redirect it.
pub(super) fn write_address(key: &str, event: &str) {
    let Some(w) = web_sys::window() else { return };
    let (Ok(href), Ok(hash), Ok(history)) = (w.location().href(), w.location().hash(), w.history())
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
