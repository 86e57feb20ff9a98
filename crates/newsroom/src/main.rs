//! The newsroom module: what only a widget given `article-src` or
//! `story-src` needs, loaded on demand into a Web Worker
//! (`embed/kuril-newsroom-worker.js`) so the host page's main thread never
//! waits on it. It extracts an article's story or reads a story file
//! (`kuril_extract::newsroom::read`) and answers with the story packed
//! (`kuril_core::story::pack`), which the reader's bundle unpacks.

#[cfg(target_arch = "wasm32")]
mod web {
    use kuril_extract::newsroom::{read, Kind};
    use wasm_bindgen::prelude::*;

    /// The packed story of an article's text, or why there is none (thrown
    /// as a string).
    #[wasm_bindgen]
    pub fn read_article(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
        read(Kind::Article, bytes).map_err(JsValue::from)
    }

    /// The packed story of a `kuril-story/1` JSON file, or why there is
    /// none (thrown as a string).
    #[wasm_bindgen]
    pub fn read_story(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
        read(Kind::Story, bytes).map_err(JsValue::from)
    }

    /// Times extractions of the bundled article, for `cargo xtask bench`:
    /// batches of ten (the clock is coarse), the per-extraction median and
    /// fastest in microseconds, as JSON.
    #[wasm_bindgen]
    pub fn bench_extract(runs: u32) -> String {
        use kuril_extract::article::{Article, Meta};
        use kuril_extract::{extract, Knowledge, ARTICLE, ARTICLE_META};
        let now = || js_sys::Date::now();
        let (Ok(k), Ok(meta)) = (Knowledge::load(), Meta::parse(ARTICLE_META)) else {
            return "{\"error\":\"the bundled data does not load\"}".into();
        };
        let article = Article::new(ARTICLE, meta);
        let _ = extract(&article, &k);
        const BATCH: u32 = 10;
        let mut us: Vec<u64> = (0..runs.div_ceil(BATCH).max(1))
            .map(|_| {
                let t = now();
                for _ in 0..BATCH {
                    std::hint::black_box(extract(&article, &k));
                }
                ((now() - t) * 1000.0 / f64::from(BATCH)) as u64
            })
            .collect();
        us.sort_unstable();
        format!(
            "{{\"batches\":{},\"batch\":{BATCH},\"median_us\":{},\"min_us\":{}}}",
            us.len(),
            us[us.len() / 2],
            us[0]
        )
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("kuril-newsroom runs in a browser's Web Worker: `cargo xtask build` builds it.");
}
