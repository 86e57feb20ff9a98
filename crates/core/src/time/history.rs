//! The timeline's events: the article's own (from the [`Story`]) and the
//! context events of `data/context.tsv`, merged into one list in date
//! order. An event the article mentions and its context row are one entry:
//! it keeps the article's sentences and gains the context's summary and
//! source.

use crate::i18n::Texts;
use crate::story::Story;
use crate::text::{self, FileTableError};
use crate::time::date::{Date, DateError};
use thiserror::Error;

/// A context event as the data file gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextEvent {
    pub id: String,
    pub date: Date,
    pub title: Texts,
    /// Empty when the title says it all.
    pub summary: Texts,
    /// Gazetteer ids.
    pub places: Vec<String>,
    pub source: Texts,
}

/// Why the context or eras file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum ContextError {
    #[error(transparent)]
    Table(#[from] FileTableError),
    #[error("{file} line {line}: {source}")]
    Date {
        file: &'static str,
        line: usize,
        source: DateError,
    },
    #[error("{file} line {line}: no field may be empty but the summary, places and end")]
    Empty { file: &'static str, line: usize },
    #[error("{file} line {line}: the id '{id}' is used twice")]
    Duplicate {
        file: &'static str,
        line: usize,
        id: String,
    },
}

/// A date field of `file`.
fn date(file: &'static str, line: usize, s: &str) -> Result<Date, ContextError> {
    Date::parse(s).map_err(|source| ContextError::Date { file, line, source })
}

/// Parses the context file.
pub fn parse(src: &str) -> Result<Vec<ContextEvent>, ContextError> {
    const FILE: &str = "context.tsv";
    let header = ["id", "date", "places"];
    let rows = Texts::table(FILE, src, header, ["title", "summary", "source"])?;
    let mut out: Vec<ContextEvent> = Vec::with_capacity(rows.len());
    for (line, [id, day, places], [title, summary, source]) in rows {
        let empty = ContextError::Empty { file: FILE, line };
        let (Some(title), Some(source)) = (title.with_english(), source.with_english()) else {
            return Err(empty);
        };
        if id.is_empty() {
            return Err(empty);
        }
        if out.iter().any(|e| e.id == id) {
            return Err(ContextError::Duplicate {
                file: FILE,
                line,
                id: id.into(),
            });
        }
        out.push(ContextEvent {
            id: id.into(),
            date: date(FILE, line, day)?,
            title,
            summary,
            places: text::list(places),
            source,
        });
    }
    Ok(out)
}

/// An era of the dispute, drawn as a band behind the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    pub id: String,
    pub from: Date,
    /// Exclusive; `None` for the present era.
    pub to: Option<Date>,
    pub label: Texts,
}

/// Parses the eras file: one era a row, in order, none overlapping.
pub fn parse_eras(src: &str) -> Result<Vec<Era>, ContextError> {
    const FILE: &str = "eras.tsv";
    let mut out: Vec<Era> = Vec::new();
    let header = ["id", "from", "to"];
    for (line, [id, from, to], [label]) in Texts::table(FILE, src, header, ["label"])? {
        let label = label.with_english();
        let (Some(label), false, false) = (label, id.is_empty(), from.is_empty()) else {
            return Err(ContextError::Empty { file: FILE, line });
        };
        let era = Era {
            id: id.into(),
            from: date(FILE, line, from)?,
            to: (!to.is_empty()).then(|| date(FILE, line, to)).transpose()?,
            label,
        };
        // Each era begins where (or after) the one before it ends.
        if out
            .last()
            .is_some_and(|p| p.to.is_none_or(|end| era.from < end) || p.id == era.id)
        {
            return Err(ContextError::Duplicate {
                file: FILE,
                line,
                id: era.id,
            });
        }
        out.push(era);
    }
    Ok(out)
}

/// One event on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub date: Date,
    /// For an era (the Second World War), when it began.
    pub start: Option<Date>,
    pub title: Texts,
    /// The context's summary (empty for an event only the article has).
    pub summary: Texts,
    pub places: Vec<String>,
    /// Index of the event in [`Story::events`] when the article mentions
    /// it: "in this article", with its sentences.
    pub article: Option<usize>,
    /// The context's source, if the event has a context row.
    pub source: Option<Texts>,
}

/// The article's dated events and the context events, merged by id and in
/// date order (ties keep the context file's order, then the article's).
/// The article's title wins for events it mentions; the places are the
/// union of both.
pub fn merge(story: &Story, context: &[ContextEvent]) -> Vec<Entry> {
    let mut out: Vec<Entry> = context
        .iter()
        .map(|c| Entry {
            id: c.id.clone(),
            date: c.date,
            start: None,
            title: c.title.clone(),
            summary: c.summary.clone(),
            places: c.places.clone(),
            article: None,
            source: Some(c.source.clone()),
        })
        .collect();
    // An article event is looked up among the context's entries only (a
    // fixed file of a few dozen), not among the article events added: the
    // merge stays linear in the story's events.
    let known = out.len();
    for (i, e) in story.events.iter().enumerate() {
        let Some(date) = e.date else { continue };
        match out[..known].iter_mut().find(|x| x.id == e.id) {
            Some(x) => {
                x.article = Some(i);
                x.title = e.title.clone();
                x.start = e.start;
                for p in &e.places {
                    if !x.places.contains(p) {
                        x.places.push(p.clone());
                    }
                }
            }
            None => out.push(Entry {
                id: e.id.clone(),
                date,
                start: e.start,
                title: e.title.clone(),
                summary: Texts::default(),
                places: e.places.clone(),
                article: Some(i),
                source: None,
            }),
        }
    }
    // A stable sort keeps the order of events on the same day.
    out.sort_by_key(|e| e.date);
    out
}

