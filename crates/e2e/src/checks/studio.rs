//! The newsroom studio (`studio.html`), end to end: every test article
//! pasted, highlighted and corrected, its story file exported and read back
//! by a `<kuril-widget story-src>`; the draft kept over a reload and cleared
//! by "start over"; the picture's PNGs at their sizes and not blank; axe;
//! a keyboard-only walk from input to export.

use super::check::{add_widgets, axe, ensure, shots_dir, wait, Check};
use crate::engines::Engine;
use crate::webdriver::{self, Session};
use crate::{root, Result};
use serde_json::Value;
use std::time::Duration;

/// Opens the studio with no draft kept.
fn open(s: &Session) -> Result {
    let here = s.script("return location.origin")?;
    let url = format!("{}/studio.html", here.as_str().unwrap_or_default());
    s.goto(&url)?;
    s.script("localStorage.removeItem('kuril-studio-draft');")?;
    s.goto(&url)?;
    wait(s, "return !!document.documentElement.dataset.studio;")
}

/// Loads the studio again, keeping what the page kept.
fn reload(s: &Session) -> Result {
    let url = s.script("return location.href")?;
    s.goto(url.as_str().unwrap_or_default())?;
    wait(s, "return !!document.documentElement.dataset.studio;")
}

/// Clicks the element `css` selects, as the page's own click: a WebDriver
/// click aims at a point, which the preview, still loading further down,
/// can move between the aim and the click (the keyboard check presses the
/// same controls as a reader would).
fn click(s: &Session, css: &str) -> Result {
    s.wait_for(css, Duration::from_secs(2))?;
    s.script(&format!(
        "const e = document.querySelector({}); e.scrollIntoView({{ block: 'center' }}); e.click();",
        json(css)
    ))
    .map(drop)
}

/// Presses Tab until the element with this id has focus, at most `most`
/// times.
fn tab_to(s: &Session, id: &str, most: usize) -> Result {
    for _ in 0..most {
        if s.script("return document.activeElement && document.activeElement.id")? == id {
            return Ok(());
        }
        s.press(&[webdriver::TAB])?;
    }
    Err(format!("not reached in {most} presses of Tab").into())
}

/// How many requests the page has sent to its worker.
fn asked(s: &Session) -> Result<u64> {
    let v = s.script("return document.documentElement.dataset.studio || '0 0 1'")?;
    Ok(v.as_str()
        .and_then(|t| t.split(' ').next()?.parse().ok())
        .unwrap_or(0))
}

/// Waits until the worker has answered a request after the `before`th and
/// holds the newest text.
fn settle(s: &Session, before: u64) -> Result {
    s.wait_script(
        &format!(
            "const [a, d, idle] = (document.documentElement.dataset.studio || '').split(' ').map(Number); \
             return idle === 1 && d === a && a > {before};"
        ),
        Duration::from_secs(30),
    )
    .map(drop)
}

/// Pastes an article and its metadata, and waits for the review.
fn paste(s: &Session, text: &str, meta: &[(String, String)]) -> Result {
    let before = asked(s)?;
    let fields: String = meta
        .iter()
        .map(|(k, v)| format!("document.getElementById('st-{k}').value = {};", json(v)))
        .collect();
    s.script(&format!(
        "for (const k of ['publisher', 'published', 'url', 'language']) document.getElementById('st-' + k).value = ''; \
         {fields} const t = document.getElementById('st-text'); t.value = {}; \
         t.dispatchEvent(new Event('input', {{ bubbles: true }}));",
        json(text)
    ))?;
    settle(s, before)
}

fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Clicks a control and waits for the worker's answer.
fn click_and_settle(s: &Session, css: &str) -> Result {
    let before = asked(s)?;
    click(s, css)?;
    settle(s, before)
}

/// The exported story file, as the page offers it for download.
fn exported(s: &Session) -> Result<Value> {
    let text = s.script_async(
        "const done = arguments[arguments.length - 1]; \
         fetch(document.getElementById('st-story-file').href).then((r) => r.text()).then(done, (e) => done('' + e));",
    )?;
    Ok(serde_json::from_str(text.as_str().unwrap_or_default())?)
}

/// An article's name, text and metadata fields (`key`, `value`).
type Article = (String, String, Vec<(String, String)>);

