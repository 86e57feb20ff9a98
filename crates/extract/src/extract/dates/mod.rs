//! Dates written in the text ("October 19, 1956", "19 Oct 1956",
//! "March 1945", «19 октября 1956 года», 「1956年10月19日」), years named
//! alone or against the article's date ("in 2018", 「昨年」), the weekday
//! a sentence names ("on Sunday"), and the year of the article's own date
//! when no metadata gives one.
//!
//! Here: written dates and years; `relative.rs` holds the dates named
//! against the article's own day ("last month", "in July", 「21日」),
//! `days.rs` the day a sentence names (a weekday, a day of the month).

mod days;
mod relative;

pub use days::{days_of_month, named_day, named_weekday, NamedDay};
pub use relative::relative_dates;

use crate::article::month_named;
use crate::names::Token;
use kuril_core::text::{find_words, Span};
use kuril_core::time::date::{weekday_from_name, Date, WEEKDAYS};

fn number(text: &str, t: &Token) -> Option<u32> {
    let s = t.span.of(text).trim_end_matches(['.', ',']);
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 4)
        .then(|| s.parse().ok())
        .flatten()
}

fn year_of(text: &str, t: &Token) -> Option<i32> {
    let s = t.span.of(text);
    (s.len() == 4)
        .then(|| number(text, t))
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
        .map(|y| y as i32)
}

/// A Japanese date at token `i`: 「1956年10月19日」, 「1956年10月」, with
/// the tokens it takes (a year alone is not read here).
fn japanese_date(text: &str, toks: &[Token], i: usize) -> Option<(Date, usize)> {
    let unit = |j: usize, u: &str| toks.get(j).is_some_and(|t| t.span.of(text) == u);
    let year = year_of(text, toks.get(i)?)?;
    if !unit(i + 1, "年") || !unit(i + 3, "月") {
        return None;
    }
    let month = number(text, toks.get(i + 2)?).filter(|m| (1..=12).contains(m))? as u8;
    let day = toks
        .get(i + 4)
        .and_then(|t| number(text, t))
        .filter(|_| unit(i + 5, "日"));
    match day {
        Some(d) => Date::ymd(year, month, d as u8).ok().map(|date| (date, 6)),
        None => Some((
            Date {
                year,
                month,
                day: 0,
            },
            4,
        )),
    }
}

/// Every full or month date written in `text` (tokenised as `toks`), in
/// text order: "October 19, 1956", "Oct. 19, 1956", "19 October 1956",
/// "19 Oct 1956", "October 1956", «19 октября 1956 года», 「1956年10月19日」.
pub fn written_dates(text: &str, toks: &[Token]) -> Vec<(Span, Date)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((date, used)) = japanese_date(text, toks, i) {
            out.push((
                Span {
                    start: toks[i].span.start,
                    end: toks[i + used - 1].span.end,
                },
                date,
            ));
            i += used;
            continue;
        }
        // English month names are capitalised; Russian ones are not.
        let cyrillic = toks[i].folded.starts_with(crate::names::is_cyrillic);
        let Some(month) =
            month_named(toks[i].span.of(text)).filter(|_| toks[i].capitalised || cyrillic)
        else {
            i += 1;
            continue;
        };
        let day_before = i
            .checked_sub(1)
            .and_then(|j| number(text, &toks[j]))
            .filter(|d| (1..=31).contains(d));
        let next = toks.get(i + 1);
        let next2 = toks.get(i + 2);
        let found = if let (Some(d), Some(y)) = (day_before, next.and_then(|t| year_of(text, t))) {
            Date::ymd(y, month, d as u8)
                .ok()
                .map(|date| (toks[i - 1].span.start, toks[i + 1].span.end, date, 2))
        } else if let (Some(d), Some(y)) = (
            next.and_then(|t| number(text, t))
                .filter(|d| (1..=31).contains(d)),
            next2.and_then(|t| year_of(text, t)),
        ) {
            Date::ymd(y, month, d as u8)
                .ok()
                .map(|date| (toks[i].span.start, toks[i + 2].span.end, date, 3))
        } else {
            next.and_then(|t| year_of(text, t)).map(|y| {
                (
                    toks[i].span.start,
                    toks[i + 1].span.end,
                    Date {
                        year: y,
                        month,
                        day: 0,
                    },
                    2,
                )
            })
        };
        match found {
            Some((start, end, date, used)) => {
                out.push((Span { start, end }, date));
                i += used;
            }
            None => i += 1,
        }
    }
    out
}

