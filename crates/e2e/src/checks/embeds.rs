//! The embeds' checks: the `<kuril-widget>` element and the iframe, the
//! build-time render and its hydration, the options, story-src and
//! article-src, the generator, requests that stay on 127.0.0.1, the page
//! address left to the host, and a link that opens a date.

use super::check::{
    add_frame, add_widgets, ensure, requested, save_widget_screenshot, set_attr, steady_layout,
    wait, wait_text, Check,
};
use serde_json::json;
use std::time::Duration;

pub const CHECKS: &[(&str, Check)] = &[
    (
        "<kuril-widget> renders in its own Shadow DOM, opened at its start-at, untouched by the page's CSS",
        |s, _| {
            let sel = s.wait_script(
                include_str!("js/element-pressed-event.js"),
                Duration::from_secs(10),
            )?;
            ensure(
                sel == "joint-declaration-1956",
                format!("selected in the element: {sel}"),
            )?;
            // A page rule aimed at the widget's classes reaches the widget in
            // the page, not the one in the element.
            let heights = s.script(
                include_str!("js/page-css-stays-out.js"),
            )?;
            ensure(
                heights[0] == 0 && heights[1].as_i64().unwrap_or(0) > 0,
                format!("title heights page/shadow: {heights}"),
            )
        },
    ),
    (
        "<kuril-widget> tells the page what is selected, follows its start-at attribute, unmounts when removed and mounts again",
        |s, _| {
            // The host hears the reader's choice as a kuril-select event.
            let detail = s.script(
                include_str!("js/element-select-heard.js"),
            )
            .and_then(|_| s.wait_script("return window.kwSel;", Duration::from_secs(5)))?;
            ensure(
                detail["id"] == "singapore-2018" && detail["date"] == "2018-11-14",
                format!("kuril-select detail: {detail}"),
            )?;
            s.script("document.querySelector('kuril-widget').setAttribute('start-at', '1900');")?;
            s.wait_script(
                "const t = document.querySelector('kuril-widget').shadowRoot.querySelector('.kw-legend-title'); \
                 return t && t.textContent.includes('1900');",
                Duration::from_secs(5),
            )?;
            let left = s.script(
                include_str!("js/element-removed.js"),
            )?;
            ensure(left == 0, format!("{left} nodes left in the removed element"))?;
            s.script("document.querySelector('.embed-demo').appendChild(window.kwRemoved);")?;
            s.wait_script(
                "return document.querySelector('kuril-widget').shadowRoot.querySelector('.kw-map path[data-place=kunashir]') !== null;",
                Duration::from_secs(5),
            )
            .map(drop)
        },
    ),
    (
        "embed.html in an iframe runs under a strict CSP with its options (lang, theme, height, start-at) from the URL and posts its height (Datawrapper, AMP, Pym.js); the host sizes the frame",
        |s, _| {
            s.script(
                include_str!("js/embed-frame-add.js"),
            )?;
            let msgs = s.wait_script(
                include_str!("js/embed-frame-heights.js"),
                Duration::from_secs(15),
            )?;
            // Under the frame's strict CSP the widget renders, styled, and
            // nothing was blocked.
            let csp = s.wait_script(
                include_str!("js/embed-frame-styled.js"),
                Duration::from_secs(10),
            )?;
            ensure(
                csp["violations"].as_array().is_some_and(Vec::is_empty)
                    && csp["styled"] == "solid"
                    && csp["frame"] == json!(["dark", 1000])
                    && csp["policy"].as_str().unwrap_or_default().contains("script-src 'self' 'wasm-unsafe-eval'"),
                format!("CSP: {csp}"),
            )?;
            let legend = s.wait_script(
                "const d = document.getElementById('kw-test-frame').contentDocument; \
                 const t = d && d.querySelector('.kw-legend-title'); return t ? t.textContent : null;",
                Duration::from_secs(10),
            )?;
            ensure(
                legend.as_str().unwrap_or_default().contains("1900 г."),
                format!("the iframe's legend: {legend}"),
            )?;
            // The demo's own iframe took the height its content reported.
            let sized = s.wait_script(
                include_str!("js/embed-resized.js"),
                Duration::from_secs(15),
            )?;
            s.script("document.getElementById('kw-test-frame').remove();")?;
            ensure(
                sized != "900",
                format!("the demo iframe kept its first height: {sized}; messages {msgs}"),
            )
        },
    ),
    (
        "the first paint is the whole widget (built at build time) and hydrating it moves nothing: embed.html without scripts, with them, and the element's declarative shadow root",
        |s, _| {
            // The same page three ways, 700 px wide: scripts off (what
            // readers without JavaScript get, and every reader's first
            // paint), hydrated, and the element with the pasted fallback.
            s.script("window.kwFallback = null; fetch('fallback.html').then((r) => r.text()).then((t) => { window.kwFallback = t; });")?;
            add_frame(s, "kw-ssr-static", "sandbox=\"allow-same-origin\" src=\"embed.html\"")?;
            add_frame(s, "kw-ssr-live", "src=\"embed.html\"")?;
            wait(s, "return window.kwFallback !== null;")?;
            add_frame(s, "kw-ssr-element", "")?;
            s.script(
                include_str!("js/ssr-element-page.js"),
            )?;
            let parts = [".kw-head", ".kw-map", ".kw-legend", ".kw-timeline", ".kw-card", ".kw-event[data-event=interview]",
                         ".kw-event[data-event=shimoda-1855]", ".kw-map path[data-place=kunashir]", ".kw-locator"];
            let stat = steady_layout(s, "kw-ssr-static", false, "d.querySelector('.kw-map path')", &parts,
                "{ lists: d.querySelectorAll('.kw-sr li').length, pressed: d.querySelector('.kw-event[aria-pressed=true]')?.dataset.event, \
                   card: d.querySelector('.kw-card-title')?.textContent, live: !!d.querySelector('[data-kw-live]') }")?;
            let hydrated = "d.querySelector('.kw-root[data-kw-ssr] > [data-kw-live]')";
            let roots = "{ roots: d.querySelectorAll('.kw-frame').length }";
            let live = steady_layout(s, "kw-ssr-live", false, hydrated, &parts, roots)?;
            let element = steady_layout(s, "kw-ssr-element", true, hydrated, &parts, roots)?;
            for id in ["kw-ssr-static", "kw-ssr-live", "kw-ssr-element"] {
                s.script_with("document.getElementById(arguments[0]).remove();", &[json!(id)])?;
            }
            let complete = stat["boxes"].as_object().is_some_and(|o| o.values().all(|v| !v.is_null()))
                && stat["info"]["lists"].as_u64() > Some(20)
                && stat["info"]["pressed"] == "interview"
                && stat["info"]["live"] == false;
            ensure(complete, format!("without scripts: {stat}"))?;
            ensure(
                live["boxes"] == stat["boxes"] && live["info"]["roots"] == 1,
                format!("hydrated embed.html moved: {} against the first paint {}", live["boxes"], stat["boxes"]),
            )?;
            ensure(
                element["boxes"] == stat["boxes"] && element["info"]["roots"] == 1,
                format!("the element's shadow root moved: {} against {}", element["boxes"], stat["boxes"]),
            )
        },
    ),
    (
        "<kuril-widget> options: lang switches the language (ru and ja fit 360 px), theme=dark darkens it, height fixes it; a bad lang or theme is explained in its box",
        |s, _| {
            add_widgets(s, &[("kw-o", "lang=\"ja\"")])?;
            wait_text(s, "kw-o", ".kw-title", "領土問題")?;
            wait(s, "const t = window.kwQ('kw-o', '.kw-legend-title'); return t && /\\d+年/.test(t.textContent);")?;
            set_attr(s, "kw-o", "lang", "fr")?;
            wait_text(s, "kw-o", ".kw-error", "Unknown language 'fr'")?;
            set_attr(s, "kw-o", "lang", "ru")?;
            wait_text(s, "kw-o", ".kw-title", "Территориальный спор России и Японии")?;
            // Russian and Japanese texts fit a phone's width: nothing
            // overflows the widget's box sideways.
            // (A box 360 px wide: the widget follows its container's
            // width, and Firefox's window cannot be that narrow.)
            s.script("document.getElementById('kw-box').style.width = '360px';")?;
            let fits = "const k = window.kwQ('kw-o', '.kw'); return k && k.scrollWidth <= k.clientWidth + 1 \
                        && k.getBoundingClientRect().width <= 361;";
            let ru_fits = s.wait_script(fits, Duration::from_secs(5));
            set_attr(s, "kw-o", "lang", "ja")?;
            wait_text(s, "kw-o", ".kw-title", "領土問題")?;
            let ja_fits = s.wait_script(fits, Duration::from_secs(5));
            s.script("document.getElementById('kw-box').style.width = '';")?;
            ensure(ru_fits.is_ok() && ja_fits.is_ok(), format!("at 360 px: ru {ru_fits:?}, ja {ja_fits:?}"))?;
            set_attr(s, "kw-o", "theme", "dark")?;
            wait(s, "const k = window.kwQ('kw-o', '.kw'); return k && getComputedStyle(k).backgroundColor === 'rgb(22, 24, 27)';")?;
            set_attr(s, "kw-o", "theme", "sepia")?;
            wait_text(s, "kw-o", ".kw-error", "Unknown theme 'sepia'")?;
            set_attr(s, "kw-o", "theme", "light")?;
            wait(s, "const k = window.kwQ('kw-o', '.kw'); return k && getComputedStyle(k).backgroundColor === 'rgb(255, 255, 255)';")?;
            set_attr(s, "kw-o", "height", "480")?;
            wait(s, "const h = document.getElementById('kw-o').getBoundingClientRect().height; return h > 478 && h < 484;")?;
            s.script("document.getElementById('kw-box').remove();").map(drop)
        },
    ),
    (
        "story-src and article-src: a story file and an article text drive the widget; a missing file and a malformed story show why, with Try again",
        |s, _| {
            add_widgets(s, &[("kw-s", "story-src=\"examples/kyodo-wire.story.json\"")])?;
            wait(s, include_str!("js/story-src-loaded.js"))?;
            set_attr(s, "kw-s", "story-src", "examples/missing.json")?;
            wait(s, include_str!("js/story-src-404.js"))?;
            // Try again fetches once more (counted on the page's fetch).
            s.script(
                include_str!("js/retry-counted.js"),
            )?;
            let again = s.wait_script(
                "return window.kwFetches.length > 0 && window.kwQ('kw-s', '.kw-retry') ? window.kwFetches : null;",
                Duration::from_secs(10),
            );
            s.script("window.fetch = window.kwFetch;")?;
            let again = again?;
            ensure(again[0].as_str().is_some_and(|u| u.ends_with("examples/missing.json")), format!("Try again fetched {again}"))?;
            set_attr(s, "kw-s", "story-src", "examples/kyodo-wire.txt")?;
            wait_text(s, "kw-s", ".kw-error", "not a kuril story")?;
            s.script(
                "const e = document.getElementById('kw-s'); e.removeAttribute('story-src'); \
                 e.setAttribute('article-src', 'examples/kyodo-wire.txt');",
            )?;
            wait(s, include_str!("js/article-src-loaded.js"))?;
            s.script("document.getElementById('kw-box').remove();").map(drop)
        },
    ),
    (
        "the embed-code generator writes both embed codes from its options and previews them",
        |s, _| {
            let out = s.script(
                include_str!("js/generator-codes.js"),
            )?;
            let (el, frame) = (out["element"].as_str().unwrap_or_default(), out["iframe"].as_str().unwrap_or_default());
            ensure(
                el.contains("/kuril-widget.js\"></script>")
                    && el.contains("<kuril-widget lang=\"ja\" start-at=\"1956\"></kuril-widget>")
                    && frame.contains("embed.html?lang=ja&amp;start-at=1956\"")
                    && out["preview"] == "ja",
                format!("generator: {out}"),
            )?;
            s.wait_script(
                "const t = window.kwQ('kw-gen-preview', '.kw-title'); return t && t.textContent.includes('領土問題');",
                Duration::from_secs(10),
            )
            .map(drop)
        },
    ),
    (
        "no request left 127.0.0.1: every resource of the page and its frames came from the page's own origin",
        |s, _| {
            let origin = s.script("return location.origin")?;
            let origin = origin.as_str().unwrap_or_default();
            let names = requested(s)?;
            let foreign: Vec<&String> = names
                .iter()
                .filter(|n| !n.starts_with(&format!("{origin}/")))
                .collect();
            ensure(
                origin.starts_with("http://127.0.0.1:") && names.len() > 5 && foreign.is_empty(),
                format!("requests from {origin}: {} in all, foreign {foreign:?}", names.len()),
            )
        },
    ),
    (
        "the page address is the host's: with <base href=\"/\">, a hash route and history.state, two widgets leave all three alone; sync-url writes only its own key",
        |s, _| {
            // A single-page host: a base, a route in the hash, router state.
            s.script(
                include_str!("js/spa-address-set.js"),
            )?;
            add_widgets(s, &[("kw-p", ""), ("kw-s", "sync-url")])?;
            wait(s, "return window.kwQ('kw-p', '[data-kw-live] .kw-event') && window.kwQ('kw-s', '[data-kw-live] .kw-event');")?;
            let before = s.script("return history.length")?;
            for id in ["kw-p", "kw-s", "kw-p", "kw-s"] {
                s.script_with(
                    include_str!("js/click-events.js"),
                    &[json!(id), json!(["joint-declaration-1956", "yalta-1945"])],
                )?;
            }
            wait(s, "return window.kwQ('kw-s', '.kw-event[aria-pressed=true]')?.dataset.event === 'yalta-1945';")?;
            let after = s.script(
                include_str!("js/spa-address.js"),
            )?;
            // Back to the demo page as it was.
            s.script(
                include_str!("js/spa-address-restore.js"),
            )?;
            ensure(
                after["state"]["route"] == "asia"
                    && after["path"] == after["was"]
                    && after["hash"] == "#/world/asia&start-at-kw-s=yalta-1945"
                    && after["length"] == before,
                format!("after two widgets' clicks: {after} (history length before: {before})"),
            )
        },
    ),
    (
        "a link with #start-at=1900 opens the map in 1900: all the Kurils Japanese",
        |s, e| {
            let here = s.script("return location.origin")?;
            let origin = here.as_str().unwrap_or_default();
            // From another page: a change of hash alone does not reload.
            s.goto("about:blank")?;
            s.goto(&format!("{origin}/index.html#start-at=1900"))?;
            let legend = s.wait_script(
                "const t = document.querySelector('.kw-legend-title'); \
                 return t && t.textContent.includes('1900') ? t.textContent : null;",
                Duration::from_secs(30),
            );
            ensure(legend.is_ok(), format!("legend: {legend:?}"))?;
            for id in ["iturup", "urup", "kunashir"] {
                let class = s
                    .attr(
                        &s.wait_for(
                            &format!(".kw-map path[data-place='{id}']"),
                            Duration::from_secs(1),
                        )?,
                        "class",
                    )?
                    .unwrap_or_default();
                ensure(
                    class.contains("kw-held-japan"),
                    format!("{id} in 1900: {class}"),
                )?;
            }
            ensure(
                s.find_all(".kw-event[aria-pressed='true']")?.is_empty(),
                "an event is selected",
            )?;
            save_widget_screenshot(s, e, "screenshot-1900.png")
        },
    ),
];
