//! What the extractor noticed but could not settle (`Warning`), and how
//! each reads in English.

use super::*;
use std::fmt;

/// Something the extractor noticed but could not settle. Never fatal.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(Serialize, Deserialize),
    serde(tag = "kind", rename_all = "snake_case")
)]
pub enum Warning {
    /// The article has no dateline, so its own date is unknown.
    NoDateline,
    /// No year: the dateline has none, no metadata gives one, and the text
    /// allows several (or none).
    NoYear { candidates: Vec<i32> },
    /// The metadata date and the dateline disagree.
    DatelineMismatch { dateline: String, published: Date },
    /// The weekday the text names is not the weekday of the date.
    WeekdayMismatch { weekday: String, date: Date },
    /// A date written next to an event disagrees with the lexicon.
    DateMismatch {
        event: String,
        written: Date,
        known: Date,
    },
    /// A lexicon entry names a place the gazetteer lacks.
    UnknownPlace { event: String, place: String },
    /// A name matched only tolerantly (a typo or a variant spelling).
    Corrected {
        text: String,
        resolved: String,
        span: Span,
    },
    /// A dateline place that matches no gazetteer name.
    UnresolvedPlace { text: String },
    /// A quotation whose speaker could not be found.
    UnattributedQuote { span: Span },
    /// A quotation mark that is never closed.
    UnclosedQuote { at: usize },
    /// The dateline has no year and no metadata gives one: `year` was
    /// inferred from the text (the latest year it names that the weekday
    /// allows); `candidates`, the years the weekday allows.
    YearInferred { year: i32, candidates: Vec<i32> },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NoDateline => {
                write!(f, "the article has no dateline; its own date is unknown")
            }
            Warning::NoYear { candidates } => {
                write!(
                    f,
                    "the year of the dateline is unknown ({} candidate years)",
                    candidates.len()
                )
            }
            Warning::DatelineMismatch {
                dateline,
                published,
            } => {
                write!(
                    f,
                    "the dateline says {dateline} but the publication date is {published}"
                )
            }
            Warning::WeekdayMismatch { weekday, date } => {
                write!(f, "the text says {weekday} but {date} is not one")
            }
            Warning::DateMismatch {
                event,
                written,
                known,
            } => {
                write!(
                    f,
                    "the article dates '{event}' {written}; the lexicon has {known}"
                )
            }
            Warning::UnknownPlace { event, place } => {
                write!(f, "event '{event}' names unknown place '{place}'")
            }
            Warning::Corrected { text, resolved, .. } => write!(f, "read '{text}' as '{resolved}'"),
            Warning::UnresolvedPlace { text } => {
                write!(f, "the dateline place '{text}' is not in the gazetteer")
            }
            Warning::UnattributedQuote { span } => {
                write!(f, "no speaker found for the quotation at {}", span.start)
            }
            Warning::UnclosedQuote { at } => write!(f, "a quotation mark at {at} is never closed"),
            Warning::YearInferred { year, .. } => {
                write!(
                    f,
                    "the dateline has no year; {year} was inferred from the text"
                )
            }
        }
    }
}
