//! Where a step's script time goes, by function, for `cargo xtask bench`:
//! `embed.html` with the reader's wasm as [`crate::sizes`] built it (the
//! shipped module plus its function names), in headless Chromium with the
//! CPU slowed four times, sampled by the DevTools protocol's profiler over
//! twenty steps to the next event. Self time per step, by function and by
//! kind: our wasm, the wasm-bindgen JS glue, the browser's own work.

use crate::cmd::{copy_dir, root, step, Result};
use kuril_e2e::engines::Engine;
use kuril_e2e::server;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::Duration;

/// Steps sampled.
const STEPS: usize = 20;

/// Twenty steps to the next event, each until its frame is painted.
const STEPS_SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  for (let i = 0; i < 20; i++) {
    const next = [...document.querySelectorAll('.kw-timeline .kw-tool')].find((b) => b.textContent === '›' && !b.disabled)
      || document.querySelector(".kw-event[data-event='shimoda-1855']");
    next.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  done(true);
})();
"#;

/// The kind of a profile node: our wasm (a Rust path), the JS glue, or the
/// browser (its own DOM and layout work, idle, GC).
fn kind_of(name: &str, url: &str) -> &'static str {
    if name.contains("::") {
        "wasm (Rust)"
    } else if url.ends_with("kuril-widget-core.js") || url.contains("/snippets/") {
        "wasm-bindgen JS glue"
    } else if name == "(idle)" {
        "idle"
    } else {
        "browser (DOM calls, layout forced by script, GC, other)"
    }
}

/// `embed.html` served with the named wasm of [`crate::sizes`], in a new
/// Chromium at desktop size.
fn named_page() -> Result<(std::net::SocketAddr, kuril_e2e::engines::Browser)> {
    let dir = root().join("target/bench/profile");
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root().join("dist"), &dir)?;
    let named = root().join("target/bench/twiggy");
    std::fs::copy(
        named.join("kuril-widget-core.opt.wasm"),
        dir.join("kuril-widget-core_bg.wasm"),
    )?;
    std::fs::copy(
        named.join("kuril-widget-core.js"),
        dir.join("kuril-widget-core.js"),
    )?;
    copy_dir(&named.join("snippets"), &dir.join("snippets"))?;
    let addr = server::spawn("127.0.0.1:0", &dir)?;
    let browser = Engine::Chromium.start()?;
    browser.session().cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
    )?;
    Ok((addr, browser))
}

/// Self time per step by function (the largest) and by kind, in ms.
pub fn steps_by_function() -> Result<Value> {
    step("a step's script time by function (DevTools profiler, CPU x4)");
    let (addr, browser) = named_page()?;
    let s = browser.session();
    s.goto(&format!("http://{addr}/embed.html"))?;
    s.wait_for("[data-kw-live] .kw-map path", Duration::from_secs(30))?;
    s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))?;
    s.cdp("Profiler.enable", json!({}))?;
    s.cdp("Profiler.setSamplingInterval", json!({ "interval": 50 }))?;
    s.cdp("Profiler.start", json!({}))?;
    s.script_async(STEPS_SCRIPT)?;
    let profile = s.cdp("Profiler.stop", json!({}))?["profile"].take();
    let mut out = by_function(&profile, STEPS as f64);
    out["steps"] = json!(STEPS);
    if let Some(o) = out.as_object_mut() {
        o.remove("fn");
    }
    Ok(out)
}

/// Loads sampled.
const LOADS: usize = 3;

/// Self time from the page's request to the widget answering input
/// (hydrated), by function and by kind, in ms per load: where start-up
/// goes (`LOADS` loads of `embed.html`, CPU ×4, cache off).
pub fn startup_by_function() -> Result<Value> {
    step("start-up's script time by function (DevTools profiler, CPU x4)");
    let (addr, browser) = named_page()?;
    let s = browser.session();
    s.cdp("Network.enable", json!({}))?;
    s.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))?;
    s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))?;
    s.cdp("Profiler.enable", json!({}))?;
    s.cdp("Profiler.setSamplingInterval", json!({ "interval": 100 }))?;
    let mut total = json!({});
    for i in 0..LOADS {
        s.goto("about:blank")?;
        s.cdp("Profiler.start", json!({}))?;
        s.goto(&format!("http://{addr}/embed.html?load={i}"))?;
        s.wait_for("[data-kw-live] .kw-map path", Duration::from_secs(60))?;
        let profile = s.cdp("Profiler.stop", json!({}))?["profile"].take();
        let one = by_function(&profile, LOADS as f64);
        merge(&mut total, &one);
    }
    let mut top: Vec<(String, f64)> = total["fn"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_f64().unwrap_or(0.0)))
        .collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    top.truncate(25);
    Ok(json!({
        "loads": LOADS, "cpu_throttling": 4,
        "by_kind_ms_per_step": total["by_kind_ms_per_step"],
        "top_functions_ms_per_step": top.iter().map(|(n, ms)| json!({ "function": n, "ms": ms })).collect::<Vec<_>>(),
    }))
}

