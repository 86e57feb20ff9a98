//! The studio page's words for items and edits: an item is a key
//! (`event-3`, `quote-0`), an edit a small JSON object named by its `op`
//! ([`EditForm`]). The page keeps the edits in local storage in this form
//! and sends them back after a reload, so a draft outlives the tab. The
//! page never makes a key: it takes each item's from the review, with its
//! index.
//!
//! ```
//! use kuril_extract::studio::{Edit, Item};
//! let edit: Edit = serde_json::from_str(r#"{"op":"reject","item":"quote-2"}"#).unwrap();
//! assert_eq!(edit, Edit::Reject(Item::Quote(2)));
//! let text = serde_json::to_string(&edit).unwrap();
//! assert_eq!(serde_json::from_str::<Edit>(&text).unwrap(), edit);
//! ```

use super::marks::Item;
use kuril_core::i18n::Lang;
use kuril_core::time::date::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a key names no item.
#[derive(Debug, Error, PartialEq)]
#[error("'{0}' names no kind of item")]
pub struct KeyError(pub String);

impl Item {
    /// The item's key: its kind and index, as in `event-3`.
    pub fn key(&self) -> String {
        let (kind, i) = self.kind_index();
        format!("{kind}-{i}")
    }

    /// The item's kind (`event`, `place`, `person`, `quote`, `claim`,
    /// `warning`) and index.
    pub fn kind_index(&self) -> (&'static str, usize) {
        match *self {
            Item::Event(i) => ("event", i),
            Item::Place(i) => ("place", i),
            Item::Person(i) => ("person", i),
            Item::Quote(i) => ("quote", i),
            Item::Claim(i) => ("claim", i),
            Item::Warning(i) => ("warning", i),
        }
    }

    /// The item a key names.
    pub fn from_key(key: &str) -> Result<Item, KeyError> {
        let bad = || KeyError(key.to_string());
        let (kind, i) = key.rsplit_once('-').ok_or_else(bad)?;
        let i: usize = i.parse().map_err(|_| bad())?;
        Ok(match kind {
            "event" => Item::Event(i),
            "place" => Item::Place(i),
            "person" => Item::Person(i),
            "quote" => Item::Quote(i),
            "claim" => Item::Claim(i),
            "warning" => Item::Warning(i),
            _ => return Err(bad()),
        })
    }
}

/// In JSON an item is its key.
impl Serialize for Item {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Item, D::Error> {
        let key = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Item::from_key(&key).map_err(serde::de::Error::custom)
    }
}

/// An edit as the page writes it: `{"op": "reject", "item": "quote-2"}`,
/// `{"op": "date", "event": 3, "date": "1956-10"}` and so on; a language
/// by its code, a date in its ISO form or `null`. [`super::Edit`] is read
/// and written through it.
#[derive(Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum EditForm {
    Reject {
        item: Item,
    },
    Restore {
        item: Item,
    },
    Date {
        event: usize,
        date: Option<Date>,
    },
    Title {
        event: usize,
        #[serde(with = "lang_code")]
        lang: Lang,
        title: String,
    },
    Speaker {
        quote: usize,
        speaker: Option<String>,
    },
    Places {
        event: usize,
        places: Vec<String>,
    },
    Refuse {
        warning: usize,
    },
    AddPerson {
        name: String,
        #[serde(default)]
        office: String,
        side: Option<String>,
    },
    AddEvent {
        sentence: usize,
        date: Option<Date>,
        title: String,
    },
}

/// A language in JSON: its code (`en`, `ru`, `ja`).
mod lang_code {
    use kuril_core::i18n::Lang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(lang.code())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Lang::parse(&code).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::studio::Edit;

    #[test]
    fn every_edit_reads_back_as_itself() {
        let edits = [
            Edit::Reject(Item::Warning(4)),
            Edit::Restore(Item::Person(1)),
            Edit::SetDate {
                event: 2,
                date: Some(Date::parse("1956-10").unwrap()),
            },
            Edit::SetDate {
                event: 2,
                date: None,
            },
            Edit::SetTitle {
                event: 0,
                lang: Lang::Ja,
                title: "日ソ共同宣言".into(),
            },
            Edit::SetSpeaker {
                quote: 3,
                speaker: Some("sergey_lavrov".into()),
            },
            Edit::SetSpeaker {
                quote: 3,
                speaker: None,
            },
            Edit::SetPlaces {
                event: 1,
                places: vec!["iturup".into(), "kunashir".into()],
            },
            Edit::SetPlaces {
                event: 1,
                places: vec![],
            },
            Edit::Refuse(2),
            Edit::AddEvent {
                sentence: 4,
                date: Some(Date::parse("2018-02").unwrap()),
                title: "Talks in Moscow".into(),
            },
            Edit::AddEvent {
                sentence: 0,
                date: None,
                title: "A treaty".into(),
            },
            Edit::AddPerson {
                name: "Михаил Галузин".into(),
                office: "посол России в Японии".into(),
                side: Some("russia".into()),
            },
            Edit::AddPerson {
                name: "清水幸一".into(),
                office: String::new(),
                side: None,
            },
        ];
        for e in edits {
            let text = serde_json::to_string(&e).unwrap();
            assert_eq!(read(&text), Ok(e), "{text}");
        }
    }

    fn read(text: &str) -> Result<Edit, String> {
        serde_json::from_str::<Edit>(text).map_err(|e| e.to_string())
    }

    #[test]
    fn the_pages_words_read_and_bad_words_say_why() {
        // The page's words as it has always written them.
        assert_eq!(
            read(r#"{"op":"title","event":0,"lang":"ja","title":"宣言","anchor":"x"}"#),
            Ok(Edit::SetTitle {
                event: 0,
                lang: Lang::Ja,
                title: "宣言".into()
            })
        );
        assert_eq!(
            read(r#"{"op":"add-person","name":"Lavrov","side":null}"#),
            Ok(Edit::AddPerson {
                name: "Lavrov".into(),
                office: String::new(),
                side: None
            })
        );
        let said = |text: &str, why: &str| {
            let e = read(text).unwrap_err();
            assert!(e.contains(why), "{text}: {e}");
        };
        said(
            r#"{"op":"reject","item":"island-2"}"#,
            "'island-2' names no kind of item",
        );
        said(r#"{"op":"date","event":1,"date":"19 Oct"}"#, "19 Oct");
        assert!(read(r#"{"op":"date","event":-1,"date":null}"#).is_err());
        assert!(read("[1,2]").is_err());
        assert!(read(r#"{"op":"places","event":1,"places":[3]}"#).is_err());
        assert!(read(r#"{"op":"shout"}"#).is_err());
    }

    #[test]
    fn a_key_is_an_items_kind_and_index_and_reads_back() {
        let all = [
            Item::Event(3),
            Item::Place(0),
            Item::Person(12),
            Item::Quote(2),
            Item::Claim(1),
            Item::Warning(4),
        ];
        for item in all {
            assert_eq!(Item::from_key(&item.key()), Ok(item));
        }
        assert_eq!(Item::Quote(2).key(), "quote-2");
        assert_eq!(Item::Event(3).kind_index(), ("event", 3));
        assert!(Item::from_key("quote").is_err());
        assert!(Item::from_key("quote-x").is_err());
    }
}
