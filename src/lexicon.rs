//! The event lexicon: the events the extractor can recognise, the cues that
//! reveal them in a sentence, and what it knows of them (date, places),
//! read from `data/lexicon/events.tsv`.

use crate::date::{Date, DateError};
use crate::text::{self, find_words, Span};
use thiserror::Error;

/// When a known event happened.
#[derive(Clone, Debug, PartialEq)]
pub enum EventDate {
    /// A fixed, known date.
    Fixed(Date),
    /// The article's own occasion: the dateline's date.
    Dateline,
}

/// Which places an event concerns.
#[derive(Clone, Debug, PartialEq)]
pub enum EventPlaces {
    /// These gazetteer ids.
    Listed(Vec<String>),
    /// Every place the article names.
    Mentioned,
}

/// A cue: all of its terms must occur in a sentence; each term is a list of
/// alternative phrases.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub terms: Vec<Vec<String>>,
}

impl Cue {
    /// Parses `a | b + c` (a or b, and c).
    pub fn parse(src: &str) -> Cue {
        Cue {
            terms: src
                .split(" + ")
                .map(|t| {
                    t.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                })
                .filter(|t: &Vec<String>| !t.is_empty())
                .collect(),
        }
    }

    /// If every term occurs in `sentence`, the span of the first phrase of
    /// the first term (relative to `sentence`); otherwise `None`.
    pub fn find(&self, sentence: &str) -> Option<Span> {
        let mut first = None;
        for (i, term) in self.terms.iter().enumerate() {
            let hit = term
                .iter()
                .find_map(|p| find_words(sentence, p).first().copied())?;
            if i == 0 {
                first = Some(hit);
            }
        }
        first
    }
}

/// An event the extractor can recognise.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownEvent {
    pub id: String,
    pub date: EventDate,
    pub cue: Cue,
    /// Title template; see the file header for its placeholders.
    pub title: String,
    pub places: EventPlaces,
    pub source: String,
}

/// Why the lexicon could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum LexiconError {
    #[error("event lexicon: expected the header 'id date cues title places source'")]
    Header,
    #[error("event lexicon line {line}: expected 6 fields, found {found}")]
    Fields { line: usize, found: usize },
    #[error("event lexicon line {line}: {source}")]
    Date { line: usize, source: DateError },
    #[error("event lexicon line {line}: the cue is empty")]
    EmptyCue { line: usize },
}

/// All known events, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Lexicon {
    pub events: Vec<KnownEvent>,
}

impl Lexicon {
    /// Parses the event lexicon file.
    pub fn parse(src: &str) -> Result<Lexicon, LexiconError> {
        let (header, rows) = text::tsv(src);
        if header.is_none_or(|h| h.fields != ["id", "date", "cues", "title", "places", "source"]) {
            return Err(LexiconError::Header);
        }
        let mut events = Vec::with_capacity(rows.len());
        for r in rows {
            let line = r.line;
            let [id, date, cues, title, places, source] = r.fields[..] else {
                return Err(LexiconError::Fields {
                    line,
                    found: r.fields.len(),
                });
            };
            let date = match date {
                "@dateline" => EventDate::Dateline,
                d => EventDate::Fixed(
                    Date::parse(d).map_err(|source| LexiconError::Date { line, source })?,
                ),
            };
            let cue = Cue::parse(cues);
            if cue.terms.is_empty() {
                return Err(LexiconError::EmptyCue { line });
            }
            let places = match places {
                "@mentioned" => EventPlaces::Mentioned,
                p => EventPlaces::Listed(text::list(p)),
            };
            events.push(KnownEvent {
                id: id.into(),
                date,
                cue,
                title: title.into(),
                places,
                source: source.into(),
            });
        }
        Ok(Lexicon { events })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_needs_every_term() {
        let cue = Cue::parse("declaration | statement + 1956");
        assert_eq!(cue.terms.len(), 2);
        let s = "as agreed in 1956, when they adopted a joint declaration";
        assert_eq!(cue.find(s).unwrap().of(s), "declaration");
        assert!(cue.find("the 1956 treaty").is_none());
        assert!(cue.find("a declaration of 19567").is_none());
    }

    #[test]
    fn parses_rows_and_reports_errors() {
        let head = "id\tdate\tcues\ttitle\tplaces\tsource\n";
        let l = Lexicon::parse(&format!(
            "{head}a\t@dateline\tx\tT\t@mentioned\ts\nb\t1956-10-19\ty\tU\tp; q\ts\n"
        ))
        .unwrap();
        assert_eq!(l.events[0].date, EventDate::Dateline);
        assert_eq!(l.events[0].places, EventPlaces::Mentioned);
        assert_eq!(
            l.events[1].places,
            EventPlaces::Listed(vec!["p".into(), "q".into()])
        );
        assert_eq!(Lexicon::parse("x\n"), Err(LexiconError::Header));
        assert!(matches!(
            Lexicon::parse(&format!("{head}a\t1956-02-30\tx\tT\t\ts\n")),
            Err(LexiconError::Date { line: 2, .. })
        ));
        assert!(matches!(
            Lexicon::parse(&format!("{head}a\t1956\t \tT\t\ts\n")),
            Err(LexiconError::EmptyCue { line: 2 })
        ));
        assert!(matches!(
            Lexicon::parse(&format!("{head}a\tb\n")),
            Err(LexiconError::Fields { found: 2, .. })
        ));
    }
}
