//! The dateline that opens a wire story, in the forms of three languages'
//! agencies: `MOSCOW, February 11. /TASS/.`, `TOKYO, March 21 (Kyodo) --`,
//! «МОСКВА, 11 февраля. /ТАСС/.», «МОСКВА, 21 мар — РИА Новости.» and
//! Kyodo's Japanese 【モスクワ共同】, read against the publication date.

use kuril_core::text::Span;
use kuril_core::time::date::{month_from_name, Date};

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
    // Asked of every word of a text: a word in another script is no
    // Russian month, without the cost of lower-casing it.
    if !word.starts_with(crate::names::is_cyrillic) {
        return None;
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

/// Reads a dateline at the start of a block: `PLACE, Month D[, YYYY]`
/// followed by an agency (`. /TASS/.`, ` (Kyodo) --`) or a dash.
pub(super) fn dateline(text: &str, block: Span) -> Option<Dateline> {
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
pub(super) fn japanese_dateline(
    text: &str,
    block: Span,
    published: Option<Date>,
) -> Option<Dateline> {
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

/// RIA's «МОСКВА, 21 мар — РИА Новости.»: the agency after the dash at
/// `end` in the block's text `t`, a few capitalised words closed by a full
/// stop (its span in `t`, and where the dateline then ends).
fn agency_after_dash(t: &str, end: usize) -> Option<(Span, usize)> {
    let rest = &t[end..];
    let name = rest.trim_start();
    let len = name.find('.')?;
    let words: Vec<&str> = name[..len].split_whitespace().collect();
    let capitalised = words.iter().all(|w| w.starts_with(char::is_uppercase));
    ((1..=3).contains(&words.len()) && capitalised).then(|| {
        let start = end + rest.len() - name.len();
        (
            Span {
                start,
                end: start + len,
            },
            start + len + 1,
        )
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
                if agency.is_none() && sep != "." {
                    if let Some((a, after)) = agency_after_dash(t, end) {
                        agency = Some(Span {
                            start: block.start + a.start,
                            end: block.start + a.end,
                        });
                        end = after;
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
    use crate::article::{Article, Meta};

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
}
