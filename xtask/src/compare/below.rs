//! The news page with the element three screens below the fold: what the
//! widget costs until the reader scrolls to it, and once hydrated.

use super::{quick, summary, RUNS};
use crate::cmd::{step, Result};
use kuril_e2e::webdriver::Session;
use serde_json::{json, Value};
use std::time::Duration;

/// The news page with the element three screens below the fold, at ×4 on
/// the desktop, loaded in turn with the same page without the widget:
/// until the reader scrolls, what the widget costs (its files, and `code`
/// bytes of its code in the page, gzip) and the long tasks of each page;
/// then scrolled to it, once hydrated, what it has fetched.
pub(super) fn below_the_fold(s: &Session, url: &str, code: usize) -> Result<(Value, String)> {
    step("a news page with the element three screens below the fold");
    s.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
    )?;
    s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))?;
    let bare = url.replace("news-below.html", "news-bare.html");
    let mut runs = Vec::new();
    for _ in 0..if quick() { 3 } else { RUNS } {
        runs.push(one_run(s, url, &bare, code)?);
    }
    Ok(report(&runs, code))
}

/// Loads `page` and waits until it is complete and idle a while: a widget
/// that would load at once has by then (the element is defined on the
/// widget's page).
fn settle(s: &Session, page: &str) -> Result {
    s.goto("about:blank")?;
    s.goto(page)?;
    s.wait_script(
        "return document.readyState === 'complete';",
        Duration::from_secs(30),
    )?;
    std::thread::sleep(Duration::from_millis(1500));
    Ok(())
}

/// One load of the page without the widget (`bare`), then of the page
/// with it, before and after scrolling to it.
fn one_run(s: &Session, url: &str, bare: &str, code: usize) -> Result<Value> {
    settle(s, bare)?;
    let without = s.script("return __kwb.longtasks;")?;
    settle(s, url)?;
    let before = s.script(include_str!("below-before.js"))?;
    s.script("document.querySelector('kuril-widget').scrollIntoView();")?;
    s.wait_script(
        "return !!document.querySelector('kuril-widget').shadowRoot.querySelector('.kw-root[data-kw-ssr] > [data-kw-live]');",
        Duration::from_secs(60),
    )?;
    let after = s.script(
        "return { files: performance.getEntriesByType('resource').map((r) => [r.name.replace(location.origin, ''), r.transferSize]) };",
    )?;
    let sum = |v: &Value| -> f64 {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f[1].as_f64())
            .sum()
    };
    let count = |v: &Value| v.as_array().map_or(0, Vec::len) as f64;
    Ok(json!({
        "before_scroll": { "files": before["files"], "bytes": sum(&before["files"]) + code as f64,
                           "long_tasks": count(&before["long_tasks"]), "long_task_list": before["long_tasks"],
                           "defined": before["defined"], "live": before["live"] },
        "without_widget": { "long_tasks": count(&without), "long_task_list": without },
        "after_scroll_bytes": sum(&after["files"]) + code as f64,
    }))
}

/// The runs' medians, as the report's section and a Markdown paragraph.
fn report(runs: &[Value], code: usize) -> (Value, String) {
    let median = |path: &[&str]| {
        let v: Vec<f64> = runs
            .iter()
            .filter_map(|r| path.iter().fold(r, |v, k| &v[*k]).as_f64())
            .collect();
        summary(v)
    };
    let bytes = median(&["before_scroll", "bytes"]);
    let tasks = median(&["before_scroll", "long_tasks"]);
    let bare_tasks = median(&["without_widget", "long_tasks"]);
    let after = median(&["after_scroll_bytes"]);
    let n = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    let md = format!(
        "A news page with the element three screens below the fold (desktop, ×4, {} loads): until the reader scrolls, the widget costs \
         {:.0} B gzip ({code} B of them its code and first paint in the page, the rest `kuril-widget.js` and `widget.css`; target ≤ 35 KB); \
         long tasks {:.0} (median; {:.0}–{:.0}) against {:.0} ({:.0}–{:.0}) on the same page without the widget (target: none of the widget's); \
         scrolled to, once hydrated, {:.0} B in all.\n",
        runs.len(),
        n(&bytes, "median"),
        n(&tasks, "median"),
        n(&tasks, "min"),
        n(&tasks, "max"),
        n(&bare_tasks, "median"),
        n(&bare_tasks, "min"),
        n(&bare_tasks, "max"),
        n(&after, "median"),
    );
    (
        json!({ "bytes_before_scroll": bytes, "long_tasks_before_scroll": tasks, "long_tasks_without_widget": bare_tasks,
                "bytes_after_scroll": after, "code_bytes": code, "runs": runs }),
        md,
    )
}
