//! Extraction from the real article: a golden file pins the whole story
//! (`tests/golden/tass-989536.story.json`; regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test article` and review the diff), and the
//! tests below check what matters in it by hand. Also the map asset's
//! features, on the bundled data.

#![cfg(not(target_arch = "wasm32"))]

use kuril_core::data::Bundle;
use kuril_core::geo::map::{in_ring, rings};
use kuril_core::i18n::Lang;
use kuril_core::story::EntityKind;
use kuril_core::story::{Story, Warning, YearSource};
use std::collections::BTreeSet;

fn bundle() -> Bundle {
    Bundle::load().expect("bundled data loads")
}

#[test]
fn golden_story() {
    let story = bundle().story;
    let json = serde_json::to_string_pretty(&story).unwrap() + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/tass-989536.story.json"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &json).unwrap();
    }
    let golden =
        std::fs::read_to_string(path).expect("golden file exists (UPDATE_GOLDEN=1 writes it)");
    assert!(
        golden == json,
        "the story differs from {path}; review and regenerate with UPDATE_GOLDEN=1"
    );
    // The JSON reads back into the same story.
    let back: Story = serde_json::from_str(&golden).unwrap();
    assert_eq!(back, story);
}

#[test]
fn events_in_date_order_with_their_sentences() {
    let b = bundle();
    let s = &b.story;
    let ids: Vec<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "un-charter-1945",
            "world-war-ii",
            "joint-declaration-1956",
            "us-japan-security-treaty-1960",
            "interview",
            "peace-treaty"
        ]
    );
    assert_eq!(s.dated_count(), 5);
    for e in &s.events {
        assert!(!e.evidence.is_empty(), "{} has no sentence", e.id);
        // One passage to mark in each sentence, inside it.
        assert_eq!(e.passages.len(), e.evidence.len(), "{}", e.id);
        for (sentence, passage) in e.evidence.iter().zip(&e.passages) {
            assert!(sentence.contains(*passage), "{}", e.id);
        }
        for t in s.evidence_text(e) {
            assert!(!t.is_empty() && s.text.contains(t));
        }
    }
    let decl = &s.events[2];
    let quotes = s.evidence_text(decl);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert!(
        quotes[0].starts_with("\"We would like to sign a peace treaty, as was agreed back in 1956")
    );
    assert!(quotes[1].contains("committed to the 1956 declaration"));
    assert_eq!(s.slice(decl.passages[1]), "declaration");
    assert_eq!(decl.places, ["habomai", "shikotan"]);
    assert!(s.evidence_text(&s.events[3])[0].contains("signed with Japan in 1960"));
    let peace = &s.events[5];
    assert!(peace.date.is_none() && peace.title.english().contains("not signed"));
    let said = s.evidence_text(peace);
    assert!(
        said[0].starts_with("Understanding of Japan"),
        "the headline comes first: {said:?}"
    );
    assert!(said[1].starts_with("It is next to impossible to discuss issues of a peace treaty"));
}

#[test]
fn dates_the_interview_and_names_the_speaker() {
    let b = bundle();
    let s = &b.story;
    let i = s.events.iter().find(|e| e.id == "interview").unwrap();
    assert_eq!(i.date.unwrap().iso(), "2018-02-11");
    assert_eq!(
        i.title.english(),
        "Interview with Russian Foreign Minister Sergey Lavrov, reported by TASS"
    );
    // In Russian and Japanese, the lexicon's names and office for the day.
    assert_eq!(
        i.title.own(Lang::Ru),
        "Интервью: Сергей Лавров, министр иностранных дел России (источник: ТАСС)"
    );
    assert_eq!(
        i.title.own(Lang::Ja),
        "ロシア外相のセルゲイ・ラブロフ氏へのインタビュー（タス通信の報道）"
    );
    // How the date was found, in three languages; the article's words
    // ("on Sunday") quoted as published.
    let note = i.date_note.as_ref().unwrap();
    assert_eq!(
        note.english(),
        "the dateline (11 February); \"on Sunday\" is the same day"
    );
    assert_eq!(
        note.own(Lang::Ru),
        "дата в начале статьи (11 февраля); «on Sunday» — тот же день"
    );
    assert_eq!(
        note.own(Lang::Ja),
        "記事冒頭の日付（2月11日）。本文の「on Sunday」は同日"
    );
    assert!(s.evidence_text(i)[0].starts_with("It is next to impossible"));
    assert_eq!(i.places, ["moscow", "tokyo", "disputed"]);
    let dl = s.article.dateline.as_ref().unwrap();
    assert_eq!(
        (dl.place_text.as_str(), dl.place.as_deref()),
        ("MOSXOW", Some("moscow"))
    );
    assert_eq!(dl.year_source, YearSource::Metadata);
    assert_eq!(s.slice(dl.span), "MOSXOW, February 11. /TASS/.");
}

