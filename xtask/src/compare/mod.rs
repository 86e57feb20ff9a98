//! The benchmark against the tools newsrooms use today: a reference page
//! built at bench time from npm TimelineJS 3.9.11 and Leaflet 1.9.4 (not
//! committed), showing the same events and the same land polygons, linked
//! as a newsroom developer would link them. Both pages are served gzipped
//! from 127.0.0.1 and measured in headless Chromium over the DevTools
//! protocol in one run, alternating, at two viewports and two CPU speeds.
//! Figures are reported with our/reference ratios, never asserted.

mod below;
mod floor;
mod load;
mod pages;

use crate::cmd::{root, step, Result};
use crate::tools::Tools;
use below::below_the_fold;
use kuril_e2e::engines::Engine;
use kuril_e2e::server;
use kuril_e2e::webdriver::Session;
use load::{load, OBSERVER};
use pages::{code_bytes, element_page, kit_pages, reference_page};
use serde_json::{json, Value};

/// Page loads per page, viewport and CPU rate.
pub const RUNS: usize = 5;
/// `KURIL_BENCH_QUICK=1`: desktop at ×4 only, three loads each, for trying
/// a change; the report says so.
pub fn quick() -> bool {
    std::env::var("KURIL_BENCH_QUICK").is_ok_and(|v| v == "1")
}
/// (name, width, height, mobile).
const VIEWPORTS: [(&str, u32, u32, bool); 2] =
    [("desktop", 1280, 800, false), ("mobile", 375, 667, true)];
const CPU_RATES: [u32; 2] = [1, 4];

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

/// The report's figures: key, label, and the target ratio to the
/// reference where there is one.
const ROWS: [(&str, &str, Option<f64>); 19] = [
    (
        "transfer_bytes",
        "bytes transferred (gzip, with headers)",
        Some(1.25),
    ),
    (
        "brotli_bytes",
        "bytes after brotli (bodies, as a CDN sends them)",
        Some(1.25),
    ),
    ("raw_bytes", "bytes after decompression", None),
    ("fcp_ms", "first contentful paint, ms", None),
    (
        "ready_ms",
        "ready (map and timeline painted), ms",
        Some(0.25),
    ),
    (
        "interactive_ms",
        "interactive (hydrated: input handled), ms",
        Some(0.6),
    ),
    ("blocking_ms", "blocking time to ready, ms", None),
    (
        "blocking_interactive_ms",
        "blocking time to interactive, ms",
        Some(0.3),
    ),
    ("cls", "cumulative layout shift (×1000)", None),
    (
        "memory_bytes",
        "memory after GC (JS heap + wasm)",
        Some(0.5),
    ),
    ("js_heap_bytes", "JS heap after GC", None),
    ("wasm_bytes", "wasm linear memory", None),
    ("long_tasks", "long tasks to interactive", None),
    ("step_latency_ms", "latency: next event, ms", None),
    ("island_latency_ms", "latency: click an island, ms", None),
    (
        "interaction_task_ms",
        "per interaction: main-thread tasks, ms",
        None,
    ),
    (
        "interaction_script_ms",
        "per interaction: script (JS and wasm), ms",
        None,
    ),
    ("interaction_style_ms", "per interaction: style, ms", None),
    ("interaction_layout_ms", "per interaction: layout, ms", None),
];

