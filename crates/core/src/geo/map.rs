//! The map asset (`data/map/kurils.map`, written by `cargo xtask geodata`):
//! land polygons already projected, quantized and encoded as SVG path data,
//! one feature per named place, plus the frame that maps projected metres
//! to SVG units so labels can be placed from `(lon, lat)`.
//!
//! Format, tab-separated, `#` comments:
//! ```text
//! format      kuril-map   1
//! projection  lcc  <lon0> <lat0> <lat1> <lat2>
//! frame       <x_min m> <y_max m> <units per m> <width> <height>
//! attribution <text>
//! feature     <gazetteer id or "land">  <SVG path data>
//! ```

use crate::geo::projection::Lcc;
use crate::text::{self, within};
use thiserror::Error;

/// One drawable feature: a place's land, as SVG path data.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// Gazetteer id, or `land` for unnamed land.
    pub id: String,
    /// Shared, so that the map's components hand it to the DOM without a
    /// copy.
    pub path: std::rc::Rc<str>,
}

/// Projected metres to SVG units: `svg = ((x - x_min) * k, (y_max - y) * k)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x_min: f64,
    pub y_max: f64,
    pub units_per_m: f64,
    pub width: f64,
    pub height: f64,
}

/// The parsed map asset.
#[derive(Clone, Debug, PartialEq)]
pub struct MapAsset {
    pub projection: Lcc,
    pub frame: Frame,
    pub attribution: String,
    pub features: Vec<Feature>,
}

/// Why the map asset could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum MapError {
    #[error("map asset: not a kuril-map version 1 file")]
    Format,
    #[error("map asset line {line}: {what}")]
    Line { line: usize, what: String },
    #[error("map asset: missing '{0}' line")]
    Missing(&'static str),
}

pub(crate) fn numbers<const N: usize>(fields: &[&str], line: usize) -> Result<[f64; N], MapError> {
    let bad = || MapError::Line {
        line,
        what: format!("expected {N} numbers"),
    };
    if fields.len() != N {
        return Err(bad());
    }
    let mut out = [0.0; N];
    for (o, f) in out.iter_mut().zip(fields) {
        *o = crate::text::decimal(f)
            .filter(|x| x.is_finite())
            .ok_or_else(bad)?;
    }
    Ok(out)
}

impl MapAsset {
    /// Parses the map asset.
    pub fn parse(src: &str) -> Result<MapAsset, MapError> {
        let (header, rows) = text::tsv(src);
        if header.is_none_or(|h| h.fields != ["format", "kuril-map", "1"]) {
            return Err(MapError::Format);
        }
        let (mut projection, mut frame, mut attribution) = (None, None, None);
        let mut features = Vec::new();
        for r in rows {
            let line = r.line;
            match r.fields.as_slice() {
                ["projection", "lcc", rest @ ..] => {
                    let [lon0, lat0, lat1, lat2] = numbers(rest, line)?;
                    if lat1 == lat2 || lat1 <= 0.0 || lat2 <= 0.0 {
                        return Err(MapError::Line {
                            line,
                            what: "bad standard parallels".into(),
                        });
                    }
                    projection = Some(Lcc::new(lon0, lat0, lat1, lat2));
                }
                ["frame", rest @ ..] => {
                    let [x_min, y_max, units_per_m, width, height] = numbers(rest, line)?;
                    if units_per_m <= 0.0 || width <= 0.0 || height <= 0.0 {
                        return Err(MapError::Line {
                            line,
                            what: "frame sizes must be positive".into(),
                        });
                    }
                    frame = Some(Frame {
                        x_min,
                        y_max,
                        units_per_m,
                        width,
                        height,
                    });
                }
                ["attribution", a] => attribution = Some(a.to_string()),
                ["feature", id, path] if !id.is_empty() && path.starts_with('M') => {
                    features.push(Feature {
                        id: id.to_string(),
                        path: (*path).into(),
                    })
                }
                other => {
                    return Err(MapError::Line {
                        line,
                        what: format!("unexpected '{}'", other.join(" ")),
                    })
                }
            }
        }
        Ok(MapAsset {
            projection: projection.ok_or(MapError::Missing("projection"))?,
            frame: frame.ok_or(MapError::Missing("frame"))?,
            attribution: attribution.ok_or(MapError::Missing("attribution"))?,
            features,
        })
    }

    /// SVG coordinates of a `(lon, lat)` point.
    pub fn to_svg(&self, lon_lat: (f64, f64)) -> (f64, f64) {
        let (x, y) = self.projection.project(lon_lat);
        let f = &self.frame;
        ((x - f.x_min) * f.units_per_m, (f.y_max - y) * f.units_per_m)
    }

