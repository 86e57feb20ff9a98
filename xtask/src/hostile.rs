//! `cargo xtask hostile`: writes the corpus of hostile inputs in
//! `tests/hostile/`: story files and article texts that are broken, huge,
//! or carry HTML and script. Most are derived from the bundled story, so
//! they are written by this command rather than by hand; a test keeps the
//! committed files in step. What the widget must do with each file is in
//! `tests/hostile/expect.tsv`, read by the native test below and the
//! end-to-end test in each browser.

use crate::cmd::{root, step, Result};
use kuril_core::data::Bundle;
use serde_json::{json, Value};

/// Put in every text field: if any of it ran, `window.kwPwned` would be set.
pub const PAYLOAD: &str = "<script>window.kwPwned=1</script><img src=x onerror=\"window.kwPwned=1\"><svg onload=\"window.kwPwned=1\"></svg>";

/// The bundled story as JSON.
fn story() -> Result<Value> {
    Ok(serde_json::to_value(Bundle::load()?.story)?)
}

/// `v` with `f` applied to every string, except the keys named in `keep`.
fn map_strings(v: &mut Value, keep: &[&str], f: &dyn Fn(&str) -> String) {
    match v {
        Value::String(s) => *s = f(s),
        Value::Array(a) => a.iter_mut().for_each(|x| map_strings(x, keep, f)),
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if !keep.contains(&k.as_str()) {
                    map_strings(x, keep, f);
                }
            }
        }
        _ => {}
    }
}

/// Every file of the corpus: (path under `tests/hostile/`, contents).
fn files() -> Result<Vec<(&'static str, Vec<u8>)>> {
    let mut out = story_files()?;
    out.extend(article_files());
    out.extend(adversarial_people());
    out.sort_by_key(|(p, _)| *p);
    Ok(out)
}

/// The story files: the bundled story broken, made huge, or carrying HTML.
fn story_files() -> Result<Vec<(&'static str, Vec<u8>)>> {
    let base = story()?;
    let mut out = broken_stories(&base)?;
    out.extend(huge_stories(&base)?);
    Ok(out)
}

/// The story `base` as JSON bytes after `f`.
fn edited(base: &Value, f: &dyn Fn(&mut Value)) -> Result<Vec<u8>> {
    let mut v = base.clone();
    f(&mut v);
    Ok(serde_json::to_vec(&v)?)
}

/// The story `base` with `n` events, copies of its first one numbered and
/// dated apart.
fn numbered_events(base: &Value, n: usize) -> Result<Vec<u8>> {
    let event = &base["events"][0];
    edited(base, &|v| {
        let events: Vec<Value> = (0..n)
            .map(|i| {
                let mut e = event.clone();
                e["id"] = json!(format!("event-{i}"));
                e["title"] = json!(format!("Event number {i}"));
                e["date"] = json!(format!(
                    "{}-{:02}-{:02}",
                    1800 + i % 220,
                    1 + i % 12,
                    1 + i % 28
                ));
                e
            })
            .collect();
        v["events"] = Value::Array(events);
    })
}

/// Story files that are malformed, of the wrong types or schema, or well
/// formed with impossible dates and unknown islands.
fn broken_stories(base: &Value) -> Result<Vec<(&'static str, Vec<u8>)>> {
    Ok(vec![
        (
            "story/malformed.json",
            br#"{"schema": "kuril-story/1", "article": {"headline": "Cut off"#.to_vec(),
        ),
        ("story/not-an-object.json", b"[1, 2, 3]".to_vec()),
        (
            "story/missing-fields.json",
            br#"{"schema": "kuril-story/1"}"#.to_vec(),
        ),
        (
            "story/wrong-types.json",
            edited(base, &|v| v["events"] = json!("many"))?,
        ),
        (
            "story/wrong-type-deep.json",
            edited(base, &|v| v["events"][0]["date"] = json!(1956))?,
        ),
        (
            "story/wrong-schema.json",
            edited(base, &|v| v["schema"] = json!("kuril-story/99"))?,
        ),
        (
            "story/invalid-date.json",
            edited(base, &|v| v["events"][0]["date"] = json!("1956-02-30"))?,
        ),
        (
            "story/not-a-date.json",
            edited(base, &|v| v["article"]["published"] = json!("yesterday"))?,
        ),
        // Well formed, but impossible: an era that ends before it begins,
        // the year 9999, an event before the islands had names.
        (
            "story/impossible-dates.json",
            edited(base, &|v| {
                let events = v["events"].as_array_mut().expect("events");
                events[0]["start"] = json!("2020-01-01");
                events[0]["date"] = json!("1000-01-01");
                if let Some(e) = events.get_mut(1) {
                    e["date"] = json!("9999-12-31");
                }
            })?,
        ),
        (
            "story/unknown-islands.json",
            edited(base, &|v| {
                for e in v["events"].as_array_mut().expect("events") {
                    e["places"] = json!(["atlantis", "iturup-north", ""]);
                }
                for m in v["mentions"].as_array_mut().expect("mentions") {
                    m["place"] = json!("nowhere");
                }
            })?,
        ),
    ])
}

