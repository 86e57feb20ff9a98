//! What the command line publishes from (natively only): a packed story as
//! it is, a story file (`kuril-story/1` JSON, as the studio exports it)
//! read, an article (plain text, its metadata as `key: value` lines)
//! extracted. Told apart by their bytes, not by their names.

use kuril_core::data::Bundle;
use kuril_core::story::pack;

/// The packed story of an input file's `bytes` (`meta`: an article's
/// metadata), or why there is none.
pub fn packed(bytes: &[u8], meta: &str) -> Result<Vec<u8>, String> {
    if pack::is_packed(bytes) {
        pack::decode(bytes).map_err(|e| e.to_string())?;
        return Ok(bytes.to_vec());
    }
    let text = String::from_utf8_lossy(bytes);
    let story = if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('{')
    {
        Bundle::story_from_json(&text).map_err(|e| e.to_string())?
    } else {
        kuril_extract::story_of(&text, meta).map_err(|e| e.to_string())?
    };
    Ok(pack::encode(&story))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_a_story_file_and_a_packed_story_give_the_same_story() {
        let (article, meta) = (kuril_extract::ARTICLE, kuril_extract::ARTICLE_META);
        let from_article = packed(article.as_bytes(), meta).unwrap();
        let story = pack::decode(&from_article).unwrap();
        let json = serde_json::to_string(&story).unwrap();
        assert_eq!(packed(json.as_bytes(), "").unwrap(), from_article);
        assert_eq!(packed(&from_article, "").unwrap(), from_article);
        assert_eq!(from_article, kuril_core::data::STORY);
        let mut newer = from_article.clone();
        newer[3] = b'8';
        assert!(packed(&newer, "").unwrap_err().contains("newer version"));
        assert!(packed(b"{\"schema\": \"kuril-story/9\"}", "").is_err());
    }
}
