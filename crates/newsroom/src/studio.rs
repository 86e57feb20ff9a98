//! The studio's module (`studio.html`): the extractor and the editor's draft
//! (`kuril_extract::studio`) in the studio's Web Worker
//! (`embed/studio-worker.js`). A bin of its own, so that what only the studio
//! needs (the review, the story file's writer) costs a widget given
//! `article-src` nothing.

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The studio's open article (the studio's worker runs one).
        static STUDIO: std::cell::RefCell<Option<Session>> = const { std::cell::RefCell::new(None) };
        /// The gazetteer and lexicon, read once per worker.
        static KNOWLEDGE: Result<Knowledge, String> = Knowledge::load().map_err(|e| e.to_string());
    }

    use kuril_extract::studio::Session;
    use kuril_extract::Knowledge;

    /// Runs `f` on the open article and the knowledge; its review as JSON.
    fn with_session(f: impl FnOnce(&mut Session) -> Result<(), String>) -> Result<String, JsValue> {
        KNOWLEDGE
            .with(|k| {
                let k = k.as_ref().map_err(String::clone)?;
                STUDIO.with_borrow_mut(|open| {
                    let s = open.as_mut().ok_or("no article is open in the studio")?;
                    f(s)?;
                    Ok(s.review(k).to_json())
                })
            })
            .map_err(|e: String| JsValue::from(e))
    }

    /// The studio: extracts an article (its metadata as `key: value`
    /// lines), reapplies the saved edits that still fit, and answers with
    /// the review as JSON (`kuril_extract::studio::Review`), or why not.
    #[wasm_bindgen]
    pub fn studio_open(text: &str, meta: &str, edits: &str) -> Result<String, JsValue> {
        let session = KNOWLEDGE.with(|k| {
            let k = k.as_ref().map_err(String::clone)?;
            Session::open(text, meta, edits, k)
        })?;
        STUDIO.set(Some(session));
        with_session(|_| Ok(()))
    }

    /// The studio: one edit (JSON, `kuril_extract::studio::Edit`) or
    /// `undo` / `redo`; answers with the review.
    #[wasm_bindgen]
    pub fn studio_edit(edit: &str) -> Result<String, JsValue> {
        with_session(|s| {
            match edit {
                "undo" => s.undo(),
                "redo" => s.redo(),
                json => return s.edit(json),
            };
            Ok(())
        })
    }

    /// The studio: the open article's published date (ISO) when its year
    /// is `year`, as the editor chose it for a dateline without one
    /// (`Session::published_in`), or why not.
    #[wasm_bindgen]
    pub fn studio_published(year: &str) -> Result<String, JsValue> {
        STUDIO.with_borrow(|open| match open {
            Some(s) => (s.published_in(year).map(|d| d.iso())).map_err(JsValue::from),
            None => Err(JsValue::from("no article is open in the studio")),
        })
    }

    /// The studio: the open article's story file, as the editor's draft
    /// has it (asked after the review, which the page draws first).
    #[wasm_bindgen]
    pub fn studio_story() -> Result<String, JsValue> {
        STUDIO.with_borrow(|open| match open {
            Some(s) => Ok(s.story_file()),
            None => Err(JsValue::from("no article is open in the studio")),
        })
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("kuril-studio runs in the studio's Web Worker: `cargo xtask build` builds it.");
}