/// Story files at and over the limits, with megabyte strings, with HTML in
/// every text, or an HTML page.
fn huge_stories(base: &Value) -> Result<Vec<(&'static str, Vec<u8>)>> {
    Ok(vec![
        // As many events as a story may have, and ten times more.
        (
            "story/events-at-the-limit.json",
            numbered_events(base, kuril_core::story::MAX_EVENTS)?,
        ),
        (
            "story/ten-thousand-events.json",
            numbered_events(base, 10_000)?,
        ),
        (
            "story/megabyte-strings.json",
            edited(base, &|v| {
                let big = "Kunashir ".repeat((1 << 20) / 9);
                v["article"]["headline"] = json!(big);
                v["events"][0]["title"] = json!(big);
            })?,
        ),
        (
            "story/html-payloads.json",
            edited(base, &|v| {
                // Every text but the schema, the dates and the enumerations,
                // which must parse.
                let keep = [
                    "schema",
                    "date",
                    "start",
                    "published",
                    "year_source",
                    "kind",
                ];
                map_strings(v, &keep, &|s| format!("{PAYLOAD}{s}"));
            })?,
        ),
        ("story/html-page.html", HTML_PAGE.as_bytes().to_vec()),
        // More events than a story may have: refused before it is read.
        (
            "story/hundred-thousand-events.json",
            edited(base, &|v| {
                let events: Vec<Value> = (0..100_000)
                .map(|i| json!({"id": format!("e{i}"), "date": "1956", "title": "", "places": [], "evidence": []}))
                .collect();
                v["events"] = Value::Array(events);
            })?,
        ),
    ])
}

/// The article texts: empty, binary, HTML, in Russian, and a mebibyte of
/// text made to find quadratic passes in the extractor.
fn article_files() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("article/empty.txt", Vec::new()),
        ("article/whitespace.txt", b"  \n\n\t \n".to_vec()),
        ("article/binary.bin", (0..=255u8).cycle().take(4096).collect()),
        ("article/html-page.html", HTML_PAGE.as_bytes().to_vec()),
        ("article/russian.txt", RUSSIAN.as_bytes().to_vec()),
        ("article/html-payload.txt", format!("{PAYLOAD}\n\nMOSCOW, February 11. /TASS/. {PAYLOAD} Russia and Japan discussed the four islands, which Japan calls the Northern Territories. {PAYLOAD}\n").into_bytes()),
        // Texts made to find quadratic passes in the extractor: each is one
        // mebibyte, and the bench times each at one and at two (the file
        // twice), where linear work takes twice the time.
        ("article/adversarial-dots.txt", mebibyte(".")),
        ("article/adversarial-one-name.txt", mebibyte("Lavrov ")),
        ("article/adversarial-lavrov-said.txt", mebibyte("Lavrov said. ")),
        ("article/adversarial-quote-marks.txt", mebibyte("\"“ ”\" ")),
        ("article/adversarial-no-spaces.txt", mebibyte("KunashirIturupShikotanHabomai")),
        ("article/megabyte.txt", {
            let para = "MOSCOW, February 11. /TASS/. Russian Foreign Minister Sergey Lavrov said the 1956 Soviet-Japanese Joint Declaration mentions the transfer of Shikotan and the Habomai islets after a peace treaty is signed.\n\n";
            para.repeat((1 << 20) / para.len()).into_bytes()
        }),

    ]
}

/// Adversarial articles of people: a new person in every phrase, after an
/// office, later named by surname, in English, Russian and Japanese.
fn adversarial_people() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("article/adversarial-role-phrases.txt", {
            // A new person in every phrase, each later named by surname.
            let name = |i: usize| -> String {
                let l = |k: usize| char::from(b'a' + (k % 26) as u8);
                format!("{}{}{}", l(i / 676).to_ascii_uppercase(), l(i / 26), l(i))
            };
            let phrases: String = (0..20_000)
                .map(|i| {
                    format!(
                        "Foreign Minister {} {} said {} agreed. ",
                        name(i),
                        name(i + 7),
                        name(i + 7)
                    )
                })
                .collect();
            mebibyte(&phrases)
        }),
        // The same in Russian and Japanese: a new person after an office
        // in every phrase, later named by surname (issue 27's people).
        ("article/adversarial-offices-ru.txt", {
            let l = |k: usize| char::from_u32(0x0430 + (k % 32) as u32).unwrap_or('а');
            let phrases: String = (0..20_000)
                .map(|i| {
                    let surname = format!("Г{}{}{}ов", l(i / 1024), l(i / 32), l(i));
                    format!("Посол России в Японии Михаил {surname} прибыл на Кунашир. {surname}а встретили. ")
                })
                .collect();
            mebibyte(&phrases)
        }),
        ("article/adversarial-offices-ja.txt", {
            let k: Vec<char> = "山川田中林森木村松井石原上下本大小高".chars().collect();
            let phrases: String = (0..20_000)
                .map(|i| {
                    let name: String = [i / 324, i / 18, i].iter().map(|n| k[n % 18]).collect();
                    format!("{name}一郎官房長官は国後島について述べた。{name}氏も話した。")
                })
                .collect();
            mebibyte(&phrases)
        }),
    ]
}

