//! The publish kits' checks (issue 26), on the kits `crate::kits` makes
//! from articles in English, Russian and Japanese: their iframe pages
//! without scripts and hydrated, their meta tags, oEmbed and card, the
//! element below the fold, selections through the iframe both ways, a
//! page never showing a render of something else than it is asked for,
//! and packed story files of today's and of a future version.

use super::check::{add_frame, add_widgets, ensure, steady_layout, wait, Check};
use crate::kits::{self, KITS};
use crate::webdriver::Session;
use crate::Result;
use serde_json::{json, Value};
use std::time::Duration;

/// A kit page's links, meta tags and card pictures (`kit-links.js`).
const KIT_LINKS: &str = concat!(
    include_str!("js/picture-measure.js"),
    include_str!("js/kit-links.js")
);

/// The story a kit holds, from its `story.kws`.
fn story(name: &str) -> Result<kuril_core::story::Story> {
    let bytes = std::fs::read(kits::dir().join(name).join("story.kws"))?;
    Ok(kuril_core::story::pack::decode(&bytes)?)
}

/// A kit's headline, as its widget quotes it.
fn headline(name: &str) -> Result<String> {
    Ok(story(name)?.article.headline.unwrap_or_default())
}

/// The parts of a widget whose place the hydration must keep.
const PARTS: [&str; 8] = [
    ".kw-head",
    ".kw-map",
    ".kw-legend",
    ".kw-timeline",
    ".kw-card",
    ".kw-event[aria-pressed=true]",
    ".kw-map path[data-place=kunashir]",
    ".kw-locator",
];

/// Samples, every frame of this page from now on, whether any of the
/// widget's titles, headline or event titles that hold `needle` is shown
/// (in the document or a `<kuril-widget>`'s shadow root of the iframe
/// `id`): `window.kwShown[id]` counts the frames that showed one.
fn sample(s: &Session, id: &str, needle: &str) -> Result {
    s.script_with(
        include_str!("js/sample-shown.js"),
        &[json!(id), json!(needle)],
    )
    .map(drop)
}

