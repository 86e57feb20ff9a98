//! Dates a sentence names against the article's own day: "last month",
//! a month alone ("in July", 「7月」), a month and a day without a year
//! ("June 29"), a weekday, a Japanese day of the month alone (「21日」).

use super::*;

/// Words that name a month against the article's own: last month.
const RELATIVE_MONTHS: [(&str, i32); 6] = [
    ("last month", -1),
    ("this month", 0),
    ("в прошлом месяце", -1),
    ("в этом месяце", 0),
    ("先月", -1),
    ("今月", 0),
];

/// The month `back` months before `month` of `year`.
fn month_back(year: i32, month: u8, back: i32) -> Date {
    let n = year * 12 + i32::from(month) - 1 - back;
    Date {
        year: n.div_euclid(12),
        month: (n.rem_euclid(12) + 1) as u8,
        day: 0,
    }
}

/// The dates a sentence names against the article's own day `on`, each
/// with its span: a month alone ("in July", «в июле», 「7月」, the last
/// July on or before it), "last month" («в прошлом месяце», 「先月」), a
/// weekday ("on Tuesday", «во вторник», 「火曜日」: the last such day on or
/// before it) and, in Japanese, a day of the month alone (「21日」). Dates
/// written with their year are [`dates_in`]'s.
pub fn relative_dates(text: &str, toks: &[Token], on: Date) -> Vec<(Span, Date)> {
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return out;
    };
    let range = Span {
        start: first.span.start,
        end: last.span.end,
    };
    let sentence = range.of(text);
    for (words, ahead) in RELATIVE_MONTHS {
        for (a, b) in find_all_folded(sentence, words) {
            let span = Span {
                start: range.start + a,
                end: range.start + b,
            };
            out.push((span, month_back(on.year, on.month, -ahead)));
        }
    }
    out.extend(months_named(text, toks, on));
    out.extend(japanese_months(text, toks, on));
    out.extend(days_named(sentence, range, on));
    out
}

/// A month named without a year (and without a day or a year next to
/// it, which make it a written date), and a month and a day without a
/// year ("June 29", «10 сентября»): the last such day on or before the
/// article's `on`.
fn months_named(text: &str, toks: &[Token], on: Date) -> Vec<(Span, Date)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let cyrillic = t.folded.starts_with(crate::names::is_cyrillic);
        let Some(m) = month_named(t.span.of(text)).filter(|_| t.capitalised || cyrillic) else {
            continue;
        };
        let day_of = |j: usize| {
            toks.get(j)
                .and_then(|n| number(text, n))
                .filter(|d| (1..=31).contains(d))
        };
        let year_at = |j: usize| toks.get(j).is_some_and(|n| year_of(text, n).is_some());
        let (before, after) = (i.checked_sub(1).and_then(day_of), day_of(i + 1));
        let span = |a: usize, b: usize| Span {
            start: toks[a].span.start,
            end: toks[b].span.end,
        };
        match (before, after) {
            (Some(d), _) if !year_at(i + 1) => {
                out.extend(last_day(on, m, d as u8).map(|date| (span(i - 1, i), date)));
            }
            (None, Some(d)) if !year_at(i + 2) => {
                out.extend(last_day(on, m, d as u8).map(|date| (span(i, i + 1), date)));
            }
            (None, None)
                if !year_at(i + 1) && toks.get(i + 1).is_none_or(|n| number(text, n).is_none()) =>
            {
                let back = (i32::from(on.month) - i32::from(m)).rem_euclid(12);
                out.push((t.span, month_back(on.year, on.month, back)));
            }
            _ => {}
        }
    }
    out
}

/// 「7月」 alone: a number and 月, no 年 before it (the last such month
/// on or before `on`), or with its day.
fn japanese_months(text: &str, toks: &[Token], on: Date) -> Vec<(Span, Date)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let unit = |j: usize, u: &str| toks.get(j).is_some_and(|x| x.span.of(text) == u);
        let Some(m) = number(text, t).filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        if !unit(i + 1, "月") || (i > 0 && unit(i - 1, "年")) {
            continue;
        }
        // 「6月29日」: that day, the last on or before the article's.
        let day = toks
            .get(i + 2)
            .and_then(|d| number(text, d))
            .filter(|_| unit(i + 3, "日"));
        match day {
            Some(d) => {
                let span = Span {
                    start: t.span.start,
                    end: toks[i + 3].span.end,
                };
                out.extend(last_day(on, m as u8, d as u8).map(|date| (span, date)));
            }
            None => {
                let back = (i32::from(on.month) - m as i32).rem_euclid(12);
                let span = Span {
                    start: t.span.start,
                    end: toks[i + 1].span.end,
                };
                out.push((span, month_back(on.year, on.month, back)));
            }
        }
    }
    out
}

/// The weekday and the Japanese days of the month alone `sentence` (at
/// `range` of the text) names: the last such day on or before `on`.
fn days_named(sentence: &str, range: Span, on: Date) -> Vec<(Span, Date)> {
    let mut out = Vec::new();
    let mut days: Vec<(String, Date)> = Vec::new();
    if let Some(NamedDay::Weekday(said, wd)) = named_day(sentence) {
        days.push((
            said,
            on.add_days(-(on.weekday() as i64 - wd as i64).rem_euclid(7)),
        ));
    }
    for (said, d) in days_of_month(sentence) {
        let (y, m) = match (d <= on.day, on.month) {
            (true, m) => (on.year, m),
            (false, 1) => (on.year - 1, 12),
            (false, m) => (on.year, m - 1),
        };
        days.extend(Date::ymd(y, m, d).ok().map(|date| (said, date)));
    }
    for (said, date) in days {
        let span = find_folded(sentence, &said).map_or(range, |(a, b)| Span {
            start: range.start + a,
            end: range.start + b,
        });
        out.push((span, date));
    }
    out
}

/// The last `month`/`day` on or before the day `on`.
fn last_day(on: Date, month: u8, day: u8) -> Option<Date> {
    let year = if (month, day) <= (on.month, on.day) {
        on.year
    } else {
        on.year - 1
    };
    Date::ymd(year, month, day).ok()
}
