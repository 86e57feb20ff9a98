//! A linear time scale for the timeline: dates to positions in `[0, 1]`,
//! and round-number year ticks.

use crate::text::within;
use crate::time::date::Date;

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
        within((year - self.start) / (self.end - self.start), 0.0, 1.0)
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

impl TimeScale {
    /// The span in years.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Zooms by `factor` (2 shows half the years) keeping `year` where it
    /// is, within `full` and never narrower than `min_span` years.
    pub fn zoom_at(&self, factor: f64, year: f64, full: &TimeScale, min_span: f64) -> TimeScale {
        let span = within(
            self.span() / factor.max(1e-9),
            min_span.min(full.span()),
            full.span(),
        );
        let t = within((year - self.start) / self.span(), 0.0, 1.0);
        TimeScale {
            start: year - t * span,
            end: year - t * span + span,
        }
        .inside(full)
    }

    /// The same span moved, as little as it takes, to show `year` with a
    /// margin of `margin` (a fraction of the span) on each side.
    pub fn show(&self, year: f64, margin: f64, full: &TimeScale) -> TimeScale {
        let m = self.span() * within(margin, 0.0, 0.5);
        let shift = if year < self.start + m {
            year - m - self.start
        } else if year > self.end - m {
            year + m - self.end
        } else {
            0.0
        };
        TimeScale {
            start: self.start + shift,
            end: self.end + shift,
        }
        .inside(full)
    }

    /// The same span moved by `years` (later if positive), inside `full`.
    pub fn pan(&self, years: f64, full: &TimeScale) -> TimeScale {
        TimeScale {
            start: self.start + years,
            end: self.end + years,
        }
        .inside(full)
    }

    /// The same span moved inside `full` (or `full` if it is wider).
    pub fn inside(self, full: &TimeScale) -> TimeScale {
        let span = self.span().min(full.span());
        let start = within(self.start, full.start, full.end - span);
        TimeScale {
            start,
            end: start + span,
        }
    }
}

/// Even spacing (the compact mode): where the `i`th of `n` events sits.
pub fn even_position(i: usize, n: usize) -> f64 {
    (i as f64 + 0.5) / n.max(1) as f64
}

/// Markers that would overlap, grouped: runs of neighbours less than
/// `min_gap` apart (positions sorted ascending). Each cluster is the
/// range of indices it holds and the position of its marker (the middle
/// of its first and last).
pub fn clusters(positions: &[f64], min_gap: f64) -> Vec<(std::ops::Range<usize>, f64)> {
    let mut out: Vec<(std::ops::Range<usize>, f64)> = Vec::new();
    let mut first = 0;
    for i in 1..=positions.len() {
        if i == positions.len() || positions[i] - positions[i - 1] >= min_gap {
            if first < i {
                out.push((first..i, (positions[first] + positions[i - 1]) / 2.0));
            }
            first = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(start: f64, end: f64) -> TimeScale {
        TimeScale { start, end }
    }

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
    fn zooming_keeps_the_year_in_place_and_stays_inside() {
        let full = ts(1850.0, 2025.0);
        let z = full.zoom_at(4.0, 1956.0, &full, 2.0);
        assert!((z.span() - 43.75).abs() < 1e-9);
        let t = |s: &TimeScale| (1956.0 - s.start) / s.span();
        assert!((t(&z) - t(&full)).abs() < 1e-9);
        // No narrower than the minimum, no wider than the whole.
        assert_eq!(z.zoom_at(1e6, 1956.0, &full, 2.0).span(), 2.0);
        assert_eq!(z.zoom_at(1e-6, 1956.0, &full, 2.0), full);
        // Near an end it stays inside.
        let end = full.zoom_at(10.0, 2024.9, &full, 2.0);
        assert!(end.end <= 2025.0 && end.start >= 1850.0);
        // A whole range shorter than the minimum: the whole range.
        let tiny = ts(1945.0, 1946.0);
        assert_eq!(tiny.zoom_at(8.0, 1945.5, &tiny, 2.0), tiny);
    }

    #[test]
    fn showing_a_year_pans_as_little_as_it_takes() {
        let full = ts(1850.0, 2025.0);
        let w = ts(1940.0, 1960.0);
        assert_eq!(w.show(1950.0, 0.1, &full), w, "already in view");
        let later = w.show(1993.0, 0.1, &full);
        assert!((later.end - 1995.0).abs() < 1e-9 && (later.span() - 20.0).abs() < 1e-9);
        assert_eq!(w.show(1855.0, 0.1, &full).start, 1853.0);
        let first = w.show(1851.0, 0.1, &full);
        assert_eq!(first.start, 1850.0, "not before the whole range");
    }

    #[test]
    fn panning_stops_at_the_ends() {
        let full = ts(1850.0, 2025.0);
        let w = ts(1940.0, 1960.0);
        assert_eq!(w.pan(10.0, &full).start, 1950.0);
        assert_eq!(w.pan(-500.0, &full).start, 1850.0);
        assert_eq!(w.pan(500.0, &full).end, 2025.0);
        assert_eq!(full.pan(3.0, &full), full, "nothing to pan at full span");
    }

    #[test]
    fn even_spacing_and_clusters() {
        assert_eq!(even_position(0, 4), 0.125);
        assert_eq!(even_position(3, 4), 0.875);
        assert_eq!(even_position(0, 1), 0.5);
        assert_eq!(even_position(0, 0), 0.5);
        // 1945 crowds together; 1855 and 2022 stand alone.
        let p = [0.03, 0.5, 0.505, 0.51, 0.6, 0.99];
        let c = clusters(&p, 0.02);
        let ranges: Vec<_> = c.iter().map(|(r, _)| r.clone()).collect();
        assert_eq!(ranges, [0..1, 1..4, 4..5, 5..6]);
        assert!((c[1].1 - 0.505).abs() < 1e-12);
        assert!(clusters(&[], 0.1).is_empty());
        assert_eq!(clusters(&[0.4], 0.1), [(0..1, 0.4)]);
        // Everything on one spot is one cluster.
        assert_eq!(clusters(&[0.5, 0.5, 0.5], 0.01).len(), 1);
    }

    #[test]
    fn ticks_are_round_and_few() {
        let s = ts(1940.3, 2023.7);
        let t = s.ticks(10);
        assert_eq!(t, [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020]);
        assert_eq!(ts(1956.2, 1957.1).ticks(5), [1957]);
        assert!(ts(1850.0, 2025.0).ticks(0).len() <= 2);
    }
}
