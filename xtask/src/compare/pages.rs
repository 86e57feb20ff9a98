//! The benchmark's pages: the reference (TimelineJS and Leaflet showing
//! the same events and land) and a news page with one `<kuril-widget>`.

use crate::cmd::{root, Result};
use crate::tools::Tools;
use kuril_core::data::Bundle;
use kuril_core::geo::map::rings;
use serde_json::{json, Value};
use std::path::Path;

/// Writes the reference page into `dir`: TimelineJS and Leaflet from the
/// npm cache, and `data.js` with the bundle's timeline and land polygons.
pub(super) fn reference_page(tools: &Tools, dir: &Path) -> Result {
    let nm = tools.node_modules();
    std::fs::create_dir_all(dir)?;
    for (from, to) in [
        ("@knight-lab/timelinejs/dist/js/timeline.js", "timeline.js"),
        (
            "@knight-lab/timelinejs/dist/css/timeline.css",
            "timeline.css",
        ),
        ("leaflet/dist/leaflet.js", "leaflet.js"),
        ("leaflet/dist/leaflet.css", "leaflet.css"),
    ] {
        std::fs::copy(nm.join(from), dir.join(to))?;
    }
    let b = Bundle::load()?;
    let events: Vec<Value> = b
        .timeline
        .iter()
        .map(|e| {
            let d = |d: kuril_core::time::date::Date| json!({ "year": d.year, "month": d.month, "day": d.day });
            let mut v = json!({
                "unique_id": e.id,
                "start_date": d(e.start.unwrap_or(e.date)),
                "text": { "headline": e.title.english(), "text": e.summary.english() },
            });
            if e.start.is_some() {
                v["end_date"] = d(e.date);
            }
            v
        })
        .collect();
    let places: serde_json::Map<String, Value> = b
        .timeline
        .iter()
        .map(|e| (e.id.clone(), json!(e.places)))
        .collect();
    let features: Vec<Value> = b
        .map
        .features
        .iter()
        .map(|f| {
            let polys: Vec<Value> = rings(&f.path)
                .into_iter()
                .map(|ring| {
                    let pts: Vec<[f64; 2]> = ring
                        .into_iter()
                        .map(|p| {
                            let (lon, lat) = b.map.from_svg(p);
                            [(lon * 1e4).round() / 1e4, (lat * 1e4).round() / 1e4]
                        })
                        .collect();
                    json!([pts])
                })
                .collect();
            let name = b
                .gazetteer
                .get(&f.id)
                .map(|p| p.label(&b.gazetteer))
                .unwrap_or_default();
            json!({ "type": "Feature", "properties": { "id": f.id, "name": name },
                    "geometry": { "type": "MultiPolygon", "coordinates": polys } })
        })
        .collect();
    let data = format!(
        "window.TIMELINE = {};\nwindow.PLACES = {};\nwindow.LAND = {};\n",
        json!({ "title": { "text": { "headline": "The Kuril Islands dispute",
            "text": b.story.article.headline.clone().unwrap_or_default() } }, "events": events }),
        Value::Object(places),
        json!({ "type": "FeatureCollection", "features": features }),
    );
    std::fs::write(dir.join("data.js"), data)?;
    std::fs::write(dir.join("index.html"), REFERENCE_HTML)?;
    Ok(())
}

/// A news page with one `<kuril-widget>` holding the pasted fallback (the
/// build-time render in a declarative shadow root), served with a copy of
/// `dist/` from `dir`.
pub(super) fn element_page(dir: &Path) -> Result {
    crate::cmd::copy_dir(&root().join("dist"), dir)?;
    let fallback = std::fs::read_to_string(root().join("embed/fallback.html"))?;
    std::fs::write(
        dir.join("element.html"),
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>A news page with one kuril-widget</title>\
             <script type=\"module\" src=\"kuril-widget.js\"></script>\
             <script type=\"module\">import {{ memory_bytes }} from './kuril-widget-core.js#instance-1'; \
             window.kuril = {{ memoryBytes: () => {{ try {{ return memory_bytes(); }} catch (e) {{ return 0; }} }} }};</script>\
             </head><body><h1>News</h1><p>An article about the dispute.</p>\
             <kuril-widget>{fallback}</kuril-widget></body></html>\n"
        ),
    )?;
    Ok(())
}

/// The publish kits (`crate::kits`) beside the copy of `dist/` in `dir`
/// (under `__test/kits/`, where the kits' addresses point), and
/// `news-bench.html`: the news page with the English kit's element code
/// and the same memory hook as `element.html`.
pub(super) fn kit_pages(dir: &Path) -> Result {
    let kits = kuril_e2e::kits::make()?;
    let to = dir.join("__test/kits");
    crate::cmd::copy_dir(&kits, &to)?;
    let news = std::fs::read_to_string(to.join("news.html"))?;
    let hook = format!(
        "<script type=\"module\">import {{ memory_bytes }} from '/v/{}/kuril-widget-core.js#instance-1'; \
         window.kuril = {{ memoryBytes: () => {{ try {{ return memory_bytes(); }} catch (e) {{ return 0; }} }} }};</script></head>",
        kuril_publish::RELEASE
    );
    std::fs::write(
        to.join("news-bench.html"),
        news.replacen("</head>", &hook, 1),
    )?;
    Ok(())
}

/// What the element's embed code adds to a news page, gzip: the page with
/// it, less the page without it (the kit's `news-below.html`).
pub(super) fn code_bytes(dir: &Path) -> Result<usize> {
    let page = std::fs::read_to_string(dir.join("__test/kits/news-below.html"))?;
    let (a, b) = (
        page.find("<script type=\"module\""),
        page.find("</kuril-widget>"),
    );
    let (Some(a), Some(b)) = (a, b) else {
        return Err("news-below.html holds no element code".into());
    };
    let without = format!("{}{}", &page[..a], &page[b + "</kuril-widget>".len()..]);
    Ok(crate::bundle::gzip_len(page.as_bytes()) - crate::bundle::gzip_len(without.as_bytes()))
}

/// The reference page: TimelineJS below a Leaflet map of the same land, the
/// event's places outlined when the timeline moves, a popup for a place.
/// No tile layer: tiles would be a third-party request.
const REFERENCE_HTML: &str = include_str!("reference.html");
