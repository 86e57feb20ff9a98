//! The project's own words, checked for neutrality and for the forms a
//! native editor's review found wrong: one side's terms only where the text
//! says whose they are, the Japanese title without placing the four islands
//! in 千島列島, the Russian legend about control rather than ownership, and
//! a Japanese name of its own for every place.

use kuril_core::data::{CONTEXT, ERAS, GAZETTEER, LINES, UI};
use kuril_core::gazetteer::Gazetteer;
use kuril_core::text::tsv;

/// Words that are one side's framing of what happened in 1945–46.
const FRAMING: &[&str] = &["occup", "annex", "liberat", "illegal", "unlawful"];
/// A sentence that gives a framing names a side and says it is theirs.
const SIDES: &[&str] = &["japan", "russia", "moscow", "tokyo"];
const ATTRIBUTION: &[&str] = &[
    " calls",
    " call ",
    "describes",
    "recognise",
    "recognize",
    " says",
    " consider",
    "regards",
    " claims",
];

/// The given columns of every row of a data file.
fn column(file: &str, names: &[&str]) -> Vec<String> {
    let (header, rows) = tsv(file);
    let header = header.expect("a header");
    let at: Vec<usize> = names
        .iter()
        .map(|n| header.fields.iter().position(|f| f == n).expect(n))
        .collect();
    rows.iter()
        .flat_map(|r| {
            at.iter()
                .filter_map(|&i| r.fields.get(i).map(|f| f.to_string()))
        })
        .collect()
}

#[test]
fn one_sides_terms_appear_only_where_the_text_says_whose_they_are() {
    let texts = [
        column(CONTEXT, &["title", "summary"]),
        column(ERAS, &["label"]),
        column(LINES, &["label"]),
        column(kuril_extract::EVENTS, &["title"]),
    ]
    .concat();
    assert!(texts.len() > 40, "{} texts", texts.len());
    let mut ours = Vec::new();
    for text in &texts {
        for sentence in text.split(". ").chain(text.split("; ")) {
            let s = sentence.to_lowercase();
            let framed = FRAMING.iter().any(|w| s.contains(w));
            let attributed =
                SIDES.iter().any(|w| s.contains(w)) && ATTRIBUTION.iter().any(|w| s.contains(w));
            if framed && !attributed {
                ours.push(sentence.to_string());
            }
        }
    }
    assert!(ours.is_empty(), "in our own voice: {ours:#?}");
}

/// The interface string `key` in the language column `lang`.
fn ui(key: &str, lang: &str) -> String {
    let (header, rows) = tsv(UI);
    let col = header
        .expect("a header")
        .fields
        .iter()
        .position(|f| *f == lang)
        .expect("a language column");
    rows.iter()
        .find(|r| r.fields.first() == Some(&key))
        .and_then(|r| r.fields.get(col))
        .unwrap_or_else(|| panic!("{key} has no {lang}"))
        .to_string()
}

#[test]
fn the_japanese_title_names_both_sides_terms_and_not_the_chishima_islands() {
    for key in ["title", "widget", "sr-summary"] {
        let ja = ui(key, "ja");
        // 千島列島 is the chain as Russia counts it (the four islands in it);
        // Japan's own term for them is 北方領土, Russia's 南クリル.
        assert!(!ja.contains("千島列島"), "{key}: {ja}");
        assert!(
            ja.contains("北方領土") && ja.contains("南クリル"),
            "{key}: {ja}"
        );
    }
}

#[test]
fn the_russian_interface_speaks_of_control_and_agrees_with_any_place() {
    for key in ["held-on", "held-in"] {
        let ru = ui(key, "ru");
        // «владел» is ownership; the legend shows who controlled the land.
        assert!(
            ru.contains("контрол") && !ru.contains("владел"),
            "{key}: {ru}"
        );
    }
    // «Притязания» reads as pejorative.
    assert!(!ui("claimed-japan", "ru").contains("Притязан"));
    // A pronoun for the place («его») is wrong for a feminine or plural
    // place (Итуруп, but also «острова Хабомаи»).
    let about = ui("events-about", "ru");
    assert!(
        !about
            .split_whitespace()
            .any(|w| ["его", "её", "их"].contains(&w)),
        "{about}"
    );
    // Joint possession (Sakhalin, 1855–1875) is a noun phrase, not an adverb.
    assert!(!ui("holder-shared", "ru").starts_with("Совместно "));
    // "0" resets the view: the verb needs its object, or no verb.
    assert!(!ui("map-keys", "ru").contains("0 возвращает;"));
    // "Date from …" names where the date comes from.
    assert!(!ui("date-from", "ru").starts_with("Дата:"));
}

#[test]
fn a_place_called_the_northernmost_is_the_northernmost_in_the_gazetteer() {
    let g = Gazetteer::parse(GAZETTEER).unwrap();
    let lat = |id: &str| {
        g.get(id)
            .and_then(|p| p.point)
            .map_or(f64::MIN, |(_, lat)| lat)
    };
    let north = g
        .places
        .iter()
        .filter(|p| p.kind == "island" && g.is_within(&p.id, "kurils"))
        .max_by(|a, b| lat(&a.id).total_cmp(&lat(&b.id)))
        .map(|p| p.id.clone())
        .expect("islands of the chain");
    for row in column(CONTEXT, &["summary", "places"]).chunks(2) {
        let (summary, places) = (&row[0], &row[1]);
        if summary.contains("the northernmost island") {
            let first = places.split(';').next().unwrap_or("").trim();
            assert_eq!(first, north, "{summary}");
        }
    }
}

#[test]
fn every_place_has_a_name_of_its_own_in_each_language() {
    let g = Gazetteer::parse(GAZETTEER).unwrap();
    for (i, a) in g.places.iter().enumerate() {
        for b in &g.places[i + 1..] {
            for (x, y) in [(&a.name_ja, &b.name_ja), (&a.name_ru, &b.name_ru)] {
                assert!(x != y || x.is_empty(), "{} and {} share {x}", a.id, b.id);
            }
        }
    }
}