    /// Whether the point `(lon, lat)` falls inside the map's frame.
    pub fn shows(&self, lon_lat: (f64, f64)) -> bool {
        let (x, y) = self.to_svg(lon_lat);
        (0.0..=self.frame.width).contains(&x) && (0.0..=self.frame.height).contains(&y)
    }

    /// `(lon, lat)` of SVG coordinates.
    pub fn from_svg(&self, (sx, sy): (f64, f64)) -> (f64, f64) {
        let f = &self.frame;
        self.projection
            .unproject((sx / f.units_per_m + f.x_min, f.y_max - sy / f.units_per_m))
    }
}

/// The rings of a feature's path data as written by `cargo xtask geodata`
/// (`M x y l dx dy … z`, absolute start, relative steps), in SVG units.
/// Anything else in the path is skipped.
pub fn rings(path: &str) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    for sub in path.split('M').filter(|s| !s.trim().is_empty()) {
        let body = sub.trim_end().trim_end_matches('z');
        let (start, steps) = body.split_once('l').unwrap_or((body, ""));
        let nums = |s: &str| -> Vec<f64> {
            // "12-3 4" is 12, -3, 4: a minus starts a number.
            s.replace('-', " -")
                .split_whitespace()
                .filter_map(crate::text::decimal)
                .collect()
        };
        let start = nums(start);
        let [x, y] = start[..] else { continue };
        let mut ring = vec![(x, y)];
        let (mut cx, mut cy) = (x, y);
        for pair in nums(steps).chunks_exact(2) {
            cx += pair[0];
            cy += pair[1];
            ring.push((cx, cy));
        }
        out.push(ring);
    }
    out
}

/// Whether a point lies inside a ring (even-odd rule).
pub fn in_ring(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for i in 0..ring.len() {
        let (x1, y1) = ring[i];
        let (x2, y2) = ring[(i + ring.len() - 1) % ring.len()];
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    inside
}

/// How far the map may zoom in.
pub const MAX_ZOOM: f64 = 16.0;

/// The part of the map in view: its centre in SVG units and the zoom
/// (1 shows the whole frame). Every operation keeps the view inside the
/// frame and the zoom within `1..=MAX_ZOOM`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub cx: f64,
    pub cy: f64,
    pub zoom: f64,
}

impl View {
    /// The whole map.
    pub fn whole(f: &Frame) -> View {
        View {
            cx: f.width / 2.0,
            cy: f.height / 2.0,
            zoom: 1.0,
        }
    }

    /// The view's box `(x, y, width, height)` in SVG units.
    pub fn view_box(&self, f: &Frame) -> (f64, f64, f64, f64) {
        let (w, h) = (f.width / self.zoom, f.height / self.zoom);
        (self.cx - w / 2.0, self.cy - h / 2.0, w, h)
    }

    /// The map point (SVG units) under the screen point `client`, for an
    /// element showing this view in the screen rectangle `rect` (left, top,
    /// width, height, in CSS px); none for an empty rectangle.
    ///
    /// ```
    /// use kuril_core::geo::map::{Frame, View};
    /// let f = Frame { x_min: 0.0, y_max: 0.0, units_per_m: 1.0, width: 1000.0, height: 500.0 };
    /// let v = View::whole(&f);
    /// assert_eq!(v.point_at(&f, (10.0, 10.0, 200.0, 100.0), (110.0, 60.0)), Some((500.0, 250.0)));
    /// assert_eq!(v.units_per_px(&f, 200.0), Some(5.0));
    /// ```
    pub fn point_at(
        &self,
        f: &Frame,
        rect: (f64, f64, f64, f64),
        client: (f64, f64),
    ) -> Option<(f64, f64)> {
        let (left, top, width, height) = rect;
        if width <= 0.0 || height <= 0.0 {
            return None;
        }
        let (x, y, w, h) = self.view_box(f);
        Some((
            x + (client.0 - left) / width * w,
            y + (client.1 - top) / height * h,
        ))
    }

    /// Map units per CSS pixel for an element `width` px wide showing this
    /// view.
    pub fn units_per_px(&self, f: &Frame, width: f64) -> Option<f64> {
        (width > 0.0).then(|| self.view_box(f).2 / width)
    }

    /// The same view, brought back inside the frame and the zoom limits.
    pub fn clamp(self, f: &Frame) -> View {
        let zoom = if self.zoom.is_finite() {
            within(self.zoom, 1.0, MAX_ZOOM)
        } else {
            1.0
        };
        let (hw, hh) = (f.width / zoom / 2.0, f.height / zoom / 2.0);
        let finite = |v: f64, d: f64| if v.is_finite() { v } else { d };
        View {
            cx: within(finite(self.cx, f.width / 2.0), hw, f.width - hw),
            cy: within(finite(self.cy, f.height / 2.0), hh, f.height - hh),
            zoom,
        }
    }

