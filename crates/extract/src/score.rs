//! How well a story matches what a reader of the article would list: the
//! expected facts of a test article (`tests/articles/*.facts`), and the
//! precision and recall of the extractor against them, by kind of fact.
//!
//! A facts file has one fact a line, tab-separated, `#` for comments:
//!
//! ```text
//! event   joint-declaration-1956  1956-10-19   (id, ISO date or -)
//! place   iturup                               (gazetteer id)
//! person  sergey_lavrov   Foreign Minister     (entity id, English role or -)
//! quote   sergey_lavrov   We do not recognise  (speaker id or -, first words)
//! claim   japan-northern-territories  japan    (id, side)
//! ```
//!
//! An extracted item counts as right when a fact of its kind has the same
//! key; a quote's key is its speaker and its first words.
//!
//! What a reader of the article lists, and how it is named:
//!
//! - **events**: each event of the lexicon (`data/lexicon/events.tsv`) the
//!   article mentions, with the lexicon's date (a kind dated by the
//!   dateline, such as `interview`, with the article's; a recurring kind,
//!   such as `summit`, as `summit-DATE` at the precision written);
//!   `event news DATE` for the article's own news, the occasion it
//!   reports, dated by the article (its dateline, else its publication
//!   date, moved back to the day it names), when the lexicon has no kind
//!   dated by the dateline for it nor an event of that day or month (an
//!   undated explainer reports no news); and `event statement-DATE
//!   DATE`, one for each date the article writes in a sentence about the
//!   dispute (absolute, "in 1855", "in February 2019", «в 2014 году»,
//!   「2016年11月」, or relative to the article's date, "last year",
//!   「昨年」), at the precision written, when no event above is of that
//!   date: the article's own dated statements;
//! - **places**: gazetteer ids (`data/gazetteer.tsv`); a place it lacks by
//!   its English name, lowercased, words joined by `_` (`nemuro`,
//!   `yuzhno_kurilsk`);
//! - **people**: lexicon ids (`data/lexicon/entities.tsv`); a person it
//!   lacks by the name as the article first writes it whole, lowercased,
//!   its words joined by `_` (a space or a `・` parts words; a Japanese
//!   name written without either is one word): `hirokazu_matsuno`,
//!   `хирокадзу_мацуно`, `松野博一`, `セルゲイ_ショイグ`; the role in
//!   English where the role table (`data/lexicon/roles.tsv`, the `title`
//!   and `role` rows of `words.tsv`) has the office the article gives,
//!   else the office as the article writes it, `-` for none (the scorer
//!   reads such an office through the table as it stands, so facts
//!   written before the table gained it still score: «посол России в
//!   Японии» and 「駐日ロシア大使」 are `Ambassador` once the table has
//!   «посол» and 「大使」);
//! - **quotes**: the speaker's id (`-` when the article does not say) and
//!   the first words of the quotation as written;
//! - **claims**: the positions of `data/lexicon/claims.tsv` the article
//!   states or reports, with the side.

use kuril_core::story::{EntityKind, Story};
use thiserror::Error;

/// The kinds of fact scored, in report order.
pub const KINDS: [&str; 5] = ["event", "place", "person", "quote", "claim"];

/// A facts file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum FactsError {
    #[error("facts line {line}: unknown kind '{kind}'")]
    Kind { line: usize, kind: String },
    #[error("facts line {line}: expected {expected} fields")]
    Fields { line: usize, expected: usize },
}

/// One expected fact: its kind and key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub kind: &'static str,
    pub key: Vec<String>,
}

/// Reads a facts file.
pub fn parse_facts(src: &str) -> Result<Vec<Fact>, FactsError> {
    let mut out = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let mut fields = raw.split('\t').map(str::trim);
        let kind_text = fields.next().unwrap_or_default();
        let kind = KINDS
            .iter()
            .find(|k| **k == kind_text)
            .ok_or_else(|| FactsError::Kind {
                line,
                kind: kind_text.into(),
            })?;
        let key: Vec<String> = fields.map(String::from).collect();
        let expected = if *kind == "place" { 1 } else { 2 };
        if key.len() != expected || key.iter().any(String::is_empty) {
            return Err(FactsError::Fields { line, expected });
        }
        out.push(Fact { kind, key });
    }
    Ok(out)
}

