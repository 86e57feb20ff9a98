//! The studio's draft: the story the extractor found and the editor's
//! decisions on it (reject an item or restore it, correct an event's date or
//! title, a quote's speaker), with undo and redo. Every rule of editing is
//! here; a page renders [`Draft::story`] and sends [`Edit`]s.

use super::marks::Item;
use crate::extract::order_events;
use kuril_core::i18n::Lang;
use kuril_core::story::{EntityKind, Story, Warning};
use kuril_core::time::date::Date;
use std::collections::BTreeSet;
use thiserror::Error;

/// One decision of the editor. Items are named by their index in the
/// extracted story, which never changes; [`Draft::story`] applies them.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Leave the item out (for a warning: mark it settled).
    Reject(Item),
    /// Take a rejected item back.
    Restore(Item),
    /// An event's date, `None` for one that has not happened.
    SetDate { event: usize, date: Option<Date> },
    /// An event's title in one language.
    SetTitle {
        event: usize,
        lang: Lang,
        title: String,
    },
    /// A quote's speaker: a person of the story, or nobody.
    SetSpeaker {
        quote: usize,
        speaker: Option<String>,
    },
}

impl Edit {
    /// The item the edit is about.
    pub fn item(&self) -> Item {
        match self {
            Edit::Reject(i) | Edit::Restore(i) => *i,
            Edit::SetDate { event, .. } | Edit::SetTitle { event, .. } => Item::Event(*event),
            Edit::SetSpeaker { quote, .. } => Item::Quote(*quote),
        }
    }
}

/// Why an edit cannot be made.
#[derive(Debug, Error, PartialEq)]
pub enum EditError {
    #[error("there is no such item in the story: {0:?}")]
    NoItem(Item),
    #[error("'{0}' is no person of the story")]
    NoPerson(String),
    #[error("a title cannot be empty")]
    EmptyTitle,
}

/// The extracted story, the edits made on it, and the edits undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    base: Story,
    done: Vec<Edit>,
    undone: Vec<Edit>,
}

impl Draft {
    pub fn new(story: Story) -> Draft {
        Draft {
            base: story,
            done: Vec::new(),
            undone: Vec::new(),
        }
    }

    /// The story as extracted, before any edit.
    pub fn extracted(&self) -> &Story {
        &self.base
    }

    /// The edits made, oldest first (what a page keeps to restore a draft).
    pub fn edits(&self) -> &[Edit] {
        &self.done
    }

    /// Makes an edit; a new edit cannot be redone past.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.check(&edit)?;
        self.done.push(edit);
        self.undone.clear();
        Ok(())
    }

    /// Takes the last edit back; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.done.pop().map(|e| self.undone.push(e)).is_some()
    }

    /// Makes the last edit undone again; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.undone.pop().map(|e| self.done.push(e)).is_some()
    }

    /// Whether there is an edit to take back, and one to make again.
    pub fn can_undo(&self) -> (bool, bool) {
        (!self.done.is_empty(), !self.undone.is_empty())
    }

    fn exists(&self, item: Item) -> bool {
        let s = &self.base;
        match item {
            Item::Event(i) => i < s.events.len(),
            Item::Place(i) => i < s.mentions.len(),
            Item::Person(i) => s
                .entities
                .get(i)
                .is_some_and(|e| e.kind == EntityKind::Person),
            Item::Quote(i) => i < s.quotes.len(),
            Item::Claim(i) => i < s.claims.len(),
            Item::Warning(i) => i < s.warnings.len(),
        }
    }

    fn check(&self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::SetTitle { title, .. } if title.trim().is_empty() => {
                return Err(EditError::EmptyTitle);
            }
            Edit::SetSpeaker {
                speaker: Some(id), ..
            } => {
                let person = (self.base.entities.iter())
                    .any(|e| e.id == *id && e.kind == EntityKind::Person);
                if !person {
                    return Err(EditError::NoPerson(id.clone()));
                }
            }
            _ => {}
        }
        let item = edit.item();
        if self.exists(item) {
            Ok(())
        } else {
            Err(EditError::NoItem(item))
        }
    }

    /// The items left out after the edits.
    pub fn rejected(&self) -> BTreeSet<Item> {
        let mut out = BTreeSet::new();
        for e in &self.done {
            match e {
                Edit::Reject(i) => {
                    out.insert(*i);
                }
                Edit::Restore(i) => {
                    out.remove(i);
                }
                _ => {}
            }
        }
        out
    }

    /// The extracted story with the corrections made (dates, titles,
    /// speakers) and nothing left out: items keep their indices, so the
    /// studio shows each one as corrected, rejected or not.
    pub fn edited(&self) -> Story {
        let mut s = self.base.clone();
        for e in &self.done {
            match e {
                Edit::SetDate { event, date } => s.events[*event].date = *date,
                Edit::SetTitle { event, lang, title } => {
                    let t = &mut s.events[*event].title;
                    match lang {
                        Lang::En => t.en = title.clone(),
                        Lang::Ru => t.ru = title.clone(),
                        Lang::Ja => t.ja = title.clone(),
                    }
                }
                Edit::SetSpeaker { quote, speaker } => s.quotes[*quote].speaker = speaker.clone(),
                Edit::Reject(_) | Edit::Restore(_) => {}
            }
        }
        s
    }

    /// The story with every edit applied: corrections made, rejected items
    /// left out (a rejected person's quotes then have no speaker), events
    /// in a story's order again.
    pub fn story(&self) -> Story {
        let mut s = self.edited();
        let out = self.rejected();
        let keep = |item: Item| !out.contains(&item);
        let gone: Vec<String> = (s.entities.iter().enumerate())
            .filter(|(i, _)| !keep(Item::Person(*i)))
            .map(|(_, e)| e.id.clone())
            .collect();
        s.events = keep_where(s.events, |i| keep(Item::Event(i)));
        s.mentions = keep_where(s.mentions, |i| keep(Item::Place(i)));
        s.entities = keep_where(s.entities, |i| keep(Item::Person(i)));
        s.quotes = keep_where(s.quotes, |i| keep(Item::Quote(i)));
        s.claims = keep_where(s.claims, |i| keep(Item::Claim(i)));
        s.warnings = keep_where(s.warnings, |i| keep(Item::Warning(i)));
        for q in &mut s.quotes {
            if q.speaker.as_ref().is_some_and(|id| gone.contains(id)) {
                q.speaker = None;
            }
        }
        for c in &mut s.claims {
            if c.reported_by.as_ref().is_some_and(|id| gone.contains(id)) {
                c.reported_by = None;
            }
        }
        // A corrected speaker settles the warning that there was none.
        let spoken: Vec<_> = (s.quotes.iter())
            .filter(|q| q.speaker.is_some())
            .map(|q| q.span)
            .collect();
        s.warnings
            .retain(|w| !matches!(w, Warning::UnattributedQuote { span } if spoken.contains(span)));
        order_events(&mut s.events);
        s
    }

    /// The story file of the draft, as `story-src` reads it.
    pub fn export(&self) -> String {
        story_file(&self.story())
    }
}