    /// Zooms by `factor` keeping the map point `(px, py)` (SVG units) where
    /// it is on screen.
    pub fn zoom_at(self, f: &Frame, factor: f64, (px, py): (f64, f64)) -> View {
        let zoom = within(self.zoom * factor, 1.0, MAX_ZOOM);
        let k = self.zoom / zoom;
        View {
            cx: px + (self.cx - px) * k,
            cy: py + (self.cy - py) * k,
            zoom,
        }
        .clamp(f)
    }

    /// A two-finger gesture that began on this view: the fingers' midpoint
    /// was then over the map point `at` (SVG units); since, their spread
    /// has changed by `ratio` and their midpoint has moved `shift` CSS
    /// pixels. The result keeps `at` under the midpoint. `units_per_px` is
    /// this view's scale.
    pub fn pinch(
        self,
        f: &Frame,
        at: (f64, f64),
        ratio: f64,
        shift: (f64, f64),
        units_per_px: f64,
    ) -> View {
        let zoom = within(self.zoom * ratio, 1.0, MAX_ZOOM);
        let k = self.zoom / zoom;
        View {
            cx: at.0 + (self.cx - at.0 - shift.0 * units_per_px) * k,
            cy: at.1 + (self.cy - at.1 - shift.1 * units_per_px) * k,
            zoom,
        }
        .clamp(f)
    }

    /// Moves the view by `(dx, dy)` SVG units.
    pub fn pan(self, f: &Frame, dx: f64, dy: f64) -> View {
        View {
            cx: self.cx + dx,
            cy: self.cy + dy,
            ..self
        }
        .clamp(f)
    }
}

