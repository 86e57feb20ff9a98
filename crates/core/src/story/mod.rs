//! The story model: what the extractor finds in an article, and what the
//! map and the timeline show. Version 1 of the JSON form is described in
//! `docs/story-schema.md`.
//!
//! Every span in a [`Story`] counts **characters** (Unicode scalar values)
//! of [`Story::text`], end exclusive, so that JavaScript and other readers
//! of the JSON can use them; [`Story::slice`] turns one back into text.
//!
//! Here: the model; `warning.rs` holds the [`Warning`]s, `limits.rs` the
//! bounds, `pack/` the packed form.

mod limits;
pub mod pack;
mod warning;

pub use limits::{
    file_too_large, TooLarge, MAX_EVENTS, MAX_LABEL_CHARS, MAX_PLACES, MAX_SPANS,
    MAX_STORY_FILE_BYTES, MAX_TEXT_BYTES,
};
pub use warning::Warning;

use crate::geo::gazetteer::Gazetteer;
use crate::i18n::Texts;
use crate::text::Span;
use crate::time::date::Date;

/// The schema this crate writes.
pub const SCHEMA: &str = "kuril-story/1";

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// What kind of actor an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum EntityKind {
    Person,
    Media,
    Programme,
    Organisation,
    State,
}

/// Where the year of the article's own date comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(Serialize, Deserialize),
    serde(rename_all = "lowercase")
)]
pub enum YearSource {
    /// The dateline states it.
    Text,
    /// The metadata's publication date.
    Metadata,
    /// The only year the text allows (marked as inferred).
    Inferred,
    /// Not known.
    Unknown,
}

/// The dateline of the article.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Dateline {
    pub span: Span,
    /// The place as written ("MOSXOW").
    pub place_text: String,
    /// Its gazetteer id, if it resolves.
    pub place: Option<String>,
    pub agency: Option<String>,
    /// The dateline's own date, with the year when it is known.
    pub date: Option<Date>,
    pub month: u8,
    pub day: u8,
    pub year_source: YearSource,
    /// Years the text allows, when no metadata gives one.
    pub candidate_years: Vec<i32>,
}

/// The article itself.
#[derive(Clone, Debug, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ArticleInfo {
    pub headline: Option<String>,
    pub headline_span: Option<Span>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub published: Option<Date>,
    pub dateline: Option<Dateline>,
    /// The publisher's name in each language, where the lexicon knows the
    /// publisher (TASS, ТАСС, タス通信); a header shows the reader's, else
    /// `publisher` as the metadata writes it.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub publisher_name: Option<Texts>,
}

impl ArticleInfo {
    /// The publisher's name as a reader of `lang` reads it: the lexicon's
    /// name in that language, else as the metadata writes it.
    pub fn publisher_in(&self, lang: crate::i18n::Lang) -> Option<&str> {
        match &self.publisher_name {
            Some(t) => Some(t.get(lang)),
            None => self.publisher.as_deref(),
        }
        .filter(|p| !p.trim().is_empty())
    }
}

/// A person, medium, programme, organisation or state the article names.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    /// In the three languages where the lexicon has them; found only in
    /// the article, as written there.
    pub name: Texts,
    /// For people: the office or job on the article's date, as the lexicon
    /// gives it (in three languages) or the article words it.
    pub role: Option<Texts>,
    /// Gazetteer id of the country the entity belongs to.
    pub country: Option<String>,
    pub mentions: Vec<Span>,
}

/// A place named in the article.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Mention {
    /// Gazetteer id.
    pub place: String,
    pub span: Span,
    /// False when the name matched only tolerantly (a typo or variant).
    pub exact: bool,
}

/// An event the article mentions.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Event {
    /// Stable id from the lexicon (`joint-declaration-1956`).
    pub id: String,
    /// `None` for an event that has not happened (the peace treaty). For an
    /// era, when it ended.
    pub date: Option<Date>,
    /// For an era (the Second World War), when it began.
    pub start: Option<Date>,
    /// The lexicon's title, in three languages.
    pub title: Texts,
    /// Gazetteer ids of the places the event concerns.
    pub places: Vec<String>,
    /// The article sentences that mention the event, in text order.
    pub evidence: Vec<Span>,
    /// In each of those sentences, the words that name the event (the
    /// lexicon's cue), to highlight; one for each sentence, in the same
    /// order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub passages: Vec<Span>,
    /// How the date was found, when not simply from the lexicon.
    pub date_note: Option<Texts>,
}

impl Event {
    /// Whether the title is the article's own words (its news, titled by
    /// its headline or lead, or a dated statement, by its sentence, in the
    /// article's language), not a title of ours in three languages: the
    /// widget shows it as a quotation, marked with the article's language.
    pub fn titled_in_article_words(&self) -> bool {
        (self.id == "news" || self.id.starts_with("statement-")) && self.title.is_english_only()
    }
}