/// A page the bench loads: its name, its address and the folder served.
type Page = (&'static str, String, std::path::PathBuf);

/// The summaries of one page's runs at one setting.
fn figures_of(r: &[Value]) -> Value {
    let f = |k: &str| summary(r.iter().filter_map(|x| x[k].as_f64()).collect());
    let lat = |k: &str| {
        summary(
            r.iter()
                .flat_map(|x| x["latency"][k].as_array().cloned().unwrap_or_default())
                .filter_map(|v| v.as_f64())
                .collect(),
        )
    };
    let total = |k: &str| {
        summary(
            r.iter()
                .map(|x| {
                    x["assets"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|a| a[k].as_f64())
                        .sum()
                })
                .collect(),
        )
    };
    json!({
        "transfer_bytes": total("transfer"), "gzip_bytes": total("gzip"), "raw_bytes": total("raw"),
        "brotli_bytes": total("brotli"),
        "fcp_ms": f("fcp"), "ready_ms": f("ready"), "interactive_ms": f("interactive"),
        "blocking_ms": f("blocking"), "blocking_interactive_ms": f("blocking_interactive"),
        "long_tasks": f("long_tasks"), "cls": f("cls"),
        "js_heap_bytes": f("js_heap"), "wasm_bytes": f("wasm"), "memory_bytes": f("memory"),
        "step_latency_ms": lat("step"), "island_latency_ms": lat("island"),
        "interaction_script_ms": f("step_script"), "interaction_style_ms": f("step_style"),
        "interaction_layout_ms": f("step_layout"), "interaction_task_ms": f("step_task"),
        "assets": r[0]["assets"],
    })
}

/// Adds a table row per figure for one setting (`setting`: its first
/// cells) and returns the ratios of ours to the reference.
fn ratio_rows(
    figures: &[Value],
    setting: &str,
    table: &mut String,
) -> serde_json::Map<String, Value> {
    let reference = figures.len() - 1;
    let mut ratios = serde_json::Map::new();
    for (key, label, target) in ROWS {
        let scale = if key == "cls" { 1000.0 } else { 1.0 };
        let median = |f: &Value| f[key]["median"].as_f64();
        let ratio = |i: usize| {
            median(&figures[i])
                .zip(median(&figures[reference]))
                .map(|(a, b)| if b > 0.0 { a / b } else { f64::NAN })
        };
        ratios.insert(key.into(), json!([ratio(0), ratio(1)]));
        let spread = |f: &Value| {
            let digits = if key.starts_with("interaction_") {
                1
            } else {
                0
            };
            format!(
                "{:.digits$} ({:.digits$}–{:.digits$})",
                f[key]["median"].as_f64().unwrap_or(f64::NAN) * scale,
                f[key]["min"].as_f64().unwrap_or(f64::NAN) * scale,
                f[key]["max"].as_f64().unwrap_or(f64::NAN) * scale
            )
        };
        let target = match (key, target) {
            ("step_latency_ms" | "island_latency_ms", _) => "< 16 ms".to_string(),
            ("cls", _) => "0".to_string(),
            (_, Some(t)) => format!("≤ {t}×"),
            _ => String::new(),
        };
        let shown = |r: Option<f64>| {
            r.filter(|r| r.is_finite())
                .map(|r| format!("{r:.2}"))
                .unwrap_or_default()
        };
        *table += &format!(
            "{setting} {label} | {} | {} | {} | {} | {} | {target} |\n",
            spread(&figures[0]),
            spread(&figures[1]),
            spread(&figures[reference]),
            shown(ratio(0)),
            shown(ratio(1)),
        );
    }
    ratios
}

/// The kits' rows: bytes, ready, interactive and layout shift of the kit's
/// iframe page (`figures[2]`) and news page (`figures[3]`) over the
/// bundled `embed.html`'s (`figures[0]`); returns the ratios.
fn kit_rows(
    figures: &[Value],
    setting: &str,
    table: &mut String,
) -> serde_json::Map<String, Value> {
    let mut ratios = serde_json::Map::new();
    for (key, label, target) in [
        (
            "transfer_bytes",
            "bytes transferred (gzip, with headers)",
            "≤ 1.05×",
        ),
        ("ready_ms", "ready (map and timeline painted), ms", "≤ 1.0×"),
        ("interactive_ms", "interactive (hydrated), ms", "≤ 1.0×"),
        ("cls", "cumulative layout shift (×1000)", "no more"),
        ("long_tasks", "long tasks to interactive", ""),
    ] {
        let scale = if key == "cls" { 1000.0 } else { 1.0 };
        let median = |i: usize| figures[i][key]["median"].as_f64().unwrap_or(f64::NAN);
        let ratio = |i: usize| {
            if median(0) > 0.0 {
                median(i) / median(0)
            } else {
                f64::NAN
            }
        };
        ratios.insert(key.into(), json!([ratio(2), ratio(3)]));
        let shown = |r: f64| {
            if r.is_finite() {
                format!("{r:.2}")
            } else {
                String::new()
            }
        };
        *table += &format!(
            "{setting} {label} | {:.0} | {:.0} | {} | {:.0} | {} | {target} |\n",
            median(0) * scale,
            median(2) * scale,
            shown(ratio(2)),
            median(3) * scale,
            shown(ratio(3)),
        );
    }
    ratios
}

/// Every page loaded in turn at each viewport and CPU rate: the report's
/// `configs`, and the Markdown tables against the reference and of the
/// kits.
fn configs(s: &Session, pages: &[Page]) -> Result<(Vec<Value>, String, String)> {
    let mut configs = Vec::new();
    let mut table = String::from(
        "| viewport | CPU | figure | embed.html | element | TimelineJS + Leaflet | ratio embed.html | ratio element | target |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    let mut kit_table = String::from(
        "| viewport | CPU | figure | embed.html (bundled) | kit iframe page | ratio | kit element, news page | ratio | target |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    let (viewports, rates, loads) = if quick() {
        (&VIEWPORTS[..1], &CPU_RATES[1..], 3)
    } else {
        (&VIEWPORTS[..], &CPU_RATES[..], RUNS)
    };
    for &(vp, w, h, mobile) in viewports {
        s.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": w, "height": h, "deviceScaleFactor": 1, "mobile": mobile }),
        )?;
        for &rate in rates {
            s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))?;
            let mut runs: Vec<Vec<Value>> = vec![Vec::new(); pages.len()];
            for _ in 0..loads {
                for (i, (_, url, dir)) in pages.iter().enumerate() {
                    runs[i].push(load(s, url, dir)?);
                }
            }
            let figures: Vec<Value> = runs.iter().map(|r| figures_of(r)).collect();
            let reference = figures.len() - 1;
            let ours = [
                figures[0].clone(),
                figures[1].clone(),
                figures[reference].clone(),
            ];
            let ratios = ratio_rows(&ours, &format!("| {vp} {w}×{h} | ×{rate} |"), &mut table);
            let kits = kit_rows(
                &figures,
                &format!("| {vp} {w}×{h} | ×{rate} |"),
                &mut kit_table,
            );
            configs.push(json!({
                "viewport": { "name": vp, "width": w, "height": h, "mobile": mobile },
                "cpu_throttling": rate, "runs": loads,
                "embed_html": figures[0], "element": figures[1], "kit_iframe": figures[2], "kit_element": figures[3],
                "reference": figures[reference],
                "ratio_ours_over_reference": ratios,
                "ratio_kits_over_embed_html": kits,
            }));
        }
    }
    Ok((configs, table, kit_table))
}

