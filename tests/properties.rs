//! Property tests of the extractor: on any text, on Russian and Japanese
//! pieces (quote marks, datelines, dates, inflected names) put together at
//! random, and on the real article and a Russian and a Japanese one cut and
//! spliced at random, it returns a story (never a panic) whose spans
//! all lie inside the text, whose events are in order, and whose quotes and
//! mentions point at what they claim.

#![cfg(not(target_arch = "wasm32"))]

use kuril_core::story::{Story, Warning};
use kuril_core::text::Span;
use kuril_core::time::date::Date;
use kuril_extract::article::{Article, Meta};
use kuril_extract::extract;
use kuril_extract::{Knowledge, ARTICLE};
use proptest::prelude::*;
use std::sync::OnceLock;

/// A Russian and a Japanese test article.
const RUSSIAN: &str = include_str!("articles/tass-ru-lavrov.txt");
const JAPANESE: &str = include_str!("articles/kyodo-ja-suspend.txt");

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::load().unwrap())
}

fn run(text: &str, published: Option<Date>) -> Story {
    let k = knowledge();
    extract(
        &Article::new(
            text,
            Meta {
                published,
                ..Meta::default()
            },
        ),
        k,
    )
}

/// `article` with the characters between offsets `a` and `b` (either
/// order, clamped to its length) replaced by `insert`.
fn splice(article: &str, a: usize, b: usize, insert: &str) -> String {
    let chars: Vec<char> = article.chars().collect();
    let (a, b) = (a.min(chars.len()), b.min(chars.len()));
    let (lo, hi) = (a.min(b), a.max(b));
    chars[..lo]
        .iter()
        .copied()
        .chain(insert.chars())
        .chain(chars[hi..].iter().copied())
        .collect()
}

