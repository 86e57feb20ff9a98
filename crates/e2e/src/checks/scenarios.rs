//! End-to-end scenarios: the map's pan and zoom, two widgets on one page,
//! the widget at phone, tablet and desktop widths in both themes, and in
//! Russian and Japanese (with screenshots).

use super::check::{add_widgets, ensure, in_frame, shots_dir, wait, wait_text, Check};
use crate::webdriver::{self, Session};
use crate::Result;
use std::time::Duration;

/// The viewBox of the demo page's own widget, as numbers.
fn view_box(s: &Session) -> Result<Vec<f64>> {
    let v =
        s.script("return document.querySelector('.kw-mount .kw-map svg').getAttribute('viewBox')")?;
    Ok(v.as_str()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect())
}

pub const CHECKS: &[(&str, Check)] = &[
    (
        "the map zooms and pans by its buttons, by keys and by dragging; 0 shows it whole again",
        |s, _| {
            let whole = view_box(s)?;
            let tools = s.find_all(".kw-mount .kw-map-tools .kw-tool")?;
            s.click(tools.first().ok_or("no zoom buttons")?)?;
            let zoomed = view_box(s)?;
            ensure(zoomed[2] < whole[2] * 0.9, format!("zoom in: {whole:?} → {zoomed:?}"))?;
            let frame = s.wait_for(".kw-mount .kw-map-frame", Duration::from_secs(1))?;
            s.send_keys(&frame, webdriver::ARROW_RIGHT)?;
            let panned = view_box(s)?;
            ensure(panned[0] > zoomed[0], format!("→ pan: {zoomed:?} → {panned:?}"))?;
            s.send_keys(&frame, "+")?;
            let closer = view_box(s)?;
            ensure(closer[2] < panned[2], format!("+ key: {panned:?} → {closer:?}"))?;
            // Dragging left moves the view east.
            s.drag(".kw-mount .kw-map svg", -120, 0)?;
            let dragged = view_box(s)?;
            ensure(dragged[0] > closer[0], format!("drag: {closer:?} → {dragged:?}"))?;
            s.send_keys(&frame, "0")?;
            let back = view_box(s)?;
            ensure(back == whole, format!("0 key: {back:?}, whole {whole:?}"))?;
            // The drag must not have opened a place card.
            ensure(s.find_all(".kw-mount .kw-island")?.is_empty(), "the drag opened a card")
        },
    ),
    (
        "two <kuril-widget>s on one page keep their own selection, card and language",
        |s, _| {
            add_widgets(s, &[("kw-a", ""), ("kw-b", "")])?;
            wait(s, "return !!(window.kwQ('kw-a', '.kw-map path') && window.kwQ('kw-b', '.kw-map path'));")?;
            s.script("window.kwQ('kw-a', \".kw-event[data-event='joint-declaration-1956']\").click();")?;
            s.script("window.kwQ('kw-b', \".kw-map path[data-place='iturup']\").dispatchEvent(new MouseEvent('click', {bubbles: true}));")?;
            wait(s, "return window.kwQ('kw-b', '.kw-island') !== null;")?;
            s.script("document.getElementById('kw-a').setAttribute('lang', 'ru');")?;
            wait_text(s, "kw-a", ".kw-title", "Территориальный спор")?;
            let out = s.script(include_str!("js/two-widgets-state.js"))?;
            s.script("document.getElementById('kw-box').remove();")?;
            ensure(
                out[0] == "joint-declaration-1956"
                    && out[1] == "interview"
                    && out[2] == false
                    && out[3] == true
                    && out[4].as_str().unwrap_or_default().contains("Kuril Islands"),
                format!("[a selected, b selected, a card, b card, b title] = {out}"),
            )
        },
    ),
    (
        "a language's file that does not come is explained in the box with Try again, which then shows the widget in that language",
        |s, _| {
            s.script(include_str!("js/block-language.js"))?;
            add_widgets(s, &[("kw-l", "lang=\"ja\"")])?;
            wait(s, "return !!window.kwQ('kw-l', '.kw-error .kw-retry');")?;
            let said = s.script("return window.kwQ('kw-l', '.kw-error').textContent;")?;
            let said = said.as_str().unwrap_or_default().to_string();
            s.script("window.kwBlockLanguage = false; window.kwQ('kw-l', '.kw-retry').click();")?;
            let shown = wait_text(s, "kw-l", ".kw-title", "北方領土");
            s.script("document.getElementById('kw-box').remove();")?;
            shown?;
            ensure(
                said.contains("lang-ja.kwl") && said.contains("no network"),
                format!("the box said: {said}"),
            )
        },
    ),
    (
        "at 320, 768 and 1280 px wide, light and dark, the widget fits without sideways scroll (screenshots saved)",
        |s, engine| {
            let dir = shots_dir(engine).join("screens");
            std::fs::create_dir_all(&dir)?;
            let mut wrong = Vec::new();
            for width in [320, 768, 1280] {
                for theme in ["light", "dark"] {
                    // The frame is a viewport of that width in every engine
                    // (Firefox's window cannot be made narrower than 450 px).
                    let (over, png) = in_frame(
                        s,
                        &format!("embed.html?theme={theme}"),
                        width,
                        "return { over: d.documentElement.scrollWidth - d.documentElement.clientWidth, \
                                  h: Math.ceil(d.documentElement.scrollHeight) };",
                    )?;
                    if over["over"].as_i64() != Some(0) {
                        wrong.push(format!("{width} px {theme}: {over}"));
                    }
                    std::fs::write(dir.join(format!("{width}-{theme}.png")), png)?;
                }
            }
            s.script("document.getElementById('kw-vp').remove();")?;
            ensure(wrong.is_empty(), format!("sideways scroll: {}", wrong.join("; ")))
        },
    ),
    (
        "in Russian and in Japanese the widget shows no English text of its own, only the article's quotations marked lang=en (screenshots saved)",
        |s, engine| {
            let mut wrong = Vec::new();
            for lang in ["ru", "ja"] {
                // The text a reader sees, without what carries the article's
                // language; three Latin words in a row are English of ours
                // ("Etorofu", "TASS" and a quoted «on Sunday» are not).
                let (english, png) = in_frame(
                    s,
                    &format!("embed.html?lang={lang}&start-at=joint-declaration-1956"),
                    1280,
                    "const kw = d.querySelector('.kw').cloneNode(true); \
                     kw.querySelectorAll('[lang=en]').forEach((e) => e.remove()); \
                     return { runs: kw.textContent.match(/[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){2,}/g) || [] };",
                )?;
                if english["runs"].as_array().is_none_or(|r| !r.is_empty()) {
                    wrong.push(format!("{lang}: {}", english["runs"]));
                }
                std::fs::write(shots_dir(engine).join(format!("screenshot-{lang}.png")), png)?;
            }
            s.script("document.getElementById('kw-vp').remove();")?;
            ensure(wrong.is_empty(), format!("English of ours: {}", wrong.join("; ")))
        },
    ),
];
