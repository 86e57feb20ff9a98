//! The editor's decisions on a draft ([`Edit`]) and why one cannot be
//! made ([`EditError`]). In JSON (the page's words, kept in its local
//! storage) an edit is an object named by its `op` ([`super::codec`]).

use super::codec::EditForm;
use super::marks::Item;
use kuril_core::i18n::Lang;
use kuril_core::time::date::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// One decision of the editor. Items are named by their index in the
/// extracted story, which never changes; [`Draft::story`] applies them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

impl From<Edit> for EditForm {
    fn from(edit: Edit) -> EditForm {
        match edit {
            Edit::Reject(item) => EditForm::Reject { item },
            Edit::Restore(item) => EditForm::Restore { item },
            Edit::SetDate { event, date } => EditForm::Date { event, date },
            Edit::SetTitle { event, lang, title } => EditForm::Title { event, lang, title },
            Edit::SetSpeaker { quote, speaker } => EditForm::Speaker { quote, speaker },
            Edit::SetPlaces { event, places } => EditForm::Places { event, places },
            Edit::Refuse(warning) => EditForm::Refuse { warning },
            Edit::AddPerson { name, office, side } => EditForm::AddPerson { name, office, side },
            Edit::AddEvent {
                sentence,
                date,
                title,
            } => EditForm::AddEvent {
                sentence,
                date,
                title,
            },
        }
    }
}

impl From<EditForm> for Edit {
    fn from(form: EditForm) -> Edit {
        match form {
            EditForm::Reject { item } => Edit::Reject(item),
            EditForm::Restore { item } => Edit::Restore(item),
            EditForm::Date { event, date } => Edit::SetDate { event, date },
            EditForm::Title { event, lang, title } => Edit::SetTitle { event, lang, title },
            EditForm::Speaker { quote, speaker } => Edit::SetSpeaker { quote, speaker },
            EditForm::Places { event, places } => Edit::SetPlaces { event, places },
            EditForm::Refuse { warning } => Edit::Refuse(warning),
            EditForm::AddPerson { name, office, side } => Edit::AddPerson { name, office, side },
            EditForm::AddEvent {
                sentence,
                date,
                title,
            } => Edit::AddEvent {
                sentence,
                date,
                title,
            },
        }
    }
}

/// A saved edit, as the page keeps it: the edit and its item's anchor
/// ([`super::review::anchor`]; for an added event, its sentence's words).
#[derive(Debug, Serialize, Deserialize)]
pub struct Saved {
    #[serde(flatten)]
    pub edit: Edit,
    pub anchor: Option<String>,
}
