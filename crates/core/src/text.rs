//! Small text helpers shared by the article parser, the lexicon and the
//! gazetteer: spans, case-insensitive whole-word search, tab-separated
//! data files.

/// A range `start..end` into a text. Inside the extractor it counts bytes
/// (always on `char` boundaries); in a [`crate::story::Story`] it counts
/// characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The text this span covers, or `""` if it does not fit `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Finds every occurrence of `needle` in `hay` that starts and ends on a word
/// boundary, ignoring ASCII case. `"1956"` matches in `"the 1956 declaration"`
/// but not in `"19567"`; `"island"` does not match inside `"islands"`.
pub fn find_words(hay: &str, needle: &str) -> Vec<Span> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    // ASCII lower-casing keeps every byte offset, so the standard (fast)
    // substring search can run on the lowered copies.
    let (hay_l, needle_l) = (hay.to_ascii_lowercase(), needle.to_ascii_lowercase());
    hay_l
        .match_indices(&needle_l)
        .map(|(start, _)| Span {
            start,
            end: start + needle.len(),
        })
        .filter(|s| {
            hay.is_char_boundary(s.start)
                && hay.is_char_boundary(s.end)
                && hay[..s.start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !is_word_char(c))
                && hay[s.end..].chars().next().is_none_or(|c| !is_word_char(c))
        })
        .collect()
}

/// One non-comment line of a tab-separated data file, split into fields.
#[derive(Debug)]
pub struct Record<'a> {
    /// 1-based line number in the file, for error messages.
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// Splits a tab-separated data file into records. Blank lines and lines
/// starting with `#` are skipped; the first remaining line is the header and
/// is returned separately so callers can check the columns they expect.
pub fn tsv(src: &str) -> (Option<Record<'_>>, Vec<Record<'_>>) {
    let mut rows = src
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| Record {
            line: i + 1,
            fields: l.split('\t').map(str::trim).collect(),
        });
    let header = rows.next();
    (header, rows.collect())
}

/// Why a data file is not the table its reader expects.
#[derive(Debug, PartialEq, Eq)]
pub enum TableError {
    /// The header row is missing or names other columns.
    Header,
    /// A row (at this 1-based line) has another number of fields.
    Fields { line: usize, found: usize },
}

/// The rows of a tab-separated file whose header names every column of
/// `header`, each as those `N` fields in `header`'s order with its line
/// number. Columns are found by name: their order in the file is the
/// editor's, and a column no reader asks for is left alone. Every row has
/// as many fields as the file's header.
pub fn table<'a, const N: usize>(
    src: &'a str,
    header: [&str; N],
) -> Result<Vec<(usize, [&'a str; N])>, TableError> {
    // The work is done once for every width (no copy per N in the wasm).
    let rows = table_rows(src, &header)?;
    Ok(rows
        .into_iter()
        .filter_map(|(line, fields)| Some((line, fields.try_into().ok()?)))
        .collect())
}

/// [`table`]'s rows, each with the fields of `header` in its order. A
/// name may give alternatives separated by `|` (`title|title_en`).
pub(crate) fn table_rows<'a>(
    src: &'a str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'a str>)>, TableError> {
    let (head, rows) = tsv(src);
    let head = head.ok_or(TableError::Header)?;
    let mut at = Vec::with_capacity(header.len());
    for name in header {
        let i = (head.fields.iter()).position(|f| name.split('|').any(|n| n == *f));
        at.push(i.ok_or(TableError::Header)?);
    }
    let width = head.fields.len();
    rows.into_iter()
        .map(|r| {
            if r.fields.len() != width {
                return Err(TableError::Fields {
                    line: r.line,
                    found: r.fields.len(),
                });
            }
            Ok((r.line, at.iter().map(|&i| r.fields[i]).collect()))
        })
        .collect()
}

/// A [`TableError`] with the name of the file it is in.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FileTableError {
    #[error("{file}: expected the columns '{expected}' in its header")]
    Header {
        file: &'static str,
        expected: String,
    },
    #[error("{file} line {line}: expected {expected} fields, found {found}")]
    Fields {
        file: &'static str,
        line: usize,
        expected: usize,
        found: usize,
    },
}

