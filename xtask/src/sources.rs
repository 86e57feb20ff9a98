//! `cargo xtask sources`: writes `docs/sources.md`, the page a newsroom's
//! standards desk checks: where every fact the widget shows that does not
//! come from the article comes from, and how its wording is chosen. It is
//! made from the data files and the reference facts, so it cannot drift
//! from them; a test keeps the committed page current.

use crate::cmd::{root, step, Result};
use kuril_core::data::{CONTEXT, CONTROL, ERAS, GAZETTEER, LINES};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::text::tsv;
use serde_json::Value;

/// How the wording is chosen: the policy the data files follow.
const POLICY: &str = "# Sources and wording

Written by `cargo xtask sources` from `data/` and `data/reference/kuril-facts.json`;
do not edit by hand. Texts from the article are shown as published, in its
language, and every item taken from it links to its sentence; this page
covers what the widget adds.

## How the wording is chosen

- **Our voice is neutral.** The widget's own texts (context events, eras,
  lines, the legend) describe what happened in words both sides use:
  forces *land* and *take control*, a decree *incorporates*, a place is
  *held* or *administered*. A word that is one side's framing
  (*occupation*, *annexation*, *liberation*, *illegal*) appears only in a
  sentence that says whose word it is, with the other side's beside it
  (`tests/wording.rs` checks this).
- **Both sides' names.** The four islands are *the four disputed islands*
  in every language; Japan's term (北方領土, Northern Territories) and
  Russia's (Южные Курилы, Southern Kurils) are given as each side's. On the
  map each disputed island carries both names (択捉島 / Iturup).
- **Who held the land** is control or administration on a date, not
  sovereignty: the legend says *held* (施政, «под контролем»), and Japan's
  claim is shown as a claim.
- **Dates** of every period, line and era are dates of reference events
  below (`tests/facts.rs` checks this).

## Three languages

- **Every text of ours is written in English, Russian and Japanese** in the
  data files (`title_ru`, `title_ja` and the like beside each English
  column), as a newsroom of that language would write it, with each side's
  terms attributed there too (`tests/wording.rs` checks the three; a
  render test fails if a Russian or Japanese page shows an English text of
  ours).
- **Quotations are not translated.** The article's sentences and headline
  are shown as published, marked with their language (`lang`), and a
  reader of another language is told so under the quotations.
- **In Japanese**, 千島列島 names the chain only where a treaty does (1875,
  Yalta, 1951) or for the islands from Urup north; the chain with the four
  islands, as the Soviet decree of 1946 counts it, is クリル諸島.
- **People** are named as each language's press names them (セルゲイ・ラブロフ,
  Сергей Лавров), with the office they held on the article's date
  (`data/lexicon/roles.tsv`, below).
