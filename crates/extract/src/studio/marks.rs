//! Where each extracted item sits in the article, for the studio's review
//! of a story: one mark per item and span, in text order, so that the text
//! and the list of items can point at each other.

use kuril_core::story::{EntityKind, Story, Warning};
use kuril_core::text::Span;

/// An item of a story, by its index in the story's list of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// `Story::events`.
    Event(usize),
    /// `Story::mentions`: a place named.
    Place(usize),
    /// `Story::entities` of kind person.
    Person(usize),
    /// `Story::quotes`.
    Quote(usize),
    /// `Story::claims`.
    Claim(usize),
    /// `Story::warnings` that point at the text.
    Warning(usize),
}

/// An item's place in the text (character offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub item: Item,
}

/// Every mark of a story, in text order (a longer mark before a shorter one
/// that starts with it): an event at the words that name it, a place or a
/// person at each mention, a quote at its words, a claim at each sentence
/// it comes from, a warning where it occurs.
pub fn marks(story: &Story) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut add = |span: Span, item: Item| out.push(Mark { span, item });
    for (i, e) in story.events.iter().enumerate() {
        e.passages.iter().for_each(|s| add(*s, Item::Event(i)));
    }
    for (i, m) in story.mentions.iter().enumerate() {
        add(m.span, Item::Place(i));
    }
    for (i, e) in story.entities.iter().enumerate() {
        if e.kind == EntityKind::Person {
            e.mentions.iter().for_each(|s| add(*s, Item::Person(i)));
        }
    }
    for (i, q) in story.quotes.iter().enumerate() {
        add(q.span, Item::Quote(i));
    }
    for (i, c) in story.claims.iter().enumerate() {
        c.evidence.iter().for_each(|s| add(*s, Item::Claim(i)));
    }
    // A warning about the article's date or place is marked at the
    // dateline; one about an event, at the words that name it.
    let dateline = story.article.dateline.as_ref().map(|d| d.span);
    let event = |id: &str| {
        (story.events.iter())
            .find(|e| e.id == id)
            .and_then(|e| e.passages.first().copied())
    };
    for (i, w) in story.warnings.iter().enumerate() {
        let span = match w {
            Warning::Corrected { span, .. } | Warning::UnattributedQuote { span } => Some(*span),
            Warning::UnclosedQuote { at } => Some(Span {
                start: *at,
                end: at + 1,
            }),
            Warning::NoYear { .. }
            | Warning::YearInferred { .. }
            | Warning::DatelineMismatch { .. }
            | Warning::WeekdayMismatch { .. }
            | Warning::UnresolvedPlace { .. } => dateline,
            Warning::DateMismatch { event: id, .. } | Warning::UnknownPlace { event: id, .. } => {
                event(id)
            }
            Warning::NoDateline => None,
        };
        if let Some(span) = span {
            add(span, Item::Warning(i));
        }
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end), m.item));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_marked_where_the_text_says_it() {
        let story = crate::bundled_story().unwrap();
        let marks = marks(&story);
        assert!(marks.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        let text = |m: &Mark| story.slice(m.span);
        let of = |f: fn(&Item) -> bool| marks.iter().filter(move |m| f(&m.item));
        assert!(of(|i| matches!(i, Item::Place(_))).any(|m| text(m) == "Japan"));
        assert!(of(|i| matches!(i, Item::Person(_))).any(|m| text(m) == "Lavrov"));
        let declaration = story
            .events
            .iter()
            .position(|e| e.id == "joint-declaration-1956")
            .unwrap();
        assert!(marks
            .iter()
            .filter(|m| m.item == Item::Event(declaration))
            .all(|m| text(m).to_lowercase().contains("declaration") || text(m).contains("1956")));
        assert_eq!(
            of(|i| matches!(i, Item::Quote(_))).count(),
            story.quotes.len()
        );
        assert!(of(|i| matches!(i, Item::Claim(_))).count() >= story.claims.len());
        // "MOSXOW" and "Litsva": corrections, marked where they are.
        let corrected: Vec<&str> = of(|i| matches!(i, Item::Warning(_))).map(text).collect();
        assert!(corrected.contains(&"MOSXOW"), "{corrected:?}");
    }
}