/// [`table`] for a named file: its errors say which file and what was
/// expected.
pub fn file_table<'a, const N: usize>(
    file: &'static str,
    src: &'a str,
    header: [&str; N],
) -> Result<Vec<(usize, [&'a str; N])>, FileTableError> {
    table(src, header).map_err(|e| file_error(file, &header, e))
}

/// A [`TableError`] of `file`, whose reader asked for `header`.
pub(crate) fn file_error(file: &'static str, header: &[&str], e: TableError) -> FileTableError {
    match e {
        TableError::Header => FileTableError::Header {
            file,
            expected: header.join(" "),
        },
        TableError::Fields { line, found } => FileTableError::Fields {
            file,
            line,
            expected: header.len(),
            found,
        },
    }
}

/// `x` kept within `lo..=hi` (`lo` where `lo > hi`; a NaN `x` becomes
/// `lo`). Not `f64::clamp`: its panic on `lo > hi` formats both with
/// `Debug`, which brings float printing (11 KB) into the reader's wasm,
/// and a widget does not panic on a narrow frame.
pub fn within(x: f64, lo: f64, hi: f64) -> f64 {
    if x > lo {
        x.min(hi).max(lo)
    } else {
        lo
    }
}

/// A decimal number as the data files and options write it (`145.85`,
/// `-3`, `37.5`): an optional sign, digits, an optional point and digits,
/// at most 15 digits in all. The value is the same as `str::parse::<f64>`
/// gives (the digits and the power of ten are exact, and one division
/// rounds correctly), without the general parser's code and tables in the
/// reader's wasm (about 20 KB).
pub fn decimal(s: &str) -> Option<f64> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = whole.len() + frac.len();
    if digits == 0
        || digits > 15
        || !(whole.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let m = (whole.bytes().chain(frac.bytes())).fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
    const TENS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let v = m as f64 / TENS[frac.len()];
    Some(if negative { -v } else { v })
}

/// Splits a list field (`a; b; c`) into its trimmed, non-empty items.
pub fn list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Converts byte offsets of a text into character offsets in constant
/// time: an extraction converts every span it finds, and a binary search per
/// span over a large text was most of its time.
pub struct CharIndex {
    /// The character offset of each byte offset (a byte inside a character
    /// counts as that character); empty for an ASCII text, where the two are
    /// the same.
    char_at: Vec<u32>,
    /// The number of characters.
    end: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex {
                char_at: Vec::new(),
                end: text.len(),
            };
        }
        let mut char_at = Vec::with_capacity(text.len());
        let mut end = 0;
        for ch in text.chars() {
            char_at.extend(std::iter::repeat_n(end as u32, ch.len_utf8()));
            end += 1;
        }
        CharIndex { char_at, end }
    }

    /// The character offset of a byte offset (rounded down to a character;
    /// past the end, the end).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.char_at.get(byte) {
            Some(&c) => c as usize,
            None if self.char_at.is_empty() => byte.min(self.end),
            None => self.end,
        }
    }

    /// A byte span as a character span.
    pub fn span(&self, s: Span) -> Span {
        Span {
            start: self.char_of(s.start),
            end: self.char_of(s.end),
        }
    }
}

/// Where every 64th character of a text starts, built on first use: slicing
/// by character offsets (a story's spans) then costs at most 64 steps, not
/// a walk from the start of a long text. A cache, so any two are equal.
#[derive(Clone, Default)]
pub struct CharSteps(std::cell::OnceCell<Vec<usize>>);

const STEP: usize = 64;

impl PartialEq for CharSteps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for CharSteps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CharSteps")
    }
}

impl CharSteps {
    /// The byte offset of character `ch` of `text` (the text this cache
    /// was first used with), or `None` past its end.
    pub fn byte_of(&self, text: &str, ch: usize) -> Option<usize> {
        let steps = self
            .0
            .get_or_init(|| text.char_indices().step_by(STEP).map(|(i, _)| i).collect());
        let from = match steps.get(ch / STEP) {
            Some(&b) => b,
            None if ch / STEP == steps.len() => text.len(),
            None => return None,
        };
        text.get(from..)?
            .char_indices()
            .map(|(i, _)| from + i)
            .chain(std::iter::once(text.len()))
            .nth(ch % STEP)
    }
}

