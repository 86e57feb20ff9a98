//! Fuzzes the extractor: any bytes, read as an article (with and without a
//! publication date), must give a story or a clear error, never a panic, and
//! every span in the story must fit its text.

#![no_main]

use kuril_extract::article::{Article, Meta};
use kuril_extract::Knowledge;
use kuril_core::time::date::Date;
use kuril_extract::extract;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn knowledge() -> &'static Knowledge {
    static K: OnceLock<Knowledge> = OnceLock::new();
    K.get_or_init(|| Knowledge::load().expect("bundled knowledge loads"))
}

fuzz_target!(|data: &[u8]| {
    let k = knowledge();
    let published = Some(Date { year: 2018, month: 2, day: 11 });
    // The strict reader: a story or an error value.
    if let Ok(article) = Article::from_bytes(data, Meta::default()) {
        let story = extract(&article, k);
        let chars = story.text.chars().count();
        for span in story.events.iter().flat_map(|e| e.evidence.iter()).chain(story.mentions.iter().map(|m| &m.span)) {
            assert!(span.start <= span.end && span.end <= chars);
            let _ = story.slice(*span);
        }
    }
    // Any text at all, control characters included.
    let text = String::from_utf8_lossy(data);
    let story = extract(&Article::new(&text, Meta { published, ..Meta::default() }), k);
    for q in &story.quotes {
        let _ = story.slice(q.span);
    }
});
