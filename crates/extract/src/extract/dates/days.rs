//! The day a sentence names for what happened, in three languages: a
//! weekday ("on Sunday", «в воскресенье», 「日曜日」), or in Japanese the
//! day of the month alone (「21日」).

use super::*;

/// The weekdays as Russian and Japanese news name the day of an event
/// («в понедельник», 「月曜日」), Monday first.
const WEEKDAYS_RU: [&str; 7] = [
    "в понедельник",
    "во вторник",
    "в среду",
    "в четверг",
    "в пятницу",
    "в субботу",
    "в воскресенье",
];
const WEEKDAYS_JA: [&str; 7] = [
    "月曜日",
    "火曜日",
    "水曜日",
    "木曜日",
    "金曜日",
    "土曜日",
    "日曜日",
];

/// The weekday a sentence names as "on Sunday" (Monday is 0), with its name.
pub fn named_weekday(sentence: &str) -> Option<(&'static str, u8)> {
    WEEKDAYS
        .iter()
        .find(|w| !find_words(sentence, &format!("on {w}")).is_empty())
        .and_then(|w| weekday_from_name(w).map(|n| (*w, n)))
}

/// The day a sentence names for what happened, as the text words it, in
/// three languages: a weekday ("on Sunday", «в воскресенье», 「日曜日」),
/// or in Japanese the day of the month alone (「21日」, the way Japanese
/// news dates an event of the days around its own date).
pub enum NamedDay {
    Weekday(String, u8),
    OfMonth(String, u8),
}

/// The day the sentence names, if any ([`NamedDay`]).
pub fn named_day(sentence: &str) -> Option<NamedDay> {
    if let Some((name, wd)) = named_weekday(sentence) {
        return Some(NamedDay::Weekday(format!("on {name}"), wd));
    }
    let lower = sentence.to_lowercase();
    for (list, words) in [(&WEEKDAYS_RU, true), (&WEEKDAYS_JA, false)] {
        for (wd, w) in list.iter().enumerate() {
            let found = if words {
                !find_words(&lower, w).is_empty()
            } else {
                sentence.contains(w)
            };
            if found {
                return Some(NamedDay::Weekday((*w).to_string(), wd as u8));
            }
        }
    }
    days_of_month(sentence)
        .into_iter()
        .next()
        .map(|(said, day)| NamedDay::OfMonth(said, day))
}

/// Every day of the month a Japanese sentence names alone, as written:
/// 「21日」 (or 「２１日」), not the end of a full date (「10月21日」) nor a
/// span of days (「4日間」, 「2日目」).
pub fn days_of_month(sentence: &str) -> Vec<(String, u8)> {
    let digit = |c: char| {
        c.to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))
    };
    let mut out = Vec::new();
    let chars: Vec<char> = sentence.chars().collect();
    for i in 1..chars.len() {
        if chars[i] != '日' || matches!(chars.get(i + 1), Some('間' | '目')) {
            continue;
        }
        let mut j = i;
        while j > 0 && digit(chars[j - 1]).is_some() {
            j -= 1;
        }
        if j == i || i - j > 2 || (j > 0 && matches!(chars[j - 1], '月' | '年')) {
            continue;
        }
        let day = chars[j..i]
            .iter()
            .filter_map(|c| digit(*c))
            .fold(0, |n, d| n * 10 + d);
        if (1..=31).contains(&day) {
            out.push((chars[j..=i].iter().collect(), day as u8));
        }
    }
    out
}
