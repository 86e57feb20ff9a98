//! Checks the bundled data files against the checked reference facts in
//! `data/reference/kuril-facts.json` (a copy of the facts checked with their
//! sources, kept in the project; override with `KURIL_FACTS`):
//! gazetteer names and coordinates, and the lexicon's event dates.

#![cfg(not(target_arch = "wasm32"))]

use kuril_core::data::GAZETTEER;
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::i18n::Lang;
use kuril_extract::lexicon::{EventDate, Lexicon};
use kuril_extract::EVENTS;
use serde_json::Value;

fn facts() -> Value {
    let path = std::env::var("KURIL_FACTS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/reference/kuril-facts.json"
        )
        .to_string()
    });
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reference facts at {path}: {e}"));
    serde_json::from_str(&text).expect("reference facts are JSON")
}

/// The dates of the reference's events.
fn event_dates(facts: &Value) -> Vec<&str> {
    facts["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect()
}

/// Asserts that each of `days` (of the data item `what`) is the date of a
/// reference event.
fn assert_reference_dates(
    dates: &[&str],
    what: &str,
    days: impl IntoIterator<Item = kuril_core::time::date::Date>,
) {
    for d in days {
        assert!(
            dates.contains(&d.iso().as_str()),
            "{what}: {} is no reference event's date",
            d.iso()
        );
    }
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
            p.name.own(Lang::Ru).split(' ').next(),
            f["name_ru"].as_str().unwrap().split(' ').next(),
            "{id} ru"
        );
        // The reference's name, or its names ("樺太 / サハリン") all in
        // ours as Japanese prints them (「サハリン（樺太）」).
        let ja = f["name_ja"].as_str().unwrap();
        assert!(
            ja.starts_with(p.name.own(Lang::Ja))
                || ja.split(" / ").all(|n| p.name.own(Lang::Ja).contains(n)),
            "{id} ja: {} vs {}",
            p.name.own(Lang::Ja),
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
        if let Some(area) = f["area_km2"].as_f64() {
            let ours = p.area_km2.unwrap_or_else(|| panic!("{id} has no area"));
            assert!(
                (ours - area).abs() <= area * 0.005,
                "{id}: area {ours} vs {area}"
            );
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
        // An era is checked by its end.
        let date = match e.date {
            EventDate::Fixed(d) | EventDate::Era(_, d) => Some(d),
            _ => None,
        };
        if let Some(d) = date {
            let hit = events
                .iter()
                .find(|f| f["date"].as_str() == Some(d.iso().as_str()));
            let f = hit.unwrap_or_else(|| panic!("{}: no reference event on {}", e.id, d.iso()));
            // The reference title shares a distinctive word with ours (an
            // era's end is another event: the war's, the surrender).
            let ours = e.title.english().to_lowercase();
            let theirs = f["title"].as_str().unwrap().to_lowercase();
            let era = matches!(e.date, EventDate::Era(..));
            assert!(
                era || theirs
                    .split_whitespace()
                    .filter(|w| w.len() > 5)
                    .any(|w| ours.contains(w.trim_matches(|c: char| !c.is_alphanumeric()))),
                "{}: '{}' vs reference '{}'",
                e.id,
                e.title.english(),
                f["title"]
            );
            fixed += 1;
        }
    }
    assert!(fixed >= 15, "only {fixed} dated lexicon events");
}

#[test]
fn the_articles_occasion_is_the_reference_broadcast_date() {
    let bundle = kuril_core::data::Bundle::load().unwrap();
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

#[test]
fn the_extracted_story_agrees_with_the_reference() {
    let story = kuril_core::data::Bundle::load().unwrap().story;
    let facts = facts();
    let events = facts["events"].as_array().unwrap();
    // Every dated event the article yields is a reference event of that date
    // that the reference marks as in the article.
    for e in story.events.iter().filter(|e| e.date.is_some()) {
        let iso = e.date.unwrap().iso();
        let f = events
            .iter()
            .find(|f| f["date"].as_str() == Some(iso.as_str()));
        let f = f.unwrap_or_else(|| panic!("{} on {iso}: no reference event", e.id));
        // An era (the war) is in the article as a whole, not its last day.
        if e.start.is_none() {
            assert_eq!(
                f["in_article"].as_bool(),
                Some(true),
                "{} on {iso} is not in the article per the reference",
                e.id
            );
        }
    }
    // The interview's people, programme and channel.
    let interview = &facts["article"]["interview"];
    let name = |id: &str| {
        story
            .entity(id)
            .map(|e| e.name.english().to_owned())
            .unwrap_or_default()
    };
    assert!(interview["speaker"]
        .as_str()
        .unwrap()
        .starts_with(&name("sergey_lavrov")));
    assert!(interview["programme"]
        .as_str()
        .unwrap()
        .contains(&name("nailya_asker_zade")));
    assert!(interview["programme"]
        .as_str()
        .unwrap()
        .starts_with(&name("deistvuyushchiye_litsa")));
    assert_eq!(interview["channel"].as_str().unwrap(), name("rossiya_1"));
    let role = story
        .entity("sergey_lavrov")
        .unwrap()
        .role
        .clone()
        .unwrap()
        .english()
        .to_owned();
    assert!(
        interview["speaker"].as_str().unwrap().ends_with(&role),
        "{role}"
    );
}

#[test]
fn control_periods_turn_on_reference_dates() {
    let table = kuril_core::geo::control::ControlTable::parse(kuril_core::data::CONTROL).unwrap();
    let facts = facts();
    let dates = event_dates(&facts);
    for p in &table.periods {
        assert_reference_dates(&dates, &p.place, std::iter::once(p.from).chain(p.to));
    }
    assert!(table.periods.len() >= 15);
}

#[test]
fn northern_sakhalin_was_under_japanese_occupation_from_1920_to_1925() {
    use kuril_core::geo::control::{ControlTable, Holder};
    use kuril_core::time::date::Date;
    let table = ControlTable::parse(kuril_core::data::CONTROL).unwrap();
    let g = kuril_core::geo::gazetteer::Gazetteer::parse(GAZETTEER).unwrap();
    let held = |day: &str| {
        table
            .at("sakhalin", Date::parse(day).unwrap(), &g)
            .map(|c| c.holder)
    };
    assert_eq!(held("1919-06-01"), Some(Holder::Russia));
    assert_eq!(held("1922-06-01"), Some(Holder::Japan));
    assert_eq!(held("1925-05-14"), Some(Holder::Japan));
    assert_eq!(held("1925-05-15"), Some(Holder::Russia));
}

/// Issue 15: each Kuril island changes hands on its own day in 1945, and
/// one rule holds for every place (the day Soviet forces took it, stated in
/// control.tsv's header): not the whole chain on 18 August, the day of the
/// first landing, nor southern Sakhalin on the day of Japan's surrender.
#[test]
fn each_place_changes_hands_in_1945_on_the_day_it_was_taken() {
    use kuril_core::geo::control::{ControlTable, Holder};
    use kuril_core::time::date::Date;
    let table = ControlTable::parse(kuril_core::data::CONTROL).unwrap();
    let g = Gazetteer::parse(GAZETTEER).unwrap();
    // The first day each place is held by the Soviet Union in 1945.
    let first_soviet = |place: &str| {
        let mut d = Date::ymd(1945, 8, 1).unwrap();
        while table.at(place, d, &g).map(|c| c.holder) != Some(Holder::Russia) {
            d = d.add_days(1);
            assert!(d.year == 1945, "{place} never changes hands in 1945");
        }
        d.iso()
    };
    for (place, day) in [
        ("shumshu", "1945-08-23"),
        ("paramushir", "1945-08-28"),
        ("simushir", "1945-08-28"),
        ("iturup", "1945-08-28"),
        ("urup", "1945-08-31"),
        ("kunashir", "1945-09-01"),
        ("shikotan", "1945-09-01"),
        ("habomai", "1945-09-05"),
        ("habomai_suisho", "1945-09-05"),
        ("sakhalin_south", "1945-08-25"),
    ] {
        assert_eq!(first_soviet(place), day, "{place}");
    }
    // The rule is written where the data is.
    let file =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/control.tsv")).unwrap();
    assert!(file.contains("One rule for every place in 1945"));
}

#[test]
fn lines_follow_the_reference() {
    let lines = kuril_core::geo::boundaries::parse(kuril_core::data::LINES).unwrap();
    let facts = facts();
    let reference = facts["lines"].as_array().unwrap();
    let dates = event_dates(&facts);
    for l in &lines {
        let r = reference
            .iter()
            .find(|r| r["id"].as_str() == Some(&l.id))
            .unwrap_or_else(|| panic!("{} not in the reference", l.id));
        let pts: Vec<(f64, f64)> = r["coordinates_lonlat"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap()))
            .collect();
        assert_eq!(l.points, pts, "{}", l.id);
        assert_reference_dates(&dates, &l.id, std::iter::once(l.from).chain(l.to));
    }
    assert_eq!(lines.len(), 5);
}

#[test]
fn proposals_follow_the_reference_1956_declaration() {
    let all = kuril_core::geo::proposals::parse(kuril_core::data::PROPOSALS).unwrap();
    let g = Gazetteer::parse(GAZETTEER).unwrap();
    let events = Lexicon::parse_events(EVENTS).unwrap();
    let facts = facts();
    let declaration = facts["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["date"] == "1956-10-19")
        .expect("the reference has the 1956 declaration");
    let summary = declaration["summary"].as_str().unwrap();
    assert!(!all.is_empty());
    for p in &all {
        assert!(
            events.iter().any(|e| e.id == p.event),
            "{}: no such event",
            p.event
        );
        let place = g.get(&p.place).unwrap_or_else(|| panic!("{}", p.place));
        // The reference names the islands the declaration would transfer.
        let word = place.name.english().split_whitespace().next().unwrap();
        assert!(summary.contains(word), "{word} not in: {summary}");
        assert!(summary.contains("after the conclusion of a Peace Treaty"));
        assert_eq!(p.to, kuril_core::geo::control::Holder::Japan);
    }
}

#[test]
fn context_events_follow_the_reference_and_the_lexicon() {
    let context = kuril_core::time::history::parse(kuril_core::data::CONTEXT).unwrap();
    let g = Gazetteer::parse(GAZETTEER).unwrap();
    let events = Lexicon::parse_events(EVENTS).unwrap();
    let facts = facts();
    let dates = event_dates(&facts);
    for c in &context {
        assert_reference_dates(&dates, &c.id, [c.date]);
        for p in &c.places {
            assert!(g.get(p).is_some(), "{}: unknown place {p}", c.id);
        }
        // An event the article could name has the same date in both files.
        if let Some(l) = events.iter().find(|l| l.id == c.id) {
            assert_eq!(l.date, EventDate::Fixed(c.date), "{}", c.id);
        }
    }
    // The events the timeline must show, by reference date.
    for d in [
        "1855-02-07",
        "1875-05-07",
        "1905-09-05",
        "1945-02-11",
        "1945-06-26",
        "1945-08-08",
        "1945-08-18",
        "1945-09-02",
        "1946-02-02",
        "1951-09-08",
        "1956-10-19",
        "1956-12-12",
        "1960-01-19",
        "1960-01-27",
        "1993-10-13",
        "2001-03-25",
        "2018-11-14",
        "2022-03-21",
    ] {
        assert!(
            context.iter().any(|c| c.date.iso() == d),
            "no context event on {d}"
        );
    }
}

#[test]
fn eras_turn_on_reference_dates() {
    let eras = kuril_core::time::history::parse_eras(kuril_core::data::ERAS).unwrap();
    let facts = facts();
    let dates = event_dates(&facts);
    for e in &eras {
        assert_reference_dates(&dates, &e.id, std::iter::once(e.from).chain(e.to));
    }
    // The eras the timeline must show: from Shimoda, the exchange of 1875,
    // and from the first place of the chain to change hands in 1945
    // (Shumshu, 23 August: control.tsv's rule).
    let starts: Vec<String> = eras.iter().map(|e| e.from.iso()).collect();
    assert_eq!(starts, ["1855-02-07", "1875-05-07", "1945-08-23"]);
}

/// Every place beyond the gazetteer (`data/places.tsv`) has a source, three
/// names, a point on the globe and a parent the widget's own gazetteer
/// has (so that the reader, which bundles only that one, can place it),
/// and no id of the gazetteer's.
#[test]
fn places_beyond_the_gazetteer_have_sources_names_and_known_parents() {
    let own = Gazetteer::parse(kuril_extract::GAZETTEER).unwrap();
    let (wider, beyond) =
        kuril_extract::wider_gazetteer(kuril_extract::GAZETTEER, kuril_extract::PLACES).unwrap();
    assert!(beyond.len() >= 20, "{} places", beyond.len());
    assert_eq!(wider.places.len(), own.places.len() + beyond.len());
    for p in &beyond {
        assert!(!p.source.is_empty(), "{}: no source", p.id);
        let n = &p.name;
        assert!(
            !n.english().is_empty() && !n.own(Lang::Ru).is_empty() && !n.own(Lang::Ja).is_empty(),
            "{}",
            p.id
        );
        assert!(
            p.parent.is_empty() || own.get(&p.parent).is_some(),
            "{}",
            p.id
        );
        assert!(own.get(&p.id).is_none(), "{} is in the gazetteer", p.id);
        // On the globe; within a place of the gazetteer, on the map or in
        // the locator inset (Singapore, named for a summit, is neither).
        let (lon, lat) = p.point;
        assert!(lon.abs() <= 180.0 && lat.abs() <= 90.0, "{}", p.id);
        let b = kuril_core::data::Bundle::load().unwrap();
        let shown = b.map.shows(p.point) || b.locator.shows(p.point);
        assert!(p.parent.is_empty() || shown, "{}", p.id);
        // On the disputed islands: both sides' names, as the islands.
        assert_eq!(
            own.is_within(&p.parent, "disputed"),
            !p.romaji.is_empty(),
            "{}",
            p.id
        );
    }
}
