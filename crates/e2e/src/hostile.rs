//! What the widget must do with each file of the corpus of hostile inputs
//! (`tests/hostile/`, written by `cargo xtask hostile`): the rows of
//! `tests/hostile/expect.tsv`, which the safety checks load in each browser
//! and xtask's native test renders.

use crate::{root, Result};

/// One row of `tests/hostile/expect.tsv`.
pub struct Expect {
    /// Path under `tests/hostile/`.
    pub file: String,
    /// Whether it is given as a story file (`story-src`) or an article.
    pub story: bool,
    /// The message the widget shows, or `None` if it renders the map.
    pub error: Option<String>,
}

/// Reads `tests/hostile/expect.tsv`.
pub fn expectations() -> Result<Vec<Expect>> {
    let text = std::fs::read_to_string(root().join("tests/hostile/expect.tsv"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let [file, outcome] = cols[..] else {
                return Err(format!("expect.tsv: two columns wanted: {l}").into());
            };
            Ok(Expect {
                story: file.starts_with("story/"),
                file: file.to_string(),
                error: outcome.strip_prefix("error: ").map(String::from),
            })
        })
        .collect()
}
