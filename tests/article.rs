//! Extraction from the real article, and the map asset's features, checked
//! end to end on the bundled data.

#![cfg(not(target_arch = "wasm32"))]

use kuril_widget::data::Bundle;
use kuril_widget::date::Date;
use std::collections::BTreeSet;

fn bundle() -> Bundle {
    Bundle::load().expect("bundled data loads")
}

#[test]
fn finds_the_articles_events_in_date_order_with_their_sentences() {
    let b = bundle();
    let ids: Vec<&str> = b.story.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "un-charter-1945",
            "world-war-ii-end-1945",
            "joint-declaration-1956",
            "us-japan-security-treaty-1960",
            "interview"
        ]
    );
    let dates: Vec<Date> = b.story.events.iter().map(|e| e.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    for e in &b.story.events {
        assert!(!e.evidence.is_empty(), "{} has no sentence", e.id);
        for s in b.story.evidence_text(e) {
            assert!(b.story.text.contains(s) && !s.is_empty());
        }
    }
    let decl = &b.story.events[2];
    let quotes = b.story.evidence_text(decl);
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert!(
        quotes[0].starts_with("\"We would like to sign a peace treaty, as was agreed back in 1956")
    );
    assert!(quotes[1].contains("committed to the 1956 declaration"));
    assert_eq!(decl.places, ["shikotan", "habomai"]);
    let treaty = &b.story.events[3];
    assert!(b.story.evidence_text(treaty)[0].contains("signed with Japan in 1960"));
    assert!(b.story.warnings.is_empty(), "{:?}", b.story.warnings);
}

#[test]
fn dates_the_interview_and_names_the_speaker() {
    let b = bundle();
    let i = b.story.events.iter().find(|e| e.id == "interview").unwrap();
    assert_eq!(i.date.iso(), "2018-02-11");
    assert_eq!(
        i.title,
        "Interview with Russian Foreign Minister Sergey Lavrov, reported by TASS"
    );
    assert!(b.story.evidence_text(i)[0].starts_with("It is next to impossible"));
    // The places the article names; states it names as actors are mentions
    // but not places the interview concerns.
    assert_eq!(i.places, ["moscow", "tokyo", "disputed"]);
    let mentioned: std::collections::BTreeSet<&str> =
        b.story.mentions.iter().map(|m| m.place.as_str()).collect();
    for p in [
        "disputed",
        "moscow",
        "tokyo",
        "japan",
        "united_states",
        "soviet_union",
        "russia",
    ] {
        assert!(mentioned.contains(p), "{p} missing from {mentioned:?}");
    }
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
    // Each feature's first point lies near its gazetteer point (same island).
    for f in &b.map.features {
        let Some(place) = b.gazetteer.get(&f.id) else {
            assert_eq!(f.id, "land");
            continue;
        };
        let (px, py) = b.map.to_svg(place.point.unwrap());
        let mut nums = f.path[1..]
            .split(|c: char| !c.is_ascii_digit() && c != '-')
            .filter(|s| !s.is_empty());
        let x: f64 = nums.next().unwrap().parse().unwrap();
        let y: f64 = nums.next().unwrap().parse().unwrap();
        let km = ((x - px).hypot(y - py)) / b.map.frame.units_per_m / 1000.0;
        let limit = if matches!(f.id.as_str(), "hokkaido" | "sakhalin" | "kamchatka") {
            600.0
        } else {
            150.0
        };
        assert!(km < limit, "{} starts {km:.0} km from its point", f.id);
    }
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