/// A quotation and who said it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Entity id of the speaker, if resolved.
    pub speaker: Option<String>,
    /// The words that attribute it ("he said", "Lavrov noted"), if any.
    pub attribution: Option<Span>,
}

/// A position of one side as the article states or reports it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Claim {
    pub id: String,
    /// Gazetteer id of the country whose position it is.
    pub side: String,
    /// Our neutral wording of the position, in three languages.
    pub statement: Texts,
    pub evidence: Vec<Span>,
    /// The speaker whose words carry it, when that is someone quoted.
    pub reported_by: Option<String>,
}

/// A place a story carries because the widget's gazetteer lacks it: the
/// extractor's wider gazetteer (`data/places.tsv`) knows it, and every
/// reader of the story, of any version, can show it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct StoryPlace {
    /// Its id, as mentions name it.
    pub id: String,
    /// The gazetteer place it lies in (`hokkaido`, `kunashir`), or empty.
    pub parent: String,
    /// `city`, `town`, `strait`, `cape`...
    pub kind: String,
    /// A point inside it, `[longitude, latitude]` in degrees, to 1e-5.
    pub point: (f64, f64),
    /// Its name in the three languages.
    pub name: Texts,
    /// Its Japanese name in Latin letters, for a place on the disputed
    /// islands (labelled with both sides' names), else empty.
    pub romaji: String,
    /// Where its name and point come from (`GeoNames 2128975`).
    pub source: String,
}

/// The structured story pulled out of one article.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Story {
    /// Always [`SCHEMA`].
    pub schema: String,
    pub article: ArticleInfo,
    /// The article text every span points into.
    pub text: String,
    pub entities: Vec<Entity>,
    /// The article's sentences, in text order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub sentences: Vec<Span>,
    /// Places named in the article, in text order.
    pub mentions: Vec<Mention>,
    /// Dated events first, in date order; then undated ones.
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
    pub warnings: Vec<Warning>,
    /// The places the article names that the widget's own gazetteer lacks
    /// (a town, port, strait or cape of the dispute's news), with what the
    /// map and the locator need to show them.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub places: Vec<StoryPlace>,
    /// Where the characters of `text` start, for [`Story::slice`].
    #[cfg_attr(feature = "serde", serde(skip))]
    pub steps: crate::text::CharSteps,
}

impl Story {
    /// The text of a character span (empty if it does not fit the text).
    /// A sentence cut around a passage inside it: the text before, the
    /// passage, the text after. A passage outside the sentence marks
    /// nothing.
    pub fn around(&self, sentence: Span, passage: Span) -> [&str; 3] {
        if !sentence.contains(passage) || passage.end <= passage.start {
            return [self.slice(sentence), "", ""];
        }
        [
            self.slice(Span {
                start: sentence.start,
                end: passage.start,
            }),
            self.slice(passage),
            self.slice(Span {
                start: passage.end,
                end: sentence.end,
            }),
        ]
    }

    pub fn slice(&self, span: Span) -> &str {
        if span.end <= span.start {
            return "";
        }
        let at = |ch| self.steps.byte_of(&self.text, ch);
        match (at(span.start), at(span.end)) {
            (Some(start), Some(end)) => self.text.get(start..end).unwrap_or(""),
            _ => "",
        }
    }

    /// The sentences an event comes from, as text.
    pub fn evidence_text(&self, event: &Event) -> Vec<&str> {
        event.evidence.iter().map(|s| self.slice(*s)).collect()
    }

    /// Number of events with a date (they come first in [`Story::events`]).
    pub fn dated_count(&self) -> usize {
        self.events.iter().take_while(|e| e.date.is_some()).count()
    }

    /// The sentences that name `place` or a place that contains it (for
    /// Iturup, also "the four islands"), in text order.
    pub fn sentences_naming(&self, place: &str, gazetteer: &Gazetteer) -> Vec<Span> {
        // The mentions of the place, in text order (as the story keeps
        // them): each sentence looks up only those that start in it (n log
        // n, not sentences × mentions). Out of order, some are missed; no
        // sort here keeps a sort's code out of the reader's wasm.
        let at: Vec<Span> = self
            .mentions
            .iter()
            .filter(|m| gazetteer.is_within(place, &m.place))
            .map(|m| m.span)
            .collect();
        self.sentences
            .iter()
            .copied()
            .filter(|s| {
                at[at.partition_point(|m| m.start < s.start)..]
                    .iter()
                    .take_while(|m| m.start < s.end)
                    .any(|m| s.contains(*m))
            })
            .collect()
    }

