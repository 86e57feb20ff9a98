//! `cargo xtask labels`: writes `data/map/labels.tsv`, where the map
//! writes its labels and its tap targets in every language, laid out by
//! `kuril_core::geo::labels` natively so that the reader's wasm only reads
//! the table; a test keeps it current.

use crate::cmd::{root, step, Result};
use kuril_core::data::{GAZETTEER, MAP, UI};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::geo::labels;
use kuril_core::geo::map::MapAsset;
use kuril_core::i18n::Strings;

pub fn write() -> Result {
    step("the map's labels and tap targets: data/map/labels.tsv");
    let table = labels::table(
        &MapAsset::parse(MAP)?,
        &Gazetteer::parse(GAZETTEER)?,
        &Strings::parse(UI)?,
    );
    std::fs::write(root().join("data/map/labels.tsv"), table)?;
    Ok(())
}