pub const CHECKS: &[(&str, Check)] = &[
    (
        "publish kits in English, Russian and Japanese: without scripts each iframe page shows its story's headline, events and map; with them it is hydrated in place, nothing moves, and no newsroom module or worker is asked for",
        |s, _| {
            for (name, _, start) in KITS {
                let page = format!("{}index.html", kits::url(name));
                let want = headline(name)?;
                let events = story(name)?.events.len();
                add_frame(s, "kw-kit-static", &format!("sandbox=\"allow-same-origin\" src=\"{page}\""))?;
                add_frame(s, "kw-kit-live", &format!("src=\"{page}\""))?;
                let stat = steady_layout(s, "kw-kit-static", false, "d.querySelector('.kw-map path')", &PARTS,
                    "{ sub: d.querySelector('.kw-sub')?.textContent, lang: d.querySelector('.kw-frame').lang, \
                       events: d.querySelectorAll('.kw-events .kw-event').length, inArticle: d.querySelectorAll('.kw-events .kw-in-article').length, \
                       pressed: d.querySelector('.kw-event[aria-pressed=true]')?.dataset.event, \
                       land: d.querySelectorAll('.kw-map path[data-place]').length, live: !!d.querySelector('[data-kw-live]') }")?;
                let live = steady_layout(s, "kw-kit-live", false, "d.querySelector('.kw-root[data-kw-ssr] > [data-kw-live]')", &PARTS,
                    "{ roots: d.querySelectorAll('.kw-frame').length, \
                       asked: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /newsroom|worker/.test(n)) }")?;
                for id in ["kw-kit-static", "kw-kit-live"] {
                    s.script_with("document.getElementById(arguments[0]).remove();", &[json!(id)])?;
                }
                let info = &stat["info"];
                ensure(
                    info["sub"].as_str().is_some_and(|t| t.contains(&want))
                        && info["lang"] == name
                        && info["inArticle"].as_u64() >= Some(events.min(1) as u64)
                        && info["events"].as_u64() > Some(10)
                        && info["land"].as_u64() > Some(10)
                        && info["live"] == false
                        && start.is_none_or(|s| info["pressed"] == s),
                    format!("{name}: without scripts, the kit's page shows {info} (want “{want}”)"),
                )?;
                ensure(
                    live["boxes"] == stat["boxes"] && live["info"]["roots"] == 1,
                    format!("{name}: hydrated, the kit's page moved: {} against its first paint {}", live["boxes"], stat["boxes"]),
                )?;
                ensure(
                    live["info"]["asked"].as_array().is_some_and(Vec::is_empty),
                    format!("{name}: the kit's page asked for {}", live["info"]["asked"]),
                )?;
            }
            Ok(())
        },
    ),
    (
        "publish kits: the iframe page's meta tags and oembed.json parse and point at files that exist; the card's PNGs are 1200×675 and 2400×1350 and not blank",
        |s, _| {
            for (name, _, _) in KITS {
                let page = format!("{}index.html", kits::url(name));
                let found = s.script_async_with(KIT_LINKS, &[json!(page)])?;
                let want = headline(name)?;
                let p = &found["pictures"];
                let sized = p[0][0] == 1200 && p[0][1] == 675 && p[1][0] == 2400 && p[1][1] == 1350;
                let drawn = (0..2).all(|i| p[i][2].as_u64().unwrap_or(0) > 20 && p[i][3].as_f64().unwrap_or(0.0) > 0.3);
                ensure(
                    found["missing"].as_array().is_some_and(Vec::is_empty)
                        && sized
                        && drawn
                        && found["title"].as_str().is_some_and(|t| t.contains(&want))
                        && found["ogTitle"] == found["title"]
                        && found["description"].as_str().is_some_and(|t| t.contains(&want))
                        && found["card"] == "summary_large_image"
                        && found["alt"].as_str().is_some_and(|t| t.len() > 20)
                        && found["oembed"] == serde_json::json!({ "type": "rich", "version": "1.0", "width": 700, "height": 1100, "tw": 1200, "th": 675 }),
                    format!("{name}: {found}"),
                )?;
            }
            Ok(())
        },
    ),
    (
        "publish kits: a news page with the element three screens below the fold shows its first paint and asks for no wasm until the reader scrolls to it, then hydrates it in place",
        |s, _| {
            // In a frame fixed over the page, so that it is in view itself.
            s.script_with(include_str!("js/below-frame-add.js"), &[json!(format!("{}news-below.html", kits::BASE))])?;
            // Loaded, the element defined, and two frames drawn since:
            // a widget that would load at once has asked for its wasm.
            wait(s, include_str!("js/below-frame-idle.js"))?;
            let before = s.script(include_str!("js/below-frame-before.js"))?;
            let wasm = |v: &Value| v.as_array().into_iter().flatten().any(|n| n.as_str().is_some_and(|n| n.contains(".wasm") || n.contains(".kws")));
            ensure(
                before["painted"] == true && before["live"] == false && before["below"] == true && !wasm(&before["asked"]),
                format!("before scrolling: {before}"),
            )?;
            s.script("document.getElementById('kw-below').contentDocument.querySelector('kuril-widget').scrollIntoView();")?;
            let after = s.wait_script(include_str!("js/below-frame-hydrated.js"), Duration::from_secs(20))?;
            s.script("document.getElementById('kw-below').remove(); window.kwBelowFrames = 0;")?;
            ensure(wasm(&after), format!("after scrolling, it asked for {after}"))
        },
    ),
    (
        "publish kits: a Russian kit's element whose language file does not come shows why in place of its first paint, and Try again hydrates nothing wrongly but shows it in Russian",
        |s, _| {
            add_frame(s, "kw-offline", &format!("src=\"{}ru-offline.html\"", kits::BASE))?;
            let has = |css: &str, text: &str| {
                s.wait_script_with(
                    include_str!("js/frame-widget-has.js"),
                    &[json!("kw-offline"), json!(css), json!(text)],
                    Duration::from_secs(20),
                )
                .map(drop)
            };
            let shown = has(".kw-error .kw-detail", "lang-ru.kwl").and_then(|()| {
                s.script(
                    "const f = document.getElementById('kw-offline'); f.contentWindow.kwBlockLanguage = false; \
                     f.contentDocument.querySelector('kuril-widget').shadowRoot.querySelector('.kw-retry').click();",
                )?;
                has("[data-kw-live] .kw-title", "Территориальный спор")
            });
            s.script("document.getElementById('kw-offline').remove();")?;
            shown
        },
    ),
    (
        "publish kits: the iframe's selections reach its host as kuril-select events on the <iframe>, a host's message selects an event in it, and the element's select() does too",
        |s, _| {
            s.script_with(include_str!("js/talk-frame-add.js"), &[json!(format!("{}index.html", kits::url("en")))])?;
            wait(s, "const d = document.getElementById('kw-talk').contentDocument; return !!(d && d.querySelector('[data-kw-live] .kw-event'));")?;
            s.script("document.getElementById('kw-talk').contentDocument.querySelector('.kw-event[data-event=yalta-1945]').click();")?;
            let heard = s.wait_script("return window.kwFrameSel.find((d) => d.id === 'yalta-1945') || null;", Duration::from_secs(10))?;
            ensure(heard["date"] == "1945-02-11", format!("the host heard {heard}"))?;
            s.script(
                "const f = document.getElementById('kw-talk'); \
                 f.contentWindow.postMessage({ type: 'kuril-select', id: 'joint-declaration-1956' }, location.origin);",
            )?;
            wait(s, include_str!("js/talk-frame-selected.js"))?;
            s.script("document.getElementById('kw-talk').contentWindow.postMessage({ type: 'kuril-select', date: '1900' }, location.origin);")?;
            wait(s, include_str!("js/talk-frame-at-1900.js"))?;
            let forged = s.script("return window.kwFrameSel.filter((d) => d.id === 'forged').length")?;
            ensure(forged == 0, "the host took a kuril-select message that no frame sent")?;
            s.script("document.getElementById('kw-talk').remove();")?;
            // The element: select() as its host's way in.
            add_widgets(s, &[("kw-sel", "")])?;
            wait(s, "return !!window.kwQ('kw-sel', '[data-kw-live] .kw-event');")?;
            s.script("document.getElementById('kw-sel').select('singapore-2018');")?;
            wait(s, "const b = window.kwQ('kw-sel', '.kw-event[aria-pressed=true]'); return b && b.dataset.event === 'singapore-2018';")
        },
    ),
    (
        "a page asked for another story or other options than its HTML holds never shows that render, sampled every frame from navigation to ready: the iframe page and the element",
        |s, _| {
            let tass = "Understanding of Japan";
            let (en, ru, ja) = (headline("en")?, headline("ru")?, kits::url("ja"));
            let fallback = std::fs::read_to_string(crate::root().join("embed/fallback.html"))?;
            let ja_fallback = std::fs::read_to_string(kits::dir().join("ja/fallback.html"))?;
            let en_story = format!("{}story.kws", kits::url("en"));
            // An element's page, as an iframe's srcdoc.
            let element = |attrs: &str, inside: &str| {
                ("srcdoc", format!(
                    "<!doctype html><html><head><script type=\"module\" src=\"/kuril-widget.js\"></script></head>\
                     <body><kuril-widget {attrs} loading=\"eager\">{inside}</kuril-widget></body></html>"
                ))
            };
            // (the frame's attribute, what it must never show, what it
            // shows once ready)
            let cases = [
                (("src", format!("embed.html?story-src={en_story}")), tass.to_string(), en.clone()),
                (("src", format!("{}index.html?story-src={en_story}", kits::url("ru"))), ru.clone(), en.clone()),
                (("src", format!("{}index.html?lang=ja", kits::url("en"))), "Events and places from the article".to_string(), "に登場する出来事と場所".to_string()),
                (element(&format!("story-src=\"{en_story}\""), &fallback), tass.to_string(), en.clone()),
                (element(&format!("story-src=\"{ja}story.kws\" lang=\"en\""), &ja_fallback), "日ロの領土問題".to_string(), "Events and places from the article".to_string()),
            ];
            for (i, ((attr, value), never, ready)) in cases.iter().enumerate() {
                let id = format!("kw-gate-{i}");
                add_frame(s, &id, "")?;
                sample(s, &id, never)?;
                s.script_with("document.getElementById(arguments[0]).setAttribute(arguments[1], arguments[2]);", &[json!(id), json!(attr), json!(value)])?;
                let done = s.wait_script_with(include_str!("js/gate-ready.js"), &[json!(id), json!(ready)], Duration::from_secs(20))?;
                s.script_with("document.getElementById(arguments[0]).remove();", &[json!(id)])?;
                ensure(
                    done["shown"] == 0 && done["frames"].as_u64() > Some(0),
                    format!("case {i} ({attr} {value:.80}): “{never}” was shown in {} of {} frames: {}", done["shown"], done["frames"], s.script("return JSON.stringify(window.kwShownHow || [])")?),
                )?;
            }
            Ok(())
        },
    ),
    (
        "packed story files: a story packed by version 2 (tests/fixtures) still loads by story-src, without the newsroom module; one of an unknown future version is refused with its message",
        |s, _| {
            s.script("window.kwAskedBefore = performance.getEntriesByType('resource').length;")?;
            add_widgets(
                s,
                &[("kw-v2", "story-src=\"/__test/fixtures/kws2-kyodo-wire.kws\""), ("kw-v9", "story-src=\"/__test/future.kws\"")],
            )?;
            wait(s, include_str!("js/packed-v2-loaded.js"))?;
            let refused = s.wait_script(
                "const e = window.kwQ('kw-v9', '.kw-error'); return e ? e.textContent : null;",
                Duration::from_secs(10),
            )?;
            ensure(
                refused.as_str().is_some_and(|t| t.contains("newer version of kuril-widget") && t.contains("version 9") && t.contains("updating")),
                format!("the future version's box says: {refused}"),
            )?;
            let asked = s.script("return performance.getEntriesByType('resource').slice(window.kwAskedBefore).map((e) => e.name);")?;
            let newsroom = asked.as_array().into_iter().flatten().filter(|n| n.as_str().is_some_and(|n| n.contains("newsroom"))).count();
            ensure(newsroom == 0, format!("packed stories asked for {asked}"))
        },
    ),
];
