//! The editor's decisions on a draft ([`Edit`]) and why one cannot be
//! made ([`EditError`]). In JSON (the page's words, kept in its local
//! storage) an edit is an object named by its `op` ([`super::codec`]).

use super::marks::Item;
use kuril_core::i18n::Lang;
use kuril_core::time::date::Date;
use thiserror::Error;

/// One decision of the editor. Items are named by their index in the
/// extracted story, which never changes; [`Draft::story`] applies them.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(into = "super::codec::EditForm", from = "super::codec::EditForm")]
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
    /// The places an event concerns (gazetteer ids, in the editor's order).
    SetPlaces { event: usize, places: Vec<String> },
    /// A new event the editor adds, from a sentence of the article (its
    /// index in `Story::sentences`), which is its source: the event is
    /// traced to it like any other. Its title is given in one language and
    /// stands for all three until each is set.
    AddEvent {
        sentence: usize,
        date: Option<Date>,
        title: String,
    },
    /// A person the article names and the story lacks, added by the
    /// editor: the name as the article writes it (every place it is
    /// written is a mention, so the person is traced to the text like any
    /// other), an office (any words, empty for none) and a side (a
    /// country's gazetteer id, `russia` or `japan`; none). Quotations are
    /// then given to them with [`Edit::SetSpeaker`].
    AddPerson {
        name: String,
        office: String,
        side: Option<String>,
    },
    /// A warning that a name was read tolerantly ([`kuril_core::story::Warning::Corrected`]),
    /// answered "that is not the place": the mentions it covers are left
    /// out and the warning is settled. (Accepting the correction is
    /// settling the warning: [`Edit::Reject`].)
    Refuse(usize),
}

impl Edit {
    /// The item the edit is about; none for an item it makes.
    pub fn item(&self) -> Option<Item> {
        Some(match self {
            Edit::Reject(i) | Edit::Restore(i) => *i,
            Edit::SetDate { event, .. }
            | Edit::SetTitle { event, .. }
            | Edit::SetPlaces { event, .. } => Item::Event(*event),
            Edit::SetSpeaker { quote, .. } => Item::Quote(*quote),
            Edit::Refuse(w) => Item::Warning(*w),
            Edit::AddEvent { .. } | Edit::AddPerson { .. } => return None,
        })
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
    #[error("'{0}' is no place the widget knows")]
    NoPlace(String),
    #[error("an event's place is listed twice: '{0}'")]
    TwicePlace(String),
    #[error("only a corrected name can be refused")]
    NotACorrection,
    #[error("the article has no sentence {0}")]
    NoSentence(usize),
    #[error("a person needs a name")]
    EmptyName,
    #[error("the article does not write the name '{0}': write it as the article does")]
    NotInText(String),
    #[error("'{0}' is no country the widget knows")]
    NoSide(String),
}
