//! What every end-to-end check is made of: the [`Check`] type, waits and
//! assertions, and the small look-ups and set-ups that the reader checks,
//! the scenarios and the accessibility checks share. It imports none of
//! them: the runner (`checks/mod.rs`) imports the checks, the checks this.

use crate::engines::Engine;
use crate::installed;
use crate::webdriver::{Element, Session};
use crate::{root, Result};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::Duration;

/// The `data-place` of every highlighted map feature.
pub(crate) fn highlighted(s: &Session) -> Result<BTreeSet<String>> {
    let mut out = BTreeSet::new();
    for e in s.find_all(".kw-map path.kw-hl")? {
        out.insert(s.attr(&e, "data-place")?.unwrap_or_default());
    }
    Ok(out)
}

pub(crate) fn pressed(s: &Session) -> Result<Element> {
    s.find_all(".kw-event[aria-pressed=true]")?
        .into_iter()
        .next()
        .ok_or_else(|| "no event is selected".into())
}

pub(crate) fn ensure(cond: bool, what: impl Into<String>) -> Result {
    if cond {
        Ok(())
    } else {
        Err(what.into().into())
    }
}

pub(crate) fn event_button(s: &Session, id: &str) -> Result<Element> {
    s.find_all(&format!(".kw-event[data-event='{id}']"))?
        .into_iter()
        .next()
        .ok_or_else(|| format!("no timeline button for {id}").into())
}

/// Where an engine's screenshots go: Chromium's to `docs/` for the README,
/// the others' to `target/e2e/ENGINE/`.
pub(crate) fn shots_dir(engine: Engine) -> std::path::PathBuf {
    match engine {
        Engine::Chromium => root().join("docs"),
        e => root().join("target/e2e").join(e.name()),
    }
}

/// Saves a PNG of the whole widget as `NAME` in [`shots_dir`] (the window
/// is tall enough to hold it).
pub(crate) fn save_widget_screenshot(s: &Session, engine: Engine, name: &str) -> Result {
    let widget = s.wait_for(".kw", Duration::from_secs(1))?;
    s.script("document.querySelector('.kw').scrollIntoView()")?;
    std::thread::sleep(Duration::from_millis(200));
    let shot = s.screenshot(Some(&widget))?;
    let dir = shots_dir(engine);
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(name), shot).map_err(Into::into)
}

/// Adds `<kuril-widget>` elements with these ids and attributes in a box of
/// its own (`#kw-box`), and a `window.kwQ(id, css)` to look inside them.
/// The box is at the end of the page, below the fold, so they load at once
/// (`loading="eager"`) unless their attributes say otherwise.
pub(crate) fn add_widgets(s: &Session, widgets: &[(&str, &str)]) -> Result {
    let html: String = widgets
        .iter()
        .map(|(id, attrs)| {
            let eager = if attrs.contains("loading=") {
                ""
            } else {
                " loading=\"eager\""
            };
            format!("<kuril-widget id=\"{id}\" {attrs}{eager}></kuril-widget>")
        })
        .collect();
    s.script_with(include_str!("js/add-widgets.js"), &[json!(html)])
        .map(drop)
}

/// Every resource the page and its frames have requested, by URL (a
/// frame the page cannot read counts as one, named as such).
pub(crate) fn requested(s: &Session) -> Result<Vec<String>> {
    let names = s.script(include_str!("js/requested.js"))?;
    Ok(names
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect())
}

/// Adds an iframe with this id and attributes (a `src`, a `sandbox`…),
/// 700 px wide and tall enough for a whole widget, at the end of the page.
pub(crate) fn add_frame(s: &Session, id: &str, attrs: &str) -> Result {
    let html = format!(
        "<iframe id=\"{id}\" {attrs} style=\"width: 700px; height: 1400px; border: 0\"></iframe>"
    );
    s.script_with(include_str!("js/add-frame.js"), &[json!(id), json!(html)])
        .map(drop)
}

