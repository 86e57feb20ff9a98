//! A news article as plain text with optional metadata: its blocks
//! (paragraphs), sentences with byte offsets, headline, dateline (in
//! `dateline.rs`) and language.

mod dateline;

use dateline::{dateline, japanese_dateline};
pub use dateline::{month_named, Dateline};

use kuril_core::text::Span;
use kuril_core::time::date::{Date, DateError};
use thiserror::Error;

/// Metadata that travels with an article text (`*.meta` file: `key: value`
/// lines, or TOML's `key = "value"`; `#` starts a comment). Every field is
/// optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub language: Option<String>,
}

/// Why a metadata file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum MetaError {
    #[error("metadata line {line}: expected 'key: value'")]
    Syntax { line: usize },
    #[error("metadata line {line}: unknown key '{key}'")]
    UnknownKey { line: usize, key: String },
    #[error("metadata line {line}: {source}")]
    Date { line: usize, source: DateError },
}

impl Meta {
    /// Parses a metadata file.
    pub fn parse(src: &str) -> Result<Meta, MetaError> {
        let mut meta = Meta::default();
        for (i, raw) in src.lines().enumerate() {
            let line = i + 1;
            let l = raw.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            // `key: value`, or TOML's `key = "value"`.
            let (key, value) = match (l.split_once('='), l.split_once(':')) {
                (Some((k, v)), Some((k2, _))) if k.len() < k2.len() => (k, v),
                (Some((k, v)), None) => (k, v),
                (_, Some((k, v))) => (k, v),
                (None, None) => return Err(MetaError::Syntax { line }),
            };
            let value = value.trim().trim_matches('"').to_string();
            match key.trim() {
                "publisher" => meta.publisher = Some(value),
                "url" => meta.url = Some(value),
                "language" => meta.language = Some(value),
                "published" => {
                    meta.published = Some(
                        Date::parse(&value).map_err(|source| MetaError::Date { line, source })?,
                    )
                }
                other => {
                    return Err(MetaError::UnknownKey {
                        line,
                        key: other.to_string(),
                    })
                }
            }
        }
        Ok(meta)
    }
}

/// Why bytes are not an article text.
#[derive(Debug, Error, PartialEq)]
pub enum ArticleError {
    #[error("the article is empty")]
    Empty,
    #[error("the article is not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    #[error("the article is not plain text (control character at offset {0})")]
    Binary(usize),
    /// A web page where a text was expected: often a server's error or
    /// index page answering for a missing file.
    #[error("the article is an HTML page, not plain text")]
    Html,
    #[error("{}", kuril_core::story::file_too_large(*.0, kuril_core::story::MAX_TEXT_BYTES))]
    TooLong(usize),
}

pub use kuril_core::text::looks_like_html;

/// An article: its text, metadata and the structure found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub text: String,
    pub meta: Meta,
    /// Paragraphs: runs of non-blank lines.
    pub blocks: Vec<Span>,
    /// Sentences in text order, never crossing a block.
    pub sentences: Vec<Span>,
    pub headline: Option<Span>,
    pub dateline: Option<Dateline>,
}

/// Whether a block reads as a headline: one line of a few words (four or
/// more; in Japanese, which has no spaces, six characters or more), at most
/// 300 characters (counting stops there), not ending as a sentence does.
fn is_headline(t: &str) -> bool {
    let t = t.trim();
    let cjk = t
        .chars()
        .filter(|c| crate::names::is_cjk(*c))
        .take(6)
        .count();
    t.chars().take(301).count() <= 300
        && !t.contains('\n')
        && (t.split_whitespace().count() >= 4 || cjk >= 6)
        && !t.ends_with(['.', '。'])
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "U.S", "U.N", "U.K", "U.S.S.R", "Mr", "Mrs", "Ms", "Dr", "St", "No", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc", "e.g", "i.e",
    "approx", "г", "гг", "т.е", "т.д", "т.п", "им", "ул",
];

