//! The reader's checks: what a reader sees and does on the demo page (the
//! map and timeline, selecting, the island card, an article in Russian or
//! Japanese by article-src), and that the default embeds load no newsroom
//! module.

use super::check::{
    add_widgets, ensure, event_button, highlighted, pressed, requested, save_widget_screenshot,
    wait, Check,
};
use crate::webdriver;
use crate::Result;
use serde_json::json;
use std::time::Duration;

pub const CHECKS: &[(&str, Check)] = &[
    (
        "the default embeds download no newsroom module and no story file; article-src starts it, in a worker, under the iframe's strict CSP",
        |s, _| {
            // First of all the checks, on the page as it opened: its own
            // widget, the <kuril-widget> element and the iframe embed.
            wait(s, include_str!("js/both-embeds-live.js"))?;
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
            s.script(include_str!("js/newsroom-frame-add.js"))?;
            let got = s.wait_script(include_str!("js/newsroom-frame-read.js"), Duration::from_secs(30))?;
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
                "Iturup",
                "(Etorofu)",
                "Kunashir",
                "(Kunashiri)",
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
        "article-src in Russian and in Japanese: the article's events, with its sentences as provenance in its own language, and a quote's speaker",
        |s, _| {
            add_widgets(
                s,
                &[
                    ("kw-ru", "lang=\"ru\" article-src=\"examples/tass-ru-lavrov.txt\""),
                    ("kw-ja", "lang=\"ja\" article-src=\"examples/kyodo-ja-suspend.txt\""),
                ],
            )?;
            for (id, event, said) in [
                ("kw-ru", "joint-declaration-1956", "приверженной Декларации 1956 года"),
                ("kw-ja", "talks-suspended-2022", "日本との平和条約締結交渉を中断"),
            ] {
                let button = "window.kwQ(arguments[0], \".kw-event.kw-in-article[data-event='\" + arguments[1] + \"']\")";
                let args = [json!(id), json!(event)];
                let ten = Duration::from_secs(10);
                s.wait_script_with(&format!("return {button} !== null;"), &args, ten)?;
                s.script_with(&format!("{button}.click();"), &args)?;
                let quote = [json!(id), json!(&id[3..]), json!(said)];
                s.wait_script_with(include_str!("js/quote-in-card.js"), &quote, ten)?;
            }
            // Lavrov's words («…», — сказал Лавров) carry his name and office.
            s.script("window.kwQ('kw-ru', \".kw-event[data-event='world-war-ii']\").click();")?;
            wait(s, "return [...window.kwQ('kw-ru', '.kw-card').querySelectorAll('.kw-cite')] \
                     .some(c => c.textContent.includes('Сергей Лавров') && c.textContent.includes('министр иностранных дел'));")?;
            s.script("document.getElementById('kw-box').remove();").map(drop)
        },
    ),
];