/// A bad value as a message quotes it back: at most its first 40
/// characters, so a message never carries a whole hostile input.
pub fn quoted_back(s: &str) -> String {
    s.chars().take(40).collect()
}

/// Whether a text is an HTML page rather than a plain text or JSON file.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
}

#[cfg(test)]
mod tests {
    #[test]
    fn char_index_counts_characters() {
        let text = "a’b“c”";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_of(0), 0);
        assert_eq!(idx.char_of(1), 1);
        assert_eq!(idx.char_of(4), 2);
        assert_eq!(idx.char_of(text.len()), 6);
        assert_eq!(
            idx.span(Span { start: 4, end: 8 }),
            Span { start: 2, end: 4 }
        );
    }

    use super::*;

    #[test]
    fn within_keeps_a_number_in_its_range_without_panicking() {
        assert_eq!(within(5.0, 1.0, 16.0), 5.0);
        assert_eq!(within(20.0, 1.0, 16.0), 16.0);
        assert_eq!(within(-3.0, 1.0, 16.0), 1.0);
        assert_eq!(within(f64::NAN, 1.0, 16.0), 1.0);
        assert_eq!(within(5.0, 3.0, 2.0), 3.0);
    }

    #[test]
    fn char_steps_find_every_character_of_a_long_mixed_text() {
        let text = "Итуруп’s “Etorofu” 択捉島 and Iturup. ".repeat(9);
        let steps = CharSteps::default();
        let naive: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (ch, byte) in naive.iter().enumerate() {
            assert_eq!(steps.byte_of(&text, ch), Some(*byte), "character {ch}");
        }
        assert_eq!(steps.byte_of(&text, naive.len()), None);
        assert_eq!(steps.byte_of(&text, naive.len() + 500), None);
    }

    #[test]
    fn whole_words_only_and_case_insensitive() {
        let hay = "Islands, the island; ISLAND-chain 19567 1956.";
        let hits: Vec<_> = find_words(hay, "island")
            .iter()
            .map(|s| s.of(hay))
            .collect();
        assert_eq!(hits, ["island", "ISLAND"]);
        assert_eq!(find_words(hay, "1956").len(), 1);
        assert!(find_words(hay, "").is_empty());
        assert!(find_words("ab", "abc").is_empty());
    }

    #[test]
    fn finds_words_next_to_multibyte_characters() {
        let hay = "Japan’s relations — “Itúrup”";
        assert_eq!(find_words(hay, "Japan").len(), 1);
        assert_eq!(find_words(hay, "Itúrup")[0].of(hay), "Itúrup");
    }

    #[test]
    fn tables_check_their_header_and_row_width() {
        let rows = table("# c\na\tb\n1\t2\n", ["a", "b"]).unwrap();
        assert_eq!(rows, [(3, ["1", "2"])]);
        assert_eq!(table("a\tc\n", ["a", "b"]), Err(TableError::Header));
        assert_eq!(table("", ["a"]), Err(TableError::Header));
        assert_eq!(
            table("a\tb\n1\n", ["a", "b"]),
            Err(TableError::Fields { line: 2, found: 1 })
        );
        // Columns by name: in the file's order, others left alone.
        let rows = table("b\tx\ta\n2\t9\t1\n", ["a", "b"]).unwrap();
        assert_eq!(rows, [(2, ["1", "2"])]);
    }

    #[test]
    fn tsv_skips_comments_and_blank_lines() {
        let (head, rows) = tsv("# c\n\nid\tname\na\t b \n");
        assert_eq!(head.unwrap().fields, ["id", "name"]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].fields, ["a", "b"]);
        assert_eq!(rows[0].line, 4);
        assert_eq!(list(" x; ;y "), ["x", "y"]);
    }

    #[test]
    fn decimals_read_as_the_general_parser_reads_them() {
        for s in [
            "145.85",
            "-3",
            "37.5",
            "0.0007",
            "43.32361",
            "+7",
            "156.12371",
            "123456789012345",
            "1.",
            ".5",
        ] {
            assert_eq!(decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        for bad in [
            "",
            "-",
            ".",
            "1e5",
            "1.2.3",
            "inf",
            "NaN",
            "12a",
            "1234567890123456",
        ] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }
}
