//! A data file with the texts of some languages only: the reader's wasm
//! carries its files with English texts alone, and a language file
//! (`crate::data::files`) the same files with English and one more. The
//! columns stay, their cells in the other languages emptied: every reader
//! of these files reads them unchanged, and [`super::Texts::get`] falls
//! back to English where a text is empty.
//!
//! Plain `std` and no other module of the crate: `build.rs` compiles this
//! file too (`#[path]`), so the build and the code share one rule.

/// The data files (in `data/`) whose texts the reader's wasm carries in
/// English alone, and a language file holds in English and its language.
/// The gazetteer keeps every language: a place's card shows its name in
/// each.
pub const ONE_LANGUAGE: [&str; 5] = [
    "context.tsv",
    "eras.tsv",
    "lines.tsv",
    "proposals.tsv",
    "ui.tsv",
];

/// `tsv` with the cells of text columns not in `keep` emptied. A text
/// column is named by a language code of `codes` (`data/ui.tsv`'s `ru`) or
/// ends in `_` and one (`title_ru`); English's column without its code
/// (`title`) is English's. The header is the first line that is not a
/// comment (`#`); comment lines and other columns are kept as they are.
pub fn keep_languages(tsv: &str, codes: &[&str], keep: &[&str]) -> String {
    let mut out = String::with_capacity(tsv.len());
    let mut dropped: Option<Vec<bool>> = None;
    for line in tsv.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let end = &line[body.len()..];
        if body.starts_with('#') {
            out.push_str(line);
            continue;
        }
        let Some(drop) = &dropped else {
            dropped = Some(
                body.split('\t')
                    .map(|c| dropped_column(c, codes, keep))
                    .collect(),
            );
            out.push_str(line);
            continue;
        };
        for (i, cell) in body.split('\t').enumerate() {
            if i > 0 {
                out.push('\t');
            }
            if !drop.get(i).copied().unwrap_or(false) {
                out.push_str(cell);
            }
        }
        out.push_str(end);
    }
    out
}

/// Whether the column `name` holds a language's text that is not kept.
fn dropped_column(name: &str, codes: &[&str], keep: &[&str]) -> bool {
    let lang = codes.iter().find(|code| {
        name == **code
            || name
                .strip_suffix(**code)
                .is_some_and(|base| base.len() > 1 && base.ends_with('_'))
    });
    lang.is_some_and(|code| !keep.contains(code))
}

/// The language codes of `data/ui.tsv`'s header: its columns after `key`.
pub fn codes_of_ui(ui: &str) -> Vec<&str> {
    let header = ui.lines().find(|l| !l.starts_with('#')).unwrap_or("");
    header.split('\t').skip(1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODES: [&str; 3] = ["en", "ru", "ja"];

    #[test]
    fn empties_the_cells_of_languages_not_kept() {
        let tsv = "# a comment\tstays\nid\ttitle\ttitle_ru\ttitle_ja\tsource\n\
                   a\tTreaty\tДоговор\t条約\thttps://x/\nb\tB\r\n";
        assert_eq!(
            keep_languages(tsv, &CODES, &["en"]),
            "# a comment\tstays\nid\ttitle\ttitle_ru\ttitle_ja\tsource\n\
             a\tTreaty\t\t\thttps://x/\nb\tB\r\n"
        );
        assert_eq!(
            keep_languages(tsv, &CODES, &["en", "ja"]),
            "# a comment\tstays\nid\ttitle\ttitle_ru\ttitle_ja\tsource\n\
             a\tTreaty\t\t条約\thttps://x/\nb\tB\r\n"
        );
    }

    #[test]
    fn reads_columns_named_by_a_code_alone() {
        let ui = "key\ten\tru\tja\nhi\tHello\tПривет\tこんにちは\n";
        assert_eq!(codes_of_ui(ui), CODES);
        assert_eq!(
            keep_languages(ui, &CODES, &["en", "ru"]),
            "key\ten\tru\tja\nhi\tHello\tПривет\t\n"
        );
        // A column that only ends in a code's letters is not a language's.
        assert!(!dropped_column("menu", &CODES, &["en"]));
        assert!(!dropped_column("_ru", &CODES, &["en"]));
        assert!(dropped_column("label_ru", &CODES, &["en"]));
    }
}