    /// The events that concern `place` or a place that contains it.
    pub fn events_concerning<'s>(&'s self, place: &str, gazetteer: &Gazetteer) -> Vec<&'s Event> {
        self.events
            .iter()
            .filter(|e| e.places.iter().any(|p| gazetteer.is_within(place, p)))
            .collect()
    }

    /// Who speaks in `span`: the speaker of a quotation it overlaps.
    pub fn speaker_of(&self, span: Span) -> Option<&Entity> {
        // Quotations are in text order and apart: the first that ends after
        // the span starts is the only one that can overlap it.
        let first = self.quotes.partition_point(|q| q.span.end <= span.start);
        self.quotes[first..]
            .first()
            .filter(|q| q.span.start < span.end && span.start < q.span.end)
            .and_then(|q| q.speaker.as_deref())
            .and_then(|id| self.entity(id))
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn finds_the_speaker_of_a_quoted_sentence() {
        let lee = Entity {
            id: "lee".into(),
            kind: EntityKind::Person,
            name: "Ann Lee".into(),
            role: None,
            country: None,
            mentions: vec![],
        };
        let story = Story {
            schema: SCHEMA.into(),
            article: ArticleInfo::default(),
            text: "\"Yes,\" Lee said. No.".into(),
            entities: vec![lee],
            sentences: vec![],
            mentions: vec![],
            events: vec![],
            quotes: vec![Quote {
                span: Span { start: 1, end: 5 },
                speaker: Some("lee".into()),
                attribution: None,
            }],
            claims: vec![],
            warnings: vec![],
            places: vec![],
            steps: Default::default(),
        };
        assert_eq!(
            story
                .speaker_of(Span { start: 0, end: 17 })
                .map(|e| e.name.english()),
            Some("Ann Lee")
        );
        assert!(story.speaker_of(Span { start: 18, end: 21 }).is_none());
    }

    #[test]
    fn a_story_past_a_limit_is_refused_with_the_count_and_the_limit() {
        let story = crate::data::Bundle::load().unwrap().story;
        assert_eq!(story.check_size(), Ok(()));
        let many = Story {
            events: vec![story.events[0].clone(); MAX_EVENTS + 1],
            ..story.clone()
        };
        let err = many.check_size().unwrap_err();
        assert_eq!((err.what, err.count, err.max), ("events", 501, 500));
        assert!(crate::data::Bundle::with_story(many).is_err());
        let spans = Story {
            sentences: vec![Span { start: 0, end: 1 }; MAX_SPANS + 1],
            ..story.clone()
        };
        assert_eq!(spans.check_size().unwrap_err().what, "spans of text");
        let mut titled = story.clone();
        titled.events[0].title = "Kunashir ".repeat(200).into();
        assert_eq!(
            titled.check_size().unwrap_err().to_string(),
            "the story is too large for the widget: 1001 characters in a title or name, at most 1000"
        );
        let long = Story {
            text: "x".repeat(MAX_TEXT_BYTES + 1),
            ..story
        };
        assert!(long
            .check_size()
            .unwrap_err()
            .to_string()
            .contains("2097153 bytes of text"));
    }

    #[test]
    fn news_and_statements_are_titled_in_the_articles_words_until_an_editor_titles_them() {
        let mut e = crate::data::Bundle::load().unwrap().story.events[0].clone();
        e.id = "statement-2019-10-11".into();
        e.title = Texts::en("当初は10月11日に国後島へ向かう予定だった");
        assert!(e.titled_in_article_words());
        e.title.set(Lang::Ja, "予定");
        assert!(!e.titled_in_article_words());
        e.id = "joint-declaration-1956".into();
        e.title = Texts::en("Joint Declaration");
        assert!(!e.titled_in_article_words());
    }

    #[test]
    fn slices_by_characters() {
        let story = Story {
            schema: SCHEMA.into(),
            article: ArticleInfo::default(),
            text: "Japan’s “Itúrup”".into(),
            entities: vec![],
            sentences: vec![],
            mentions: vec![],
            events: vec![],
            quotes: vec![],
            claims: vec![],
            warnings: vec![],
            places: vec![],
            steps: Default::default(),
        };
        assert_eq!(story.slice(Span { start: 0, end: 7 }), "Japan’s");
        assert_eq!(story.slice(Span { start: 9, end: 15 }), "Itúrup");
        assert_eq!(story.slice(Span { start: 9, end: 16 }), "Itúrup”");
        assert_eq!(story.slice(Span { start: 15, end: 99 }), "");
        assert_eq!(story.slice(Span { start: 3, end: 3 }), "");
        assert_eq!(story.slice(Span { start: 5, end: 2 }), "");
        // A passage marked inside a sentence, by characters.
        let all = Span { start: 0, end: 16 };
        let itu = Span { start: 9, end: 15 };
        assert_eq!(story.around(all, itu), ["Japan’s “", "Itúrup", "”"]);
        assert_eq!(
            story.around(Span { start: 0, end: 7 }, itu),
            ["Japan’s", "", ""],
            "a passage outside the sentence marks nothing"
        );
    }
}
