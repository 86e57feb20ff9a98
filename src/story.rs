//! The story model: what the extractor finds in an article and what the map
//! and the timeline show. Every event carries the spans of the article
//! sentences it comes from.

use crate::date::Date;
use crate::gazetteer::Mention;
use crate::text::Span;
use std::fmt;

/// An event on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Stable id from the lexicon (`joint-declaration-1956`).
    pub id: String,
    pub date: Date,
    pub title: String,
    /// Gazetteer ids of the places the event concerns.
    pub places: Vec<String>,
    /// The article sentences that mention the event, in text order.
    pub evidence: Vec<Span>,
    /// Where the date comes from when it is not the lexicon's (e.g. the
    /// dateline and a weekday).
    pub date_note: Option<String>,
}

/// Something the extractor noticed but could not settle. Never fatal.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// The article has no dateline, so its own date is unknown.
    NoDateline,
    /// The dateline gives no year and no metadata supplies one.
    NoYear,
    /// The metadata date and the dateline disagree.
    DatelineMismatch { dateline: String, published: Date },
    /// A lexicon entry names a place the gazetteer lacks.
    UnknownPlace { event: String, place: String },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NoDateline => {
                write!(f, "the article has no dateline; its own date is unknown")
            }
            Warning::NoYear => write!(
                f,
                "the dateline has no year and no publication date was given"
            ),
            Warning::DatelineMismatch {
                dateline,
                published,
            } => write!(
                f,
                "the dateline says {dateline} but the publication date is {published}"
            ),
            Warning::UnknownPlace { event, place } => {
                write!(f, "event '{event}' names unknown place '{place}'")
            }
        }
    }
}

/// The structured story pulled out of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    pub headline: Option<String>,
    pub publisher: Option<String>,
    /// The article text the spans point into.
    pub text: String,
    /// Events in date order.
    pub events: Vec<Event>,
    /// Places named in the article, in text order.
    pub mentions: Vec<Mention>,
    pub warnings: Vec<Warning>,
}

impl Story {
    /// The sentences an event comes from, as text.
    pub fn evidence_text(&self, event: &Event) -> Vec<&str> {
        event.evidence.iter().map(|s| s.of(&self.text)).collect()
    }
}
