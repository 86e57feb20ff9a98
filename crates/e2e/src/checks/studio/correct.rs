//! The studio's first check, one article at a time: paste it, correct a
//! year and places, refuse a name read tolerantly, change a speaker, and
//! find each in the exported story file (the year also in a widget reading
//! that file through story-src).

use super::page::{click, click_and_settle, exported, items, paste};
use crate::checks::check::{add_widgets, ensure};
use crate::webdriver::Session;
use crate::Result;
use serde_json::{json, Value};
use std::time::Duration;

/// What was corrected in one article: the event given a year (its key and
/// label), the name refused (its label and the places listed before),
/// the quotation given another speaker (its key).
#[derive(Default)]
struct Done {
    year: Option<(String, String)>,
    refused: Option<(String, usize)>,
    speaker: Option<String>,
}

/// Corrects one article in the studio: a year (of an event the bundled
/// history does not date) and a speaker; checks the exported file and, for
/// the year, a widget reading that file through story-src. What it did,
/// for the check's tally.
pub(super) fn correct_one(
    s: &Session,
    name: &str,
    text: &str,
    meta: &[(String, String)],
) -> Result<String> {
    paste(s, text, meta)?;
    highlighted(s, name, text)?;
    let done = Done {
        year: give_a_year(s)?,
        refused: refuse_a_name(s)?,
        speaker: change_a_speaker(s)?,
    };
    let story = exported(s)?;
    let mut did = Vec::new();
    if let Some((_, label)) = &done.year {
        year_read_back(s, name, label, &story)?;
        did.extend(["year", "places"]);
    }
    if let Some(key) = &done.speaker {
        let i: usize = key.trim_start_matches("quote-").parse()?;
        let speaker = s.script("return document.getElementById('st-speaker').value || null")?;
        ensure(
            story["quotes"]
                .get(i)
                .is_some_and(|q| q["speaker"] == speaker),
            format!("{name}: the file's quote {i} is not said by {speaker}"),
        )?;
    }
    if let Some((label, before)) = &done.refused {
        let mentions = story["mentions"].as_array().map_or(0, Vec::len);
        ensure(
            mentions < *before,
            format!("{name}: {label} refused, yet the file names {mentions} places of {before}"),
        )?;
        did.push("refused");
    }
    if done.speaker.is_some() {
        did.push("speaker");
    }
    ensure(
        !did.is_empty() || items(s, "place")?.len() + items(s, "person")?.len() > 0,
        format!("{name}: nothing to correct"),
    )?;
    Ok(format!("{name}: {}", did.join("+")))
}

/// The article shown is the text pasted, with highlights.
fn highlighted(s: &Session, name: &str, text: &str) -> Result {
    let shown = s.script("return document.getElementById('st-article').textContent")?;
    ensure(
        shown.as_str() == Some(text),
        format!("{name}: the highlighted text is not the article"),
    )?;
    let marks = s.script("return document.querySelectorAll('#st-article .st-m').length")?;
    ensure(
        marks.as_u64().unwrap_or(0) > 0,
        format!("{name}: nothing highlighted"),
    )
}

/// Gives the first dated event the bundled history lacks the year 1901 and
/// the places Shikotan and the Habomai islets; its key and label.
fn give_a_year(s: &Session) -> Result<Option<(String, String)>> {
    let event = items(s, "event")?
        .into_iter()
        .find(|(_, t)| t.chars().any(|c| c.is_ascii_digit()) && !t.contains("bundled history"));
    if let Some((key, _)) = &event {
        click(s, &format!(".st-item[data-key='{key}']"))?;
        s.script("document.getElementById('st-date').value = '';")?;
        s.send_keys(&s.wait_for("#st-date", Duration::from_secs(1))?, "1901")?;
        click_and_settle(s, "#st-date-set")?;
        s.script_with(
            include_str!("../js/studio-tick-places.js"),
            &[json!(["shikotan", "habomai"])],
        )?;
        click_and_settle(s, "#st-places-set")?;
    }
    Ok(event)
}

/// Refuses the first name read tolerantly (its place is left out); its
/// label and how many places were listed before.
fn refuse_a_name(s: &Session) -> Result<Option<(String, usize)>> {
    for (key, label) in items(s, "warning")? {
        if label.starts_with("read '") {
            click(s, &format!(".st-item[data-key='{key}']"))?;
            let places = items(s, "place")?
                .iter()
                .filter(|(_, t)| !t.contains("left out"))
                .count();
            click_and_settle(s, "#st-refuse")?;
            return Ok(Some((label, places)));
        }
    }
    Ok(None)
}

/// Gives the first quotation another speaker; its key.
fn change_a_speaker(s: &Session) -> Result<Option<String>> {
    let Some((key, _)) = items(s, "quote")?.into_iter().next() else {
        return Ok(None);
    };
    click(s, &format!(".st-item[data-key='{key}']"))?;
    s.script(include_str!("../js/studio-other-speaker.js"))?;
    click_and_settle(s, "#st-speaker-set")?;
    Ok(Some(key))
}

/// The event given 1901 is in the story file with its places, and a
/// widget reading the file through story-src shows it in 1901.
fn year_read_back(s: &Session, name: &str, label: &str, story: &Value) -> Result {
    let title = label.split(" · ").next().unwrap_or_default();
    let events = || story["events"].as_array().into_iter().flatten();
    let ev = events().find(|e| e["date"] == "1901").ok_or_else(|| {
        let dates: Vec<String> = events()
            .map(|e| format!("{}={}", e["id"], e["date"]))
            .collect();
        let said = s
            .script(include_str!("../js/studio-edit-state.js"))
            .unwrap_or_default();
        format!(
            "{name}: no event of 1901 in the file ({title}; the file's: {}; the editor: {said})",
            dates.join(", ")
        )
    })?;
    ensure(
        ev["places"] == json!(["shikotan", "habomai"]),
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
    s.wait_script_with(
        include_str!("../js/widget-year-is.js"),
        &[json!(event_id), json!("1901")],
        Duration::from_secs(20),
    )
    .map_err(|e| format!("{name}: the widget did not show {event_id} in 1901: {e}"))?;
    s.script("document.getElementById('kw-box').remove();")
        .map(drop)
}
