//! The corpus of hostile inputs (`tests/hostile/`, written by `cargo xtask
//! hostile`) through the whole widget, rendered natively by Yew's
//! server-side renderer: each file gives the message `expect.tsv` names, or
//! renders the map; none panics, and no markup from the data reaches the
//! page as markup.

#![cfg(not(target_arch = "wasm32"))]

use kuril_widget::components::{App, AppProps, Source};
use std::rc::Rc;
use yew::LocalServerRenderer;

/// (file, story or article, expected message or `None` for a map).
fn expectations() -> Vec<(String, Option<String>)> {
    let text = std::fs::read_to_string("tests/hostile/expect.tsv").unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let (file, outcome) = l.split_once('\t').expect("two columns");
            (
                file.to_string(),
                outcome.strip_prefix("error: ").map(String::from),
            )
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn every_hostile_input_gives_its_message_or_renders_safely() {
    let rows = expectations();
    assert!(rows.len() >= 20, "{} rows", rows.len());
    let mut wrong = Vec::new();
    for (file, error) in rows {
        let bytes = std::fs::read(format!("tests/hostile/{file}")).unwrap();
        let source = if file.starts_with("story/") {
            Source::Story(String::from_utf8_lossy(&bytes).into_owned().into())
        } else {
            Source::Article(Rc::new(bytes))
        };
        let props = AppProps {
            source,
            ..AppProps::default()
        };
        let html = LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render()
            .await;
        let alert = html.contains("role=\"alert\"");
        let ok = match &error {
            Some(msg) => alert && html.contains(msg.as_str()),
            None => !alert && html.contains("class=\"kw-map\""),
        };
        // Markup in the data is text: escaped, never an element.
        let injected = ["<script", "<img", "<svg onload"]
            .iter()
            .any(|m| html.contains(m))
            || (file.contains("payload") && !html.contains("&lt;script&gt;window.kwPwned=1"));
        if !ok || injected {
            let shown = html
                .split("kw-error-detail")
                .nth(1)
                .unwrap_or(&html[..html.len().min(300)]);
            wrong.push(format!(
                "{file}: expected {error:?}; injected {injected}; got {}",
                &shown[..shown.len().min(300)]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