/// The length of the longest of [`ABBREVIATIONS`] ("U.S.S.R"; a test
/// keeps it so).
const LONGEST_ABBREVIATION: usize = 7;

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»', '」', '』'];
const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '[', '«', '「', '『'];

/// The full stops of Japanese: a sentence ends there, with no space after.
const JAPANESE_STOPS: &[char] = &['。', '！', '？'];

impl Article {
    /// Reads an article text and its metadata.
    pub fn new(text: &str, meta: Meta) -> Article {
        let text = text.replace("\r\n", "\n");
        let blocks = blocks(&text);
        let sentences = blocks.iter().flat_map(|b| sentences(&text, *b)).collect();
        let dateline = blocks.iter().find_map(|b| {
            dateline(&text, *b).or_else(|| japanese_dateline(&text, *b, meta.published))
        });
        // Before the dateline, or without one the first block only (a
        // short paragraph further down is no headline).
        let before = if dateline.is_some() { blocks.len() } else { 1 };
        let headline = blocks
            .iter()
            .copied()
            .take_while(|b| dateline.as_ref().is_none_or(|d| b.end <= d.span.start))
            .take(before)
            .find(|b| is_headline(b.of(&text)));
        Article {
            text,
            meta,
            blocks,
            sentences,
            headline,
            dateline,
        }
    }

    /// Reads an article from bytes, refusing what is not a plain text.
    pub fn from_bytes(bytes: &[u8], meta: Meta) -> Result<Article, ArticleError> {
        if bytes.len() > kuril_core::story::MAX_TEXT_BYTES {
            return Err(ArticleError::TooLong(bytes.len()));
        }
        let text =
            std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8(e.valid_up_to()))?;
        if let Some(at) = text.find(|c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            return Err(ArticleError::Binary(at));
        }
        if text.trim().is_empty() {
            return Err(ArticleError::Empty);
        }
        if looks_like_html(text) {
            return Err(ArticleError::Html);
        }
        Ok(Article::new(text, meta))
    }

    /// The article's language: the metadata's, else the script most of its
    /// letters are written in (`ja` for kana and kanji, `ru` for Cyrillic,
    /// else `en`). The first 4,000 letters decide.
    pub fn language(&self) -> String {
        if let Some(l) = &self.meta.language {
            return l.clone();
        }
        let (mut ja, mut ru, mut all) = (0, 0, 0);
        for c in self.text.chars().filter(|c| c.is_alphabetic()).take(4000) {
            all += 1;
            if crate::names::is_cjk(c) {
                ja += 1;
            } else if crate::names::is_cyrillic(c) {
                ru += 1;
            }
        }
        match (ja * 5 > all, ru * 2 > all) {
            (true, _) => "ja",
            (_, true) => "ru",
            _ => "en",
        }
        .into()
    }
}

fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(Span { start: s, end });
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            start.get_or_insert(pos + lead);
            end = pos + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(Span { start: s, end });
    }
    out
}

