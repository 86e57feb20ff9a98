//! The benchmark against the tools newsrooms use today: a reference page
//! built at bench time from npm TimelineJS 3.9.11 and Leaflet 1.9.4 (not
//! committed), showing the same events and the same land polygons, linked
//! as a newsroom developer would link them. Both pages are served gzipped
//! from 127.0.0.1 and measured in headless Chromium over the DevTools
//! protocol in one run, alternating, at two viewports and two CPU speeds.
//! Figures are reported with our/reference ratios, never asserted.

use crate::engines::Engine;
use crate::tools::Tools;
use crate::webdriver::Session;
use crate::{root, server, step, Result};
use kuril_core::data::Bundle;
use kuril_core::map::rings;
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

/// Page loads per page, viewport and CPU rate.
pub const RUNS: usize = 5;
/// (name, width, height, mobile).
const VIEWPORTS: [(&str, u32, u32, bool); 2] =
    [("desktop", 1280, 800, false), ("mobile", 375, 667, true)];
const CPU_RATES: [u32; 2] = [1, 4];

/// Writes the reference page into `dir`: TimelineJS and Leaflet from the
/// npm cache, and `data.js` with the bundle's timeline and land polygons.
fn reference_page(tools: &Tools, dir: &Path) -> Result {
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
            let d = |d: kuril_core::date::Date| json!({ "year": d.year, "month": d.month, "day": d.day });
            let mut v = json!({
                "unique_id": e.id,
                "start_date": d(e.start.unwrap_or(e.date)),
                "text": { "headline": e.title, "text": e.summary },
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

/// The reference page: TimelineJS below a Leaflet map of the same land, the
/// event's places outlined when the timeline moves, a popup for a place.
/// No tile layer: tiles would be a third-party request.
const REFERENCE_HTML: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reference: TimelineJS + Leaflet</title>
<link rel="stylesheet" href="leaflet.css"><link rel="stylesheet" href="timeline.css">
<style>body{margin:0;font-family:system-ui,sans-serif}#map{height:420px;background:#dfe9f2}#timeline{height:560px}</style>
</head><body>
<div id="map"></div><div id="timeline"></div>
<script src="data.js"></script><script src="leaflet.js"></script><script src="timeline.js"></script>
<script>
const map = L.map('map', { zoomSnap: 0.25 });
const style = (lit) => ({ color: lit ? '#c0392b' : '#667', weight: lit ? 2 : 0.6, fillColor: '#cfd6c4', fillOpacity: 1 });
const layers = {};
const land = L.geoJSON(LAND, {
  style: () => style(false),
  onEachFeature: (f, layer) => {
    (layers[f.properties.id] = layers[f.properties.id] || []).push(layer);
    if (f.properties.name) layer.bindPopup(f.properties.name);
  },
}).addTo(map);
map.fitBounds(land.getBounds());
const timeline = new TL.Timeline('timeline', TIMELINE, { script_path: './', start_at_slide: 0, font: null });
timeline.on('change', (e) => {
  const lit = new Set(PLACES[e.unique_id] || []);
  if (lit.has('disputed')) ['iturup', 'kunashir', 'shikotan'].forEach((p) => lit.add(p));
  for (const [id, ls] of Object.entries(layers)) ls.forEach((l) => l.setStyle(style(lit.has(id) || (lit.has('disputed') && id.startsWith('habomai')))));
});
</script></body></html>
"#;

/// Installed before any page script: records when the page is ready (its
/// map and timeline in the DOM, then one frame), and every long task.
const OBSERVER: &str = r#"
window.__kwb = { longtasks: [], ready: null };
try { new PerformanceObserver((l) => { for (const e of l.getEntries()) __kwb.longtasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true }); } catch (e) {}
const __kwbReady = () => document.querySelector('.kw-map path[data-place]') && document.querySelector('.kw-event')
  || document.querySelector('path.leaflet-interactive') && document.querySelector('.tl-timemarker');
const __kwbPoll = () => { if (__kwbReady()) requestAnimationFrame(() => { __kwb.ready = performance.now(); });
  else requestAnimationFrame(__kwbPoll); };
requestAnimationFrame(__kwbPoll);
"#;

/// One page load's figures.
fn load(s: &Session, url: &str) -> Result<Value> {
    s.goto("about:blank")?;
    s.cdp("HeapProfiler.collectGarbage", json!({}))?;
    s.goto(url)?;
    s.wait_script(
        "return window.__kwb && window.__kwb.ready",
        Duration::from_secs(60),
    )
    .map_err(|e| format!("{url} was not ready: {e}"))?;
    // Idle, then a full collection, then the heap.
    std::thread::sleep(Duration::from_millis(1500));
    let page = s.script(
        "const res = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')); \
         const fcp = performance.getEntriesByName('first-contentful-paint')[0]; \
         const ready = __kwb.ready; \
         const blocking = __kwb.longtasks.filter(([t]) => t < ready).reduce((n, [, d]) => n + Math.max(0, d - 50), 0); \
         return { ready, fcp: fcp ? fcp.startTime : null, blocking, long_tasks: __kwb.longtasks.filter(([t]) => t < ready).length, \
           assets: res.map((r) => ({ name: r.name.replace(location.origin + '/', '') || 'page', transfer: r.transferSize, gzip: r.encodedBodySize, raw: r.decodedBodySize })), \
           wasm: window.kuril && window.kuril.memoryBytes ? window.kuril.memoryBytes() : 0 };",
    )?;
    s.cdp("HeapProfiler.collectGarbage", json!({}))?;
    let metrics = s.cdp("Performance.getMetrics", json!({}))?;
    let heap = metrics["metrics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["name"] == "JSHeapUsedSize")
        .and_then(|m| m["value"].as_f64())
        .unwrap_or(0.0);
    let mut out = page;
    out["js_heap"] = json!(heap);
    out["memory"] = json!(heap + out["wasm"].as_f64().unwrap_or(0.0));
    out["latency"] = s.script_async(LATENCY)?;
    Ok(out)
}

/// Interaction latency in the page: from the input to the end of the
/// frame that paints its result: ten steps to the next event, and a click
/// on each of four islands. After the input, the page's own microtasks run
/// (where Yew renders); the first frame in which the DOM shows the result is
/// the one that paints it, and a task queued from its animation-frame
/// callback runs once that frame is painted.
const LATENCY: &str = r#"
const done = arguments[arguments.length - 1];
const ours = !!document.querySelector('.kw-map');
const frame = () => new Promise((r) => requestAnimationFrame(r));
const task = () => new Promise((r) => setTimeout(r, 0));
async function measure(act, changed) {
  const t0 = performance.now(); act();
  for (let k = 0; k < 20; k++) await Promise.resolve();
  for (let i = 0; i < 120; i++) {
    const shown = changed();
    await frame();
    if (shown) break;
  }
  await task();
  return performance.now() - t0;
}
(async () => {
  const step = [], island = [];
  for (let i = 0; i < 10; i++) {
    if (ours) {
      const before = document.querySelector('.kw-event[aria-pressed=true]')?.dataset.event;
      const next = [...document.querySelectorAll('.kw-timeline .kw-tool')].find((b) => b.textContent === '›' && !b.disabled)
        || document.querySelector(".kw-event[data-event='shimoda-1855']");
      step.push(await measure(() => next.click(), () => document.querySelector('.kw-event[aria-pressed=true]')?.dataset.event !== before));
    } else {
      const before = document.querySelector('.tl-timemarker.tl-timemarker-active')?.id;
      const next = document.querySelector('.tl-slidenav-next');
      step.push(await measure(() => next.click(), () => document.querySelector('.tl-timemarker.tl-timemarker-active')?.id !== before));
      await new Promise((r) => setTimeout(r, 800));
    }
  }
  for (const id of ['iturup', 'kunashir', 'shikotan', 'habomai_shibotsu']) {
    if (ours) {
      island.push(await measure(() => document.querySelector(`.kw-map path[data-place='${id}']`).dispatchEvent(new MouseEvent('click', { bubbles: true })),
        () => (document.querySelector('.kw-island .kw-card-title')?.textContent || '').length > 0 && document.querySelector('.kw-island').dataset.kwb !== id
          && (document.querySelector('.kw-island').dataset.kwb = id)));
    } else {
      const layer = Object.values(map._layers).find((l) => l.feature && l.feature.properties.id === id);
      island.push(await measure(() => layer.fire('click', { latlng: layer.getBounds().getCenter() }),
        () => (document.querySelector('.leaflet-popup-content')?.textContent || '') === layer.feature.properties.name));
    }
  }
  done({ step, island });
})();
"#;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// Median, smallest and largest.
fn summary(mut v: Vec<f64>) -> Value {
    let m = median(&mut v);
    json!({ "median": m, "min": v.first(), "max": v.last(), "n": v.len() })
}

/// Runs the comparison; returns the report's `comparison` section and a
/// Markdown table.
pub fn run(tools: &Tools) -> Result<(Value, String)> {
    step("benchmark against TimelineJS + Leaflet (headless Chromium, DevTools protocol)");
    tools.ensure_npm(crate::tools::NPM_TEST_PACKAGES)?;
    let ref_dir = root().join("target/bench/reference");
    reference_page(tools, &ref_dir)?;
    let ours = server::spawn("127.0.0.1:0", &root().join("dist"))?;
    let reference = server::spawn("127.0.0.1:0", &ref_dir)?;
    let pages = [
        ("kuril-widget", format!("http://{ours}/embed.html")),
        (
            "timelinejs+leaflet",
            format!("http://{reference}/index.html"),
        ),
    ];
    let browser = Engine::Chromium.start()?;
    let s = browser.session();
    s.cdp("Network.enable", json!({}))?;
    s.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))?;
    s.cdp("Performance.enable", json!({}))?;
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": OBSERVER }),
    )?;
    let mut configs = Vec::new();
    let mut table = String::from(
        "| viewport | CPU | figure | kuril-widget | TimelineJS + Leaflet | ratio | target |\n|---|---|---|---|---|---|---|\n",
    );
    for (vp, w, h, mobile) in VIEWPORTS {
        s.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": w, "height": h, "deviceScaleFactor": 1, "mobile": mobile }),
        )?;
        for rate in CPU_RATES {
            s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))?;
            let mut runs: Vec<Vec<Value>> = vec![Vec::new(), Vec::new()];
            for _ in 0..RUNS {
                for (i, (_, url)) in pages.iter().enumerate() {
                    runs[i].push(load(s, url)?);
                }
            }
            let figures: Vec<Value> = runs
                .iter()
                .map(|r| {
                    let f = |k: &str| summary(r.iter().filter_map(|x| x[k].as_f64()).collect());
                    let lat = |k: &str| summary(r.iter().flat_map(|x| x["latency"][k].as_array().cloned().unwrap_or_default()).filter_map(|v| v.as_f64()).collect());
                    let total = |k: &str| summary(r.iter().map(|x| x["assets"].as_array().into_iter().flatten().filter_map(|a| a[k].as_f64()).sum()).collect());
                    json!({
                        "transfer_bytes": total("transfer"), "gzip_bytes": total("gzip"), "raw_bytes": total("raw"),
                        "fcp_ms": f("fcp"), "ready_ms": f("ready"), "blocking_ms": f("blocking"), "long_tasks": f("long_tasks"),
                        "js_heap_bytes": f("js_heap"), "wasm_bytes": f("wasm"), "memory_bytes": f("memory"),
                        "step_latency_ms": lat("step"), "island_latency_ms": lat("island"),
                        "assets": r[0]["assets"],
                    })
                })
                .collect();
            let rows: [(&str, &str, Option<f64>); 9] = [
                (
                    "transfer_bytes",
                    "bytes transferred (gzip, with headers)",
                    Some(0.5),
                ),
                ("raw_bytes", "bytes after decompression", None),
                ("fcp_ms", "first contentful paint, ms", None),
                (
                    "ready_ms",
                    "ready (map and timeline painted), ms",
                    Some(0.25),
                ),
                ("blocking_ms", "blocking time to ready, ms", Some(0.1)),
                (
                    "memory_bytes",
                    "memory after GC (JS heap + wasm)",
                    Some(0.6),
                ),
                ("js_heap_bytes", "JS heap after GC", None),
                ("step_latency_ms", "latency: next event, ms", None),
                ("island_latency_ms", "latency: click an island, ms", None),
            ];
            let mut ratios = serde_json::Map::new();
            for (key, label, target) in rows {
                let (a, b) = (
                    figures[0][key]["median"].as_f64(),
                    figures[1][key]["median"].as_f64(),
                );
                let ratio = a
                    .zip(b)
                    .map(|(a, b)| if b > 0.0 { a / b } else { f64::NAN });
                ratios.insert(key.into(), json!(ratio));
                let spread = |f: &Value| {
                    format!(
                        "{:.0} ({:.0}–{:.0})",
                        f[key]["median"].as_f64().unwrap_or(f64::NAN),
                        f[key]["min"].as_f64().unwrap_or(f64::NAN),
                        f[key]["max"].as_f64().unwrap_or(f64::NAN)
                    )
                };
                let target = match (key, target) {
                    ("step_latency_ms" | "island_latency_ms", _) => "< 16 ms".to_string(),
                    (_, Some(t)) => format!("≤ {t}×"),
                    _ => String::new(),
                };
                table += &format!(
                    "| {vp} {w}×{h} | ×{rate} | {label} | {} | {} | {} | {target} |\n",
                    spread(&figures[0]),
                    spread(&figures[1]),
                    ratio.map(|r| format!("{r:.2}")).unwrap_or_default()
                );
            }
            configs.push(json!({
                "viewport": { "name": vp, "width": w, "height": h, "mobile": mobile },
                "cpu_throttling": rate, "runs": RUNS,
                "kuril_widget": figures[0], "reference": figures[1], "ratio_ours_over_reference": ratios,
            }));
        }
    }
    Ok((
        json!({
            "reference": "npm @knight-lab/timelinejs@3.9.11 + leaflet@1.9.4, the same events and land polygons",
            "pages": { "kuril_widget": "dist/embed.html", "reference": "target/bench/reference/index.html" },
            "configs": configs,
        }),
        table,
    ))
}