/// The corpus's articles (`kuril_extract::score::corpus_articles`: the
/// bundled one and the test articles) with the metadata the studio's
/// fields take.
fn articles() -> Result<Vec<Article>> {
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
fn published(
    s: &Session,
    lang: &str,
    start: &str,
    kit_url: &str,
) -> Result<Vec<(String, Vec<u8>)>> {
    s.script(&format!(
        "const set = (id, v, ev) => {{ const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event(ev)); }}; \
         set('st-lang', {}, 'change'); set('st-start', {}, 'change'); set('st-kit-url', {}, 'input');",
        json(lang),
        json(start),
        json(kit_url)
    ))?;
    settle(s, 0)?;
    click(s, "#st-publish")?;
    let b64 = s.wait_script(
        "const a = document.getElementById('st-kit-link'); if (a.hidden || !a.href.startsWith('blob:')) return null; \
         if (window.kwZip === undefined) { window.kwZip = null; fetch(a.href).then((r) => r.blob()).then((b) => { \
           const f = new FileReader(); f.onload = () => { window.kwZip = f.result.split(',')[1]; }; f.readAsDataURL(b); }); } \
         return window.kwZip;",
        Duration::from_secs(60),
    )?;
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
fn png_size(png: &[u8]) -> (u32, u32) {
    let be = |i: usize| {
        png.get(i..i + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    (be(16), be(20))
}

/// The keys of the listed items of a kind, with their texts.
fn items(s: &Session, kind: &str) -> Result<Vec<(String, String)>> {
    let v = s.script(&format!(
        "return [...document.querySelectorAll('#st-items .st-item.st-k-{kind}')].map((b) => [b.dataset.key, b.textContent]);"
    ))?;
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

/// Corrects one article in the studio: a year (of an event the bundled
/// history does not date) and a speaker; checks the exported file and, for
/// the year, a widget reading that file through story-src.
fn correct_one(s: &Session, name: &str, text: &str, meta: &[(String, String)]) -> Result<String> {
    paste(s, text, meta)?;
    let shown = s.script("return document.getElementById('st-article').textContent")?;
    ensure(
        shown.as_str() == Some(text),
        format!("{name}: the highlighted text is not the article"),
    )?;
    let marks = s.script("return document.querySelectorAll('#st-article .st-m').length")?;
    ensure(
        marks.as_u64().unwrap_or(0) > 0,
        format!("{name}: nothing highlighted"),
    )?;
    let mut did = Vec::new();
    let event = items(s, "event")?
        .into_iter()
        .find(|(_, t)| t.chars().any(|c| c.is_ascii_digit()) && !t.contains("bundled history"));
    if let Some((key, _)) = &event {
        click(s, &format!(".st-item[data-key='{key}']"))?;
        s.script("document.getElementById('st-date').value = '';")?;
        s.send_keys(&s.wait_for("#st-date", Duration::from_secs(1))?, "1901")?;
        click_and_settle(s, "#st-date-set")?;
        did.push("year");
        // Its places: Shikotan and the Habomai islets, ticked as an editor
        // would, in a closed list that the editor opens first.
        s.script(
            "document.querySelector('.st-places summary').click(); \
             for (const c of document.querySelectorAll('#st-places input')) if (c.checked !== ['shikotan', 'habomai'].includes(c.value)) c.click();",
        )?;
        click_and_settle(s, "#st-places-set")?;
        did.push("places");
    }
    // A name read tolerantly, refused: its place is left out.
    let mut refused = None;
    for (key, label) in items(s, "warning")? {
        if label.starts_with("read '") {
            click(s, &format!(".st-item[data-key='{key}']"))?;
            let places = items(s, "place")?
                .iter()
                .filter(|(_, t)| !t.contains("left out"))
                .count();
            click_and_settle(s, "#st-refuse")?;
            refused = Some((label, places));
            did.push("refused");
            break;
        }
    }
    let quote = items(s, "quote")?.into_iter().next();
    if let Some((key, _)) = &quote {
        click(s, &format!(".st-item[data-key='{key}']"))?;
        // Another speaker than the extractor's: nobody, or the first person.
        s.script(
            "const sp = document.getElementById('st-speaker'); \
             sp.value = sp.value ? '' : (sp.options[1] ? sp.options[1].value : '');",
        )?;
        click_and_settle(s, "#st-speaker-set")?;
        did.push("speaker");
    }
    let story = exported(s)?;
    if let Some((_, label)) = event {
        let title = label.split(" · ").next().unwrap_or_default().to_string();
        let ev = (story["events"].as_array().into_iter().flatten())
            .find(|e| e["date"] == "1901")
            .ok_or_else(|| {
                let dates: Vec<String> = (story["events"].as_array().into_iter().flatten())
                    .map(|e| format!("{}={}", e["id"], e["date"]))
                    .collect();
                let said = s
                    .script("return document.getElementById('st-edit-status').textContent + ' | ' + document.getElementById('st-sel-label').textContent + ' | ' + JSON.stringify(JSON.parse(localStorage.getItem('kuril-studio-draft')).edits) + ' | ' + document.documentElement.dataset.studio")
                    .unwrap_or_default();
                format!("{name}: no event of 1901 in the file ({title}; the file's: {}; the editor: {said})", dates.join(", "))
            })?;
        ensure(
            ev["places"] == serde_json::json!(["shikotan", "habomai"]),
            format!(
                "{name}: the file's event of 1901 has places {}",
                ev["places"]
            ),
        )?;
        let event_id = ev["id"].as_str().unwrap_or_default().to_string();
        add_widgets(s, &[("kw-read", "story-src=\"\"")])?;
        s.script(
            "document.getElementById('kw-read').setAttribute('story-src', document.getElementById('st-story-file').href);",
        )?;
        s.wait_script(
            &format!(
                "const y = kwQ('kw-read', \".kw-event[data-event='{event_id}'] .kw-year\"); return y && y.textContent === '1901';"
            ),
            Duration::from_secs(20),
        )
        .map_err(|e| format!("{name}: the widget did not show {event_id} in 1901: {e}"))?;
        s.script("document.getElementById('kw-box').remove();")?;
    }
    if let Some((key, _)) = quote {
        let i: usize = key.trim_start_matches("quote-").parse()?;
        let speaker = s.script("return document.getElementById('st-speaker').value || null")?;
        ensure(
            story["quotes"]
                .get(i)
                .is_some_and(|q| q["speaker"] == speaker),
            format!("{name}: the file's quote {i} is not said by {speaker}"),
        )?;
    }
    if let Some((label, before)) = refused {
        let mentions = story["mentions"].as_array().map_or(0, Vec::len);
        ensure(
            mentions < before,
            format!("{name}: {label} refused, yet the file names {mentions} places of {before}"),
        )?;
    }
    ensure(
        !did.is_empty() || items(s, "place")?.len() + items(s, "person")?.len() > 0,
        format!("{name}: nothing to correct"),
    )?;
    Ok(format!("{name}: {}", did.join("+")))
}

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
            s.script(&format!(
                "document.querySelector('#st-person summary').click();                  document.getElementById('st-person-name').value = {};                  document.getElementById('st-person-office').value = 'television host';                  document.getElementById('st-person-side').value = 'russia';",
                json(name)
            ))?;
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
            s.script(
                "const l = document.getElementById('st-title-lang'); l.value = 'ru'; l.dispatchEvent(new Event('change')); \
                 document.getElementById('st-title').value = 'Проверенное название';",
            )?;
            click_and_settle(s, "#st-title-set")?;
            // An event the editor adds from the article's third sentence,
            // which then is selected for its places.
            s.script(
                "document.querySelector('#st-add summary').click(); \
                 const at = document.getElementById('st-add-sentence'); at.value = '2'; \
                 document.getElementById('st-add-date').value = '2018-02-13'; \
                 document.getElementById('st-add-title').value = 'Talks the editor added';",
            )?;
            click_and_settle(s, "#st-add-set")?;
            let picked = s.script("return document.getElementById('st-sel-label').textContent")?;
            ensure(picked == "Talks the editor added", format!("the added event is not selected: {picked}"))?;
            s.script("for (const c of document.querySelectorAll('#st-places input')) if (c.value === 'iturup') c.click();")?;
            click_and_settle(s, "#st-places-set")?;
            // Open at an event of the bundled history the article does not
            // mention: the timeline has it.
            s.script(
                "const st = document.getElementById('st-start'); st.value = 'portsmouth-1905'; \
                 st.dispatchEvent(new Event('change'));",
            )?;
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
                added["date"] == "2018-02-13" && added["places"] == serde_json::json!(["iturup"]) && added["evidence"].as_array().is_some_and(|e| e.len() == 1),
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
                let seen = s.wait_script(
                    "const i = document.getElementById('st-picture'); \
                     const said = document.getElementById('st-picture-status').textContent; \
                     if (said && !said.includes('ready') && !said.includes('Drawing')) return [0, 0, 0, 0, said]; \
                     if (i.hidden || !i.complete || !i.naturalWidth) return null; \
                     const c = document.createElement('canvas'); c.width = 300; c.height = 169; \
                     const g = c.getContext('2d'); g.drawImage(i, 0, 0, 300, 169); \
                     const d = g.getImageData(0, 0, 300, 169).data; const colours = new Set(); let ink = 0; \
                     for (let p = 0; p < d.length; p += 4) { colours.add(d[p] << 16 | d[p + 1] << 8 | d[p + 2]); if (d[p] !== d[0] || d[p + 1] !== d[1] || d[p + 2] !== d[2]) ink++; } \
                     return [i.naturalWidth, i.naturalHeight, colours.size, ink / (d.length / 4)];",
                    Duration::from_secs(20),
                )?;
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
            let off = s.script(&format!("return !!document.querySelector(\".st-item[data-key={key}].st-off\")"))?;
            ensure(off == true, format!("Enter on 'Leave it out' did not leave {key} out"))?;
            // The preview follows the change once the editor pauses and then
            // draws itself anew, which takes the focus of whoever is in it:
            // the walk through it starts once it shows the new story.
            s.wait_script(
                "const r = document.getElementById('st-preview').shadowRoot; \
                 return document.documentElement.dataset.studioPreview === document.getElementById('st-story-file').href \
                   && !!(r && r.querySelector('[data-kw-live] .kw-map path') && !r.querySelector('[aria-busy=\"true\"]'));",
                Duration::from_secs(20),
            )?;
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