/// Right, wrong and missed items of one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Extracted and expected.
    pub right: usize,
    /// Extracted, not expected.
    pub wrong: usize,
    /// Expected, not extracted.
    pub missed: usize,
}

impl Counts {
    /// Share of the extracted items that are right (1 when none was).
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.right + self.wrong)
    }

    /// Share of the expected items that were extracted (1 when none was).
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.right + self.missed)
    }

    pub fn add(&mut self, other: Counts) {
        self.right += other.right;
        self.wrong += other.wrong;
        self.missed += other.missed;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A kind's place in [`KINDS`].
fn index(kind: &str) -> Option<usize> {
    KINDS.iter().position(|k| *k == kind)
}

/// Counts per kind, in the order of [`KINDS`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Score {
    pub kinds: [Counts; 5],
    /// What did not match, for the report: (kind, "wrong"|"missed", key).
    pub misses: Vec<(&'static str, &'static str, String)>,
}

impl Score {
    pub fn add(&mut self, other: &Score) {
        for (a, b) in self.kinds.iter_mut().zip(other.kinds) {
            a.add(b);
        }
        self.misses.extend(other.misses.iter().cloned());
    }

    /// The counts of one kind.
    pub fn of(&self, kind: &str) -> Counts {
        index(kind).map(|i| self.kinds[i]).unwrap_or_default()
    }

    /// All kinds together.
    pub fn total(&self) -> Counts {
        let mut c = Counts::default();
        for k in self.kinds {
            c.add(k);
        }
        c
    }
}

/// The keys of what the story holds, per kind (a quote's key is its
/// speaker and its whole text; see [`same`]).
fn extracted(story: &Story) -> Vec<(&'static str, Vec<String>)> {
    let dash = || "-".to_string();
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    for e in &story.events {
        let date = e.date.map_or_else(dash, |d| d.iso());
        out.push(("event", vec![e.id.clone(), date]));
    }
    let mut places: Vec<&str> = story.mentions.iter().map(|m| m.place.as_str()).collect();
    places.sort_unstable();
    places.dedup();
    out.extend(places.into_iter().map(|p| ("place", vec![p.to_string()])));
    for e in story
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
    {
        let role = e
            .role
            .as_ref()
            .map_or_else(dash, |r| r.english().to_owned());
        out.push(("person", vec![e.id.clone(), role]));
    }
    for q in &story.quotes {
        let speaker = q.speaker.clone().unwrap_or_else(dash);
        out.push(("quote", vec![speaker, story.slice(q.span).to_string()]));
    }
    for c in &story.claims {
        out.push(("claim", vec![c.id.clone(), c.side.clone()]));
    }
    out
}

