//! The studio page's words for items and edits: an item is a key
//! (`event-3`, `quote-0`), an edit a small JSON object. The page keeps the
//! edits in local storage in this form and sends them back after a reload,
//! so a draft outlives the tab.
//!
//! ```
//! use kuril_extract::studio::{codec, Edit, Item};
//! let edit = codec::edit_from_json(r#"{"op":"reject","item":"quote-2"}"#).unwrap();
//! assert_eq!(edit, Edit::Reject(Item::Quote(2)));
//! assert_eq!(codec::edit_from_json(&codec::edit_to_json(&edit).to_string()), Ok(edit));
//! ```

use super::draft::Edit;
use super::marks::Item;
use kuril_core::i18n::Lang;
use kuril_core::time::date::Date;
use serde_json::{json, Value};
use thiserror::Error;

/// Why the page's words are not an edit.
#[derive(Debug, Error, PartialEq)]
pub enum CodecError {
    #[error("'{0}' names no kind of item")]
    Item(String),
    #[error("'{0}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")]
    Date(String),
    #[error("not an edit: {0}")]
    Edit(String),
}

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
    pub fn from_key(key: &str) -> Result<Item, CodecError> {
        let bad = || CodecError::Item(key.to_string());
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

/// An edit as the page sends it.
pub fn edit_to_json(edit: &Edit) -> Value {
    match edit {
        Edit::Reject(i) => json!({ "op": "reject", "item": i.key() }),
        Edit::Restore(i) => json!({ "op": "restore", "item": i.key() }),
        Edit::SetDate { event, date } => {
            json!({ "op": "date", "event": event, "date": date.map(|d| d.iso()) })
        }
        Edit::SetTitle { event, lang, title } => {
            json!({ "op": "title", "event": event, "lang": lang.code(), "title": title })
        }
        Edit::SetSpeaker { quote, speaker } => {
            json!({ "op": "speaker", "quote": quote, "speaker": speaker })
        }
        Edit::SetPlaces { event, places } => {
            json!({ "op": "places", "event": event, "places": places })
        }
        Edit::Refuse(w) => json!({ "op": "refuse", "warning": w }),
        Edit::AddPerson { name, office, side } => {
            json!({ "op": "add-person", "name": name, "office": office, "side": side })
        }
        Edit::AddEvent {
            sentence,
            date,
            title,
        } => {
            json!({ "op": "add-event", "sentence": sentence, "date": date.map(|d| d.iso()), "title": title })
        }
    }
}

/// The edit the page's JSON describes.
pub fn edit_from_json(text: &str) -> Result<Edit, CodecError> {
    let v: Value = serde_json::from_str(text).map_err(|e| CodecError::Edit(e.to_string()))?;
    edit_from_value(&v)
}

/// The edit a parsed JSON object describes.
pub fn edit_from_value(v: &Value) -> Result<Edit, CodecError> {
    let bad = || CodecError::Edit(v.to_string());
    let str_of = |k: &str| v.get(k).and_then(Value::as_str);
    let index = |k: &str| {
        (v.get(k).and_then(Value::as_u64))
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(bad)
    };
    let item = || Item::from_key(str_of("item").ok_or_else(bad)?);
    let date = || match v.get("date") {
        Some(Value::String(d)) => Date::parse(d)
            .map(Some)
            .map_err(|_| CodecError::Date(d.clone())),
        Some(Value::Null) | None => Ok(None),
        Some(_) => Err(bad()),
    };
    Ok(match str_of("op").ok_or_else(bad)? {
        "reject" => Edit::Reject(item()?),
        "restore" => Edit::Restore(item()?),
        "date" => Edit::SetDate {
            event: index("event")?,
            date: date()?,
        },
        "add-event" => Edit::AddEvent {
            sentence: index("sentence")?,
            date: date()?,
            title: str_of("title").ok_or_else(bad)?.to_string(),
        },
        "title" => Edit::SetTitle {
            event: index("event")?,
            lang: Lang::parse(str_of("lang").ok_or_else(bad)?).map_err(|_| bad())?,
            title: str_of("title").ok_or_else(bad)?.to_string(),
        },
        "speaker" => Edit::SetSpeaker {
            quote: index("quote")?,
            speaker: str_of("speaker").map(str::to_string),
        },
        "places" => Edit::SetPlaces {
            event: index("event")?,
            places: (v
                .get("places")
                .and_then(Value::as_array)
                .ok_or_else(bad)?
                .iter())
            .map(|p| p.as_str().map(str::to_string).ok_or_else(bad))
            .collect::<Result<_, _>>()?,
        },
        "refuse" => Edit::Refuse(index("warning")?),
        "add-person" => Edit::AddPerson {
            name: str_of("name").ok_or_else(bad)?.to_string(),
            office: str_of("office").unwrap_or_default().to_string(),
            side: str_of("side").map(str::to_string),
        },
        _ => return Err(bad()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_edit_reads_back_as_itself_and_bad_words_say_why() {
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
            let text = edit_to_json(&e).to_string();
            assert_eq!(edit_from_json(&text), Ok(e), "{text}");
        }
        assert_eq!(
            edit_from_json(r#"{"op":"reject","item":"island-2"}"#),
            Err(CodecError::Item("island-2".into()))
        );
        assert_eq!(
            edit_from_json(r#"{"op":"date","event":1,"date":"19 Oct"}"#),
            Err(CodecError::Date("19 Oct".into()))
        );
        assert!(edit_from_json(r#"{"op":"date","event":-1,"date":null}"#).is_err());
        assert!(edit_from_json("[1,2]").is_err());
        assert!(edit_from_json(r#"{"op":"places","event":1,"places":[3]}"#).is_err());
    }
}