- **Counted words** follow the CLDR plural rules of each language (the
  browsers' `Intl.PluralRules`; a browser test compares them).
";

/// The rows of a data file with the columns `names`.
fn rows(file: &str, names: &[&str]) -> Vec<Vec<String>> {
    let (header, rows) = tsv(file);
    let Some(header) = header else {
        return Vec::new();
    };
    let at: Vec<Option<usize>> = names
        .iter()
        .map(|n| header.fields.iter().position(|f| f == n))
        .collect();
    rows.iter()
        .map(|r| {
            at.iter()
                .map(|i| {
                    i.and_then(|i| r.fields.get(i))
                        .map(|f| f.replace('|', "\\|"))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

fn table(head: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    for r in rows {
        out += &format!("| {} |\n", r.join(" | "));
    }
    out
}

/// The page, from the data and the reference facts.
pub fn page() -> Result<String> {
    let facts: Value = serde_json::from_str(&std::fs::read_to_string(
        root().join("data/reference/kuril-facts.json"),
    )?)?;
    let events = facts["events"].as_array().cloned().unwrap_or_default();
    let text = |v: &Value| v.as_str().unwrap_or("").replace('|', "\\|");
    let mut md = String::from(POLICY);

    md += "\n## Reference events\n\nEvery date the widget uses for a period, a line or an era is one of these.\n\n";
    let reference: Vec<Vec<String>> = events
        .iter()
        .map(|e| vec![text(&e["date"]), text(&e["title"]), text(&e["source"])])
        .collect();
    md += &table(&["date", "event", "source"], &reference);

    md += &data_tables();
    md += &places(&facts)?;
    Ok(md)
}

/// The places' names in three languages and their areas, with sources.
fn places(facts: &Value) -> Result<String> {
    let text = |v: &Value| v.as_str().unwrap_or("").replace('|', "\\|");
    let mut md = String::new();
    md += "\n## Places: names and areas\n\n";
    let g = Gazetteer::parse(GAZETTEER)?;
    let places: Vec<Vec<String>> = facts["places"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let id = p["id"].as_str().unwrap_or("");
            let ours = g.get(id);
            vec![
                ours.map_or(id.to_string(), |o| o.name_en.clone()),
                ours.map_or(String::new(), |o| o.name_ru.clone()),
                ours.map_or(String::new(), |o| o.name_ja.clone()),
                p["area_km2"]
                    .as_f64()
                    .map_or(String::new(), |a| format!("{a}")),
                [text(&p["area_notes"]), text(&p["coord_source"])]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            ]
        })
        .collect();
    md += &table(
        &["place", "Russian", "Japanese", "area, km²", "sources"],
        &places,
    );
    Ok(md)
}

/// The data files' tables: context events, lexicon events, positions,
/// offices, control periods, eras and lines.
fn data_tables() -> String {
    let mut md = String::new();
    md += "\n## Context events on the timeline\n\n";
    md += &table(
        &["date", "title", "Russian", "Japanese", "source"],
        &rows(
            CONTEXT,
            &["date", "title", "title_ru", "title_ja", "source"],
        ),
    );

    md += "\n## Events the extractor dates from its lexicon\n\n";
    md += &table(
        &["date", "title", "Russian", "Japanese", "source"],
        &rows(
            kuril_extract::EVENTS,
            &["date", "title", "title_ru", "title_ja", "source"],
        ),
    );

    md += "\n## Places of the news beyond the gazetteer\n\nThe extractor knows them; a story that names one carries it to the widget (`data/places.tsv`).\n\n";
    md += &table(
        &[
            "place",
            "Russian",
            "Japanese",
            "longitude",
            "latitude",
            "source",
        ],
        &rows(
            kuril_extract::PLACES,
            &["name_en", "name_ru", "name_ja", "lon", "lat", "source"],
        ),
    );

    md += "\n## Each side's positions, in our words\n\n";
    md += &table(
        &["side", "statement", "Russian", "Japanese"],
        &rows(
            kuril_extract::CLAIMS,
            &["side", "statement", "statement_ru", "statement_ja"],
        ),
    );

    md += "\n## Offices, by period\n\nThe article's date picks the office a person is shown with.\n\n";
    md += &table(
        &[
            "person", "from", "to", "office", "Russian", "Japanese", "source",
        ],
        &rows(
            kuril_extract::ROLES,
            &[
                "person", "from", "to", "role", "role_ru", "role_ja", "source",
            ],
        ),
    );

    md += "\n## Who held each place, by period\n\nA place without rows takes its parent's (an islet its group's).\n\n";
    md += &table(
        &["place", "from", "to", "held by", "claimed by", "source"],
        &rows(
            CONTROL,
            &["place", "from", "to", "holder", "claimed_by", "source"],
        ),
    );

    md += "\n## Eras on the timeline\n\n";
    md += &table(
        &["from", "to", "label", "Russian", "Japanese"],
        &rows(ERAS, &["from", "to", "label", "label_ru", "label_ja"]),
    );

    md += "\n## Borders and lines of control\n\nMost are schematic strokes through a strait; the points are the reference's.\n\n";
    md += &table(
        &["from", "to", "kind", "label", "Russian", "Japanese"],
        &rows(
            LINES,
            &["from", "to", "kind", "label", "label_ru", "label_ja"],
        ),
    );

    md
}

/// Writes `docs/sources.md`.
pub fn write() -> Result {
    step("sources and wording: docs/sources.md");
    let path = root().join("docs/sources.md");
    std::fs::write(&path, page()?)?;
    println!("wrote {}", path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_sources_page_is_current() {
        let page = super::page().unwrap();
        let on_disk = std::fs::read_to_string(crate::root().join("docs/sources.md"))
            .expect("docs/sources.md: run `cargo xtask sources`");
        assert!(
            on_disk == page,
            "docs/sources.md is stale: run `cargo xtask sources`"
        );
        // Every context event, period and reference event is on it.
        for needle in [
            "Soviet forces land on Iturup",
            "Treaty of Shimoda",
            "sakhalin_south",
            "1925-05-15",
            "Советские войска высаживаются на Итуруп",
            "ソ連軍が択捉島に上陸",
            "chairman of the LDP Policy Research Council",
        ] {
            assert!(page.contains(needle), "{needle}");
        }
    }
}
