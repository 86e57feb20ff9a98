//! One page load measured: the observer installed before the page's
//! scripts (`observer.js`), the load's figures (`load-figures.js`), the
//! memory after a full collection, and the interactions' latency
//! (`latency.js`) with where their time goes by phase.

use crate::bundle::brotli_len;
use crate::cmd::Result;
use kuril_e2e::webdriver::Session;
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

/// Installed before any page script: records when the page is ready (its
/// map and timeline in the DOM, then one frame), and every long task.
pub(super) const OBSERVER: &str = include_str!("observer.js");

/// Chromium's running totals (seconds) reported per interaction, in ms.
const PHASES: [(&str, &str); 4] = [
    ("step_script", "ScriptDuration"),
    ("step_style", "RecalcStyleDuration"),
    ("step_layout", "LayoutDuration"),
    ("step_task", "TaskDuration"),
];

/// One page load's figures; each asset's body also after brotli, read from
/// `dir`, the page's folder ([`brotli_bodies`]).
pub(super) fn load(s: &Session, url: &str, dir: &Path) -> Result<Value> {
    s.goto("about:blank")?;
    s.cdp("HeapProfiler.collectGarbage", json!({}))?;
    s.goto(url)?;
    s.wait_script(
        "return window.__kwb && window.__kwb.ready && window.__kwb.interactive",
        Duration::from_secs(60),
    )
    .map_err(|e| format!("{url} was not ready: {e}"))?;
    // Idle, then a full collection, then the heap.
    std::thread::sleep(Duration::from_millis(1500));
    let page = s.script(include_str!("load-figures.js"))?;
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
    brotli_bodies(&mut out, dir);
    out["js_heap"] = json!(heap);
    out["memory"] = json!(heap + out["wasm"].as_f64().unwrap_or(0.0));
    // Where the interactions' time goes, by phase: Chromium's running
    // totals before and after them, per interaction (ten steps, four
    // islands).
    let before = s.cdp("Performance.getMetrics", json!({}))?;
    out["latency"] = s.script_async(LATENCY)?;
    let after = s.cdp("Performance.getMetrics", json!({}))?;
    let metric = |m: &Value, name: &str| {
        m["metrics"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|x| x["name"] == name)
            .and_then(|x| x["value"].as_f64())
            .unwrap_or(0.0)
    };
    for (key, name) in PHASES {
        let per = (metric(&after, name) - metric(&before, name)) * 1000.0 / 14.0;
        out[key] = json!(per);
    }
    Ok(out)
}

/// Interaction latency in the page: from the input to the end of the
/// frame that paints its result: ten steps to the next event, and a click
/// on each of four islands. After the input, the page's own microtasks run
/// (where Yew renders); the first frame in which the DOM shows the result is
/// the one that paints it, and a task queued from its animation-frame
/// callback runs once that frame is painted.
const LATENCY: &str = include_str!("latency.js");

/// Sets each asset's `brotli`: its file in `dir` after brotli at the best
/// level, as a news CDN would send it (the test server sends gzip). A
/// picture or font goes as it is; an asset not found there (the page's
/// address at `/`) counts its gzip body.
pub(super) fn brotli_bodies(figures: &mut Value, dir: &Path) {
    let assets = figures["assets"].as_array_mut().into_iter().flatten();
    for a in assets {
        let name = a["name"].as_str().unwrap_or("");
        let path = name.split(['?', '#']).next().unwrap_or("");
        let path = if path.is_empty() || path == "page" {
            "index.html"
        } else {
            path
        };
        let packed = matches!(
            path.rsplit('.').next(),
            Some("png" | "jpg" | "webp" | "woff2" | "gz" | "br")
        );
        a["brotli"] = match std::fs::read(dir.join(path)) {
            Ok(bytes) if packed => json!(bytes.len()),
            Ok(bytes) => json!(brotli_len(&bytes)),
            Err(_) => a["gzip"].clone(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_asset_gets_its_brotli_size_from_the_pages_folder() {
        let dir = std::env::temp_dir().join(format!("kw-brotli-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("v")).unwrap();
        let text = "<p>the four islands</p>".repeat(100);
        std::fs::write(dir.join("index.html"), &text).unwrap();
        std::fs::write(dir.join("v/a.js"), &text).unwrap();
        std::fs::write(dir.join("card.png"), [7u8; 300]).unwrap();
        let mut f = json!({ "assets": [
            { "name": "page", "gzip": 90 },
            { "name": "v/a.js?x=1", "gzip": 90 },
            { "name": "card.png", "gzip": 300 },
            { "name": "gone.css", "gzip": 42 },
        ]});
        brotli_bodies(&mut f, &dir);
        let br: Vec<u64> = (f["assets"].as_array().unwrap().iter())
            .map(|a| a["brotli"].as_u64().unwrap())
            .collect();
        let packed = brotli_len(text.as_bytes()) as u64;
        assert_eq!(br, [packed, packed, 300, 42]);
        assert!(packed < 100);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
