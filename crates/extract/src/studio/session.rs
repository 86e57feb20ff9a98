//! One article open in the studio: its text and metadata extracted, the
//! editor's draft on its story, and the edits as the page keeps them (each
//! with its item's anchor, so that a saved draft reapplies only to the
//! items it was made on when the text has changed since).

use super::draft::Draft;
use super::edit::{Edit, Saved};
use super::review::{anchor, review, Review};
use crate::article::{Article, Meta};
use crate::{extract, Knowledge};
use kuril_core::story::Story;
use kuril_core::time::date::Date;
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
        // One by one: an edit the page's older words cannot give is one
        // left out, not the draft.
        let saved: Vec<Value> = serde_json::from_str(edits).unwrap_or_default();
        let mut dropped = 0;
        for v in saved {
            let fits = serde_json::from_value::<Saved>(v).ok().filter(|s| {
                let here = edit_anchor(&draft.edited(), &s.edit);
                here.is_some() && s.anchor == here
            });
            match fits.map(|s| draft.apply(s.edit)) {
                Some(Ok(())) => {}
                _ => dropped += 1,
            }
        }
        Ok(Session { draft, dropped })
    }

    /// Makes an edit the page sent as JSON; the error is for the editor.
    pub fn edit(&mut self, json: &str) -> Result<(), String> {
        // Read as a saved edit is (its anchor aside): the module then
        // carries one reader of edits, not two.
        let saved = serde_json::from_str(json).and_then(serde_json::from_value::<Saved>);
        let edit = saved.map_err(|e| format!("not an edit: {e}"))?.edit;
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
    pub fn edits(&self) -> Vec<Saved> {
        let story = self.draft.edited();
        (self.draft.edits().iter())
            .map(|e| Saved {
                anchor: edit_anchor(&story, e),
                edit: e.clone(),
            })
            .collect()
    }

    /// The story file as the editor's draft has it ([`Draft::export`]).
    pub fn story_file(&self) -> String {
        self.draft.export()
    }

    /// The review ([`review`]) with the saved edits and how many saved
    /// edits were left out on opening.
    pub fn review(&self, k: &Knowledge) -> Review {
        Review {
            edits: self.edits(),
            dropped: self.dropped,
            ..review(&self.draft, &k.gazetteer)
        }
    }

    /// The article's date when its year is `year` (four digits, as the
    /// editor chose it for a dateline without one): the dateline's day in
    /// that year. The page makes it the article's published date, and the
    /// text is read again with it. The error is for the editor.
    pub fn published_in(&self, year: &str) -> Result<Date, String> {
        let year = year.trim();
        let four = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        let day = self.draft.extracted().article.dateline.as_ref();
        match (four, day) {
            (true, Some(d)) => Date::ymd(year.parse().unwrap_or_default(), d.month, d.day)
                .map_err(|e| e.to_string()),
            (true, None) => Err("The article has no dateline to give a year to.".into()),
            (false, _) => Err("A year is four digits, such as 2018.".into()),
        }
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
        let why = s.edit(r#"{"op":"reject","item":"island-2"}"#).unwrap_err();
        assert!(why.contains("'island-2' names no kind of item"), "{why}");
        assert!(s.edit(r#"{"op":"shout"}"#).is_err());
        let saved = serde_json::to_string(&s.edits()).unwrap();
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
        let review = serde_json::to_value(other.review(&k)).unwrap();
        assert_eq!(review["dropped"], 1);
        assert_eq!(review["edits"].as_array().map(Vec::len), Some(3));
        // The page's words of an older release still read, each alone.
        let older = r#"[{"op":"reject","item":"quote-0","anchor":null},{"op":"shout"},
            {"op":"speaker","quote":1,"speaker":null,"anchor":"x"}]"#;
        assert_eq!(Session::open(text, meta, older, &k).unwrap().dropped, 3);
        assert!(Session::open(text, "published: 11 Feb", "", &k).is_err());
    }

    #[test]
    fn a_chosen_year_gives_the_datelines_day_in_that_year() {
        let k = Knowledge::load().unwrap();
        let text = "TOKYO, March 3. /Kyodo/. Drills were held on Kunashir, the ministry said.";
        let s = Session::open(text, "", "", &k).unwrap();
        assert_eq!(
            s.published_in("2019").map(|d| d.iso()),
            Ok("2019-03-03".into())
        );
        assert_eq!(
            s.published_in(" 1956 ").map(|d| d.iso()),
            Ok("1956-03-03".into())
        );
        for bad in ["19", "20190", "two", ""] {
            assert_eq!(
                s.published_in(bad),
                Err("A year is four digits, such as 2018.".into()),
                "{bad}"
            );
        }
        // A day the year does not have.
        let leap = "TOKYO, February 29. /Kyodo/. Drills were held on Kunashir.";
        let s = Session::open(leap, "", "", &k).unwrap();
        assert_eq!(
            s.published_in("2020").map(|d| d.iso()),
            Ok("2020-02-29".into())
        );
        assert!(s.published_in("2019").is_err());
        // No dateline: nothing to give the year to.
        let s = Session::open("Drills were held on Kunashir.", "", "", &k).unwrap();
        assert!(s.published_in("2019").is_err());
    }
}
