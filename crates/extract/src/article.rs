//! A news article as plain text with optional metadata: its blocks
//! (paragraphs), sentences with byte offsets, headline and dateline.

use kuril_core::text::Span;
use kuril_core::time::date::{month_from_name, Date, DateError};
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

/// The dateline that opens a wire story: `MOSCOW, February 11. /TASS/.`
#[derive(Clone, Debug, PartialEq)]
pub struct Dateline {
    /// The place as written (it may be misspelt: "MOSXOW").
    pub place: Span,
    pub month: u8,
    pub day: u8,
    /// The year, when the dateline gives one ("February 11, 2018").
    pub year: Option<i32>,
    /// The agency, between slashes ("/TASS/") or brackets ("(Kyodo)").
    pub agency: Option<Span>,
    /// The whole dateline.
    pub span: Span,
}

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

/// The stems of the Russian month names, in the genitive a date uses
/// («19 октября»), and their shortest written forms («21 мар»).
const RUSSIAN_MONTHS: [&str; 12] = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
];
const RUSSIAN_SHORT: [&str; 12] = [
    "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// A month named in English ("October", "Oct.") or Russian («октября»,
/// «окт»).
pub fn month_named(word: &str) -> Option<u8> {
    if let Some(m) = month_from_name(word) {
        return Some(m);
    }
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    let short = RUSSIAN_SHORT.iter().position(|m| *m == w);
    let long = || {
        RUSSIAN_MONTHS.iter().position(|m| {
            w.strip_prefix(m).is_some_and(|rest| {
                matches!(rest, "" | "ь" | "я" | "е" | "й" | "а") && (*m != "ма" || !rest.is_empty())
            })
        })
    };
    short.or_else(long).map(|i| i as u8 + 1)
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
        let headline = blocks
            .iter()
            .copied()
            .take_while(|b| dateline.as_ref().is_none_or(|d| b.end <= d.span.start))
            .find(|b| {
                // A headline is a line of a few words: four or more, and at
                // most 300 characters (counting stops there).
                let t = b.of(&text);
                t.chars().take(301).count() <= 300
                    && t.split_whitespace().count() >= 4
                    && !t.ends_with('.')
            });
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
            } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
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

    /// The sentence that contains byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<Span> {
        // Sentences are in text order and do not overlap.
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).copied().filter(|s| s.start <= at)
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

/// Reads a dateline at the start of a block: `PLACE, Month D[, YYYY]`
/// followed by an agency (`. /TASS/.`, ` (Kyodo) --`) or a dash.
fn dateline(text: &str, block: Span) -> Option<Dateline> {
    let t = block.of(text);
    let comma = t.find(',')?;
    let place = t[..comma].trim_end();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || !place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '\''))
    {
        return None;
    }
    // Month and day, then an optional year.
    let mut pos = comma + 1;
    let word = |pos: &mut usize| -> Option<(usize, &str)> {
        let rest = &t[*pos..];
        let start = *pos + (rest.len() - rest.trim_start().len());
        let len = t[start..]
            .find(char::is_whitespace)
            .unwrap_or(t.len() - start);
        *pos = start + len;
        (len > 0).then(|| (start, &t[start..start + len]))
    };
    // "February 11" or, in Russian, «11 февраля».
    let day_of = |w: &str| {
        w.trim_end_matches(['.', ','])
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=31).contains(d))
    };
    let (_, first) = word(&mut pos)?;
    let (_, second) = word(&mut pos)?;
    let (month, day, day_word) = match month_named(first) {
        Some(m) => (m, day_of(second)?, second),
        None => (month_named(second)?, day_of(first)?, second),
    };
    let mut end = pos;
    let mut year = None;
    if day_word.ends_with(',') {
        let mut p = pos;
        if let Some((_, y)) = word(&mut p) {
            if let Ok(v) = y.trim_end_matches(['.', ',']).parse::<i32>() {
                if (1000..=2999).contains(&v) && y.trim_end_matches(['.', ',']).len() == 4 {
                    year = Some(v);
                    end = p;
                }
            }
        }
    }
    // The agency: "/TASS/." or "(Kyodo)", then any dash.
    let (agency, end) = agency_and_dash(t, block, end);
    Some(Dateline {
        place: Span {
            start: block.start,
            end: block.start + place.len(),
        },
        month,
        day,
        year,
        agency,
        span: Span {
            start: block.start,
            end: block.start + end,
        },
    })
}

/// Japanese agencies as they sign a dateline: 【モスクワ共同】.
const JAPANESE_AGENCIES: &[&str] = &["共同", "時事"];

/// Reads a Japanese wire dateline at the start of a block, 【PLACE AGENCY】:
/// the day is the first 「D日」 of the sentence that follows (the month
/// before the publication's when the day is later than its day), else the
/// publication's day; without a publication date there is none.
fn japanese_dateline(text: &str, block: Span, published: Option<Date>) -> Option<Dateline> {
    let t = block.of(text);
    let inner = t.strip_prefix('【')?;
    let close = inner.find('】')?;
    let (head, agency) = JAPANESE_AGENCIES
        .iter()
        .find_map(|a| inner[..close].strip_suffix(a).map(|h| (h, a.len())))?;
    let published = published.filter(|p| p.day > 0)?;
    let open = '【'.len_utf8();
    let end = open + close + '】'.len_utf8();
    let sentence_end = t[end..].find('。').map_or(t.len(), |i| end + i);
    let day = t[end..sentence_end].find('日').and_then(|i| {
        let digits = t[end..end + i]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        t[end + i - digits..end + i].parse::<u8>().ok()
    });
    let (month, day) = match day.filter(|d| (1..=31).contains(d)) {
        Some(d) if d > published.day => (
            published
                .month
                .checked_sub(1)
                .filter(|m| *m > 0)
                .unwrap_or(12),
            d,
        ),
        Some(d) => (published.month, d),
        None => (published.month, published.day),
    };
    let year = Some(published.year - i32::from(month > published.month));
    Some(Dateline {
        place: Span {
            start: block.start + open,
            end: block.start + open + head.len(),
        },
        month,
        day,
        year,
        agency: Some(Span {
            start: block.start + open + head.len(),
            end: block.start + open + head.len() + agency,
        }),
        span: Span {
            start: block.start,
            end: block.start + end,
        },
    })
}