/// Adds one load's times (`by_function`'s, with every function's under
/// "fn") into `total`.
fn merge(total: &mut Value, one: &Value) {
    for key in ["by_kind_ms_per_step", "fn"] {
        for (k, v) in one[key].as_object().into_iter().flatten() {
            let had = total[key][k].as_f64().unwrap_or(0.0);
            total[key][k] = json!(had + v.as_f64().unwrap_or(0.0));
        }
    }
}

/// A sampled profile's self time by function (the largest) and by kind,
/// in ms, divided by `per` (steps or loads); every function's also under
/// "fn".
fn by_function(profile: &Value, per: f64) -> Value {
    let mut nodes = BTreeMap::new();
    for n in profile["nodes"].as_array().into_iter().flatten() {
        let frame = &n["callFrame"];
        let url = frame["url"].as_str().unwrap_or("");
        let name = match frame["functionName"].as_str().unwrap_or("") {
            "" => format!("({})", url.rsplit('/').next().unwrap_or("")),
            f => f.to_string(),
        };
        let kind = kind_of(&name, url);
        nodes.insert(n["id"].as_i64().unwrap_or(-1), (name, kind));
    }
    let deltas: Vec<f64> = profile["timeDeltas"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect();
    let (mut by_fn, mut by_kind) = (BTreeMap::<String, f64>::new(), BTreeMap::<&str, f64>::new());
    for (i, id) in profile["samples"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let Some((name, kind)) = id.as_i64().and_then(|id| nodes.get(&id)) else {
            continue;
        };
        // A sample's time is the gap to the next one, in microseconds.
        let ms = deltas.get(i + 1).copied().unwrap_or(0.0) / 1000.0 / per;
        *by_fn.entry(name.clone()).or_default() += ms;
        *by_kind.entry(kind).or_default() += ms;
    }
    let mut top: Vec<(String, f64)> = by_fn.clone().into_iter().collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    top.truncate(20);
    json!({
        "cpu_throttling": 4,
        "by_kind_ms_per_step": by_kind,
        "top_functions_ms_per_step": top.iter().map(|(n, ms)| json!({ "function": n, "ms": ms })).collect::<Vec<_>>(),
        "fn": by_fn,
    })
}

/// The profile as Markdown, under `title`.
pub fn table(title: &str, p: &Value) -> String {
    let mut md = format!("\n## {title}\n\n| kind | ms |\n|---|---|\n");
    for (kind, ms) in p["by_kind_ms_per_step"].as_object().into_iter().flatten() {
        md += &format!("| {kind} | {:.2} |\n", ms.as_f64().unwrap_or(0.0));
    }
    md += "\n| function | ms |\n|---|---|\n";
    for f in p["top_functions_ms_per_step"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let name: String = f["function"]
            .as_str()
            .unwrap_or("")
            .chars()
            .take(110)
            .collect();
        md += &format!(
            "| `{}` | {:.2} |\n",
            name.replace('|', "\\|"),
            f["ms"].as_f64().unwrap_or(0.0)
        );
    }
    md
}

#[cfg(test)]
mod tests {
    use super::kind_of;

    #[test]
    fn profile_nodes_are_sorted_by_kind() {
        assert_eq!(
            kind_of("yew::dom_bundle::bnode::reconcile::h1", ""),
            "wasm (Rust)"
        );
        assert_eq!(
            kind_of(
                "getStringFromWasm0",
                "http://127.0.0.1:1/kuril-widget-core.js"
            ),
            "wasm-bindgen JS glue"
        );
        assert_eq!(kind_of("(idle)", ""), "idle");
        assert!(kind_of("setAttribute", "").starts_with("browser"));
    }
}
