//! The widget on a phone: a 375 × 667 viewport with touch, where a tap on
//! each disputed island's label or land opens its card; its map's labels
//! apart, its locator inset off the land and its timeline's controls big
//! enough at 320 and 375 px in three languages (screenshots saved to
//! `docs/screens/`); and axe-core's WCAG 2.2 AA rules on the phone view.

use super::check::{ensure, in_frame, shots_dir, Check};
use crate::engines::Engine;
use crate::webdriver::Session;
use crate::Result;
use serde_json::{json, Value};
use std::time::Duration;

/// The places a phone reader must be able to tap: the disputed islands
/// and the Habomai islets as one group.
const DISPUTED: [&str; 4] = ["iturup", "kunashir", "shikotan", "habomai"];

/// Opens `src` in a phone-sized frame over the demo page and waits until
/// its widget is live.
fn phone(s: &Session, src: &str) -> Result {
    s.script_with(
        include_str!("js/viewport-frame-add.js"),
        &[json!(src), json!(375), json!(667)],
    )?;
    let live = "const d = document.getElementById('kw-vp').contentDocument; \
                return !!d && !!d.querySelector('[data-kw-live] .kw-map path');";
    s.wait_script(live, Duration::from_secs(20)).map(drop)
}

/// Taps the viewport point `at` (a finger where the engine has touch
/// actions, else the mouse) and waits until the frame shows `id`'s card;
/// then closes it. Says what it tapped with.
fn tap_opens(s: &Session, at: &Value, id: &str) -> Result<&'static str> {
    let (x, y) = (
        at[0].as_i64().ok_or("no point")?,
        at[1].as_i64().ok_or("no point")?,
    );
    // Well apart from the tap before: two taps close in time are a double
    // tap, which zooms the map (as a double click does).
    std::thread::sleep(Duration::from_millis(1200));
    let how = s.tap(x, y)?;
    let card = format!(
        "return !!document.getElementById('kw-vp').contentDocument.querySelector('.kw-island[data-place=\"{id}\"]');"
    );
    if s.wait_script(&card, Duration::from_secs(5)).is_err() {
        let shown = s.script_with("const f = document.getElementById('kw-vp'), d = f.contentDocument, r = f.getBoundingClientRect(); \
            const c = d.querySelector('.kw-island'), t = d.elementFromPoint(arguments[0] - r.x, arguments[1] - r.y); \
            return [c && c.dataset.place, t && t.outerHTML.slice(0, 120)];", &[json!(x), json!(y)])?;
        return Err(
            format!("a {how} tap at {x},{y} did not open {id}'s card (open: {shown})").into(),
        );
    }
    s.script("document.getElementById('kw-vp').contentDocument.querySelector('.kw-island .kw-close').click();")?;
    let zoomed = s.script(
        "const d = document.getElementById('kw-vp').contentDocument; \
         return d.querySelector('.kw-zoomed') && d.querySelector('.kw-map svg').getAttribute('viewBox');",
    )?;
    ensure(
        zoomed.is_null(),
        format!("the {how} tap at {x},{y} on {id} zoomed the map: {zoomed}"),
    )?;
    Ok(how)
}

pub const CHECKS: &[(&str, Check)] = &[
    (
        "a phone, 375 × 667 with touch: a tap on each disputed island's label, on its land and on the invisible target around a small one opens its card (the Habomai islets' group one target); every target at least 24 × 24 px",
        |s, engine| {
            phone(s, "embed.html")?;
            let mut how = Vec::new();
            for id in DISPUTED {
                // Where each part is now (a card may have moved the page).
                let find = |what: &str| -> Result<Value> {
                    let found = s.wait_script_with(include_str!("js/phone-targets.js"), &[json!([id])], Duration::from_secs(5))?;
                    Ok(found[id][what].clone())
                };
                for what in ["label", "land"] {
                    let at = find(what)?;
                    ensure(at.is_array(), format!("{id}: no point where its {what} is on top"))?;
                    how.push(tap_opens(s, &at, id)?);
                }
                let at = find("target")?;
                if at.is_array() {
                    how.push(tap_opens(s, &at, id)?);
                }
                let found = s.wait_script_with(include_str!("js/phone-targets.js"), &[json!([id])], Duration::from_secs(5))?;
                let p = &found[id];
                let sides = &p["sides"];
                let targets: Vec<f64> = sides["targets"].as_array().into_iter().flatten().filter_map(Value::as_f64).collect();
                ensure(!targets.is_empty() && targets.iter().all(|&t| t >= 24.0), format!("{id}'s targets: {sides}"))?;
                let land = sides["land"].as_f64().unwrap_or(0.0);
                ensure(land >= 24.0 || targets.len() >= 2, format!("{id}: land {land} px and no target around it: {sides}"))?;
            }
            s.script("document.getElementById('kw-vp').remove();")?;
            // A finger in Chromium and WebKit; Firefox's driver may lack
            // touch actions, and then clicks.
            let touch = how.iter().all(|h| *h == "touch");
            ensure(touch || engine == Engine::Firefox, format!("taps: {how:?}"))
        },
    ),
    (
        "at 320 and 375 px in English, Russian and Japanese: the map below the header, no two map labels meet, the locator inset covers no land of the map, the timeline's and map's controls and the map's tap targets are at least 24 × 24 px (screenshots saved)",
        |s, engine| {
            let dir = shots_dir(engine).join("screens");
            std::fs::create_dir_all(&dir)?;
            let mut wrong = Vec::new();
            for lang in ["en", "ru", "ja"] {
                for width in [320, 375] {
                    let (found, png) = in_frame(s, &format!("embed.html?lang={lang}"), width, include_str!("js/phone-layout.js"))?;
                    std::fs::write(dir.join(format!("{width}-{lang}.png")), png)?;
                    for key in ["overlaps", "covered", "small", "over"] {
                        if found[key].as_array().is_none_or(|a| !a.is_empty()) {
                            wrong.push(format!("{lang} {width} px {key}: {}", found[key]));
                        }
                    }
                    if found["labels"].as_u64().unwrap_or(0) < 6 {
                        wrong.push(format!("{lang} {width} px: only {} labels", found["labels"]));
                    }
                }
            }
            s.script("document.getElementById('kw-vp').remove();")?;
            ensure(wrong.is_empty(), wrong.join("; "))
        },
    ),
    (
        "axe-core with the WCAG 2.2 AA tags finds no violation on the phone view (375 × 667), on opening and with an island's card open",
        |s, _| {
            phone(s, "embed.html")?;
            let axe = |when: &str| -> Result<Vec<String>> {
                let out = s.script_async(include_str!("js/phone-axe.js"))?;
                Ok(out.as_array().into_iter().flatten().filter_map(Value::as_str).map(|v| format!("{when}: {v}")).collect())
            };
            let mut found = axe("opening")?;
            s.script("document.getElementById('kw-vp').contentDocument.querySelector(\".kw-map path[data-place='shikotan']\").dispatchEvent(new MouseEvent('click', {bubbles: true}));")?;
            s.wait_script("return !!document.getElementById('kw-vp').contentDocument.querySelector('.kw-island');", Duration::from_secs(5))?;
            found.extend(axe("card")?);
            s.script("document.getElementById('kw-vp').remove();")?;
            ensure(found.is_empty(), found.join("\n"))
        },
    ),
];
