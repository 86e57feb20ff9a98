//! A linear time scale for the timeline: dates to positions in `[0, 1]`,
//! and round-number year ticks.

use crate::date::Date;

/// Maps fractional years onto `[0, 1]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    /// First year of the domain (fractional).
    pub start: f64,
    /// Last year of the domain (fractional), always `> start`.
    pub end: f64,
}

impl TimeScale {
    /// A scale covering `dates` with `pad` years of margin on each side. A
    /// domain shorter than a year (one event, or all on one day) is widened
    /// to a year around its middle. `None` for no dates.
    pub fn covering(dates: &[Date], pad: f64) -> Option<TimeScale> {
        let years = dates.iter().map(Date::as_year_fraction);
        let lo = years.clone().fold(f64::INFINITY, f64::min);
        let hi = years.fold(f64::NEG_INFINITY, f64::max);
        if !lo.is_finite() {
            return None;
        }
        let pad = pad.max(0.0);
        let (mut start, mut end) = (lo - pad, hi + pad);
        if end - start < 1.0 {
            let mid = (lo + hi) / 2.0;
            (start, end) = (mid - 0.5, mid + 0.5);
        }
        Some(TimeScale { start, end })
    }

    /// Position of a fractional year: 0 at `start`, 1 at `end`, clamped.
    pub fn position_of_year(&self, year: f64) -> f64 {
        ((year - self.start) / (self.end - self.start)).clamp(0.0, 1.0)
    }

    /// Position of a date (the middle of the period it covers).
    pub fn position(&self, date: &Date) -> f64 {
        self.position_of_year(date.as_year_fraction())
    }

    /// Whole years at a round step (1, 2, 5, 10, 20, 25, 50, 100, ...)
    /// inside the domain, at most `max` of them (at least one step is used).
    pub fn ticks(&self, max: usize) -> Vec<i32> {
        let span = self.end - self.start;
        let max = max.max(1) as f64;
        let mut step = 1.0;
        'outer: for scale in [1.0, 10.0, 100.0, 1000.0] {
            for base in [1.0, 2.0, 2.5, 5.0] {
                step = base * scale;
                if span / step <= max {
                    break 'outer;
                }
            }
        }
        let step = step.round().max(1.0) as i32;
        let first = (self.start / step as f64).ceil() as i32 * step;
        (0..)
            .map(|i| first + i * step)
            .take_while(|y| (*y as f64) <= self.end)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn orders_and_bounds_positions() {
        let s =
            TimeScale::covering(&[d("1945-06-26"), d("1956-10-19"), d("2018-02-11")], 5.0).unwrap();
        let p: Vec<f64> = ["1945-06-26", "1956-10-19", "1960-01-19", "2018-02-11"]
            .map(|x| s.position(&d(x)))
            .to_vec();
        assert!(p.windows(2).all(|w| w[0] < w[1]));
        assert!(p[0] > 0.0 && p[3] < 1.0);
        assert_eq!(s.position(&d("1800")), 0.0);
        assert_eq!(s.position(&d("2100")), 1.0);
    }

    #[test]
    fn one_event_or_one_day_gets_a_usable_domain() {
        let one = TimeScale::covering(&[d("1956-10-19")], 0.0).unwrap();
        assert!(one.end - one.start >= 1.0);
        assert!((one.position(&d("1956-10-19")) - 0.5).abs() < 1e-9);
        let same_year = TimeScale::covering(&[d("1945-02-11"), d("1945-09-02")], 0.0).unwrap();
        assert!(same_year.position(&d("1945-02-11")) < same_year.position(&d("1945-09-02")));
        assert!(TimeScale::covering(&[], 1.0).is_none());
    }

    #[test]
    fn coarse_dates_sit_mid_period() {
        let s = TimeScale::covering(&[d("1940"), d("1960")], 0.0).unwrap();
        assert!(s.position(&d("1945")) < s.position(&d("1945-08")));
        assert!(s.position(&d("1945-08")) < s.position(&d("1945-09-02")));
    }

    #[test]
    fn ticks_are_round_and_few() {
        let s = TimeScale {
            start: 1940.3,
            end: 2023.7,
        };
        let t = s.ticks(10);
        assert_eq!(t, [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020]);
        assert_eq!(
            TimeScale {
                start: 1956.2,
                end: 1957.1
            }
            .ticks(5),
            [1957]
        );
        assert!(
            TimeScale {
                start: 1850.0,
                end: 2025.0
            }
            .ticks(0)
            .len()
                <= 2
        );
    }
}
