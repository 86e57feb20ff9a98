//! One article open in the studio: its text and metadata extracted, the
//! editor's draft on its story, and the edits as the page keeps them (each
//! with its item's anchor, so that a saved draft reapplies only to the
//! items it was made on when the text has changed since).

use super::codec::{edit_from_json, edit_from_value, edit_to_json};
use super::draft::{Draft, Edit};
use super::review::{anchor, review};
use crate::article::{Article, Meta};
use crate::{extract, Knowledge};
use kuril_core::story::Story;
use serde_json::Value;

/// The studio's state for one article.
pub struct Session {
    draft: Draft,
    /// Saved edits that no longer fit the text, left out on opening.
    dropped: usize,
}

impl Session {
    /// Extracts `text` with its metadata (`key: value` lines) and reapplies
    /// the saved `edits` (a JSON array, as [`Session::edits`] gives) whose
    /// items are still there. The error is a message for the editor.
    pub fn open(text: &str, meta: &str, edits: &str, k: &Knowledge) -> Result<Session, String> {
        let meta = Meta::parse(meta).map_err(|e| format!("the metadata: {e}"))?;
        let story = extract(&Article::new(text, meta), k);
        story.check_size().map_err(|e| e.to_string())?;
        let mut draft = Draft::new(story);
        let saved: Vec<Value> = serde_json::from_str(edits).unwrap_or_default();
        let mut dropped = 0;
        for v in &saved {
            let fits = edit_from_value(v).ok().filter(|e| {
                let here = edit_anchor(&draft.edited(), e);
                here.is_some() && v.get("anchor").and_then(Value::as_str) == here.as_deref()
            });
            match fits.map(|e| draft.apply(e)) {
                Some(Ok(())) => {}
                _ => dropped += 1,
            }
        }
        Ok(Session { draft, dropped })
    }

    /// Makes an edit the page sent as JSON; the error is for the editor.
    pub fn edit(&mut self, json: &str) -> Result<(), String> {
        let edit = edit_from_json(json).map_err(|e| e.to_string())?;
        self.draft.apply(edit).map_err(|e| e.to_string())
    }

    pub fn undo(&mut self) -> bool {
        self.draft.undo()
    }

    pub fn redo(&mut self) -> bool {
        self.draft.redo()
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The edits made, each with its item's anchor, as the page saves them.
    pub fn edits(&self) -> Value {
        let story = self.draft.edited();
        let with_anchor = |e: &Edit| {
            let mut v = edit_to_json(e);
            v["anchor"] = edit_anchor(&story, e).into();
            v
        };
        Value::Array(self.draft.edits().iter().map(with_anchor).collect())
    }

    /// The story file as the editor's draft has it ([`Draft::export`]).
    pub fn story_file(&self) -> String {
        self.draft.export()
    }

    /// The review ([`review`]) with the saved edits and how many saved
    /// edits were left out on opening, as JSON text for the page.
    pub fn review(&self, k: &Knowledge) -> String {
        let mut v = review(&self.draft, &k.gazetteer);
        v["edits"] = self.edits();
        v["dropped"] = self.dropped.into();
        v.to_string()
    }
}

/// What ties a saved edit to the article: its item's anchor, or for an
/// added event the words of its sentence. `story` is the edited one (an
/// edit may be on an event the editor added); the anchors of the
/// extractor's items are the same in it.
fn edit_anchor(story: &Story, edit: &Edit) -> Option<String> {
    match (edit.item(), edit) {
        (Some(item), _) => anchor(story, item),
        (None, Edit::AddEvent { sentence, .. }) => {
            Some(story.slice(*story.sentences.get(*sentence)?).to_string())
        }
        // An added person goes with the name the article writes.
        (None, Edit::AddPerson { name, .. }) => story
            .text
            .contains(name.trim())
            .then(|| name.trim().to_string()),
        (None, _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_edits_reapply_to_their_items_and_only_to_them() {
        let k = Knowledge::load().unwrap();
        let (text, meta) = (crate::ARTICLE, crate::ARTICLE_META);
        let mut s = Session::open(text, meta, "", &k).unwrap();
        s.edit(r#"{"op":"reject","item":"quote-0"}"#).unwrap();
        s.edit(r#"{"op":"speaker","quote":1,"speaker":null}"#)
            .unwrap();
        let last = s.draft().extracted().sentences.len() - 1;
        let add = format!(
            r#"{{"op":"add-event","sentence":{last},"date":"2018-02-12","title":"Talks"}}"#
        );
        s.edit(&add).unwrap();
        let added = s.draft().extracted().events.len();
        s.edit(&format!(
            r#"{{"op":"places","event":{added},"places":["iturup"]}}"#
        ))
        .unwrap();
        assert!(s.edit(r#"{"op":"reject","item":"quote-999"}"#).is_err());
        let saved = s.edits().to_string();
        let again = Session::open(text, meta, &saved, &k).unwrap();
        assert_eq!(again.draft().story(), s.draft().story());
        assert_eq!(again.dropped, 0);
        // The first quotation's words changed: its edit no longer fits;
        // the second one's still does.
        let first = s.draft().extracted().quotes[0].span;
        let cut = s.draft().extracted().slice(first).to_string();
        let changed = text.replacen(&cut, "“Words that were never said.”", 1);
        let other = Session::open(&changed, meta, &saved, &k).unwrap();
        assert_eq!(other.dropped, 1);
        assert_eq!(other.draft().edits().len(), 3);
        // An added event goes with its sentence.
        let last_words = s
            .draft()
            .extracted()
            .slice(s.draft().extracted().sentences[last])
            .to_string();
        let moved = text.replacen(&last_words, "A sentence that was not there.", 1);
        let without = Session::open(&moved, meta, &saved, &k).unwrap();
        assert!(without
            .draft()
            .story()
            .events
            .iter()
            .all(|e| e.id != "editor-1"));
        let review: Value = serde_json::from_str(&other.review(&k)).unwrap();
        assert_eq!(review["dropped"], 1);
        assert!(Session::open(text, "published: 11 Feb", "", &k).is_err());
    }
}
