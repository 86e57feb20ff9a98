//! Accessibility checks run in every engine: axe-core finds no violation
//! in three states, a keyboard alone reaches and works every control with
//! focus always visible and no trap, and the engine's accessibility tree
//! holds the widget's summary and its lists of islands and events.

use super::check::{axe, ensure, event_button, pressed, wait, Check};
use crate::webdriver;
use serde_json::Value;
use std::time::Duration;

/// Presses Tab until focus leaves the page's own widget, from a button put
/// before it to one put after; returns what each step focused.
const TAB_STEP: &str = r#"
const a = document.activeElement;
const mount = document.querySelector('.kw-mount');
if (!a || !mount.contains(a)) return { inside: false, id: a && a.id };
a.dataset.kwVisited = '1';
const cs = getComputedStyle(a);
const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
const stroke = a instanceof SVGElement && parseFloat(cs.strokeWidth) >= 2.5;
const what = a.getAttribute('aria-label') || a.dataset.event || a.textContent.trim().slice(0, 30);
return { inside: true, visible: outline || stroke, what: a.tagName.toLowerCase() + ' ' + what };
"#;

pub const CHECKS: &[(&str, Check)] = &[
    (
        "axe-core finds no violations: on opening, with an event selected, and with an island card open",
        |s, _| {
            let here = s.script("return location.origin")?;
            s.goto(&format!("{}/index.html", here.as_str().unwrap_or_default()))?;
            s.wait_for(".kw-mount [data-kw-live] .kw-map path", Duration::from_secs(30))?;
            wait(s, "return !!document.querySelector('kuril-widget')?.shadowRoot?.querySelector('.kw-map path');")?;
            let mut found = Vec::new();
            found.extend(axe(s)?.into_iter().map(|v| format!("opening: {v}")));
            s.click(&event_button(s, "joint-declaration-1956")?)?;
            found.extend(axe(s)?.into_iter().map(|v| format!("1956: {v}")));
            s.script("document.querySelector(\".kw-mount .kw-map path[data-place='kunashir']\").dispatchEvent(new MouseEvent('click', {bubbles: true}));")?;
            wait(s, "return !!document.querySelector('.kw-mount .kw-island');")?;
            found.extend(axe(s)?.into_iter().map(|v| format!("card: {v}")));
            s.script("document.querySelector('.kw-mount .kw-close').click();")?;
            ensure(found.is_empty(), found.join("\n"))
        },
    ),
    (
        "keyboard only: Tab reaches every control of the widget with focus visible and leaves it (no trap); Enter, arrows and Escape work them",
        |s, _| {
            s.script(include_str!("js/tab-order-setup.js"))?;
            let mut steps = Vec::new();
            let mut hidden = Vec::new();
            let left = loop {
                s.press(&[webdriver::TAB])?;
                let at = s.script(TAB_STEP)?;
                if at["inside"] != true {
                    break at["id"].clone();
                }
                if at["visible"] != true {
                    hidden.push(at["what"].to_string());
                }
                steps.push(at["what"].to_string());
                if steps.len() > 400 {
                    break Value::Null;
                }
            };
            let missed = s.script(include_str!("js/tab-unvisited.js"))?;
            s.script("document.getElementById('kw-before').remove(); document.getElementById('kw-after').remove();")?;
            ensure(left == "kw-after", format!("focus did not leave the widget forward after {} steps: {left}", steps.len()))?;
            ensure(hidden.is_empty(), format!("focus not visible on: {hidden:?}"))?;
            ensure(missed.as_array().is_some_and(Vec::is_empty), format!("never reached by Tab: {missed}"))?;
            // Operating them: Enter on an event, Enter on an island, Escape.
            let b = event_button(s, "joint-declaration-1956")?;
            s.send_keys(&b, webdriver::ENTER)?;
            ensure(s.attr(&pressed(s)?, "data-event")?.as_deref() == Some("joint-declaration-1956"), "Enter on 1956")?;
            s.script("document.querySelector(\".kw-mount .kw-map path[data-place='kunashir']\").focus();")?;
            s.press(&[webdriver::ENTER])?;
            wait(s, "return !!document.querySelector('.kw-mount .kw-island');")?;
            s.press(&[webdriver::ESCAPE])?;
            wait(s, "return !document.querySelector('.kw-mount .kw-island');")?;
            ensure(steps.len() >= 20, format!("only {} stops: {steps:?}", steps.len()))
        },
    ),
    (
        "the accessibility tree names the widget and holds its summary and the islands and events as lists",
        |s, _| {
            let get = |css: &str| s.wait_for(&format!(".kw-mount {css}"), Duration::from_secs(2));
            let (role, name) = s.accessible(&get("article.kw")?)?;
            ensure(
                role == "article" && name.contains("Kuril Islands"),
                format!("widget: role '{role}', name '{name}'"),
            )?;
            let summary = s.script("return document.querySelector('.kw-mount .kw-sr p').textContent")?;
            ensure(
                summary.as_str().is_some_and(|t| t.contains("events from 1855 to 2022")),
                format!("summary: {summary}"),
            )?;
            let mut found = Vec::new();
            for (css, want_items) in [(".kw-sr .kw-static-islands", 4), (".kw-sr .kw-static-events", 20)] {
                let (role, _) = s.accessible(&get(css)?)?;
                let items = s.find_all(&format!(".kw-mount {css} > li"))?;
                let (item_role, item_name) = s.accessible(items.first().ok_or("no items")?)?;
                found.push(format!("{css}: {role}, {} × {item_role} ('{item_name}')", items.len()));
                ensure(
                    role == "list" && item_role == "listitem" && items.len() >= want_items,
                    found.join("; "),
                )?;
            }
            let (role, name) = s.accessible(&get(".kw-event[data-event='joint-declaration-1956']")?)?;
            ensure(role == "button" && name.contains("1956"), format!("event: '{role}' '{name}'"))?;
            let (role, name) = s.accessible(&get(".kw-map path[data-place='iturup']")?)?;
            ensure(role == "button" && name.contains("Iturup"), format!("island: '{role}' '{name}'"))
        },
    ),
];