/// The story in the form of a facts file: a start for a new test
/// article's expected facts, to be read and corrected by hand (a quote
/// keeps its first five words).
pub fn facts_of(story: &Story) -> String {
    extracted(story)
        .into_iter()
        .map(|(kind, mut key)| {
            if kind == "quote" {
                key[1] = key[1]
                    .split_whitespace()
                    .take(5)
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            format!("{kind}\t{}\n", key.join("\t"))
        })
        .collect()
}

/// Whether an extracted key is the fact's: equal, or for a quote the same
/// speaker and a text that starts with the fact's first words.
fn same(kind: &str, got: &[String], fact: &[String]) -> bool {
    match kind {
        "quote" => {
            let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            got[0] == fact[0] && squash(&got[1]).starts_with(&squash(&fact[1]))
        }
        _ => got == fact,
    }
}

/// Scores a story against its expected facts. Each fact matches at most
/// one extracted item, so a fact found twice counts once right, once
/// wrong.
pub fn score(story: &Story, facts: &[Fact]) -> Score {
    let mut s = Score::default();
    let mut used = vec![false; facts.len()];
    for (kind, got) in extracted(story) {
        let i = index(kind).unwrap_or_default();
        let hit = (facts.iter().enumerate())
            .find(|(j, f)| !used[*j] && f.kind == kind && same(kind, &got, &f.key));
        match hit {
            Some((j, _)) => {
                used[j] = true;
                s.kinds[i].right += 1;
            }
            None => {
                s.kinds[i].wrong += 1;
                s.misses.push((kind, "wrong", got.join(" | ")));
            }
        }
    }
    for (f, _) in facts.iter().zip(&used).filter(|(_, u)| !**u) {
        let i = index(f.kind).unwrap_or_default();
        s.kinds[i].missed += 1;
        s.misses.push((f.kind, "missed", f.key.join(" | ")));
    }
    s
}

/// One scored article of a corpus.
#[derive(Clone, Debug)]
pub struct Scored {
    /// The file name without its extension.
    pub name: String,
    /// The article's language (metadata, else detected).
    pub language: String,
    /// Whether it is held out ([`CorpusArticle::held_out`]).
    pub held_out: bool,
    pub score: Score,
}

/// The folders of the project that hold articles with expected facts:
/// the bundled article and the test corpus.
pub const CORPUS: [&str; 3] = ["data/article", "tests/articles", HELD_OUT];

/// The held-out part of the corpus: articles written or collected after
/// the rules they test, scored once before any change for them
/// (`tests/held-out/README.md` keeps that score), and never read by the
/// author of those rules: `cargo xtask corpus` reports them apart and does
/// not list their misses.
pub const HELD_OUT: &str = "tests/held-out";

/// An article of the corpus as its files give it.
pub struct CorpusArticle {
    /// The files' common name (`NAME.txt`, `NAME.facts`, `NAME.meta`).
    pub name: String,
    /// Whether it is of the held-out part ([`HELD_OUT`]), or of a folder
    /// read from outside the project.
    pub held_out: bool,
    pub text: String,
    /// The metadata file's text (`key: value` lines), empty when there is
    /// none.
    pub meta: String,
    /// The facts file's text.
    pub facts: String,
}

/// Every article of the corpus below the project's `root`, in folder and
/// then name order: what the corpus test, the end-to-end check of the
/// studio and the bench read.
pub fn corpus_articles(root: &std::path::Path) -> Result<Vec<CorpusArticle>, String> {
    let mut out = Vec::new();
    for dir in CORPUS {
        out.extend(articles_in(&root.join(dir), dir == HELD_OUT)?);
    }
    Ok(out)
}

/// The articles of `dir` that have a facts file (`NAME.txt`, with
/// `NAME.facts` and an optional `NAME.meta`), in name order.
pub fn articles_in(dir: &std::path::Path, held_out: bool) -> Result<Vec<CorpusArticle>, String> {
    let read = |p: std::path::PathBuf| {
        std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
    };
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".facts").map(String::from))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            Ok(CorpusArticle {
                facts: read(dir.join(format!("{name}.facts")))?,
                meta: read(dir.join(format!("{name}.meta"))).unwrap_or_default(),
                text: read(dir.join(format!("{name}.txt")))?,
                held_out,
                name,
            })
        })
        .collect()
}

/// Every article of the corpus below the project's `root`, scored.
pub fn score_corpus(root: &std::path::Path) -> Result<Vec<Scored>, String> {
    score_articles(corpus_articles(root)?)
}