/// Whether the word that ends just before the full stop at `dot` is an
/// abbreviation or an initial. The look back stops one character past the
/// longest abbreviation: a longer word is none, and a run of dots or a text
/// without spaces would otherwise be read back to its start for every dot.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let mut word_start = 0;
    for (n, (i, c)) in text[..dot].char_indices().rev().enumerate() {
        if c.is_whitespace() || OPENERS.contains(&c) {
            word_start = i + c.len_utf8();
            break;
        }
        if n >= LONGEST_ABBREVIATION {
            return false;
        }
    }
    let word = &text[word_start..dot];
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The sentences of a block. It walks the text once, with no copy of it:
/// the look-ahead after a full stop covers only the closing marks and
/// spaces that follow it.
fn sentences(text: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = block.start;
    let body = &text[..block.end];
    let mut at = block.start;
    // How deep inside 「…」 the walk is: a Japanese full stop there ends a
    // sentence of the quotation, not the reporting one («…と述べた。»).
    let mut depth = 0usize;
    while let Some(c) = body[at..].chars().next() {
        let here = at;
        at += c.len_utf8();
        match c {
            '「' | '『' => depth += 1,
            '」' | '』' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if JAPANESE_STOPS.contains(&c) {
            if depth == 0 {
                let end = block.end - body[at..].trim_start_matches(CLOSERS).len();
                let next = body[end..].trim_start();
                out.push(Span { start, end });
                start = block.end - next.len();
                at = start;
            }
            continue;
        }
        if !matches!(c, '.' | '!' | '?') || (c == '.' && is_abbreviation(text, here)) {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they close.
        let after = &body[at..];
        let end = block.end - after.trim_start_matches(CLOSERS).len();
        let rest = &body[end..];
        let next = rest.trim_start();
        let next_starts = next
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n));
        if rest.starts_with(char::is_whitespace) && next_starts {
            out.push(Span { start, end });
            start = block.end - next.len();
            at = start;
        }
    }
    if start < block.end {
        out.push(Span {
            start,
            end: block.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(a: &Article) -> Vec<&str> {
        a.sentences.iter().map(|s| s.of(&a.text)).collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations_or_datelines() {
        let a = Article::new(
            "MOSCOW, Feb. 11. /TASS/. The U.S. and Japan met. \"We agree,\" he said. 'Yes.'\n\nNext block!",
            Meta::default(),
        );
        assert_eq!(
            texts(&a),
            [
                "MOSCOW, Feb. 11. /TASS/.",
                "The U.S. and Japan met.",
                "\"We agree,\" he said.",
                "'Yes.'",
                "Next block!"
            ]
        );
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        let a = Article::new("“It was unfair.” Lavrov noted. “Done.”", Meta::default());
        assert_eq!(texts(&a), ["“It was unfair.”", "Lavrov noted.", "“Done.”"]);
    }

    #[test]
    fn finds_dateline_headline_and_blocks() {
        let a = Article::new(
            "All news\n\nPeace treaty talks need a wider view\n\nMOSXOW, February 11. /TASS/. It is hard.",
            Meta::default(),
        );
        let d = a.dateline.clone().unwrap();
        assert_eq!(d.place.of(&a.text), "MOSXOW");
        assert_eq!((d.month, d.day), (2, 11));
        assert_eq!(d.agency.unwrap().of(&a.text), "TASS");
        assert_eq!(d.span.of(&a.text), "MOSXOW, February 11. /TASS/.");
        assert_eq!(
            a.headline.unwrap().of(&a.text),
            "Peace treaty talks need a wider view"
        );
        assert_eq!(a.blocks.len(), 3);
    }

    #[test]
    fn japanese_sentences_end_at_full_stops_outside_quotes() {
        let a = Article::new(
            "外相は「合意した。次に進む」と述べた。首相も語った。",
            Meta::default(),
        );
        assert_eq!(
            texts(&a),
            ["外相は「合意した。次に進む」と述べた。", "首相も語った。"]
        );
        let r = Article::new("В 1956 г. СССР и Япония. Договор.", Meta::default());
        assert_eq!(texts(&r), ["В 1956 г. СССР и Япония.", "Договор."]);
    }

    #[test]
    fn the_language_is_the_metadatas_else_the_scripts() {
        let lang = |t: &str| Article::new(t, Meta::default()).language();
        assert_eq!(lang("Lavrov said."), "en");
        assert_eq!(lang("Лавров заявил, что Tokyo…"), "ru");
        assert_eq!(lang("ラブロフ外相はTASSに述べた。"), "ja");
        let meta = Meta {
            language: Some("ru".into()),
            ..Meta::default()
        };
        assert_eq!(Article::new("Lavrov said.", meta).language(), "ru");
    }

    #[test]
    fn the_longest_abbreviation_is_as_long_as_the_look_back() {
        let longest = ABBREVIATIONS.iter().map(|a| a.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_ABBREVIATION));
    }

    #[test]
    fn a_long_first_line_is_no_headline() {
        let long = format!("{} without a full stop\n\nText.", "Many words ".repeat(30));
        assert!(Article::new(&long, Meta::default()).headline.is_none());
        let short = "Lavrov speaks on the islands\n\nText.";
        assert!(Article::new(short, Meta::default()).headline.is_some());
    }

    #[test]
    fn a_headline_without_a_dateline_is_the_first_line_in_any_script() {
        let ja = "ロシア、国後島と択捉島に地対艦ミサイル配備\n\nロシア軍は、北方領土の国後島と択捉島に新型の地対艦ミサイルを配備した。";
        let a = Article::new(ja, Meta::default());
        assert!(a.dateline.is_none());
        assert_eq!(
            a.headline.unwrap().of(&a.text),
            "ロシア、国後島と択捉島に地対艦ミサイル配備"
        );
        let ru = "Россия разместила ракеты на Курилах\n\nКомплексы «Бал» и «Бастион» размещены на Итурупе и Кунашире.";
        let a = Article::new(ru, Meta::default());
        assert_eq!(
            a.headline.unwrap().of(&a.text),
            "Россия разместила ракеты на Курилах"
        );
        // A sentence, a short Japanese fragment or a later paragraph is not.
        for none in ["日本の抗議\n\n本文。", "Japan protests the drills.\n\nText here.", "A long first paragraph that is a sentence, really, and goes on.\n\nShort line of words here\n\nMore."] {
            assert!(Article::new(none, Meta::default()).headline.is_none(), "{none}");
        }
    }

    #[test]
    fn no_dateline_in_ordinary_prose() {
        let a = Article::new(
            "Tokyo, as ever, said no. In 1956, Moscow agreed.",
            Meta::default(),
        );
        assert!(a.dateline.is_none());
        assert!(a.headline.is_none());
        assert!(Article::new("", Meta::default()).sentences.is_empty());
    }

    #[test]
    fn refuses_empty_and_non_text_input() {
        assert_eq!(
            Article::from_bytes(b"  \n", Meta::default()),
            Err(ArticleError::Empty)
        );
        assert_eq!(
            Article::from_bytes(b"ab\xff", Meta::default()),
            Err(ArticleError::NotUtf8(2))
        );
        assert_eq!(
            Article::from_bytes(b"PK\x03\x04", Meta::default()),
            Err(ArticleError::Binary(2))
        );
        assert!(Article::from_bytes("Tokyo, «ok»\r\n".as_bytes(), Meta::default()).is_ok());
    }

    #[test]
    fn reads_metadata_and_reports_errors() {
        let m = Meta::parse("# c\npublisher: TASS\npublished: 2018-02-11\nurl: http://x/y:z\n")
            .unwrap();
        assert_eq!(m.publisher.as_deref(), Some("TASS"));
        assert_eq!(m.url.as_deref(), Some("http://x/y:z"));
        assert_eq!(m.published, Some(Date::parse("2018-02-11").unwrap()));
        assert_eq!(Meta::parse("nonsense"), Err(MetaError::Syntax { line: 1 }));
        let toml = Meta::parse(
            "publisher = \"Kyodo\"\nurl = \"http://k/a:b\"\npublished = \"2016-03-21\"",
        )
        .unwrap();
        assert_eq!(toml.publisher.as_deref(), Some("Kyodo"));
        assert_eq!(toml.url.as_deref(), Some("http://k/a:b"));
        assert!(matches!(
            Meta::parse("\nauthor: x"),
            Err(MetaError::UnknownKey { line: 2, .. })
        ));
        assert!(matches!(
            Meta::parse("published: 2018-02-31"),
            Err(MetaError::Date { line: 1, .. })
        ));
    }
}