fn check(story: &Story) {
    let chars = story.text.chars().count();
    let fits = |s: &Span| s.start <= s.end && s.end <= chars;
    let mut spans: Vec<Span> = Vec::new();
    spans.extend(story.mentions.iter().map(|m| m.span));
    spans.extend(
        story
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().copied()),
    );
    spans.extend(story.events.iter().flat_map(|e| e.evidence.iter().copied()));
    spans.extend(
        story
            .quotes
            .iter()
            .flat_map(|q| std::iter::once(q.span).chain(q.attribution)),
    );
    spans.extend(story.claims.iter().flat_map(|c| c.evidence.iter().copied()));
    spans.extend(story.article.dateline.iter().map(|d| d.span));
    for s in &spans {
        assert!(fits(s), "span {s:?} outside a text of {chars} characters");
    }
    for m in &story.mentions {
        assert!(!story.slice(m.span).is_empty());
    }
    for w in &story.warnings {
        if let Warning::Corrected { text, span, .. } = w {
            assert_eq!(story.slice(*span), text);
        }
    }
    // Dated events first, in date order.
    let dated = story.dated_count();
    assert!(story.events[dated..].iter().all(|e| e.date.is_none()));
    let years: Vec<f64> = story.events[..dated]
        .iter()
        .map(|e| e.date.unwrap().as_year_fraction())
        .collect();
    assert!(years.windows(2).all(|w| w[0] <= w[1]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_gives_a_sound_story(text in "\\PC{0,400}") {
        check(&run(&text, None));
    }

    #[test]
    fn quote_heavy_text_gives_a_sound_story(parts in proptest::collection::vec(
        prop_oneof![
            Just("\"".to_string()), Just("“".to_string()), Just("”".to_string()), Just("\n\n".to_string()),
            Just(" he said. ".to_string()), Just("Lavrov noted".to_string()), Just("MOSCOW, February 11. /TASS/. ".to_string()),
            Just("on Sunday ".to_string()), Just("1956 declaration".to_string()), Just("Itúrup ".to_string()),
            "[a-zA-Z ,.]{0,12}",
        ], 0..40)) {
        check(&run(&parts.concat(), Some(Date::parse("2018-02-11").unwrap())));
    }

    #[test]
    fn russian_and_japanese_text_gives_a_sound_story(parts in proptest::collection::vec(
        prop_oneof![
            Just("«".to_string()), Just("»".to_string()), Just("「".to_string()), Just("」".to_string()),
            Just("。".to_string()), Just("\n\n".to_string()), Just(", — заявил Лавров. ".to_string()),
            Just("と述べた。".to_string()), Just("МОСКВА, 11 февраля. /ТАСС/. ".to_string()),
            Just("МОСКВА, 21 мар — РИА Новости. ".to_string()), Just("【モスクワ共同】".to_string()),
            Just("21日".to_string()), Just("19 октября 1956 года".to_string()), Just("1956年10月19日".to_string()),
            Just("昨年".to_string()), Just("Итурупе ".to_string()), Just("択捉島".to_string()),
            Just("министр иностранных дел России Сергей Лавров ".to_string()), Just("ラブロフ外相は".to_string()),
            Just("Южные Курилы ".to_string()), Just("北方領土".to_string()),
            "[а-яА-ЯёЁ ,.]{0,12}", "[ぁ-んァ-ン一-龥、]{0,8}",
        ], 0..40)) {
        check(&run(&parts.concat(), Some(Date::parse("2022-03-22").unwrap())));
        check(&run(&parts.concat(), None));
    }

    #[test]
    fn the_russian_and_japanese_articles_cut_anywhere_give_a_sound_story(
        which in 0usize..2, a in 0usize..1200, b in 0usize..1200, insert in "\\PC{0,8}",
    ) {
        let article = [RUSSIAN, JAPANESE][which];
        let text = splice(article, a, b, &insert);
        check(&run(&text, Some(Date::parse("2022-03-22").unwrap())));
    }

    /// The studio's draft: any edits, undone and redone in any order, give
    /// a sound story that the story-file reader takes back unchanged.
    #[test]
    fn any_edits_of_a_draft_give_a_sound_story(ops in proptest::collection::vec((0u8..7, 0usize..40, 0usize..40), 0..30)) {
        use kuril_extract::studio::{Draft, Edit, Item};
        let mut d = Draft::new(kuril_extract::bundled_story().unwrap());
        let people: Vec<String> = d.extracted().entities.iter().map(|e| e.id.clone()).collect();
        for (op, a, b) in ops {
            let item = [Item::Event(a), Item::Place(a), Item::Person(a), Item::Quote(a), Item::Claim(a), Item::Warning(a)][b % 6];
            // Edits the draft refuses (no such item) are part of the test:
            // whether each was taken does not matter here.
            let _taken = match op {
                0 => d.apply(Edit::Reject(item)).is_ok(),
                1 => d.apply(Edit::Restore(item)).is_ok(),
                2 => d
                    .apply(Edit::SetDate {
                        event: a,
                        date: Date::ymd(1850 + b as i32 * 4, 1 + (b % 12) as u8, 1).ok(),
                    })
                    .is_ok(),
                3 => d
                    .apply(Edit::SetSpeaker {
                        quote: a,
                        speaker: people.get(b).cloned(),
                    })
                    .is_ok(),
                4 => d.undo(),
                5 => d.redo(),
                _ => d.apply(Edit::SetDate { event: a, date: None }).is_ok(),
            };
        }
        let story = d.story();
        check(&story);
        let packed = kuril_extract::newsroom::read(kuril_extract::newsroom::Kind::Story, d.export().as_bytes()).unwrap();
        prop_assert_eq!(kuril_core::story::pack::decode(&packed).unwrap(), story);
    }

    #[test]
    fn the_article_cut_anywhere_gives_a_sound_story(a in 0usize..6000, b in 0usize..6000, insert in "\\PC{0,8}") {
        let text = splice(ARTICLE, a, b, &insert);
        check(&run(&text, Some(Date::parse("2018-02-11").unwrap())));
    }
}

#[test]
fn the_real_article_is_sound() {
    check(&run(ARTICLE, Some(Date::parse("2018-02-11").unwrap())));
    check(&run(ARTICLE, None));
}
