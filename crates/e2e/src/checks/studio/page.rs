//! The studio page's controls as the checks work them: open and reload,
//! click, Tab, paste, wait for the worker, read the lists, the story file
//! and the published kit.

use crate::checks::check::wait;
use crate::webdriver::{self, Session};
use crate::{root, Result};
use serde_json::{json, Value};
use std::time::Duration;

/// Opens the studio with no draft kept.
pub(super) fn open(s: &Session) -> Result {
    let here = s.script("return location.origin")?;
    let url = format!("{}/studio.html", here.as_str().unwrap_or_default());
    s.goto(&url)?;
    s.script("localStorage.removeItem('kuril-studio-draft');")?;
    s.goto(&url)?;
    wait(s, "return !!document.documentElement.dataset.studio;")
}

/// Loads the studio again, keeping what the page kept.
pub(super) fn reload(s: &Session) -> Result {
    let url = s.script("return location.href")?;
    s.goto(url.as_str().unwrap_or_default())?;
    wait(s, "return !!document.documentElement.dataset.studio;")
}

/// Clicks the element `css` selects, as the page's own click: a WebDriver
/// click aims at a point, which the preview, still loading further down,
/// can move between the aim and the click (the keyboard check presses the
/// same controls as a reader would).
pub(super) fn click(s: &Session, css: &str) -> Result {
    s.wait_for(css, Duration::from_secs(2))?;
    s.script_with(include_str!("../js/click.js"), &[json!(css)])
        .map(drop)
}

/// Presses Tab until the element with this id has focus, at most `most`
/// times.
pub(super) fn tab_to(s: &Session, id: &str, most: usize) -> Result {
    for _ in 0..most {
        if s.script("return document.activeElement && document.activeElement.id")? == id {
            return Ok(());
        }
        s.press(&[webdriver::TAB])?;
    }
    Err(format!("not reached in {most} presses of Tab").into())
}

/// How many requests the page has sent to its worker.
pub(super) fn asked(s: &Session) -> Result<u64> {
    let v = s.script("return document.documentElement.dataset.studio || '0 0 1'")?;
    Ok(v.as_str()
        .and_then(|t| t.split(' ').next()?.parse().ok())
        .unwrap_or(0))
}

/// Waits until the worker has answered a request after the `before`th and
/// holds the newest text.
pub(super) fn settle(s: &Session, before: u64) -> Result {
    s.wait_script_with(
        include_str!("../js/studio-settled.js"),
        &[json!(before)],
        Duration::from_secs(30),
    )
    .map(drop)
}

/// Pastes an article and its metadata, and waits for the review.
pub(super) fn paste(s: &Session, text: &str, meta: &[(String, String)]) -> Result {
    let before = asked(s)?;
    let fields: serde_json::Map<String, Value> =
        meta.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
    s.script_with(
        include_str!("../js/studio-paste.js"),
        &[Value::Object(fields), json!(text)],
    )?;
    settle(s, before)
}

/// Clicks a control and waits for the worker's answer.
pub(super) fn click_and_settle(s: &Session, css: &str) -> Result {
    let before = asked(s)?;
    click(s, css)?;
    settle(s, before)
}

/// The exported story file, as the page offers it for download.
pub(super) fn exported(s: &Session) -> Result<Value> {
    let text = s.script_async(include_str!("../js/studio-exported.js"))?;
    Ok(serde_json::from_str(text.as_str().unwrap_or_default())?)
}

/// An article's name, text and metadata fields (`key`, `value`).
pub(super) type Article = (String, String, Vec<(String, String)>);

/// The corpus's articles (`kuril_extract::score::corpus_articles`: the
/// bundled one and the test articles) with the metadata the studio's
/// fields take.
pub(super) fn articles() -> Result<Vec<Article>> {
    let mut out = Vec::new();
    for a in kuril_extract::score::corpus_articles(&root())? {
        let m = kuril_extract::article::Meta::parse(&a.meta)?;
        let fields = [
            ("publisher", m.publisher),
            ("published", m.published.map(|d| d.iso())),
            ("url", m.url),
            ("language", m.language),
        ];
        let meta = (fields.into_iter())
            .filter_map(|(k, v)| Some((k.to_string(), v?)))
            .collect();
        out.push((a.name, a.text, meta));
    }
    Ok(out)
}

/// Publishes in the studio with these options, and the kit it offers as
/// one zip: its files by name (the folder left out).
pub(super) fn published(
    s: &Session,
    lang: &str,
    start: &str,
    kit_url: &str,
) -> Result<Vec<(String, Vec<u8>)>> {
    s.script_with(
        include_str!("../js/studio-publish-options.js"),
        &[json!(lang), json!(start), json!(kit_url)],
    )?;
    settle(s, 0)?;
    click(s, "#st-publish")?;
    let b64 = s.wait_script(include_str!("../js/studio-zip.js"), Duration::from_secs(60))?;
    s.script("window.kwZip = undefined;")?;
    use base64::Engine;
    let zip = base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap_or_default())?;
    let files = kuril_publish::zip::unzip(&zip)?;
    Ok(files
        .into_iter()
        .map(|(name, bytes)| {
            (
                name.split_once('/')
                    .map_or(name.clone(), |(_, n)| n.to_string()),
                bytes,
            )
        })
        .collect())
}

/// Width and height from a PNG's header.
pub(super) fn png_size(png: &[u8]) -> (u32, u32) {
    let be = |i: usize| {
        png.get(i..i + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    (be(16), be(20))
}

/// The keys of the listed items of a kind, with their texts.
pub(super) fn items(s: &Session, kind: &str) -> Result<Vec<(String, String)>> {
    let v = s.script_with(include_str!("../js/studio-items.js"), &[json!(kind)])?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p[0].as_str().unwrap_or("").into(),
                p[1].as_str().unwrap_or("").into(),
            )
        })
        .collect())
}
