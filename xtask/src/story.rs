//! `cargo xtask story`: extracts the story of the bundled article natively
//! and packs it (`kuril_core::story::pack`) into `data/story/`, which the widget
//! includes. The reader's browser never runs the extractor or a JSON parser
//! for the bundled story. `cargo xtask build` runs it first; a test keeps
//! the committed file current.

use crate::cmd::{root, step, Result};
use std::path::PathBuf;

/// The packed story's path.
pub fn path() -> PathBuf {
    root().join("data/story/tass-989536.story")
}

/// The packed story of the bundled article.
pub fn packed() -> Result<Vec<u8>> {
    Ok(kuril_core::story::pack::encode(
        &kuril_extract::bundled_story()?,
    ))
}

/// Writes the packed story when it changed.
pub fn write() -> Result {
    step("bundled story: extract data/article natively, pack into data/story/");
    let bytes = packed()?;
    let path = path();
    if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
        std::fs::create_dir_all(path.parent().expect("data/story"))?;
        std::fs::write(&path, &bytes)?;
        println!("wrote {} ({} bytes)", path.display(), bytes.len());
    } else {
        println!("{} is current ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_packed_story_is_the_extractors_story_of_the_article() {
        let on_disk = std::fs::read(path()).unwrap_or_default();
        assert!(
            on_disk == packed().unwrap(),
            "data/story/tass-989536.story is stale: run cargo xtask story"
        );
        // And it is what the golden file pins, through the packed form.
        let golden =
            std::fs::read_to_string(root().join("tests/golden/tass-989536.story.json")).unwrap();
        let golden = kuril_core::data::Bundle::story_from_json(&golden).unwrap();
        assert_eq!(kuril_core::story::pack::decode(&on_disk).unwrap(), golden);
    }
}
