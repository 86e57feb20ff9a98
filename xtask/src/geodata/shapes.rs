//! The map's geometry: its frame, the land near the region, the part south
//! of a parallel, which place a polygon shows, how far a simplification
//! strays, and the quantized rings as SVG path data.

use super::source::*;
use geo::{Contains, Coord, Distance, Euclidean, LineString, Point, Polygon, Rect};
use kuril_core::geo::projection::Lcc;
use std::fmt::Write as _;

/// The projected bounding box of the region's outline.
pub(super) fn frame(p: &Lcc) -> Rect<f64> {
    let [w, s, e, n] = REGION;
    let mut pts = Vec::new();
    for i in 0..=64 {
        let t = i as f64 / 64.0;
        for (lon, lat) in [
            (w + (e - w) * t, s),
            (w + (e - w) * t, n),
            (w, s + (n - s) * t),
            (e, s + (n - s) * t),
        ] {
            let (x, y) = p.project((lon, lat));
            pts.push(Coord { x, y });
        }
    }
    let (mut lo, mut hi) = (pts[0], pts[0]);
    for c in &pts {
        lo = Coord {
            x: lo.x.min(c.x),
            y: lo.y.min(c.y),
        };
        hi = Coord {
            x: hi.x.max(c.x),
            y: hi.y.max(c.y),
        };
    }
    Rect::new(lo, hi)
}

/// The projected area south of parallel `lat` across the region (the
/// parallel sampled densely, since it is a curve in the projection).
pub(super) fn south_of(p: &Lcc, lat: f64) -> Polygon<f64> {
    let [w, s, e, _] = REGION;
    let (w, e, s) = (w - 5.0, e + 5.0, s - 5.0);
    let mut ring: Vec<Coord<f64>> = (0..=100)
        .map(|i| w + (e - w) * i as f64 / 100.0)
        .map(|lon| p.project((lon, lat)))
        .map(|(x, y)| Coord { x, y })
        .collect();
    for (lon, la) in [(e, s), (w, s)] {
        let (x, y) = p.project((lon, la));
        ring.push(Coord { x, y });
    }
    Polygon::new(LineString::new(ring), vec![])
}

/// Exterior rings near the region, as projected polygons.
pub(super) fn land_near_region(src: &Collection, p: &Lcc) -> Vec<(String, Polygon<f64>)> {
    let [w, s, e, n] = REGION;
    let mut out = Vec::new();
    for f in &src.features {
        let polys: Vec<&Vec<Vec<[f64; 2]>>> = match &f.geometry {
            Geometry::Polygon(p) => vec![p],
            Geometry::MultiPolygon(m) => m.iter().collect(),
        };
        for poly in polys {
            let Some(ring) = poly.first() else { continue };
            let near = ring.iter().any(|[lon, lat]| {
                (w - 3.0..=e + 3.0).contains(lon) && (s - 2.0..=n + 2.0).contains(lat)
            });
            if near {
                let coords: Vec<Coord<f64>> = ring
                    .iter()
                    .map(|&[lon, lat]| {
                        let (x, y) = p.project((lon, lat));
                        Coord { x, y }
                    })
                    .collect();
                out.push((
                    f.properties.a3.clone(),
                    Polygon::new(LineString::new(coords), vec![]),
                ));
            }
        }
    }
    out
}

/// The gazetteer place a polygon shows: the one whose point it contains, or
/// failing that the nearest point within [`ASSIGN_WITHIN_M`].
pub(super) fn assign(poly: &Polygon<f64>, points: &[(String, Point<f64>)]) -> Option<String> {
    if let Some((id, _)) = points.iter().find(|(_, pt)| poly.contains(pt)) {
        return Some(id.clone());
    }
    points
        .iter()
        .map(|(id, pt)| (id, Euclidean.distance(poly.exterior(), pt)))
        .filter(|(_, d)| *d <= ASSIGN_WITHIN_M)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id.clone())
}

/// How far the original ring strays from its simplification: the largest
/// distance from an original vertex to the simplified line (not to its
/// vertices, which would count a long straight stretch as error).
pub(super) fn deviation(original: &LineString<f64>, simple: &LineString<f64>) -> f64 {
    original
        .points()
        .map(|p| Euclidean.distance(&p, simple))
        .fold(0.0, f64::max)
}

/// SVG path data for one ring in integer SVG units: `M x y l dx dy ... z`.
pub(super) fn encode_ring(ring: &[(i64, i64)], out: &mut String) {
    let mut prev = ring[0];
    let _ = write!(out, "M{} {}l", prev.0, prev.1);
    let mut first = true;
    for &pt in &ring[1..] {
        for v in [pt.0 - prev.0, pt.1 - prev.1] {
            if !first && v >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{v}");
            first = false;
        }
        prev = pt;
    }
    out.push('z');
}

/// Quantized ring without repeated points and without the closing point;
/// `None` if fewer than three distinct points remain.
pub(super) fn quantize(
    ring: &LineString<f64>,
    f: &Rect<f64>,
    unit: f64,
) -> Option<Vec<(i64, i64)>> {
    let mut pts: Vec<(i64, i64)> = Vec::new();
    for c in ring.coords() {
        let q = (
            ((c.x - f.min().x) / unit).round() as i64,
            ((f.max().y - c.y) / unit).round() as i64,
        );
        if pts.last() != Some(&q) {
            pts.push(q);
        }
    }
    while pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    (pts.len() >= 3).then_some(pts)
}