/// A scale bar: the longest round distance (1, 2 or 5 × 10ⁿ km) whose bar
/// fits in `max_units` SVG units, as `(kilometres, length in units)`.
/// The projection's scale error is under 1% in the region, so one bar
/// serves the whole map.
pub fn scale_bar(frame: &Frame, max_units: f64) -> Option<(u32, f64)> {
    let units_per_km = frame.units_per_m * 1000.0;
    let mut best = None;
    for exp in 0..5 {
        for base in [1, 2, 5] {
            let km = base * 10u32.pow(exp);
            let len = km as f64 * units_per_km;
            if len <= max_units {
                best = Some((km, len));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "format\tkuril-map\t1\nprojection\tlcc\t148\t46\t44\t50\n\
                       frame\t-100000\t50000\t0.001\t200\t100\nattribution\t© OSM\n\
                       feature\titurup\tM0 0l5 0 0 5z\n";

    #[test]
    fn parses_and_maps_points_both_ways() {
        let m = MapAsset::parse(SRC).unwrap();
        assert_eq!(m.features.len(), 1);
        assert_eq!(m.attribution, "© OSM");
        let (x, y) = m.to_svg((148.0, 46.0));
        assert!((x - 100.0).abs() < 1e-6 && (y - 50.0).abs() < 1e-6);
        let (lon, lat) = m.from_svg(m.to_svg((146.75, 43.8)));
        assert!((lon - 146.75).abs() < 1e-9 && (lat - 43.8).abs() < 1e-9);
    }

    #[test]
    fn reads_path_rings_back() {
        let r = rings("M10 20l5 0 0-5-5 0zM100 100l1 1z");
        assert_eq!(
            r[0],
            [(10.0, 20.0), (15.0, 20.0), (15.0, 15.0), (10.0, 15.0)]
        );
        assert_eq!(r[1], [(100.0, 100.0), (101.0, 101.0)]);
        assert!(in_ring(&r[0], (12.0, 18.0)));
        assert!(!in_ring(&r[0], (16.0, 18.0)));
        assert!(rings("").is_empty());
    }

    fn frame() -> Frame {
        Frame {
            x_min: 0.0,
            y_max: 0.0,
            units_per_m: 0.004,
            width: 6000.0,
            height: 4000.0,
        }
    }

    #[test]
    fn a_pinch_keeps_the_point_under_the_fingers() {
        let f = frame();
        let v = View::whole(&f).zoom_at(&f, 2.0, (3000.0, 2400.0));
        let at = (3200.0, 2500.0);
        // Where `at` sits in the view, as fractions of its width and height.
        let place = |v: &View, p: (f64, f64)| {
            let (x, y, w, h) = v.view_box(&f);
            ((p.0 - x) / w, (p.1 - y) / h)
        };
        let before = place(&v, at);
        let spread = v.pinch(&f, at, 2.0, (0.0, 0.0), 1.5);
        assert!((spread.zoom - 4.0).abs() < 1e-9);
        let after = place(&spread, at);
        assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
        // Moving both fingers 100 px right with no spread pans by 100 px.
        let moved = v.pinch(&f, at, 1.0, (100.0, 0.0), 1.5);
        assert!((moved.cx - (v.cx - 150.0)).abs() < 1e-9 && moved.cy == v.cy);
        // Spreading and moving: the point follows the midpoint, at the new scale.
        let both = v.pinch(&f, at, 2.0, (100.0, -40.0), 1.5);
        let (x, y, w, _) = both.view_box(&f);
        let (x0, y0, w0, _) = v.view_box(&f);
        let px_per_unit = w0 / w / 1.5;
        let screen = |p: f64, o: f64| (p - o) * px_per_unit;
        assert!((screen(at.0, x) - (screen_at(at.0, x0, 1.5) + 100.0)).abs() < 1e-6);
        assert!((screen(at.1, y) - (screen_at(at.1, y0, 1.5) - 40.0)).abs() < 1e-6);
        // Limits hold: pinching far in or out stays within the zoom range.
        assert_eq!(v.pinch(&f, at, 100.0, (0.0, 0.0), 1.5).zoom, MAX_ZOOM);
        assert_eq!(v.pinch(&f, at, 0.01, (0.0, 0.0), 1.5), View::whole(&f));
        assert_eq!(v.pinch(&f, at, f64::NAN, (0.0, 0.0), 1.5).zoom, 1.0);
    }

    /// The screen x (CSS px) of map coordinate `p` in a view starting at
    /// `origin` with `units_per_px`.
    fn screen_at(p: f64, origin: f64, units_per_px: f64) -> f64 {
        (p - origin) / units_per_px
    }

    #[test]
    fn views_stay_inside_the_map_and_the_zoom_limits() {
        let f = frame();
        let whole = View::whole(&f);
        assert_eq!(whole.view_box(&f), (0.0, 0.0, 6000.0, 4000.0));
        assert_eq!(whole.pan(&f, 500.0, 0.0), whole, "nothing to pan at zoom 1");
        assert_eq!(
            whole.zoom_at(&f, 0.5, (10.0, 10.0)),
            whole,
            "no zooming out past the whole map"
        );
        let z = whole.zoom_at(&f, 2.0, (3000.0, 2000.0));
        assert_eq!(z.view_box(&f), (1500.0, 1000.0, 3000.0, 2000.0));
        // The point under the cursor stays put.
        let at = whole.zoom_at(&f, 2.0, (1500.0, 1000.0));
        let (x, y, w, h) = at.view_box(&f);
        assert!(((1500.0 - x) / w - 0.25).abs() < 1e-9 && ((1000.0 - y) / h - 0.25).abs() < 1e-9);
        // Panning stops at the edge.
        assert_eq!(
            z.pan(&f, 1e6, -1e6).view_box(&f),
            (3000.0, 0.0, 3000.0, 2000.0)
        );
        assert_eq!(whole.zoom_at(&f, 1e9, (0.0, 0.0)).zoom, MAX_ZOOM);
        let wild = View {
            cx: f64::NAN,
            cy: f64::INFINITY,
            zoom: f64::NAN,
        }
        .clamp(&f);
        assert_eq!(wild, whole);
    }

    #[test]
    fn scale_bars_are_round_and_fit() {
        let f = Frame {
            x_min: 0.0,
            y_max: 0.0,
            units_per_m: 0.004,
            width: 6000.0,
            height: 4000.0,
        };
        // 4 units per km: 200 km is 800 units, 500 km would be 2000.
        assert_eq!(scale_bar(&f, 1000.0), Some((200, 800.0)));
        assert_eq!(scale_bar(&f, 2000.0), Some((500, 2000.0)));
        assert_eq!(scale_bar(&f, 3.0), None);
    }

    #[test]
    fn reports_what_is_wrong() {
        assert_eq!(MapAsset::parse("<svg/>"), Err(MapError::Format));
        let no_frame = SRC.replace("frame\t-100000\t50000\t0.001\t200\t100\n", "");
        assert_eq!(MapAsset::parse(&no_frame), Err(MapError::Missing("frame")));
        let bad = SRC.replace("0.001", "zero");
        assert!(matches!(
            MapAsset::parse(&bad),
            Err(MapError::Line { line: 3, .. })
        ));
        let neg = SRC.replace("0.001", "-1");
        assert!(matches!(
            MapAsset::parse(&neg),
            Err(MapError::Line { line: 3, .. })
        ));
        let script = SRC.replace("M0 0l5 0 0 5z", "javascript:alert(1)");
        assert!(matches!(
            MapAsset::parse(&script),
            Err(MapError::Line { line: 5, .. })
        ));
    }
}
