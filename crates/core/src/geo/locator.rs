//! The locator inset: where the map's region lies in the northern
//! hemisphere, with the other places the article names (Moscow, Tokyo, the
//! United States). Land comes from `data/map/locator.map`, written by
//! `cargo xtask geodata` from the same source as the main map.
//!
//! The projection is north-polar azimuthal equidistant: distance from the
//! pole is true, and the central meridian points down, so the Kurils sit
//! below the pole, Moscow to the upper left and the United States to the
//! upper right. Points are `(longitude, latitude)` in degrees.
//!
//! Format, tab-separated, `#` comments:
//! ```text
//! format      kuril-locator  1
//! projection  polar  <central longitude> <southern edge latitude>
//! frame       <units per degree> <size>
//! land        <SVG path data>
//! ```

use crate::geo::map::{numbers, MapError};
use crate::text;

/// A north-polar azimuthal equidistant projection shown as a disc.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Polar {
    /// The meridian that points straight down.
    pub lon0: f64,
    /// The latitude of the disc's edge.
    pub lat_min: f64,
}

impl Polar {
    /// `(lon, lat)` to `(x, y)` in degrees of arc from the pole, x to the
    /// right and y down (the screen's directions).
    ///
    /// ```
    /// use kuril_core::geo::locator::Polar;
    /// let p = Polar { lon0: 150.0, lat_min: 20.0 };
    /// let (x, y) = p.project((150.0, 45.0));
    /// assert!(x.abs() < 1e-9 && (y - 45.0).abs() < 1e-9);
    /// ```
    pub fn project(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        let r = 90.0 - lat;
        let theta = (lon - self.lon0).to_radians();
        (r * theta.sin(), r * theta.cos())
    }

    /// The disc's radius in degrees of arc.
    pub fn radius(&self) -> f64 {
        90.0 - self.lat_min
    }
}

/// The parsed locator asset.
#[derive(Clone, Debug, PartialEq)]
pub struct Locator {
    pub polar: Polar,
    pub units_per_deg: f64,
    /// Width and height of the square in SVG units.
    pub size: f64,
    /// Land, as SVG path data.
    pub land: String,
}

impl Locator {
    /// Parses the locator asset.
    pub fn parse(src: &str) -> Result<Locator, MapError> {
        let (header, rows) = text::tsv(src);
        if header.is_none_or(|h| h.fields != ["format", "kuril-locator", "1"]) {
            return Err(MapError::Format);
        }
        let (mut polar, mut frame, mut land) = (None, None, None);
        for r in rows {
            let line = r.line;
            let bad = |what: &str| MapError::Line {
                line,
                what: what.into(),
            };
            match r.fields.as_slice() {
                ["projection", "polar", rest @ ..] => {
                    let [lon0, lat_min] = numbers(rest, line)?;
                    if !(0.0..90.0).contains(&lat_min) {
                        return Err(bad("the edge latitude must be 0 to 90"));
                    }
                    polar = Some(Polar { lon0, lat_min });
                }
                ["frame", rest @ ..] => {
                    let [k, size] = numbers(rest, line)?;
                    if k <= 0.0 || size <= 0.0 {
                        return Err(bad("frame sizes must be positive"));
                    }
                    frame = Some((k, size));
                }
                ["land", path] if path.starts_with('M') => land = Some(path.to_string()),
                other => return Err(bad(&format!("unexpected '{}'", other.join(" ")))),
            }
        }
        let (units_per_deg, size) = frame.ok_or(MapError::Missing("frame"))?;
        Ok(Locator {
            polar: polar.ok_or(MapError::Missing("projection"))?,
            units_per_deg,
            size,
            land: land.ok_or(MapError::Missing("land"))?,
        })
    }

    /// SVG coordinates of a `(lon, lat)` point: the pole at the centre.
    pub fn to_svg(&self, lon_lat: (f64, f64)) -> (f64, f64) {
        let (x, y) = self.polar.project(lon_lat);
        let c = self.size / 2.0;
        (c + x * self.units_per_deg, c + y * self.units_per_deg)
    }

    /// Whether a point lies on the disc.
    pub fn shows(&self, (_, lat): (f64, f64)) -> bool {
        lat >= self.polar.lat_min && lat <= 90.0
    }
}

