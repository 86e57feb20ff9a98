//! Copies the data files the core bundles into `OUT_DIR` without their
//! comment lines (`#` at the start): the comments document the files for
//! their editors and cost the reader's wasm about 7 KB raw. The parsers
//! skip comment lines, so they read both forms the same. The gazetteer's
//! `aliases` column is emptied too: only the extractor matches names, and
//! it bundles the whole file itself (`kuril_extract::GAZETTEER`).
//!
//! The files with texts of ours are also written with the first language's
//! texts alone (`context-en.tsv`): the reader's wasm carries these, and
//! fetches another language's in a language file (`src/data/files.rs`).
//! The rule is `src/i18n/columns.rs`, compiled here too.

use std::path::PathBuf;

#[path = "src/i18n/columns.rs"]
#[allow(dead_code)]
mod columns;

/// The bundled text files, relative to `data/`.
const FILES: [&str; 10] = [
    "gazetteer.tsv",
    "control.tsv",
    "lines.tsv",
    "proposals.tsv",
    "context.tsv",
    "eras.tsv",
    "ui.tsv",
    "map/kurils.map",
    "map/locator.map",
    "map/labels.tsv",
];

fn main() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let ui = std::fs::read_to_string(data.join("ui.tsv")).expect("data/ui.tsv");
    let codes = columns::codes_of_ui(&ui);
    let first = *codes.first().expect("ui.tsv names its languages");
    for f in FILES {
        let src = data.join(f);
        println!("cargo:rerun-if-changed={}", src.display());
        // The labels' table is written by `cargo xtask labels`, which
        // builds this crate: without it, an empty table (no labels).
        let text = match std::fs::read_to_string(&src) {
            Err(_) if f == "map/labels.tsv" => String::new(),
            read => read.unwrap_or_else(|e| panic!("{}: {e}", src.display())),
        };
        let mut aliases = None;
        let kept: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let mut cells: Vec<&str> = l.split('\t').collect();
                if f == "gazetteer.tsv" {
                    match aliases {
                        None => aliases = cells.iter().position(|c| *c == "aliases"),
                        Some(i) if i < cells.len() => cells[i] = "",
                        Some(_) => {}
                    }
                }
                format!("{}\n", cells.join("\t"))
            })
            .collect();
        if columns::ONE_LANGUAGE.contains(&f) {
            let one = columns::keep_languages(&kept, &codes, &[first]);
            let name = f.replace(".tsv", &format!("-{first}.tsv"));
            std::fs::write(out.join(name), one).unwrap_or_else(|e| panic!("{f}: {e}"));
        }
        std::fs::write(out.join(f.replace('/', "-")), kept).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
}