/// Runs the comparison; returns the report's `comparison` section and a
/// Markdown table.
pub fn run(tools: &Tools) -> Result<(Value, String)> {
    step("benchmark against TimelineJS + Leaflet (headless Chromium, DevTools protocol)");
    tools.ensure_npm(crate::tools::NPM_TEST_PACKAGES)?;
    let ref_dir = root().join("target/bench/reference");
    reference_page(tools, &ref_dir)?;
    let ours = server::spawn("127.0.0.1:0", &root().join("dist"))?;
    let element_dir = root().join("target/bench/element");
    element_page(&element_dir)?;
    kit_pages(&element_dir)?;
    let element = server::spawn("127.0.0.1:0", &element_dir)?;
    let reference = server::spawn("127.0.0.1:0", &ref_dir)?;
    // Ours twice (the iframe embed's page, and a page with one
    // <kuril-widget> holding the pasted fallback), a published story (the
    // English kit, made by the studio's Publish code) twice, as its iframe
    // page and as a news page with its element code, then the reference.
    let dist = root().join("dist");
    let pages = [
        ("embed.html", format!("http://{ours}/embed.html"), dist),
        (
            "element",
            format!("http://{element}/element.html"),
            element_dir.clone(),
        ),
        (
            "kit iframe",
            format!("http://{element}{}index.html", kuril_e2e::kits::url("en")),
            element_dir.clone(),
        ),
        (
            "kit element",
            format!("http://{element}{}news-bench.html", kuril_e2e::kits::BASE),
            element_dir.clone(),
        ),
        (
            "timelinejs+leaflet",
            format!("http://{reference}/index.html"),
            ref_dir.clone(),
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
    let (configs, table, kit_table) = configs(s, &pages)?;
    let below = below_the_fold(
        s,
        &format!("http://{element}{}news-below.html", kuril_e2e::kits::BASE),
        code_bytes(&element_dir)?,
    )?;
    let (floor, floor_table) = floor::floor(tools, &configs[0]["reference"])?;
    let table = format!(
        "{table}{floor_table}\n## A published story (issue 26)\n\nThe English publish kit (an article of Kyodo's, made by the code of the studio's Publish), \
         as its iframe page and as a news page with its element code and pasted fallback, against the bundled `embed.html` in the same run; \
         targets: bytes ≤ 1.05×, ready, interactive and CLS no worse (≤ 1.0×).\n\n{kit_table}\n{}",
        below.1
    );
    Ok((
        json!({
            "reference": "npm @knight-lab/timelinejs@3.9.11 + leaflet@1.9.4, the same events and land polygons",
            "pages": { "embed_html": "dist/embed.html", "element": "target/bench/element/element.html",
                       "kit_iframe": "target/kits/en/index.html", "kit_element": "target/bench/element/__test/kits/news-bench.html",
                       "reference": "target/bench/reference/index.html" },
            "ratios": "ours / reference, [embed.html, element]; kits / embed.html, [kit iframe, kit element]",
            "configs": configs,
            "below_the_fold": below.0,
            "floor": floor,
        }),
        table,
    ))
}