/// Words that name a year against the article's own: last year, this year.
const RELATIVE_YEARS: [(&str, i32); 7] = [
    ("last year", -1),
    ("this year", 0),
    ("в прошлом году", -1),
    ("в этом году", 0),
    ("昨年", -1),
    ("去年", -1),
    ("今年", 0),
];

/// The dates a sentence's text names, in no particular order (no sort's
/// code in the newsroom module for the few a sentence holds): the written dates,
/// then years named alone ("in 2018", «в 2001 году», 「2016年」) as dates
/// of year precision, and years named against `year`, the article's
/// ("last year", 「昨年」), all with their spans.
pub fn dates_in(text: &str, toks: &[Token], year: Option<i32>) -> Vec<(Span, Date)> {
    let mut out = written_dates(text, toks);
    for t in toks {
        if let Some(y) = year_of(text, t) {
            if !out.iter().any(|(s, _)| s.contains(t.span)) {
                out.push((t.span, Date::year(y)));
            }
        }
    }
    out.extend(relative_years(text, toks, year));
    out
}

/// The years a sentence names alone where a word makes the number a year
/// ("in 1855", «в 2014 году», 「1946年」: `before` and `after` are folded
/// words), outside the dates `written` already holds.
pub fn marked_years(
    text: &str,
    toks: &[Token],
    written: &[(Span, Date)],
    before: &[String],
    after: &[String],
) -> Vec<(Span, Date)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(y) = year_of(text, t) else { continue };
        let marked = (i > 0 && before.contains(&toks[i - 1].folded))
            || toks.get(i + 1).is_some_and(|n| after.contains(&n.folded));
        if marked && !written.iter().any(|(s, _)| s.contains(t.span)) {
            out.push((t.span, Date::year(y)));
        }
    }
    out
}

/// The years a sentence names against the article's `year` ("last
/// year", 「昨年」).
pub fn relative_years(text: &str, toks: &[Token], year: Option<i32>) -> Vec<(Span, Date)> {
    let mut out = Vec::new();
    if let (Some(y), Some(first), Some(last)) = (year, toks.first(), toks.last()) {
        let range = &text[first.span.start..last.span.end];
        for (words, back) in RELATIVE_YEARS {
            for (a, b) in find_all_folded(range, words) {
                // 「一昨年」 is two years back, and said too loosely to be
                // one.
                if range[..a].ends_with('一') {
                    continue;
                }
                let span = Span {
                    start: first.span.start + a,
                    end: first.span.start + b,
                };
                out.push((span, Date::year(y + back)));
            }
        }
    }
    out
}

/// Every place `needle` (lower case) occurs in `text`, ignoring case, as
/// byte ranges ("Last year" is "last year").
fn find_all_folded(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((a, b)) = find_folded(&text[from..], needle) {
        out.push((from + a, from + b));
        from += b;
    }
    out
}

/// Where `needle` occurs in `text`, ignoring case: its byte range.
fn find_folded(text: &str, needle: &str) -> Option<(usize, usize)> {
    let want: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let starts = text.char_indices().map(|(i, _)| i);
    starts.into_iter().find_map(|start| {
        let mut got = text[start..]
            .char_indices()
            .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)));
        let mut end = start;
        for w in &want {
            let (i, c) = got.next()?;
            if c != *w {
                return None;
            }
            end = start + i;
        }
        let last = text[end..].chars().next().map_or(0, char::len_utf8);
        Some((start, end + last))
    })
}

/// The latest year written in the text, if any.
pub fn latest_year(text: &str, toks: &[Token]) -> Option<i32> {
    toks.iter().filter_map(|t| year_of(text, t)).max()
}

/// The years in which `month`/`day` fell on `weekday`, from the latest year
/// the text mentions (or 1950) over the following 75 years: the years a
/// dateline without a year allows when the text names the weekday.
pub fn candidate_years(text: &str, toks: &[Token], month: u8, day: u8, weekday: u8) -> Vec<i32> {
    let latest = latest_year(text, toks).unwrap_or(1950);
    (latest..=latest + 75)
        .filter(|&y| Date::ymd(y, month, day).is_ok_and(|d| d.weekday() == weekday))
        .collect()
}