/// A story's file (`kuril-story/1` JSON), as the studio exports it.
pub fn story_file(story: &Story) -> String {
    serde_json::to_string(story).unwrap_or_default()
}

/// The items of `list` whose index `keep` accepts, in order.
fn keep_where<T>(list: Vec<T>, keep: impl Fn(usize) -> bool) -> Vec<T> {
    (list.into_iter().enumerate())
        .filter(|(i, _)| keep(*i))
        .map(|(_, x)| x)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::newsroom::{read, Kind};
    use kuril_core::story::pack;

    fn draft() -> Draft {
        Draft::new(crate::bundled_story().unwrap())
    }

    fn event(d: &Draft, id: &str) -> usize {
        d.extracted()
            .events
            .iter()
            .position(|e| e.id == id)
            .unwrap()
    }

    #[test]
    fn a_rejected_item_leaves_and_undo_and_redo_take_it_back_and_forth() {
        let mut d = draft();
        let quotes = d.extracted().quotes.len();
        d.apply(Edit::Reject(Item::Quote(0))).unwrap();
        assert_eq!(d.story().quotes.len(), quotes - 1);
        assert!(d.undo());
        assert_eq!(d.story().quotes.len(), quotes);
        assert!(d.redo());
        assert_eq!(d.story().quotes.len(), quotes - 1);
        d.apply(Edit::Restore(Item::Quote(0))).unwrap();
        assert_eq!(d.story().quotes.len(), quotes);
        // A new edit ends what could be redone.
        assert!(d.undo());
        d.apply(Edit::Reject(Item::Claim(0))).unwrap();
        assert!(!d.redo());
        assert_eq!(d.edits().len(), 2);
        assert!(!Draft::new(d.extracted().clone()).undo());
    }

    #[test]
    fn a_corrected_date_puts_the_event_in_order_and_a_speaker_must_be_a_person() {
        let mut d = draft();
        let i = event(&d, "joint-declaration-1956");
        d.apply(Edit::SetDate {
            event: i,
            date: Some(Date::parse("1855-02-01").unwrap()),
        })
        .unwrap();
        assert_eq!(d.story().events[0].id, "joint-declaration-1956");
        d.apply(Edit::SetTitle {
            event: i,
            lang: Lang::En,
            title: "The declaration".into(),
        })
        .unwrap();
        assert_eq!(d.story().events[0].title.en, "The declaration");
        assert_eq!(
            d.apply(Edit::SetTitle {
                event: i,
                lang: Lang::Ru,
                title: " ".into()
            }),
            Err(EditError::EmptyTitle)
        );
        assert_eq!(
            d.apply(Edit::SetSpeaker {
                quote: 0,
                speaker: Some("tass".into())
            }),
            Err(EditError::NoPerson("tass".into()))
        );
        assert_eq!(
            d.apply(Edit::Reject(Item::Event(999))),
            Err(EditError::NoItem(Item::Event(999)))
        );
        d.apply(Edit::SetSpeaker {
            quote: 0,
            speaker: Some("nailya_asker_zade".into()),
        })
        .unwrap();
        assert_eq!(
            d.story().quotes[0].speaker.as_deref(),
            Some("nailya_asker_zade")
        );
    }

    #[test]
    fn a_rejected_person_speaks_no_more() {
        let mut d = draft();
        let lavrov = (d.extracted().entities.iter())
            .position(|e| e.id == "sergey_lavrov")
            .unwrap();
        d.apply(Edit::Reject(Item::Person(lavrov))).unwrap();
        let s = d.story();
        assert!(s.entity("sergey_lavrov").is_none());
        assert!(s.quotes.iter().all(|q| q.speaker.is_none()));
    }

    #[test]
    fn the_exported_file_is_what_story_src_reads() {
        let mut d = draft();
        d.apply(Edit::Reject(Item::Event(0))).unwrap();
        d.apply(Edit::SetSpeaker {
            quote: 1,
            speaker: None,
        })
        .unwrap();
        let packed = read(Kind::Story, d.export().as_bytes()).unwrap();
        assert_eq!(pack::decode(&packed).unwrap(), d.story());
        kuril_core::data::Bundle::from_packed(&packed).unwrap();
    }
}
