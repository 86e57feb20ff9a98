//! Calendar dates with a precision (day, month or year), in the proleptic
//! Gregorian calendar, with the arithmetic the story needs: parsing ISO-style
//! dates, weekdays, ordering on a continuous time axis and formatting.

use std::fmt;
use thiserror::Error;

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Monday first (ISO 8601 order).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// How precisely a [`Date`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the day, the month or only the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12, or 0 when only the year is known.
    pub month: u8,
    /// 1–31, or 0 when the day is not known.
    pub day: u8,
}

/// Why a date could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DateError {
    #[error("'{0}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    Format(String),
    #[error("'{0}' is not a day of the calendar")]
    OutOfRange(String),
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Looks up an English month name or its usual abbreviation ("Feb", "Sept").
pub fn month_from_name(name: &str) -> Option<u8> {
    let name = name.trim_end_matches('.');
    if name.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(name)
                || (name.len() <= 4
                    && m.len() >= name.len()
                    && m[..name.len()].eq_ignore_ascii_case(name))
        })
        .map(|i| i as u8 + 1)
}

/// Looks up an English weekday name; Monday is 0.
pub fn weekday_from_name(name: &str) -> Option<u8> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(name))
        .map(|i| i as u8)
}

impl Date {
    /// A date known to the day. Returns an error for a day not in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::OutOfRange(format!(
                "{year:04}-{month:02}-{day:02}"
            )));
        }
        Ok(Date { year, month, day })
    }

    /// A date known only to the year.
    pub fn year(year: i32) -> Date {
        Date {
            year,
            month: 0,
            day: 0,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let bad = || DateError::Format(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str| -> Result<u32, DateError> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse().map_err(|_| bad())
        };
        match parts.as_slice() {
            [y] if y.len() == 4 => Ok(Date::year(num(y)? as i32)),
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let m = num(m)?;
                if !(1..=12).contains(&m) {
                    return Err(DateError::OutOfRange(s.to_string()));
                }
                Ok(Date {
                    year: num(y)? as i32,
                    month: m as u8,
                    day: 0,
                })
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                Date::ymd(num(y)? as i32, num(m)? as u8, num(d)? as u8)
                    .map_err(|_| DateError::OutOfRange(s.to_string()))
            }
            _ => Err(bad()),
        }
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// Days since 1970-01-01 of the first day this date covers
    /// (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(&self) -> i64 {
        let (m, d) = (self.month.max(1) as i64, self.day.max(1) as i64);
        let y = self.year as i64 - if m <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days later (earlier if negative), known to the day.
    pub fn add_days(&self, days: i64) -> Date {
        // Inverse of days_since_epoch (Hinnant's `civil_from_days`).
        let z = self.days_since_epoch() + days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + if month <= 2 { 1 } else { 0 }) as i32;
        Date { year, month, day }
    }

    /// Day of the week of the first day this date covers; Monday is 0.
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }

    /// The date as a fractional year, at the middle of the period it covers,
    /// so that "1956" sits mid-year and "1956-10" mid-October on a time axis.
    pub fn as_year_fraction(&self) -> f64 {
        let start = Date {
            year: self.year,
            month: 1,
            day: 1,
        }
        .days_since_epoch();
        let len = if is_leap(self.year) { 366.0 } else { 365.0 };
        let (from, days) = match self.precision() {
            Precision::Year => (0.0, len),
            Precision::Month => (
                (self.days_since_epoch() - start) as f64,
                days_in_month(self.year, self.month) as f64,
            ),
            Precision::Day => ((self.days_since_epoch() - start) as f64, 1.0),
        };
        self.year as f64 + (from + days / 2.0) / len
    }

    /// ISO form at the date's precision: `1956`, `1956-10`, `1956-10-19`.
    pub fn iso(&self) -> String {
        match self.precision() {
            Precision::Year => format!("{:04}", self.year),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// Whether `on` falls in the period from `from` (inclusive) to `to`
/// (exclusive; `None` for a period still running), counted by the first day
/// each date covers.
pub fn in_period(from: Date, to: Option<Date>, on: Date) -> bool {
    let d = on.days_since_epoch();
    from.days_since_epoch() <= d && to.is_none_or(|t| d < t.days_since_epoch())
}

/// English long form at the date's precision: "19 October 1956",
/// "October 1956", "1956".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS.get(self.month.wrapping_sub(1) as usize);
        match (self.precision(), month) {
            (Precision::Day, Some(m)) => write!(f, "{} {} {}", self.day, m, self.year),
            (Precision::Month, Some(m)) => write!(f, "{} {}", m, self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

/// In JSON a date is its ISO form at its precision: "1956", "1956-10" or
/// "1956-10-19".
#[cfg(feature = "serde")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_rejects_bad_dates() {
        assert_eq!(
            Date::parse("1956-10-19").unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            Date::parse("1945-08").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(Date::parse("1855").unwrap().precision(), Precision::Year);
        assert!(matches!(
            Date::parse("2018-02-30"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            Date::parse("1956-13"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            Date::parse("19-10-1956"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(Date::parse("+956"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse(""), Err(DateError::Format(_))));
    }

    #[test]
    fn weekdays_match_the_calendar() {
        // Facts from the reference file: 11 Feb 2018 was a Sunday, 11 Feb 2019
        // a Monday, 11 Feb 2017 a Saturday.
        for (date, weekday) in [
            ("2018-02-11", "Sunday"),
            ("2019-02-11", "Monday"),
            ("2017-02-11", "Saturday"),
            ("1900-03-01", "Thursday"),
        ] {
            assert_eq!(
                WEEKDAYS[Date::parse(date).unwrap().weekday() as usize],
                weekday,
                "{date}"
            );
        }
    }

    #[test]
    fn add_days_round_trips_across_months_and_leap_days() {
        let d = Date::parse("2016-02-28").unwrap();
        assert_eq!(d.add_days(1).iso(), "2016-02-29");
        assert_eq!(d.add_days(2).iso(), "2016-03-01");
        assert_eq!(d.add_days(-59).iso(), "2015-12-31");
        for n in [-100_000, -1, 0, 1, 365, 100_000] {
            assert_eq!(d.add_days(n).add_days(-n), d);
        }
    }

    #[test]
    fn year_fraction_orders_dates_and_centres_coarse_ones() {
        let y = Date::year(1956).as_year_fraction();
        let oct = Date::parse("1956-10").unwrap().as_year_fraction();
        let day = Date::parse("1956-10-19").unwrap().as_year_fraction();
        assert!((y - 1956.5).abs() < 0.01);
        assert!(oct > y && (day - oct).abs() < 0.05);
        assert!(Date::parse("1956-12-31").unwrap().as_year_fraction() < 1957.0);
    }

    #[test]
    fn periods_include_their_start_and_exclude_their_end() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert!(in_period(
            d("1945-08-28"),
            Some(d("1991-12-26")),
            d("1945-08-28")
        ));
        assert!(!in_period(
            d("1945-08-28"),
            Some(d("1991-12-26")),
            d("1991-12-26")
        ));
        assert!(!in_period(d("1945-08-28"), None, d("1945-08-27")));
        assert!(in_period(d("1945-08-28"), None, d("2100")));
    }

    #[test]
    fn names_and_display() {
        assert_eq!(month_from_name("Feb."), Some(2));
        assert_eq!(month_from_name("february"), Some(2));
        assert_eq!(month_from_name("Sept"), Some(9));
        assert_eq!(month_from_name("Fe"), None);
        assert_eq!(month_from_name("Febrile"), None);
        assert_eq!(weekday_from_name("sunday"), Some(6));
        assert_eq!(
            Date::parse("1956-10-19").unwrap().to_string(),
            "19 October 1956"
        );
        assert_eq!(Date::parse("1945-08").unwrap().to_string(), "August 1945");
        assert_eq!(Date::year(1855).to_string(), "1855");
    }
}
