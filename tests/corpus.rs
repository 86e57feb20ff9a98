//! The extractor's precision and recall on the test corpus (issue 17):
//! every article of `tests/articles/` and the bundled one with its expected
//! facts (`*.facts`), scored as `cargo xtask corpus` reports it. Quality,
//! not speed: deterministic, so it is asserted.

#![cfg(not(target_arch = "wasm32"))]

use kuril_extract::score::{score_corpus, Score, Scored};

fn corpus() -> Vec<Scored> {
    score_corpus(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn sum<'a>(it: impl Iterator<Item = &'a Scored>) -> (Score, usize) {
    let mut s = Score::default();
    let mut n = 0;
    for a in it {
        s.add(&a.score);
        n += 1;
    }
    (s, n)
}

#[test]
fn precision_and_recall_reach_97_percent_for_events_places_and_quotes() {
    let all = corpus();
    assert!(all.len() >= 19, "the corpus has {} articles", all.len());
    // On the part the rules were written against; the held-out part's
    // score is reported (`cargo xtask corpus`), its misses not listed here.
    let (written, _) = sum(all.iter().filter(|a| !a.held_out));
    for kind in ["event", "place", "quote", "person", "claim"] {
        let c = written.of(kind);
        assert!(
            c.precision() >= 0.97 && c.recall() >= 0.97,
            "{kind}: {c:?}; not matched: {:#?}",
            written.misses
        );
    }
}

/// The held-out part never scores below its score before the rules of
/// issue 27 (`tests/held-out/README.md`: precision 91.6%, recall 64.9%):
/// a rule that helps the articles it was written against and harms
/// articles nobody here has read fails here, without saying which.
#[test]
fn the_held_out_part_scores_no_lower_than_before_the_rules() {
    let (held, n) = sum(corpus().iter().filter(|a| a.held_out));
    assert!(n >= 12, "{n} held-out articles");
    let t = held.total();
    assert!(
        t.precision() >= 0.916 && t.recall() >= 0.649,
        "held out: precision {:.1}%, recall {:.1}%",
        100.0 * t.precision(),
        100.0 * t.recall()
    );
}

#[test]
fn russian_and_japanese_articles_reach_90_percent_each() {
    let all = corpus();
    for lang in ["ru", "ja"] {
        let (s, n) = sum(all.iter().filter(|a| a.language == lang && !a.held_out));
        assert!(n >= 4, "{n} articles in {lang}");
        let t = s.total();
        assert!(
            t.precision() >= 0.9 && t.recall() >= 0.9,
            "{lang}: {t:?}; not matched: {:#?}",
            s.misses
        );
    }
}

/// Every article matches some of its facts (a facts file for the wrong
/// text would not), and the article about another dispute yields no event
/// or position of this one.
#[test]
fn every_article_scores_alone_and_other_disputes_yield_nothing_of_ours() {
    for a in corpus() {
        if a.name.contains("other-dispute") {
            assert_eq!(a.score.of("event").right + a.score.of("event").wrong, 0);
            assert_eq!(a.score.of("claim").right + a.score.of("claim").wrong, 0);
        }
        let t = a.score.total();
        assert!(t.right > 0, "{}: nothing matched", a.name);
    }
}