/// The indices of the entries that concern `place`: those naming it, a
/// place inside it (an islet of the Habomai group) or a group it belongs to
/// (the four disputed islands, for Kunashir).
pub fn concerning(
    timeline: &[Entry],
    place: &str,
    gazetteer: &crate::geo::gazetteer::Gazetteer,
) -> Vec<usize> {
    timeline
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.places
                .iter()
                .any(|p| gazetteer.is_within(place, p) || gazetteer.is_within(p, place))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Bundle, CONTEXT};

    #[test]
    fn article_and_context_events_merge_without_duplicates() {
        let b = Bundle::load().unwrap();
        let context = parse(CONTEXT).unwrap();
        let all = merge(&b.story, &context);
        // Every id once.
        for e in &all {
            assert_eq!(all.iter().filter(|x| x.id == e.id).count(), 1, "{}", e.id);
        }
        // Every dated article event is in, marked as in the article.
        for (i, e) in b.story.events.iter().enumerate() {
            if e.date.is_some() {
                let x = all.iter().find(|x| x.id == e.id).unwrap();
                assert_eq!(x.article, Some(i), "{}", e.id);
            }
        }
        // The declaration is both: the article's sentences and a source.
        let d = all
            .iter()
            .find(|x| x.id == "joint-declaration-1956")
            .unwrap();
        assert!(d.article.is_some() && d.source.is_some() && !d.summary.english().is_empty());
        // Context only, and article only.
        let s = all.iter().find(|x| x.id == "singapore-2018").unwrap();
        assert!(s.article.is_none() && s.source.is_some());
        let i = all.iter().find(|x| x.id == "interview").unwrap();
        assert!(i.article.is_some() && i.source.is_none());
        // The never-signed peace treaty has no place on a time axis.
        assert!(all.iter().all(|x| x.id != "peace-treaty"));
        assert!(all.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(all.first().unwrap().id, "shimoda-1855");
        assert_eq!(all.last().unwrap().id, "talks-suspended-2022");
    }

    #[test]
    fn merging_with_no_context_keeps_the_article_and_with_no_article_the_context() {
        let b = Bundle::load().unwrap();
        let only_article = merge(&b.story, &[]);
        assert_eq!(only_article.len(), b.story.dated_count());
        let context = parse(CONTEXT).unwrap();
        let empty = Story {
            events: vec![],
            ..b.story.clone()
        };
        let only_context = merge(&empty, &context);
        assert_eq!(only_context.len(), context.len());
        assert!(only_context.iter().all(|e| e.article.is_none()));
    }

    #[test]
    fn events_concerning_a_place_include_its_groups_and_members() {
        let b = Bundle::load().unwrap();
        let ids = |place: &str| -> Vec<&str> {
            concerning(&b.timeline, place, &b.gazetteer)
                .into_iter()
                .map(|i| b.timeline[i].id.as_str())
                .collect()
        };
        let kunashir = ids("kunashir");
        for id in [
            "shimoda-1855",
            "kunashir-shikotan-1945",
            "interview",
            "talks-suspended-2022",
        ] {
            assert!(kunashir.contains(&id), "{id} not in {kunashir:?}");
        }
        // The 1956 declaration concerns Shikotan and Habomai, not Kunashir.
        assert!(!kunashir.contains(&"joint-declaration-1956"));
        // An islet takes its group's events; the group its islets'.
        assert!(ids("habomai_suisho").contains(&"habomai-1945"));
        assert!(ids("habomai").contains(&"joint-declaration-1956"));
        assert!(ids("shumshu").contains(&"kuril-landings-1945"));
        assert!(ids("nowhere").is_empty());
    }

    #[test]
    fn eras_follow_each_other() {
        let eras = parse_eras(crate::data::ERAS).unwrap();
        assert_eq!(eras.len(), 3);
        assert!(eras.windows(2).all(|w| w[0].to == Some(w[1].from)));
        assert!(eras.last().unwrap().to.is_none(), "the present era is open");
        let head = "id\tfrom\tto\tlabel\tlabel_ru\tlabel_ja\n";
        let overlap = format!("{head}a\t1855\t1880\tA\t\t\nb\t1875\t\tB\t\t\n");
        assert!(matches!(
            parse_eras(&overlap),
            Err(ContextError::Duplicate { line: 3, .. })
        ));
        let err = parse_eras("x\n").unwrap_err().to_string();
        assert!(
            err.contains("eras.tsv") && err.contains("id from to label|label_en label_ru label_ja"),
            "{err}"
        );
    }

    #[test]
    fn bad_rows_are_errors() {
        let head = "id\tdate\ttitle\ttitle_ru\ttitle_ja\tsummary\tsummary_ru\tsummary_ja\tplaces\tsource\tsource_ru\tsource_ja\n";
        let row =
            |id: &str, date: &str, src: &str| format!("{id}\t{date}\tt\t\t\ts\t\t\t\t{src}\t\t\n");
        assert!(matches!(
            parse("nope\n"),
            Err(ContextError::Table(FileTableError::Header { .. }))
        ));
        assert!(matches!(
            parse(&format!("{head}{}", row("a", "1956-13-01", "src"))),
            Err(ContextError::Date { line: 2, .. })
        ));
        assert_eq!(
            parse(&format!("{head}{}", row("a", "1956", ""))),
            Err(ContextError::Empty {
                file: "context.tsv",
                line: 2
            })
        );
        assert!(matches!(
            parse(&format!(
                "{head}{}{}",
                row("a", "1956", "x"),
                row("a", "1957", "x")
            )),
            Err(ContextError::Duplicate { line: 3, .. })
        ));
    }
}
