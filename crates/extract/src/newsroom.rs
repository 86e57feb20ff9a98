//! What the newsroom module (`crates/newsroom`, run in a Web Worker) does
//! with a fetched file: an article is extracted, a story file is read from
//! JSON, and either way the story goes back to the widget packed
//! (`kuril_core::story::pack`), or the reason there is none, in words for the
//! reader.

use crate::story_of_bytes;
use kuril_core::data::Bundle;
use kuril_core::story::pack;
use kuril_core::story::{file_too_large, MAX_STORY_FILE_BYTES};

/// What a fetched file is meant to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Plain text of an article (`article-src`).
    Article,
    /// A `kuril-story/1` JSON file (`story-src`).
    Story,
}

/// The packed story in a fetched file, or why there is none.
pub fn read(kind: Kind, bytes: &[u8]) -> Result<Vec<u8>, String> {
    // The same cap as the browser's fetch, for callers that read files.
    if kind == Kind::Story && bytes.len() > MAX_STORY_FILE_BYTES {
        return Err(file_too_large(bytes.len(), MAX_STORY_FILE_BYTES));
    }
    let story = match kind {
        Kind::Article => {
            let story = story_of_bytes(bytes).map_err(|e| e.to_string())?;
            story.check_size().map_err(|e| e.to_string())?;
            story
        }
        // The story file reader checks the limits itself.
        Kind::Story => {
            Bundle::story_from_json(&String::from_utf8_lossy(bytes)).map_err(|e| e.to_string())?
        }
    };
    Ok(pack::encode(&story))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_comes_back_as_its_packed_story() {
        let packed = read(Kind::Article, crate::ARTICLE.as_bytes()).unwrap();
        let story = pack::decode(&packed).unwrap();
        assert!(story
            .events
            .iter()
            .any(|e| e.id == "joint-declaration-1956"));
        assert_eq!(story.text, crate::ARTICLE);
    }

    #[test]
    fn a_story_file_comes_back_packed_and_a_bad_one_with_its_reason() {
        let story = crate::bundled_story().unwrap();
        let json = serde_json::to_string(&story).unwrap();
        let packed = read(Kind::Story, json.as_bytes()).unwrap();
        assert_eq!(pack::decode(&packed).unwrap(), story);
        // A byte-order mark does not make a valid file invalid.
        let bom = format!("\u{feff}{json}");
        assert!(read(Kind::Story, bom.as_bytes()).is_ok());
        let html = read(Kind::Story, b"<!doctype html><p>404").unwrap_err();
        assert!(html.contains("HTML page"), "{html}");
        let cut = read(Kind::Story, &json.as_bytes()[..json.len() / 2]).unwrap_err();
        assert!(cut.contains("not a kuril story"), "{cut}");
        let binary = read(Kind::Article, &[0, 159, 146, 150]).unwrap_err();
        assert!(!binary.is_empty());
    }
}
