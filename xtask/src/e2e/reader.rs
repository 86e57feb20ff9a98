//! The reader's checks: what a reader sees and does on the demo page
//! (the map and timeline, selecting, the island card, the embeds, the
//! options and languages, story-src and article-src, hydration, the page
//! address, no request leaving 127.0.0.1).

use super::check::{
    add_widgets, ensure, event_button, highlighted, pressed, requested, save_widget_screenshot,
    set_attr, wait, Check,
};
use crate::cmd::Result;
use crate::webdriver;
use std::time::Duration;

pub const CHECKS: &[(&str, Check)] = &[
    (
        "the default embeds download no newsroom module and no story file; article-src starts it, in a worker, under the iframe's strict CSP",
        |s, _| {
            // First of all the checks, on the page as it opened: its own
            // widget, the <kuril-widget> element and the iframe embed.
            wait(s, "const f = document.querySelector('iframe[data-kuril-embed]'); \
                     const el = document.querySelector('kuril-widget'); \
                     return f && f.contentDocument && f.contentDocument.querySelector('[data-kw-live] .kw-map path') \
                       && el && el.shadowRoot && el.shadowRoot.querySelector('[data-kw-live] .kw-map path');")?;
            let names = requested(s)?;
            let newsroom: Vec<&String> = names
                .iter()
                .filter(|n| n.contains("newsroom") || n.ends_with(".json") || n.ends_with(".story"))
                .collect();
            ensure(
                names.iter().any(|n| n.ends_with("kuril-widget-core_bg.wasm")) && newsroom.is_empty(),
                format!("the default embeds requested {newsroom:?} (all: {names:?})"),
            )?;
            // An article given to the iframe embed: extracted in the
            // newsroom worker, under the frame's strict CSP.
            s.script(
                "const f = document.createElement('iframe'); f.id = 'kw-nr'; f.style.width = '700px'; \
                 f.src = 'embed.html?article-src=examples/kyodo-wire.txt'; document.body.appendChild(f);",
            )?;
            let got = s.wait_script(
                "const w = document.getElementById('kw-nr').contentWindow; const d = w && w.document; \
                 const q = d && d.querySelector('[data-kw-live] .kw-sub q'); \
                 if (!q || !w.kuril || !q.textContent.includes('suspension') || !d.querySelector('.kw-map path')) return null; \
                 return { headline: q.textContent, violations: w.kuril.cspViolations };",
                Duration::from_secs(30),
            )?;
            s.script("document.getElementById('kw-nr').remove();")?;
            ensure(
                got["headline"].as_str().is_some_and(|h| h.contains("suspension of peace treaty talks"))
                    && got["violations"].as_array().is_some_and(Vec::is_empty),
                format!("article-src in embed.html: {got}"),
            )
        },
    ),
    (
        "the map shows the four disputed islands as named features",
        |s, _| {
            for id in ["iturup", "kunashir", "shikotan"] {
                ensure(
                    !s.find_all(&format!(".kw-map path[data-place='{id}']"))?
                        .is_empty(),
                    format!("no {id} shape"),
                )?;
            }
            ensure(
                s.find_all(".kw-map path[data-place^='habomai']")?.len() >= 4,
                "fewer than 4 Habomai islets drawn",
            )?;
            let labels: Vec<String> = s
                .find_all(".kw-label")?
                .iter()
                .map(|e| s.text(e))
                .collect::<Result<_>>()?;
            for want in [
                "Iturup / Etorofu",
                "Kunashir / Kunashiri",
                "Shikotan",
                "Habomai",
            ] {
                ensure(
                    labels.iter().any(|l| l.contains(want)),
                    format!("no label '{want}' in {labels:?}"),
                )?;
            }
            ensure(
                !s.find_all(".kw-map path[data-place='hokkaido']")?
                    .is_empty(),
                "no Hokkaido",
            )?;
            let locator = s.text(&s.wait_for(".kw-locator", Duration::from_secs(1))?)?;
            for want in ["Moscow", "Tokyo", "United States"] {
                ensure(
                    locator.contains(want),
                    format!("the locator lacks {want}: {locator}"),
                )?;
            }
            let attribution = s.text(&s.wait_for(".kw-attrib", Duration::from_secs(1))?)?;
            ensure(
                attribution.contains("OpenStreetMap"),
                "no OpenStreetMap attribution",
            )
        },
    ),
    (
        "the timeline lists the events from 1855 to 2022 in date order, the article's marked",
        |s, _| {
            let years: Vec<i32> = s
                .find_all(".kw-event .kw-year")?
                .iter()
                .map(|e| s.text(e).map(|t| t.trim().parse().unwrap_or(0)))
                .collect::<Result<_>>()?;
            ensure(
                years.first() == Some(&1855)
                    && years.last() == Some(&2022)
                    && years.windows(2).all(|w| w[0] <= w[1]),
                format!("years {years:?}"),
            )?;
            let marked = s.find_all(".kw-event.kw-in-article")?.len();
            ensure(
                marked == 5,
                format!("{marked} events marked as in the article"),
            )
        },
    ),
    (
        "it opens on the interview, with the four islands highlighted",
        |s, _| {
            ensure(
                s.attr(&pressed(s)?, "data-event")?.as_deref() == Some("interview"),
                "interview not selected",
            )?;
            let hl = highlighted(s)?;
            for id in ["iturup", "kunashir", "shikotan", "habomai_shibotsu"] {
                ensure(hl.contains(id), format!("{id} not highlighted: {hl:?}"))?;
            }
            ensure(!hl.contains("hokkaido"), "Hokkaido highlighted")
        },
    ),
    (
        "clicking 1956 shows the declaration and highlights Shikotan and Habomai only",
        |s, e| {
            s.click(&event_button(s, "joint-declaration-1956")?)?;
            ensure(
                s.attr(&pressed(s)?, "data-event")?.as_deref() == Some("joint-declaration-1956"),
                "not selected",
            )?;
            let card = s.text(&s.wait_for(".kw-card", Duration::from_secs(1))?)?;
            ensure(
                card.contains("Joint Declaration")
                    && card.to_lowercase().contains("19 october 1956"),
                format!("card: {card}"),
            )?;
            ensure(
                card.contains("as was agreed back in 1956"),
                "card lacks the article's sentence",
            )?;
            let hl = highlighted(s)?;
            ensure(
                hl.contains("shikotan") && hl.iter().any(|h| h.starts_with("habomai")),
                format!("{hl:?}"),
            )?;
            ensure(
                !hl.contains("iturup") && !hl.contains("kunashir"),
                format!("too much highlighted: {hl:?}"),
            )?;
            save_widget_screenshot(s, e, "screenshot-1956.png")
        },
    ),
    ("arrow keys, Home and End move along the timeline", |s, _| {
        let b = event_button(s, "joint-declaration-1956")?;
        s.send_keys(&b, webdriver::ARROW_RIGHT)?;
        ensure(
            s.attr(&pressed(s)?, "data-event")?.as_deref()
                == Some("joint-declaration-in-force-1956"),
            "→ failed",
        )?;
        let focused =
            s.script("return document.activeElement && document.activeElement.dataset.event")?;
        ensure(
            focused == "joint-declaration-in-force-1956",
            format!("focus did not follow: {focused}"),
        )?;
        s.send_keys(&pressed(s)?, webdriver::HOME)?;
        ensure(
            s.attr(&pressed(s)?, "data-event")?.as_deref() == Some("shimoda-1855"),
            "Home failed",
        )?;
        s.send_keys(&pressed(s)?, webdriver::ARROW_LEFT)?;
        ensure(
            s.attr(&pressed(s)?, "data-event")?.as_deref() == Some("shimoda-1855"),
            "← past the start",
        )?;
        s.send_keys(&pressed(s)?, webdriver::END)?;
        ensure(
            s.attr(&pressed(s)?, "data-event")?.as_deref() == Some("talks-suspended-2022"),
            "End failed",
        )?;
        // The selection is in the page address, so a link reopens it.
        let hash = s.script("return location.hash")?;
        ensure(
            hash == "#start-at=talks-suspended-2022",
            format!("address: {hash}"),
        )
    }),
    (
        "clicking Kunashir opens its card with three names, and it closes",
        |s, e| {
            // A click as a mouse makes it, at the island's centre: WebKit's
            // element click refuses SVG shapes as not interactable.
            s.wait_for(".kw-map path[data-place='kunashir']", Duration::from_secs(1))?;
            s.drag(".kw-map path[data-place='kunashir']", 0, 0)?;
            let card = s.text(&s.wait_for(".kw-island", Duration::from_secs(5))?)?;
            for want in ["Kunashir / Kunashiri", "Кунашир", "国後島", "1,489 km²"] {
                ensure(
                    card.contains(want),
                    format!("{want} missing from the card: {card}"),
                )?;
            }
            save_widget_screenshot(s, e, "screenshot-kunashir.png")?;
            s.click(&s.wait_for(".kw-close", Duration::from_secs(1))?)?;
            std::thread::sleep(Duration::from_millis(200));
            ensure(
                s.find_all(".kw-island")?.is_empty(),
                "the card did not close",
            )
        },
    ),
    (
        "<kuril-widget> renders in its own Shadow DOM, opened at its start-at, untouched by the page's CSS",
        |s, _| {
            let sel = s.wait_script(
                "const r = document.querySelector('kuril-widget')?.shadowRoot; \
                 const b = r && r.querySelector('.kw-event[aria-pressed=true]'); \
                 return b ? b.dataset.event : null;",
                Duration::from_secs(10),
            )?;
            ensure(
                sel == "joint-declaration-1956",
                format!("selected in the element: {sel}"),
            )?;
            // A page rule aimed at the widget's classes reaches the widget in
            // the page, not the one in the element.
            let heights = s.script(
                "const st = document.createElement('style'); \
                 st.textContent = '.kw-title { display: none !important; }'; \
                 document.head.appendChild(st); \
                 const inPage = document.querySelector('[data-kuril-widget] .kw-title').offsetHeight; \
                 const inShadow = document.querySelector('kuril-widget').shadowRoot.querySelector('.kw-title').offsetHeight; \
                 st.remove(); return [inPage, inShadow];",
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
                "window.kwSel = null; document.addEventListener('kuril-select', (e) => { window.kwSel = e.detail; }); \
                 document.querySelector('kuril-widget').shadowRoot \
                   .querySelector('.kw-event[data-event=singapore-2018]').click(); return true;",
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
                "const el = document.querySelector('kuril-widget'); el.remove(); \
                 window.kwRemoved = el; return el.shadowRoot.childElementCount;",
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
                "window.kwMsgs = []; addEventListener('message', (e) => window.kwMsgs.push(e.data)); \
                 const f = document.createElement('iframe'); f.id = 'kw-test-frame'; \
                 f.src = 'embed.html?start-at=1900&lang=ru&theme=dark&height=1000&childId=t1'; f.style.width = '600px'; \
                 document.body.appendChild(f);",
            )?;
            let msgs = s.wait_script(
                "const m = window.kwMsgs; \
                 const dw = m.find((d) => d && d['datawrapper-height'] && d['datawrapper-height'].t1 > 300); \
                 const amp = m.find((d) => d && d.sentinel === 'amp' && d.type === 'embed-size' && d.height > 300); \
                 const pym = m.find((d) => typeof d === 'string' && /^pymxPYMxt1xPYMxheightxPYMx[0-9]+$/.test(d)); \
                 return dw && amp && pym ? [dw, amp, pym] : null;",
                Duration::from_secs(15),
            )?;
            // Under the frame's strict CSP the widget renders, styled, and
            // nothing was blocked.
            let csp = s.wait_script(
                "const w = document.getElementById('kw-test-frame').contentWindow; \
                 const d = w.document; const k = d.querySelector('.kw'); const fr = d.querySelector('.kw-frame'); \
                 if (!k || !fr || !w.kuril || fr.dataset.theme !== 'dark') return null; \
                 return { violations: w.kuril.cspViolations, styled: w.getComputedStyle(k).borderTopStyle, \
                          frame: [fr.dataset.theme, Math.round(fr.getBoundingClientRect().height)], \
                          policy: d.querySelector('meta[http-equiv=Content-Security-Policy]').content };",
                Duration::from_secs(10),
            )?;
            ensure(
                csp["violations"].as_array().is_some_and(Vec::is_empty)
                    && csp["styled"] == "solid"
                    && csp["frame"] == serde_json::json!(["dark", 1000])
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
                "const f = document.querySelector('iframe[data-kuril-embed]'); \
                 const d = f.contentDocument; \
                 if (!d || !d.querySelector('.kw-map')) return null; \
                 const want = Math.ceil(d.documentElement.getBoundingClientRect().height); \
                 return Math.abs(Number(f.height) - want) <= 2 ? f.height : null;",
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
            s.script(
                "window.kwFallback = null; fetch('fallback.html').then((r) => r.text()).then((t) => { window.kwFallback = t; }); \
                 for (const [id, attrs] of [['kw-ssr-static', 'sandbox=\"allow-same-origin\" src=\"embed.html\"'], \
                                            ['kw-ssr-live', 'src=\"embed.html\"']]) { \
                   const box = document.createElement('div'); box.innerHTML = `<iframe id=\"${id}\" ${attrs} style=\"width: 700px; height: 1400px; border: 0\"></iframe>`; \
                   document.body.appendChild(box.firstChild); }",
            )?;
            wait(s, "return window.kwFallback !== null;")?;
            s.script(
                "const f = document.createElement('iframe'); f.id = 'kw-ssr-element'; f.style.cssText = 'width: 700px; height: 1400px; border: 0'; \
                 f.srcdoc = '<!doctype html><html><head><link rel=\"stylesheet\" href=\"embed.css\"><script type=\"module\" src=\"kuril-widget.js\"></script></head>' \
                   + '<body><kuril-widget>' + window.kwFallback + '</kuril-widget></body></html>'; document.body.appendChild(f);",
            )?;
            // Where each part of the widget is, in a document or shadow root.
            // Relative to the widget's frame (the host pages differ), and
            // for events to the list's scrolled content: once live, the list
            // scrolls to the selected event, which moves no layout.
            let boxes = "(root) => { const out = {}; const o = root.querySelector('.kw-frame').getBoundingClientRect(); \
                 const list = root.querySelector('.kw-events'); \
                 for (const sel of ['.kw-head', '.kw-map', '.kw-legend', '.kw-timeline', '.kw-card', '.kw-event[data-event=interview]', \
                                    '.kw-event[data-event=shimoda-1855]', '.kw-map path[data-place=kunashir]', '.kw-locator']) { \
                   const e = root.querySelector(sel); const r = e && e.getBoundingClientRect(); \
                   const [sx, sy] = e && list.contains(e) ? [list.scrollLeft, list.scrollTop] : [0, 0]; \
                   out[sel] = r ? [r.x - o.x + sx, r.y - o.y + sy, r.width, r.height].map(Math.round) : null; } return out; }";
            let stat = s.wait_script(
                &format!("const d = document.getElementById('kw-ssr-static').contentDocument; \
                          if (!d || d.readyState !== 'complete' || !d.querySelector('.kw-map path')) return null; \
                          return {{ boxes: ({boxes})(d), lists: d.querySelectorAll('.kw-sr li').length, \
                                   pressed: d.querySelector('.kw-event[aria-pressed=true]')?.dataset.event, \
                                   card: d.querySelector('.kw-card-title')?.textContent, live: !!d.querySelector('[data-kw-live]') }};"),
                Duration::from_secs(20),
            )?;
            let live = s.wait_script(
                &format!("const d = document.getElementById('kw-ssr-live').contentDocument; \
                          if (!d || d.readyState !== 'complete' || !d.querySelector('.kw-root[data-kw-ssr] > [data-kw-live]')) return null; \
                          return {{ boxes: ({boxes})(d), roots: d.querySelectorAll('.kw-frame').length }};"),
                Duration::from_secs(30),
            )?;
            let element = s.wait_script(
                &format!("const d = document.getElementById('kw-ssr-element').contentDocument; \
                          const r = d && d.readyState === 'complete' && d.querySelector('kuril-widget')?.shadowRoot; \
                          if (!r || !r.querySelector('.kw-root[data-kw-ssr] > [data-kw-live]')) return null; \
                          return {{ boxes: ({boxes})(r), roots: r.querySelectorAll('.kw-frame').length }};"),
                Duration::from_secs(30),
            )?;
            for id in ["kw-ssr-static", "kw-ssr-live", "kw-ssr-element"] {
                s.script(&format!("document.getElementById('{id}').remove();"))?;
            }
            let complete = stat["boxes"].as_object().is_some_and(|o| o.values().all(|v| !v.is_null()))
                && stat["lists"].as_u64() > Some(20)
                && stat["pressed"] == "interview"
                && stat["live"] == false;
            ensure(complete, format!("without scripts: {stat}"))?;
            ensure(
                live["boxes"] == stat["boxes"] && live["roots"] == 1,
                format!("hydrated embed.html moved: {} against the first paint {}", live["boxes"], stat["boxes"]),
            )?;
            ensure(
                element["boxes"] == stat["boxes"] && element["roots"] == 1,
                format!("the element's shadow root moved: {} against {}", element["boxes"], stat["boxes"]),
            )
        },
    ),
    (
        "<kuril-widget> options: lang switches the language (ru and ja fit 360 px), theme=dark darkens it, height fixes it; a bad lang or theme is explained in its box",
        |s, _| {
            add_widgets(s, &[("kw-o", "lang=\"ja\"")])?;
            wait(s, "const t = window.kwQ('kw-o', '.kw-title'); return t && t.textContent.includes('領土問題');")?;
            wait(s, "const t = window.kwQ('kw-o', '.kw-legend-title'); return t && /\\d+年/.test(t.textContent);")?;
            set_attr(s, "kw-o", "lang", "fr")?;
            wait(s, "const t = window.kwQ('kw-o', '.kw-error'); return t && t.textContent.includes(\"Unknown language 'fr'\");")?;
            set_attr(s, "kw-o", "lang", "ru")?;
            wait(s, "const t = window.kwQ('kw-o', '.kw-title'); return t && t.textContent.includes('Спор о Курильских');")?;
            // Russian and Japanese texts fit a phone's width: nothing
            // overflows the widget's box sideways.
            // (A box 360 px wide: the widget follows its container's
            // width, and Firefox's window cannot be that narrow.)
            s.script("document.getElementById('kw-box').style.width = '360px';")?;
            let fits = "const k = window.kwQ('kw-o', '.kw'); return k && k.scrollWidth <= k.clientWidth + 1 \
                        && k.getBoundingClientRect().width <= 361;";
            let ru_fits = s.wait_script(fits, Duration::from_secs(5));
            set_attr(s, "kw-o", "lang", "ja")?;
            wait(s, "const t = window.kwQ('kw-o', '.kw-title'); return t && t.textContent.includes('領土問題');")?;
            let ja_fits = s.wait_script(fits, Duration::from_secs(5));
            s.script("document.getElementById('kw-box').style.width = '';")?;
            ensure(ru_fits.is_ok() && ja_fits.is_ok(), format!("at 360 px: ru {ru_fits:?}, ja {ja_fits:?}"))?;
            set_attr(s, "kw-o", "theme", "dark")?;
            wait(s, "const k = window.kwQ('kw-o', '.kw'); return k && getComputedStyle(k).backgroundColor === 'rgb(22, 24, 27)';")?;
            set_attr(s, "kw-o", "theme", "sepia")?;
            wait(s, "const t = window.kwQ('kw-o', '.kw-error'); return t && t.textContent.includes(\"Unknown theme 'sepia'\");")?;
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
            wait(s, "const t = window.kwQ('kw-s', '.kw-sub'); return t && t.textContent.includes('Japan protests Russia') \
                  && window.kwQ('kw-s', '.kw-event[data-event]') !== null;")?;
            set_attr(s, "kw-s", "story-src", "examples/missing.json")?;
            wait(s, "const t = window.kwQ('kw-s', '.kw-error'); return t && t.textContent.includes('HTTP 404') && window.kwQ('kw-s', '.kw-retry') !== null;")?;
            // Try again fetches once more (counted on the page's fetch).
            s.script(
                "window.kwFetch = window.fetch; window.kwFetches = []; \
                 window.fetch = function (url, ...rest) { window.kwFetches.push(String(url)); return window.kwFetch.call(this, url, ...rest); }; \
                 window.kwQ('kw-s', '.kw-retry').click();",
            )?;
            let again = s.wait_script(
                "return window.kwFetches.length > 0 && window.kwQ('kw-s', '.kw-retry') ? window.kwFetches : null;",
                Duration::from_secs(10),
            );
            s.script("window.fetch = window.kwFetch;")?;
            let again = again?;
            ensure(again[0].as_str().is_some_and(|u| u.ends_with("examples/missing.json")), format!("Try again fetched {again}"))?;
            set_attr(s, "kw-s", "story-src", "examples/kyodo-wire.txt")?;
            wait(s, "const t = window.kwQ('kw-s', '.kw-error'); return t && t.textContent.includes('not a kuril story');")?;
            s.script(
                "const e = document.getElementById('kw-s'); e.removeAttribute('story-src'); \
                 e.setAttribute('article-src', 'examples/kyodo-wire.txt');",
            )?;
            wait(s, "const t = window.kwQ('kw-s', '.kw-sub'); return t && t.textContent.includes('Japan protests Russia') \
                  && !window.kwQ('kw-s', '.kw-error') && window.kwQ('kw-s', '.kw-event.kw-in-article') !== null;")?;
            s.script("document.getElementById('kw-box').remove();").map(drop)
        },
    ),
    (
        "the embed-code generator writes both embed codes from its options and previews them",
        |s, _| {
            let out = s.script(
                "const f = document.getElementById('kw-gen'); \
                 f.elements.lang.value = 'ja'; f.elements['start-at'].value = '1956'; \
                 f.dispatchEvent(new Event('input')); \
                 return { element: f.elements.element.value, iframe: f.elements.iframe.value, \
                          preview: document.getElementById('kw-gen-preview').getAttribute('lang') };",
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
                "window.kwAddr = [location.href, history.state]; \
                 const base = document.createElement('base'); base.href = '/'; base.id = 'kw-base'; document.head.prepend(base); \
                 history.replaceState({ route: 'asia' }, '', location.pathname + '#/world/asia');",
            )?;
            add_widgets(s, &[("kw-p", ""), ("kw-s", "sync-url")])?;
            wait(s, "return window.kwQ('kw-p', '[data-kw-live] .kw-event') && window.kwQ('kw-s', '[data-kw-live] .kw-event');")?;
            let before = s.script("return history.length")?;
            for id in ["kw-p", "kw-s", "kw-p", "kw-s"] {
                s.script(&format!(
                    "window.kwQ('{id}', \".kw-event[data-event='joint-declaration-1956']\").click(); \
                     window.kwQ('{id}', \".kw-event[data-event='yalta-1945']\").click();"
                ))?;
            }
            wait(s, "return window.kwQ('kw-s', '.kw-event[aria-pressed=true]')?.dataset.event === 'yalta-1945';")?;
            let after = s.script(
                "return { state: history.state, path: location.pathname, was: new URL(window.kwAddr[0]).pathname, \
                          hash: location.hash, length: history.length };",
            )?;
            // Back to the demo page as it was.
            s.script(
                "document.getElementById('kw-base').remove(); document.getElementById('kw-box').remove(); \
                 history.replaceState(window.kwAddr[1], '', window.kwAddr[0]);",
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
