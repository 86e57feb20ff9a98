//! The timeline's events: the article's own (from the [`Story`]) and the
//! context events of `data/context.tsv`, merged into one list in date
//! order. An event the article mentions and its context row are one entry:
//! it keeps the article's sentences and gains the context's summary and
//! source.

use crate::date::{Date, DateError};
use crate::story::Story;
use crate::text::{self, TableError};
use thiserror::Error;

/// A context event as the data file gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct ContextEvent {
    pub id: String,
    pub date: Date,
    pub title: String,
    pub summary: String,
    /// Gazetteer ids.
    pub places: Vec<String>,
    pub source: String,
}

/// Why the context file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum ContextError {
    #[error("context.tsv: expected the header 'id date title summary places source'")]
    Header,
    #[error("context.tsv line {line}: expected 6 fields, found {found}")]
    Fields { line: usize, found: usize },
    #[error("context.tsv line {line}: {source}")]
    Date { line: usize, source: DateError },
    #[error("context.tsv line {line}: id, title and source must not be empty")]
    Empty { line: usize },
    #[error("context.tsv line {line}: the id '{id}' is used twice")]
    Duplicate { line: usize, id: String },
}

impl From<TableError> for ContextError {
    fn from(e: TableError) -> Self {
        match e {
            TableError::Header => ContextError::Header,
            TableError::Fields { line, found } => ContextError::Fields { line, found },
        }
    }
}

/// Parses the context file.
pub fn parse(src: &str) -> Result<Vec<ContextEvent>, ContextError> {
    let rows = text::table(src, ["id", "date", "title", "summary", "places", "source"])?;
    let mut out: Vec<ContextEvent> = Vec::with_capacity(rows.len());
    for (line, [id, date, title, summary, places, source]) in rows {
        if id.is_empty() || title.is_empty() || source.is_empty() {
            return Err(ContextError::Empty { line });
        }
        if out.iter().any(|e| e.id == id) {
            return Err(ContextError::Duplicate {
                line,
                id: id.into(),
            });
        }
        out.push(ContextEvent {
            id: id.into(),
            date: Date::parse(date).map_err(|source| ContextError::Date { line, source })?,
            title: title.into(),
            summary: summary.into(),
            places: text::list(places),
            source: source.into(),
        });
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
    pub title: String,
    /// The context's summary (empty for an event only the article has).
    pub summary: String,
    pub places: Vec<String>,
    /// Index of the event in [`Story::events`] when the article mentions
    /// it: "in this article", with its sentences.
    pub article: Option<usize>,
    /// The context's source, if the event has a context row.
    pub source: Option<String>,
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
    for (i, e) in story.events.iter().enumerate() {
        let Some(date) = e.date else { continue };
        match out.iter_mut().find(|x| x.id == e.id) {
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
                summary: String::new(),
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
        assert!(d.article.is_some() && d.source.is_some() && !d.summary.is_empty());
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
    fn bad_rows_are_errors() {
        let head = "id\tdate\ttitle\tsummary\tplaces\tsource\n";
        assert_eq!(parse("nope\n"), Err(ContextError::Header));
        assert!(matches!(
            parse(&format!("{head}a\t1956-13-01\tt\ts\t\tsrc\n")),
            Err(ContextError::Date { line: 2, .. })
        ));
        assert_eq!(
            parse(&format!("{head}a\t1956\tt\ts\t\t\n")),
            Err(ContextError::Empty { line: 2 })
        );
        assert!(matches!(
            parse(&format!("{head}a\t1956\tt\ts\t\tx\na\t1957\tt\ts\t\tx\n")),
            Err(ContextError::Duplicate { line: 3, .. })
        ));
    }
}
