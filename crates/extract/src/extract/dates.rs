//! Dates written in the text ("October 19, 1956", "19 Oct 1956",
//! "March 1945"), the weekday a sentence names ("on Sunday"), and the year of
//! the article's own date when no metadata gives one.

use crate::names::Token;
use kuril_core::text::{find_words, Span};
use kuril_core::time::date::{month_from_name, weekday_from_name, Date, WEEKDAYS};

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

/// Every full or month date written in `text` (tokenised as `toks`), in
/// text order: "October 19, 1956", "Oct. 19, 1956", "19 October 1956",
/// "19 Oct 1956", "October 1956".
pub fn written_dates(text: &str, toks: &[Token]) -> Vec<(Span, Date)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(month) = month_from_name(toks[i].span.of(text)).filter(|_| toks[i].capitalised)
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

/// The weekday a sentence names as "on Sunday" (Monday is 0), with its name.
pub fn named_weekday(sentence: &str) -> Option<(&'static str, u8)> {
    WEEKDAYS
        .iter()
        .find(|w| !find_words(sentence, &format!("on {w}")).is_empty())
        .and_then(|w| weekday_from_name(w).map(|n| (*w, n)))
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
