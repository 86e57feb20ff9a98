//! Lambert conformal conic projection on a sphere: conformal (shapes of
//! small islands stay true), with little scale error between its two
//! standard parallels, which suits a region spanning 41°N to 51.5°N.
//!
//! Points are `(longitude, latitude)` in degrees; projected coordinates are
//! `(x, y)` in metres, x east and y north of the origin.

use std::f64::consts::FRAC_PI_4;

/// Mean Earth radius in metres (IUGG).
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// A Lambert conformal conic projection with two standard parallels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lcc {
    lon0: f64,
    n: f64,
    f: f64,
    rho0: f64,
}

fn t(lat_rad: f64) -> f64 {
    (FRAC_PI_4 + lat_rad / 2.0).tan()
}

impl Lcc {
    /// Projection centred on `lon0`/`lat0` with standard parallels `lat1` and
    /// `lat2` (degrees; north of the equator, `lat1 != lat2`).
    ///
    /// ```
    /// use kuril_core::geo::projection::Lcc;
    /// let p = Lcc::new(148.0, 46.0, 44.0, 50.0);
    /// let (x, y) = p.project((148.0, 46.0));
    /// assert!(x.abs() < 1e-6 && y.abs() < 1e-6);
    /// ```
    pub fn new(lon0: f64, lat0: f64, lat1: f64, lat2: f64) -> Lcc {
        let (p0, p1, p2) = (lat0.to_radians(), lat1.to_radians(), lat2.to_radians());
        let n = (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln();
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = EARTH_RADIUS_M * f / t(p0).powf(n);
        Lcc { lon0, n, f, rho0 }
    }

    /// The projection used for the Kuril map: centred at 148°E 46°N with
    /// standard parallels 44°N and 50°N.
    pub fn kurils() -> Lcc {
        Lcc::new(148.0, 46.0, 44.0, 50.0)
    }

    /// `(lon, lat)` in degrees to `(x, y)` in metres.
    pub fn project(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        let rho = EARTH_RADIUS_M * self.f / t(lat.to_radians()).powf(self.n);
        let theta = self.n * (lon - self.lon0).to_radians();
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// `(x, y)` in metres back to `(lon, lat)` in degrees.
    pub fn unproject(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let dy = self.rho0 - y;
        let rho = self.n.signum() * (x * x + dy * dy).sqrt();
        let theta = (x * self.n.signum()).atan2(dy * self.n.signum());
        let lat = 2.0 * (EARTH_RADIUS_M * self.f / rho).powf(1.0 / self.n).atan()
            - std::f64::consts::FRAC_PI_2;
        (self.lon0 + (theta / self.n).to_degrees(), lat.to_degrees())
    }

    /// Scale factor at a latitude: 1 on the standard parallels.
    pub fn scale_factor(&self, lat: f64) -> f64 {
        let p = lat.to_radians();
        self.n * self.f / (p.cos() * t(p).powf(self.n))
    }
}

/// Great-circle distance in metres between two `(lon, lat)` points.
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.1.to_radians(), b.1.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.0 - a.0).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_across_the_region() {
        let p = Lcc::kurils();
        for lon in [139.0, 143.5, 148.0, 152.25, 157.5] {
            for lat in [41.0, 43.8, 46.0, 49.1, 51.5] {
                let (lo, la) = p.unproject(p.project((lon, lat)));
                assert!(
                    (lo - lon).abs() < 1e-9 && (la - lat).abs() < 1e-9,
                    "{lon},{lat} -> {lo},{la}"
                );
            }
        }
    }

    #[test]
    fn is_true_to_scale_on_standard_parallels_and_close_between() {
        let p = Lcc::kurils();
        assert!((p.scale_factor(44.0) - 1.0).abs() < 1e-12);
        assert!((p.scale_factor(50.0) - 1.0).abs() < 1e-12);
        for lat in [41.0, 47.0, 51.5] {
            assert!(
                (p.scale_factor(lat) - 1.0).abs() < 0.01,
                "scale error at {lat} under 1%"
            );
        }
    }

    #[test]
    fn projected_distances_match_great_circles() {
        // Cape Nosappu (Hokkaido) to Kunashir's centre, about 90 km.
        let p = Lcc::kurils();
        let (a, b) = ((145.817, 43.385), (145.85, 44.12));
        let (pa, pb) = (p.project(a), p.project(b));
        let planar = ((pa.0 - pb.0).powi(2) + (pa.1 - pb.1).powi(2)).sqrt();
        let sphere = haversine_m(a, b);
        assert!(
            (planar / sphere - 1.0).abs() < 0.005,
            "{planar} vs {sphere}"
        );
        // North is up and east is right at the central meridian.
        assert!(p.project((148.0, 47.0)).1 > 0.0 && p.project((149.0, 46.0)).0 > 0.0);
    }
}