/// Where the inset writes the names of its markers at `points` (SVG
/// units): beside each, towards the disc's middle `centre` and away from
/// its edge; a name that would come within `gap` of an earlier one, above
/// or below, goes below it (on either side: a long name reaches across
/// the middle), so the names of markers close together never meet. Each
/// as the text's anchor point and `text-anchor`.
pub fn label_places(points: &[(f64, f64)], centre: f64, gap: f64) -> Vec<(f64, f64, &'static str)> {
    let mut out: Vec<(f64, f64, &'static str)> = Vec::new();
    for &(x, y) in points {
        let (x, anchor) = if x < centre {
            (x + 9.0, "start")
        } else {
            (x - 9.0, "end")
        };
        let mut y = y + 8.0;
        // Each step moves the name down past one earlier name for good
        // (bounded, and with a margin: `o.1 + gap - o.1` may round to a
        // hair under `gap`, which would find the same name again).
        for _ in 0..out.len() {
            match out.iter().find(|o| (o.1 - y).abs() < gap - 1e-3) {
                Some(o) => y = o.1 + gap,
                None => break,
            }
        }
        out.push((x, y, anchor));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_that_would_meet_go_below_the_earlier_ones() {
        let points = [(10.0, 50.0), (20.0, 40.0), (90.0, 45.0), (30.0, 150.0)];
        let at = super::label_places(&points, 50.0, 30.0);
        assert_eq!(at[0], (19.0, 58.0, "start"));
        // Within 30 of the first: below it.
        assert_eq!(at[1], (29.0, 88.0, "start"));
        // On the other side too: below both.
        assert_eq!(at[2], (81.0, 118.0, "end"));
        // Far from all: where it is.
        assert_eq!(at[3], (39.0, 158.0, "start"));
        // Three at one point, at a height where adding the gap rounds:
        // each below the one before, and the call returns.
        let same = super::label_places(&[(1.0, 50.3); 3], 50.0, 40.0);
        let ys: Vec<f64> = same.iter().map(|a| a.1).collect();
        assert!(ys[1] - ys[0] > 39.99 && ys[2] - ys[1] > 39.99, "{ys:?}");
    }

    use super::*;
    use crate::data::LOCATOR;

    #[test]
    fn the_bundled_asset_reads_and_places_the_article_cities() {
        let l = Locator::parse(LOCATOR).unwrap();
        let (c, r) = (l.size / 2.0, l.polar.radius() * l.units_per_deg);
        assert!((r - c).abs() <= 1.0, "the disc fills the square");
        let moscow = l.to_svg((37.6173, 55.7558));
        let tokyo = l.to_svg((139.6917, 35.6895));
        let washington = l.to_svg((-77.0369, 38.9072));
        let kurils = l.to_svg((147.6, 45.0));
        // Moscow upper left, Washington upper right, the Kurils and Tokyo
        // below the pole, Tokyo further out.
        assert!(moscow.0 < c && moscow.1 < c, "{moscow:?}");
        assert!(washington.0 > c && washington.1 < c, "{washington:?}");
        assert!(kurils.1 > c && tokyo.1 > kurils.1, "{kurils:?} {tokyo:?}");
        for p in [moscow, tokyo, washington, kurils] {
            assert!((p.0 - c).hypot(p.1 - c) < r, "{p:?} on the disc");
        }
        assert!(l.shows((-77.0, 38.9)) && !l.shows((150.0, 0.0)));
    }

    #[test]
    fn distances_from_the_pole_are_true() {
        let p = Polar {
            lon0: 150.0,
            lat_min: 20.0,
        };
        for (lon, lat) in [(37.6, 55.75), (-77.0, 38.9), (150.0, 20.0), (10.0, 89.0)] {
            let (x, y) = p.project((lon, lat));
            assert!((x.hypot(y) - (90.0 - lat)).abs() < 1e-9);
        }
        // East of the central meridian is to the right.
        assert!(p.project((160.0, 45.0)).0 > 0.0 && p.project((140.0, 45.0)).0 < 0.0);
    }

    #[test]
    fn reports_what_is_wrong() {
        let head = "format\tkuril-locator\t1\n";
        assert_eq!(Locator::parse("x"), Err(MapError::Format));
        assert_eq!(
            Locator::parse(&format!(
                "{head}projection\tpolar\t150\t20\nframe\t2\t280\n"
            )),
            Err(MapError::Missing("land"))
        );
        assert!(matches!(
            Locator::parse(&format!("{head}projection\tpolar\t150\t95\n")),
            Err(MapError::Line { line: 2, .. })
        ));
    }
}