/// After a dateline's date, at `end` in the block's text `t`: the agency
/// ("/TASS/." or "(Kyodo)", as a span of the whole text) and where the
/// dateline ends, past any dash.
fn agency_and_dash(t: &str, block: Span, mut end: usize) -> (Option<Span>, usize) {
    let mut agency = None;
    let after = &t[end..];
    let lead = after.len() - after.trim_start().len();
    let rest = after.trim_start();
    let close = match rest.chars().next() {
        Some('/') => Some('/'),
        Some('(') => Some(')'),
        _ => None,
    };
    if let Some(close) = close {
        if let Some(len) = rest[1..].find(close) {
            let a_start = end + lead + 1;
            if (1..=40).contains(&len) {
                agency = Some(Span {
                    start: block.start + a_start,
                    end: block.start + a_start + len,
                });
                end = a_start + len + 1;
            }
        }
    }
    let tail = &t[end..];
    let tail_trim = tail.trim_start();
    for sep in [".", "--", "—", "–", "-"] {
        if let Some(r) = tail_trim.strip_prefix(sep) {
            if r.is_empty() || r.starts_with(char::is_whitespace) {
                end += tail.len() - tail_trim.len() + sep.len();
                // RIA's «МОСКВА, 21 мар — РИА Новости.»: the agency after
                // the dash, a few capitalised words closed by a full stop.
                let rest = &t[end..];
                let name = rest.trim_start();
                if agency.is_none() && sep != "." {
                    if let Some(len) = name.find('.') {
                        let words: Vec<&str> = name[..len].split_whitespace().collect();
                        if (1..=3).contains(&words.len())
                            && words.iter().all(|w| w.starts_with(char::is_uppercase))
                        {
                            let a_start = end + rest.len() - name.len();
                            agency = Some(Span {
                                start: block.start + a_start,
                                end: block.start + a_start + len,
                            });
                            end = a_start + len + 1;
                        }
                    }
                }
                break;
            }
        }
    }
    (agency, end)
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
    fn reads_wire_datelines_with_years_and_bracketed_agencies() {
        let a = Article::new(
            "TOKYO, March 21 (Kyodo) -- Japan protested on Monday.",
            Meta::default(),
        );
        let d = a.dateline.clone().unwrap();
        assert_eq!((d.month, d.day, d.year), (3, 21, None));
        assert_eq!(d.agency.unwrap().of(&a.text), "Kyodo");
        assert_eq!(d.span.of(&a.text), "TOKYO, March 21 (Kyodo) --");
        let b = Article::new(
            "YUZHNO-KURILSK, Oct. 19, 2016 — Residents met.",
            Meta::default(),
        );
        let d = b.dateline.unwrap();
        assert_eq!((d.month, d.day, d.year), (10, 19, Some(2016)));
        assert_eq!(d.span.of(&b.text), "YUZHNO-KURILSK, Oct. 19, 2016 —");
        assert!(d.agency.is_none());
    }

    #[test]
    fn reads_russian_and_japanese_datelines() {
        let tass = Article::new("МОСКВА, 11 февраля. /ТАСС/. Россия хочет.", Meta::default());
        let d = tass.dateline.clone().unwrap();
        assert_eq!((d.month, d.day), (2, 11));
        assert_eq!(d.agency.unwrap().of(&tass.text), "ТАСС");
        let ria = Article::new("МОСКВА, 21 мар — РИА Новости. Россия.", Meta::default());
        let d = ria.dateline.clone().unwrap();
        assert_eq!((d.month, d.day), (3, 21));
        assert_eq!(d.agency.unwrap().of(&ria.text), "РИА Новости");
        assert_eq!(d.span.of(&ria.text), "МОСКВА, 21 мар — РИА Новости.");
        let meta = |iso: &str| Meta {
            published: Some(Date::parse(iso).unwrap()),
            ..Meta::default()
        };
        let text = "【モスクワ共同】ロシア外務省は21日、発表した。";
        let kyodo = Article::new(text, meta("2022-03-22"));
        let d = kyodo.dateline.clone().unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2022), 3, 21));
        assert_eq!(d.place.of(text), "モスクワ");
        assert_eq!(d.agency.unwrap().of(text), "共同");
        // The 31st, published on 2 January: December of the year before.
        let text = "【東京共同】政府は31日、発表した。";
        let d = Article::new(text, meta("2023-01-02")).dateline.unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2022), 12, 31));
        assert!(Article::new(text, Meta::default()).dateline.is_none());
        assert_eq!(month_named("октября"), Some(10));
        assert_eq!(month_named("мая"), Some(5));
        assert_eq!(month_named("мама"), None);
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
