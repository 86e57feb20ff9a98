//! The newsroom studio (`studio.html`), end to end: every test article
//! pasted, highlighted and corrected, its story file exported and read back
//! by a `<kuril-widget story-src>`; the draft kept over a reload and cleared
//! by "start over"; the picture's PNGs at their sizes and not blank; axe;
//! a keyboard-only walk from input to export.

//!
//! The checks are this file; `page.rs` works the page's controls and
//! `correct.rs` corrects one article for the first check.

mod correct;
mod page;

use super::check::{axe, ensure, shots_dir, wait, Check};
use crate::engines::Engine;
use crate::webdriver;
use correct::correct_one;
use page::{
    articles, asked, click, click_and_settle, exported, items, open, paste, png_size, published,
    reload, settle, tab_to,
};
use serde_json::json;
use std::time::Duration;

/// The studio's picture, measured once shown (`studio-picture-seen.js`).
const PICTURE_SEEN: &str = concat!(
    include_str!("../js/picture-measure.js"),
    include_str!("../js/studio-picture-seen.js")
);

pub const CHECKS: &[(&str, Check)] = &[
    (
        "studio: each test article pasted is highlighted; a corrected year, places and speaker and a refused correction are exported and read back through story-src",
        |s, _| {
            open(s)?;
            let mut done = Vec::new();
            for (name, text, meta) in articles()? {
                done.push(correct_one(s, &name, &text, &meta)?);
            }
            ensure(done.len() >= 27, format!("only {} articles: {done:?}", done.len()))?;
            let years = done.iter().filter(|d| d.contains("year")).count();
            let speakers = done.iter().filter(|d| d.contains("speaker")).count();
            let refused = done.iter().filter(|d| d.contains("refused")).count();
            ensure(
                years >= 10 && speakers >= 10 && refused >= 1,
                format!("{years} years with places, {speakers} speakers, {refused} corrections refused: {done:?}"),
            )
        },
    ),
    (
        "studio: a person the list lacks is added with an office and a side and made a quotation's speaker, in the story file; undo takes the quotation back, then the person",
        |s, _| {
            open(s)?;
            let (_, text, meta) = articles()?.into_iter().next().ok_or("no article")?;
            let name = "Asker-zade";
            ensure(text.contains(name), "the bundled article no longer names Asker-zade")?;
            paste(s, &text, &meta)?;
            click(s, ".st-item[data-key='quote-0']")?;
            s.script_with(
                include_str!("../js/studio-person-form.js"),
                &[json!(name), json!("television host"), json!("russia")],
            )?;
            let before = asked(s)?;
            click(s, "#st-person-set")?;
            // Two answers: the person added, then the quotation given.
            settle(s, before + 1)?;
            let said = s.script("return document.querySelector(\".st-item[data-key='quote-0']\").textContent")?;
            ensure(said.as_str().is_some_and(|t| t.contains(name)), format!("quote-0 after the person was added: {said}"))?;
            let story = exported(s)?;
            let person = (story["entities"].as_array().into_iter().flatten())
                .find(|e| e["id"] == "editor-person-1")
                .ok_or("no added person in the story file")?;
            ensure(
                person["name"] == name && person["role"] == "television host" && person["country"] == "russia"
                    && person["mentions"].as_array().is_some_and(|m| !m.is_empty()),
                format!("the added person: {person}"),
            )?;
            ensure(story["quotes"][0]["speaker"] == "editor-person-1", format!("quote 0: {}", story["quotes"][0]))?;
            click_and_settle(s, "#st-undo")?;
            let story = exported(s)?;
            ensure(story["quotes"][0]["speaker"] != "editor-person-1", "undo left the quotation with the added person")?;
            ensure(
                (story["entities"].as_array().into_iter().flatten()).any(|e| e["id"] == "editor-person-1"),
                "the first undo took the person too",
            )?;
            click_and_settle(s, "#st-undo")?;
            let story = exported(s)?;
            ensure(
                !(story["entities"].as_array().into_iter().flatten()).any(|e| e["id"] == "editor-person-1"),
                "the second undo left the person",
            )
        },
    ),
    (
        "studio: a reload keeps the draft, its corrections and an event added from a sentence; start over clears it",
        |s, _| {
            open(s)?;
            let (_, text, meta) = articles()?.into_iter().next().ok_or("no article")?;
            paste(s, &text, &meta)?;
            click(s, ".st-item[data-key='quote-0']")?;
            click_and_settle(s, "#st-toggle")?;
            ensure(s.script("return document.querySelector(\".st-item[data-key='quote-0']\").classList.contains('st-off')")? == true, "quote-0 not left out")?;
            // A title in Russian, which the draft keeps too.
            click(s, ".st-item[data-key='event-0']")?;
            s.script_with(
                include_str!("../js/studio-title.js"),
                &[json!("ru"), json!("Проверенное название")],
            )?;
            click_and_settle(s, "#st-title-set")?;
            // An event the editor adds from the article's third sentence,
            // which then is selected for its places.
            s.script_with(
                include_str!("../js/studio-add-event.js"),
                &[json!("2"), json!("2018-02-13"), json!("Talks the editor added")],
            )?;
            click_and_settle(s, "#st-add-set")?;
            let picked = s.script("return document.getElementById('st-sel-label').textContent")?;
            ensure(picked == "Talks the editor added", format!("the added event is not selected: {picked}"))?;
            s.script("for (const c of document.querySelectorAll('#st-places input')) if (c.value === 'iturup') c.click();")?;
            click_and_settle(s, "#st-places-set")?;
            // Open at an event of the bundled history the article does not
            // mention: the timeline has it.
            s.script_with(include_str!("../js/studio-start.js"), &[json!("portsmouth-1905")])?;
            reload(s)?;
            settle(s, 0)?;
            let opening = s.script(
                "return [document.getElementById('st-start').value, document.getElementById('st-element').value]",
            )?;
            ensure(
                opening[0] == "portsmouth-1905" && opening[1].as_str().is_some_and(|c| c.contains("start-at=\"portsmouth-1905\"")),
                format!("the history event to open at, after a reload: {opening}"),
            )?;
            let events = exported(s)?["events"].clone();
            let titled = (events.as_array().into_iter().flatten())
                .any(|e| e["title"]["ru"] == "Проверенное название");
            ensure(titled, "the Russian title is not in the story file after a reload")?;
            let added = (events.as_array().into_iter().flatten())
                .find(|e| e["title"]["en"] == "Talks the editor added")
                .ok_or("the added event is not in the story file after a reload")?;
            ensure(
                added["date"] == "2018-02-13" && added["places"] == json!(["iturup"]) && added["evidence"].as_array().is_some_and(|e| e.len() == 1),
                format!("the added event: {added}"),
            )?;
            let kept = s.script(
                "return [document.getElementById('st-text').value.length, \
                 !!document.querySelector(\".st-item[data-key='quote-0'].st-off\")]",
            )?;
            ensure(kept[0].as_u64() == Some(text.encode_utf16().count() as u64), format!("text after reload: {kept}"))?;
            ensure(kept[1] == true, "the correction was lost on reload")?;
            click(s, "#st-over")?;
            let cleared = s.script(
                "return [document.getElementById('st-text').value, localStorage.getItem('kuril-studio-draft'), \
                 document.querySelectorAll('#st-items .st-item').length]",
            )?;
            ensure(cleared[0] == "" && cleared[2] == 0, format!("after start over: {cleared}"))?;
            reload(s)?;
            let after = s.script("return document.getElementById('st-text').value")?;
            ensure(after == "", format!("start over kept the text: {after}"))
        },
    ),
    (
        "studio: Publish makes the kit as one zip, the same as the command line's for the same story and options (the pictures aside), its PNGs 1200×675 and 2400×1350",
        |s, _| {
            open(s)?;
            let (name, text, meta) = articles()?.into_iter().find(|(_, _, m)| m.len() >= 2).ok_or("no article with its metadata")?;
            paste(s, &text, &meta)?;
            let (lang, start, url) = ("ru", "portsmouth-1905", "https://news.example.org/kits/check/");
            let studio = published(s, lang, start, url)?;
            // The command line, for the same article, metadata and options.
            let base = s.script("return new URL('.', location.href).href")?;
            let lines: Vec<String> = meta.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            let story = kuril_publish::input::packed(text.as_bytes(), &lines.join("\n"))?;
            let options = kuril_core::widget::options::Options {
                lang: Some(lang.into()),
                start_at: Some(start.into()),
                ..Default::default()
            };
            let settings = kuril_publish::Settings::new(&options, base.as_str().unwrap_or_default(), Some(url))?;
            let cli = kuril_publish::make_now(&story, &settings)?;
            let names: Vec<&str> = studio.iter().map(|(n, _)| n.as_str()).collect();
            ensure(names == kuril_publish::FILES, format!("{name}: the studio's kit holds {names:?}"))?;
            for ((file, ours), (_, theirs)) in studio.iter().zip(&cli.files) {
                if file.ends_with(".png") {
                    continue;
                }
                let at = ours.iter().zip(theirs).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
                ensure(
                    ours == theirs,
                    format!(
                        "{name}: the studio's {file} differs from the command line's at byte {at}: {:?} against {:?}",
                        String::from_utf8_lossy(&ours[at.saturating_sub(60)..(at + 60).min(ours.len())]),
                        String::from_utf8_lossy(&theirs[at.saturating_sub(60)..(at + 60).min(theirs.len())])
                    ),
                )?;
            }
            let sizes: Vec<(u32, u32)> = ["card.png", "card@2x.png"]
                .iter()
                .filter_map(|f| studio.iter().find(|(n, _)| n == f).map(|(_, b)| png_size(b)))
                .collect();
            ensure(sizes == [(1200, 675), (2400, 1350)], format!("{name}: the studio's PNGs are {sizes:?}"))
        },
    ),
    (
        "studio: the picture of the view is an SVG and PNGs of 1200×675 and 2400×1350, not blank; axe finds no violation",
        |s, engine| {
            open(s)?;
            let (_, text, meta) = articles()?.into_iter().next().ok_or("no article")?;
            paste(s, &text, &meta)?;
            click(s, ".st-item[data-key='event-0']")?;
            s.wait_script(
                "const r = document.getElementById('st-preview').shadowRoot; return !!(r && r.querySelector('[data-kw-live] .kw-map path'));",
                Duration::from_secs(20),
            )?;
            for (kind, w, h) in [("1", 1200, 675), ("2", 2400, 1350), ("svg", 1200, 675)] {
                s.script("const i = document.getElementById('st-picture'); i.hidden = true; i.removeAttribute('src');")?;
                click(s, &format!("[data-picture='{kind}']"))?;
                let seen = s.wait_script(PICTURE_SEEN, Duration::from_secs(20))?;
                // WebKit gives an SVG image the size it is shown at: its
                // shape must be the picture's.
                let (iw, ih) = (seen[0].as_f64().unwrap_or(0.0), seen[1].as_f64().unwrap_or(1.0));
                let sized = if kind == "svg" { (iw / ih - 1200.0 / 675.0).abs() < 0.02 } else { seen[0] == w && seen[1] == h };
                ensure(
                    sized && seen[2].as_u64().unwrap_or(0) > 20 && seen[3].as_f64().unwrap_or(0.0) > 0.3,
                    format!("picture {kind}: {seen} (want {w}×{h}, many colours, a third not background)"),
                )?;
            }
            if engine == Engine::Chromium {
                let shot = s.screenshot(Some(&s.wait_for("#st-picture", Duration::from_secs(1))?))?;
                std::fs::write(shots_dir(engine).join("studio-picture.png"), shot)?;
                s.set_window(1400, 1000)?;
                s.script("document.querySelector('.st-review').scrollIntoView();")?;
                let shot = s.screenshot(Some(&s.wait_for(".st-review", Duration::from_secs(1))?))?;
                std::fs::write(shots_dir(engine).join("studio-review.png"), shot)?;
            }
            // With every folded part open: an event's places and the new
            // event's form; then with a correction's answers showing.
            s.script("for (const d of document.querySelectorAll('details')) d.open = true;")?;
            let mut found = axe(s)?;
            let typo = items(s, "warning")?.into_iter().find(|(_, label)| label.starts_with("read '"));
            let (key, _) = typo.ok_or("the article has no corrected name to answer")?;
            click(s, &format!(".st-item[data-key='{key}']"))?;
            ensure(
                s.script("return !document.getElementById('st-correction').hidden")? == true,
                "a corrected name's warning shows no way to refuse it",
            )?;
            found.extend(axe(s)?);
            ensure(found.is_empty(), found.join("\n"))
        },
    ),
    (
        "studio, keyboard only: type an article, move through its highlights, leave an item out, reach the export and make a picture",
        |s, _| {
            open(s)?;
            let text = "MOSCOW, March 3. /TASS/. Russia will keep troops on Kunashir and Iturup, Foreign Minister Sergey Lavrov said on Tuesday. \"The islands are Russian territory,\" Lavrov said.";
            s.script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")?;
            tab_to(s, "st-text", 10).map_err(|e| format!("Tab does not reach the article's text: {e}"))?;
            let before = asked(s)?;
            s.send_keys(&s.wait_for("#st-text", Duration::from_secs(1))?, text)?;
            settle(s, before)?;
            tab_to(s, "st-article", 20).map_err(|e| format!("Tab does not reach the highlighted article: {e}"))?;
            s.press(&[webdriver::ARROW_RIGHT, webdriver::ARROW_RIGHT, webdriver::ENTER])?;
            let key = s.script("const b = document.querySelector('.st-item[aria-pressed=true]'); return b && b.dataset.key")?;
            let key = key.as_str().ok_or("Enter on a highlight selected nothing")?;
            tab_to(s, "st-toggle", 40).map_err(|e| format!("Tab does not reach the selected item's controls: {e}"))?;
            let before = asked(s)?;
            s.press(&[webdriver::ENTER])?;
            settle(s, before)?;
            let off = s.script_with(
                "return !!document.querySelector('.st-item[data-key=' + arguments[0] + '].st-off');",
                &[json!(key)],
            )?;
            ensure(off == true, format!("Enter on 'Leave it out' did not leave {key} out"))?;
            // The preview follows the change once the editor pauses and then
            // draws itself anew, which takes the focus of whoever is in it:
            // the walk through it starts once it shows the new story.
            s.wait_script(include_str!("../js/studio-preview-current.js"), Duration::from_secs(20))?;
            let mut reached = Vec::new();
            for _ in 0..60 {
                s.press(&[webdriver::TAB])?;
                let id = s.script("const a = document.activeElement; return a && (a.id || a.dataset.picture || a.tagName)")?;
                reached.push(id.as_str().unwrap_or_default().to_string());
                if id == "1" {
                    break;
                }
            }
            ensure(reached.iter().any(|r| r == "st-story-file"), format!("the story file's link not reached: {reached:?}"))?;
            ensure(reached.iter().any(|r| r == "st-copy-element"), format!("the embed code not reached: {reached:?}"))?;
            ensure(reached.last().map(String::as_str) == Some("1"), format!("the PNG button not reached: {reached:?}"))?;
            s.wait_script(
                "const r = document.getElementById('st-preview').shadowRoot; return !!(r && r.querySelector('[data-kw-live] .kw-map path'));",
                Duration::from_secs(20),
            )?;
            s.press(&[webdriver::ENTER])?;
            wait(s, "const i = document.getElementById('st-picture'); return !i.hidden && i.complete && i.naturalWidth === 1200;")
        },
    ),
];