/// The year the text decides, if it does: the only candidate, or the first
/// candidate when it is the latest year the text mentions or the one after
/// (news is written in, or just after, the last year it names). Otherwise
/// `None`: the calendar repeats, so a weekday alone never decides.
pub fn choose_year(latest: Option<i32>, candidates: &[i32]) -> Option<i32> {
    match (candidates, latest) {
        ([only], _) => Some(*only),
        ([first, ..], Some(l)) if *first <= l + 1 => Some(*first),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::tokens;

    fn dates(text: &str) -> Vec<(String, String)> {
        written_dates(text, &tokens(text))
            .into_iter()
            .map(|(s, d)| (s.of(text).to_string(), d.iso()))
            .collect()
    }

    #[test]
    fn reads_the_usual_date_forms() {
        assert_eq!(
            dates("signed October 19, 1956, in force 12 December 1956; from 19 Oct 1956 and Oct. 19, 1956 to March 1945."),
            [
                ("October 19, 1956".to_string(), "1956-10-19".to_string()),
                ("12 December 1956".into(), "1956-12-12".into()),
                ("19 Oct 1956".into(), "1956-10-19".into()),
                ("Oct. 19, 1956".into(), "1956-10-19".into()),
                ("March 1945".into(), "1945-03".into()),
            ]
        );
    }

    #[test]
    fn reads_russian_and_japanese_dates_and_years_alone() {
        assert_eq!(
            dates("подписана 19 октября 1956 года, а в марте 2022 года; 1956年10月19日と1945年8月"),
            [
                ("19 октября 1956".to_string(), "1956-10-19".to_string()),
                ("марте 2022".into(), "2022-03".into()),
                ("1956年10月19日".into(), "1956-10-19".into()),
                ("1945年8月".into(), "1945-08".into()),
            ]
        );
        let text = "In 2018, as last year; 昨年11月; в 2001 году";
        let mut found = dates_in(text, &tokens(text), Some(2019));
        found.sort_by_key(|(s, _)| s.start);
        let got: Vec<(String, String)> = found
            .into_iter()
            .map(|(s, d)| (s.of(text).to_string(), d.iso()))
            .collect();
        assert_eq!(
            got,
            [
                ("2018".to_string(), "2018".to_string()),
                ("last year".into(), "2018".into()),
                ("昨年".into(), "2018".into()),
                ("2001".into(), "2001".into()),
            ]
        );
    }

    #[test]
    fn ignores_what_is_not_a_date() {
        assert!(dates("the may 1956 plan, February 30, 2018, and May I add 7 March").is_empty());
        assert!(dates("").is_empty());
    }

    #[test]
    fn a_year_is_chosen_only_when_the_text_decides() {
        // The latest year named is itself a candidate, or the year after.
        assert_eq!(choose_year(Some(2018), &[2018, 2024, 2029]), Some(2018));
        assert_eq!(choose_year(Some(2017), &[2018, 2024]), Some(2018));
        // Our article without metadata: 1960 is the latest year it names,
        // and 11 February was next a Sunday in 1962; nothing decides.
        assert_eq!(choose_year(Some(1960), &[1962, 1968, 1973]), None);
        assert_eq!(choose_year(None, &[2001, 2007]), None);
        assert_eq!(choose_year(None, &[2001]), Some(2001));
        assert_eq!(choose_year(Some(2001), &[]), None);
    }

    #[test]
    fn the_day_named_in_three_languages() {
        let said = |s: &str| match named_day(s) {
            Some(NamedDay::Weekday(w, n)) => format!("{w} {n}"),
            Some(NamedDay::OfMonth(w, n)) => format!("{w} #{n}"),
            None => "-".into(),
        };
        assert_eq!(said("Japan protested on Monday."), "on Monday 0");
        assert_eq!(said("Япония заявила протест во вторник."), "во вторник 1");
        assert_eq!(said("Японский МИД в Воскресенье заявил"), "в воскресенье 6");
        assert_eq!(said("ロシア外務省は21日、発表した。"), "21日 #21");
        assert_eq!(said("政府は日曜日に抗議した。"), "日曜日 6");
        // A full date, a year or a count of days is no day of an event.
        assert_eq!(said("1956年10月19日に署名された。"), "-");
        assert_eq!(said("100日間の訓練"), "-");
        assert_eq!(said("Nothing here."), "-");
    }

    #[test]
    fn weekdays_and_candidate_years() {
        assert_eq!(named_weekday("It aired on Sunday."), Some(("Sunday", 6)));
        assert_eq!(named_weekday("Sunday papers"), None);
        let text = "agreed in 1956 and 1960";
        let years = candidate_years(text, &tokens(text), 2, 11, 6);
        assert_eq!(years[0], 1962);
        assert!(years.contains(&2018) && !years.contains(&2019));
        assert!(years
            .iter()
            .all(|&y| Date::ymd(y, 2, 11).unwrap().weekday() == 6));
    }
}
