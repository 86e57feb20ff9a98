//! Checks the bundled data files against the checked reference facts in
//! `../shared/reference/kuril-facts.json` (override with `KURIL_FACTS`):
//! gazetteer names and coordinates, and the lexicon's event dates.

#![cfg(not(target_arch = "wasm32"))]

use kuril_widget::data::{EVENTS, GAZETTEER};
use kuril_widget::gazetteer::Gazetteer;
use kuril_widget::lexicon::{EventDate, Lexicon};
use serde_json::Value;

fn facts() -> Value {
    let path = std::env::var("KURIL_FACTS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/reference/kuril-facts.json"
        )
        .to_string()
    });
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reference facts at {path}: {e}"));
    serde_json::from_str(&text).expect("reference facts are JSON")
}

#[test]
fn gazetteer_matches_the_reference_places() {
    let g = Gazetteer::parse(GAZETTEER).unwrap();
    let facts = facts();
    let places = facts["places"].as_array().unwrap();
    let mut checked = 0;
    for f in places {
        let id = f["id"].as_str().unwrap();
        let p = g
            .get(id)
            .unwrap_or_else(|| panic!("gazetteer lacks reference place {id}"));
        assert_eq!(
            p.name_ru.split(' ').next(),
            f["name_ru"].as_str().unwrap().split(' ').next(),
            "{id} ru"
        );
        assert!(
            f["name_ja"].as_str().unwrap().starts_with(&p.name_ja),
            "{id} ja: {} vs {}",
            p.name_ja,
            f["name_ja"]
        );
        match (p.point, f["lon"].as_f64(), f["lat"].as_f64()) {
            (Some((lon, lat)), Some(flon), Some(flat)) => {
                assert!(
                    (lon - flon).abs() < 0.005 && (lat - flat).abs() < 0.005,
                    "{id}: {lon},{lat} vs {flon},{flat}"
                );
            }
            (None, None, None) => {}
            (ours, _, _) => panic!(
                "{id}: coordinates {ours:?} but reference has {} {}",
                f["lon"], f["lat"]
            ),
        }
        checked += 1;
    }
    assert!(checked >= 17, "only {checked} places checked");
}

#[test]
fn lexicon_dates_match_reference_events() {
    let events_lex = Lexicon::parse_events(EVENTS).unwrap();
    let facts = facts();
    let events = facts["events"].as_array().unwrap();
    let mut fixed = 0;
    for e in &events_lex {
        if let EventDate::Fixed(d) = e.date {
            let hit = events
                .iter()
                .find(|f| f["date"].as_str() == Some(d.iso().as_str()));
            let f = hit.unwrap_or_else(|| panic!("{}: no reference event on {}", e.id, d.iso()));
            // The reference title shares a distinctive word with ours.
            let ours = e.title.to_lowercase();
            let theirs = f["title"].as_str().unwrap().to_lowercase();
            assert!(
                theirs
                    .split_whitespace()
                    .filter(|w| w.len() > 5)
                    .any(|w| ours.contains(w.trim_matches(|c: char| !c.is_alphanumeric()))),
                "{}: '{}' vs reference '{}'",
                e.id,
                e.title,
                f["title"]
            );
            fixed += 1;
        }
    }
    assert!(fixed >= 15, "only {fixed} dated lexicon events");
}

#[test]
fn the_articles_occasion_is_the_reference_broadcast_date() {
    let bundle = kuril_widget::data::Bundle::load().unwrap();
    let interview = bundle
        .story
        .events
        .iter()
        .find(|e| e.id == "interview")
        .unwrap();
    let facts = facts();
    assert_eq!(
        interview.date.unwrap().iso(),
        facts["article"]["interview"]["broadcast_date"]
            .as_str()
            .unwrap()
    );
    assert_eq!(
        bundle
            .story
            .article
            .headline
            .as_deref()
            .map(|h| h.replace('’', "'")),
        facts["article"]["title"].as_str().map(String::from)
    );
}