#[test]
fn people_media_organisations_and_states() {
    let s = bundle().story;
    let get = |id: &str| s.entity(id).unwrap_or_else(|| panic!("no entity {id}"));
    let lavrov = get("sergey_lavrov");
    assert_eq!(
        (lavrov.kind, lavrov.role.as_ref().map(|r| r.english())),
        (EntityKind::Person, Some("Foreign Minister"))
    );
    assert!(lavrov
        .mentions
        .iter()
        .all(|m| s.slice(*m).ends_with("Lavrov")));
    assert_eq!(
        get("nailya_asker_zade")
            .role
            .as_ref()
            .map(|r| r.own(Lang::Ru)),
        Some("телеведущая")
    );
    assert_eq!(get("tass").kind, EntityKind::Media);
    assert_eq!(get("rossiya_1").kind, EntityKind::Media);
    let programme = get("deistvuyushchiye_litsa");
    assert_eq!(programme.kind, EntityKind::Programme);
    assert_eq!(
        s.slice(programme.mentions[0]),
        "Deistvuyushchiye Litsva",
        "the typo resolves"
    );
    for state in ["japan", "united_states", "soviet_union", "russia"] {
        assert_eq!(get(state).kind, EntityKind::State);
    }
    assert_eq!(get("united_nations").kind, EntityKind::Organisation);
    let corrected: Vec<&str> = s
        .warnings
        .iter()
        .filter_map(|w| match w {
            Warning::Corrected { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(corrected, ["MOSXOW", "Deistvuyushchiye Litsva"]);
    assert_eq!(s.warnings.len(), 2, "{:?}", s.warnings);
}

#[test]
fn places_however_named() {
    let s = bundle().story;
    let named: Vec<(String, &str)> = s
        .mentions
        .iter()
        .map(|m| (m.place.clone(), s.slice(m.span)))
        .collect();
    for (place, text) in [
        ("moscow", "MOSXOW"),
        ("moscow", "Moscow"),
        ("tokyo", "Tokyo"),
        ("disputed", "four islands"),
        ("disputed", "Northern territories"),
        ("disputed", "Southern Kuril Island"),
    ] {
        assert!(
            named.contains(&(place.to_string(), text)),
            "{text} as {place} missing"
        );
    }
}

#[test]
fn every_quote_has_its_speaker() {
    let s = bundle().story;
    assert_eq!(s.quotes.len(), 10);
    assert!(s
        .quotes
        .iter()
        .all(|q| q.speaker.as_deref() == Some("sergey_lavrov")));
    let attributions: Vec<&str> = s
        .quotes
        .iter()
        .filter_map(|q| q.attribution)
        .map(|a| s.slice(a))
        .collect();
    assert_eq!(
        attributions,
        [
            "he said",
            "he said",
            "the minister recalled",
            "Lavrov noted",
            "he said",
            "Lavrov emphasized"
        ]
    );
    assert!(s.slice(s.quotes[1].span).starts_with("We are convinced"));
    assert!(
        s.slice(s.quotes[1].span)
            .contains("\"Northern territories,\""),
        "the nested term stays inside"
    );
    assert!(s.slice(s.quotes[9].span).ends_with("on that matter,"));
}

#[test]
fn each_sides_positions() {
    let s = bundle().story;
    let sides: Vec<(&str, &str)> = s
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.side.as_str()))
        .collect();
    for want in [
        ("japan-northern-territories", "japan"),
        ("russia-southern-kurils", "russia"),
        ("russia-wwii-inviolable", "russia"),
        ("japan-outcome-unfair", "japan"),
    ] {
        assert!(sides.contains(&want), "{want:?} missing from {sides:?}");
    }
    let unfair = s
        .claims
        .iter()
        .find(|c| c.id == "japan-outcome-unfair")
        .unwrap();
    assert_eq!(
        unfair.reported_by.as_deref(),
        Some("sergey_lavrov"),
        "Japan's view, as Lavrov reports it"
    );
    assert!(s
        .slice(*unfair.evidence.last().unwrap())
        .contains("it was unfair"));
    // Lavrov's sentence on the UN Charter ("inviolable and cannot be
    // revised") is evidence for the results of the war, though it does not
    // name the war.
    let inviolable = s
        .claims
        .iter()
        .find(|c| c.id == "russia-wwii-inviolable")
        .unwrap();
    assert!(
        inviolable.evidence.iter().any(|e| s
            .slice(*e)
            .contains("according to the United Nations Charter")),
        "{:?}",
        inviolable.evidence
    );
}

#[test]
fn every_mapped_gazetteer_point_has_its_own_feature() {
    let b = bundle();
    let ids: BTreeSet<&str> = b.map.features.iter().map(|f| f.id.as_str()).collect();
    for id in [
        "iturup",
        "kunashir",
        "shikotan",
        "hokkaido",
        "sakhalin",
        "sakhalin_south",
        "kamchatka",
        "urup",
    ] {
        assert!(ids.contains(id), "no map feature for {id}");
    }
    let islets = ids
        .iter()
        .filter(|id| b.gazetteer.is_within(id, "habomai"))
        .count();
    assert!(islets >= 5, "only {islets} Habomai islets drawn");
    // Each gazetteer point lies inside its own feature (or, for an islet
    // named by proximity, within 3 km of it); only the two islets the
    // source data lacks have no feature.
    let mut missing = Vec::new();
    for place in &b.gazetteer.places {
        let Some(point) = place.point else { continue };
        if matches!(place.kind.as_str(), "group" | "city" | "country") {
            continue;
        }
        let Some(feature) = b.map.features.iter().find(|f| f.id == place.id) else {
            missing.push(place.id.as_str());
            continue;
        };
        let p = b.map.to_svg(point);
        let r = rings(&feature.path);
        let inside = r.iter().any(|ring| in_ring(ring, p));
        let near_km = r
            .iter()
            .flatten()
            .map(|v| (v.0 - p.0).hypot(v.1 - p.1))
            .fold(f64::INFINITY, f64::min)
            / b.map.frame.units_per_m
            / 1000.0;
        assert!(
            inside || near_km <= 3.0,
            "{} is {near_km:.1} km from its feature",
            place.id
        );
        // And in no other named feature.
        for other in b
            .map
            .features
            .iter()
            .filter(|f| f.id != place.id && f.id != "land")
        {
            assert!(
                !rings(&other.path).iter().any(|ring| in_ring(ring, p)),
                "{} falls in {}",
                place.id,
                other.id
            );
        }
    }
    assert_eq!(missing, ["habomai_kaigara"], "features missing");
}

#[test]
fn the_map_frame_covers_the_region() {
    let b = bundle();
    let f = b.map.frame;
    for lon_lat in [
        (139.0, 41.0),
        (157.5, 41.0),
        (139.0, 51.5),
        (157.5, 51.5),
        (148.0, 46.0),
    ] {
        let (x, y) = b.map.to_svg(lon_lat);
        assert!(
            (-1.0..=f.width + 1.0).contains(&x) && (-1.0..=f.height + 1.0).contains(&y),
            "{lon_lat:?} at {x},{y}"
        );
    }
}