/// `unit` repeated to one mebibyte (cut at a character).
fn mebibyte(unit: &str) -> Vec<u8> {
    let mut text = unit.repeat((1 << 20) / unit.len() + 1);
    let mut end = 1 << 20;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.into_bytes()
}

/// What a server answers for a missing page when it sends its index
/// instead (a common static-hosting fallback).
const HTML_PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Not found</title></head><body><h1>Page not found</h1><script>window.kwPwned=1</script></body></html>\n";

/// A short report in Russian (written for this corpus): the extractor reads
/// English, so it finds little here, and must not fail.
const RUSSIAN: &str = "Лавров: Япония должна признать итоги Второй мировой войны\n\nМОСКВА, 11 февраля. /ТАСС/. Министр иностранных дел России Сергей Лавров заявил, что Токио должен признать итоги Второй мировой войны, прежде чем стороны смогут говорить о мирном договоре. Он напомнил о Совместной декларации 1956 года, в которой говорится о передаче Японии Шикотана и островов Хабомаи после подписания мирного договора.\n";

/// Writes the corpus.
pub fn write() -> Result {
    step("hostile inputs: tests/hostile/");
    for (path, bytes) in files()? {
        let path = root().join("tests/hostile").join(path);
        std::fs::create_dir_all(path.parent().expect("a folder"))?;
        std::fs::write(&path, bytes)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kuril_e2e::hostile::{expectations, Expect};
    use kuril_extract::newsroom::{self, Kind};
    use kuril_widget::components::{App, AppProps, Source};

    /// Each file through the whole widget, rendered natively by Yew's
    /// server-side renderer: the message `expect.tsv` names, or the map;
    /// no panic, and no markup from the data reaches the page as markup.
    #[test]
    fn every_hostile_input_gives_its_message_or_renders_safely() {
        let rows = expectations().unwrap();
        assert!(rows.len() >= 20, "{} rows", rows.len());
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut wrong = Vec::new();
        for Expect { file, story, error } in rows {
            let bytes = std::fs::read(root().join("tests/hostile").join(&file)).unwrap();
            // What the newsroom module answers the widget in the browser.
            let kind = if story { Kind::Story } else { Kind::Article };
            let source = Source::from_newsroom(newsroom::read(kind, &bytes));
            let props = AppProps {
                source,
                ..AppProps::default()
            };
            let html = rt.block_on(
                yew::LocalServerRenderer::<App>::with_props(props)
                    .hydratable(false)
                    .render(),
            );
            let alert = html.contains("role=\"alert\"");
            let ok = match &error {
                Some(msg) => alert && html.contains(msg.as_str()),
                None => !alert && html.contains("class=\"kw-map\""),
            };
            // Markup in the data is text: escaped, never an element.
            let injected = ["<script", "<img", "<svg onload"]
                .iter()
                .any(|m| html.contains(m))
                || (file.contains("payload") && !html.contains("&lt;script&gt;window.kwPwned=1"));
            if !ok || injected {
                let shown = html
                    .split("kw-error-detail")
                    .nth(1)
                    .unwrap_or(&html[..html.len().min(300)]);
                wrong.push(format!(
                    "{file}: expected {error:?}; injected {injected}; got {}",
                    &shown[..shown.len().min(300)]
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn the_committed_corpus_is_current_and_every_file_has_an_expectation() {
        let expect = expectations().unwrap();
        for (path, bytes) in files().unwrap() {
            let on_disk = std::fs::read(root().join("tests/hostile").join(path))
                .unwrap_or_else(|_| panic!("{path} missing: run `cargo xtask hostile`"));
            assert!(
                on_disk == bytes,
                "{path} is stale: run `cargo xtask hostile`"
            );
            assert!(
                expect.iter().any(|e| e.file == path),
                "{path} has no row in expect.tsv"
            );
        }
        assert_eq!(expect.len(), files().unwrap().len());
    }
}