/// Waits until the iframe `id`'s document (or, with `element`, the shadow
/// root of its `<kuril-widget>`) is complete, `ready` (a JS expression on
/// `d`, that document or root) is true, and the layout of `parts` (CSS
/// selectors) is the same two polls in a row (a page whose styles are
/// still being applied is not yet its first paint). Returns `{boxes,
/// info}`: where each part is, relative to the widget's frame (the host
/// pages differ) and, for events, to the list's scrolled content (once
/// live, the list scrolls to the selected event, which moves no layout);
/// `info`, the JS expression `info` on `d`.
pub(crate) fn steady_layout(
    s: &Session,
    id: &str,
    element: bool,
    ready: &str,
    parts: &[&str],
    info: &str,
) -> Result<serde_json::Value> {
    let root = if element {
        "doc && doc.readyState === 'complete' && doc.querySelector('kuril-widget')?.shadowRoot"
    } else {
        "doc && doc.readyState === 'complete' && doc"
    };
    // `ready` and `info` are code, spliced in; the id and parts are values.
    let source = include_str!("js/steady-layout.js")
        .replace("$ROOT", root)
        .replace("$READY", ready)
        .replace("$INFO", info);
    s.wait_script_with(&source, &[json!(id), json!(parts)], Duration::from_secs(30))
}

/// Opens `src` in a frame `width` px wide over the demo page (a viewport
/// of that width in every engine), waits until its widget is live, makes
/// the frame as tall as its page, and returns what `measure` (a script
/// body with the frame `f` and its document `d`) returns, and a
/// screenshot of the frame. The frame stays until the next call or until
/// the check removes `#kw-vp`.
pub(crate) fn in_frame(
    s: &Session,
    src: &str,
    width: u32,
    measure: &str,
) -> Result<(Value, Vec<u8>)> {
    s.script_with(
        include_str!("js/viewport-frame-add.js"),
        &[json!(src), json!(width)],
    )?;
    let measured = s.wait_script(
        &include_str!("js/viewport-frame-measure.js").replace("$MEASURE", measure),
        Duration::from_secs(20),
    )?;
    std::thread::sleep(Duration::from_millis(300));
    let frame = s.wait_for("#kw-vp", Duration::from_secs(1))?;
    Ok((measured, s.screenshot(Some(&frame))?))
}

/// A check, given the session and the engine it runs in.
pub(crate) type Check = fn(&Session, Engine) -> Result;

/// Waits up to ten seconds for `js` to return something truthy.
///
/// Scripts name their globals as `window.x`: Firefox runs WebDriver
/// scripts in a sandbox, where a bare `x = …` in a callback sets the
/// sandbox's global, not the page's.
pub(crate) fn wait(s: &Session, js: &str) -> Result {
    s.wait_script(js, Duration::from_secs(10)).map(drop)
}

/// Waits up to ten seconds until the element `css` selects in the widget
/// `id` (see [`add_widgets`]) holds the text `needle`.
pub(crate) fn wait_text(s: &Session, id: &str, css: &str, needle: &str) -> Result {
    s.wait_script_with(
        include_str!("js/widget-text-has.js"),
        &[json!(id), json!(css), json!(needle)],
        Duration::from_secs(10),
    )
    .map(drop)
}

/// Sets an attribute of the element with this id.
pub(crate) fn set_attr(s: &Session, id: &str, name: &str, value: &str) -> Result {
    s.script_with(
        "document.getElementById(arguments[0]).setAttribute(arguments[1], arguments[2]);",
        &[json!(id), json!(name), json!(value)],
    )
    .map(drop)
}

/// Injects axe-core (from the npm cache) if the page lacks it, runs it on
/// the whole page, shadow roots included, and returns the violations as
/// "rule: target" lines.
pub(crate) fn axe(s: &Session) -> Result<Vec<String>> {
    if s.script("return typeof window.axe")? != "object" {
        let src = std::fs::read_to_string(installed::axe_core()?)?;
        s.script(&format!("{src}\n;window.axe = axe;"))?;
    }
    let out = s.script_async(include_str!("js/axe-run.js"))?;
    Ok(out
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect())
}