/// Reads the offices the facts give people through the role table as it
/// stands: an office that is no English role of the table, and is one of
/// its offices (`title` rows) or begins with one (Russian: «посол России
/// в Японии») or ends with one (Japanese: 「駐日ロシア大使」), is that
/// office's English role; the longest office found wins.
pub fn offices_as_roles(facts: &mut [Fact], lexicon: &crate::lexicon::Lexicon) {
    use crate::names::fold;
    for f in facts.iter_mut().filter(|f| f.kind == "person") {
        let office = fold(&f.key[1]);
        if f.key[1] == "-" || lexicon.roles.iter().any(|r| r.title == f.key[1]) {
            continue;
        }
        let found = (lexicon.titles.iter())
            .map(|(w, en)| (fold(w), en))
            .filter(|(w, _)| {
                office == *w
                    || office.starts_with(&format!("{w} "))
                    || (office.ends_with(w.as_str()) && w.starts_with(crate::names::is_cjk))
            })
            .max_by_key(|(w, _)| w.len());
        if let Some((_, en)) = found {
            f.key[1] = en.clone();
        }
    }
}

/// These articles, scored.
pub fn score_articles(articles: Vec<CorpusArticle>) -> Result<Vec<Scored>, String> {
    use crate::article::{Article, Meta};
    let k = crate::Knowledge::load().map_err(|e| e.to_string())?;
    (articles.into_iter())
        .map(|a| {
            let name = a.name;
            let mut facts = parse_facts(&a.facts).map_err(|e| format!("{name}.facts: {e}"))?;
            offices_as_roles(&mut facts, &k.lexicon);
            let meta = Meta::parse(&a.meta).map_err(|e| format!("{name}.meta: {e}"))?;
            let story = crate::extract(&Article::new(&a.text, meta), &k);
            Ok(Scored {
                language: story.article.language.clone().unwrap_or_default(),
                score: score(&story, &facts),
                held_out: a.held_out,
                name,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Meta};

    #[test]
    fn counts_right_wrong_and_missed_per_kind() {
        let story = crate::extract(
            &Article::new(
                "Japan calls Iturup part of its Northern Territories. “No,” said Lavrov.",
                Meta::default(),
            ),
            &crate::Knowledge::load().unwrap(),
        );
        let facts = parse_facts(
            "# a comment\nplace\titurup\nplace\tkunashir\nquote\tsergey_lavrov\tNo\nclaim\tjapan-northern-territories\tjapan\n",
        )
        .unwrap();
        let s = score(&story, &facts);
        let place = s.of("place");
        // Iturup right, Kunashir missed; Japan and the group are extracted
        // but not listed.
        assert_eq!((place.right, place.missed), (1, 1));
        assert!(place.wrong >= 2, "{:?}", s.misses);
        assert_eq!(s.of("quote").right, 1);
        assert_eq!(s.of("claim").right, 1);
        assert!((place.recall() - 0.5).abs() < 1e-9);
        assert_eq!(Counts::default().precision(), 1.0);
        // The story's own facts score it without a miss.
        let own = score(&story, &parse_facts(&facts_of(&story)).unwrap());
        assert!(own.misses.is_empty(), "{:?}", own.misses);
    }

    #[test]
    fn offices_in_facts_read_through_the_role_table() {
        let lexicon = &crate::Knowledge::load().unwrap().lexicon;
        let mut facts = parse_facts(
            "person\ta\tпосол России в Японии\nperson\tb\t駐日ロシア大使\nperson\tc\t東部軍管区司令官\nperson\td\tForeign Minister\nperson\te\tпосольство\n",
        )
        .unwrap();
        offices_as_roles(&mut facts, lexicon);
        let roles: Vec<&str> = facts.iter().map(|f| f.key[1].as_str()).collect();
        assert_eq!(
            roles,
            [
                "Ambassador",
                "Ambassador",
                "東部軍管区司令官",
                "Foreign Minister",
                "посольство"
            ]
        );
    }

    #[test]
    fn refuses_unknown_kinds_and_short_lines() {
        assert_eq!(
            parse_facts("date\t1956"),
            Err(FactsError::Kind {
                line: 1,
                kind: "date".into()
            })
        );
        assert_eq!(
            parse_facts("\nevent\tx"),
            Err(FactsError::Fields {
                line: 2,
                expected: 2
            })
        );
    }
}
