//! The studio's figure for `cargo xtask bench`: a 10 KB article extracted
//! and highlighted in `studio.html` in headless Chromium at CPU ×4, from
//! the text's posting to the worker to its highlights painted, and the
//! longest the page's main thread was busy meanwhile (what a keystroke
//! could wait; the paste itself, the browser's, is left out). Reported,
//! never asserted.

use crate::cmd::{root, step, Result};
use kuril_e2e::engines::Engine;
use kuril_e2e::server;
use kuril_e2e::webdriver::Session;
use serde_json::{json, Value};
use std::time::Duration;

/// The target: extracted and highlighted within 100 ms at CPU ×4.
pub const TARGET_MS: f64 = 100.0;
const RUNS: usize = 7;
const SIZE: usize = 10 * 1024;

/// An article of at least 10 KB: the bundled article and then the English
/// test articles' paragraphs after their first, in the corpus's order.
fn article() -> Result<String> {
    let mut all = kuril_extract::score::corpus_articles(&root())?.into_iter();
    let mut text = all.next().ok_or("the corpus is empty")?.text;
    for a in all {
        let lang = kuril_extract::article::Meta::parse(&a.meta)?.language;
        if matches!(lang.as_deref(), Some("ru" | "ja")) {
            continue;
        }
        for para in a.text.split("\n\n").skip(1) {
            if text.len() >= SIZE {
                return Ok(text);
            }
            text += "\n\n";
            text += para.trim();
        }
    }
    Ok(text)
}

/// One measured change of the text: from its posting to the worker to its
/// first highlights painted, the part in the worker, the longest
/// main-thread gap until every slice is painted, the longest over the next
/// 3 s (the preview's refresh, which follows once the editor pauses; by
/// then the page is quiet again), and from the posting to every slice
/// painted.
type Sample = [f64; 5];

#[derive(Default)]
struct Series(Vec<Sample>);

impl Series {
    fn push(&mut self, s: Sample) {
        self.0.push(s);
    }

    /// The medians of the times and the largest of the gaps.
    fn summary(&self) -> (f64, f64, f64, f64, f64) {
        let median = |i: usize| {
            let mut v: Vec<f64> = self.0.iter().map(|s| s[i]).collect();
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
        };
        let most = |i: usize| self.0.iter().map(|s| s[i]).fold(0.0, f64::max);
        (median(0), median(1), most(2), most(3), median(4))
    }
}

/// `KURIL_BENCH_TRACE=1`: print each sample's long animation frames
/// (Chromium's LoAF entries: when, how long, where rendering began, and
/// the scripts in it), the figure's breakdown by phase.
fn trace() -> bool {
    std::env::var("KURIL_BENCH_TRACE").is_ok_and(|v| v == "1")
}

/// Sets the studio's text as a paste would.
fn set_text(s: &Session, text: &str) -> Result {
    s.script_with(include_str!("js/studio-set-text.js"), &[json!(text)])
        .map(drop)
}

/// Sets the text and measures it (see [`Sample`]); the main thread is
/// watched from the moment the text goes to the worker.
fn one(s: &Session, text: &str) -> Result<Sample> {
    let asked = s.script("return Number(document.documentElement.dataset.studio.split(' ')[0])")?;
    let asked = asked.as_u64().unwrap_or(0) + 1;
    s.script_with(include_str!("js/studio-watch-gap.js"), &[json!(asked)])?;
    if trace() {
        s.script(include_str!("js/studio-loaf-start.js"))?;
    }
    set_text(s, text)?;
    let got = s.wait_script_with(
        include_str!("js/studio-painted.js"),
        &[json!(asked)],
        Duration::from_secs(60),
    )?;
    let after = s.script_async(include_str!("js/studio-gap-after.js"))?;
    if trace() {
        let frames = s.script(include_str!("js/studio-loaf-frames.js"))?;
        eprintln!("frames [start, duration, render at, layout at, blocking, scripts]:");
        for f in frames.as_array().into_iter().flatten() {
            eprintln!("  {f}");
        }
    }
    let f = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    let sample = [f(&got[0]), f(&got[1]), f(&got[2]), f(&after), f(&got[3])];
    if trace() {
        eprintln!("sample [painted, worker, gap, gap with preview, all painted]: {sample:.0?}");
    }
    Ok(sample)
}

/// Pastes the article into an empty studio `RUNS` times, each followed by
/// a keystroke, and reports the medians and the longest main-thread gaps.
pub fn measure() -> Result<(Value, String)> {
    step("studio: a 10 KB article extracted and highlighted, headless Chromium at CPU ×4");
    let text = article()?;
    let addr = server::spawn("127.0.0.1:0", &root().join("dist"))?;
    let browser = Engine::Chromium.start()?;
    let s = browser.session();
    s.goto(&format!("http://{addr}/studio.html"))?;
    s.script("localStorage.clear();")?;
    s.goto(&format!("http://{addr}/studio.html"))?;
    s.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))?;
    // Per run: a paste into an empty studio, then one keystroke in the
    // middle of the article (the review's figures, and what typing waits).
    let mut paste = Series::default();
    let mut key = Series::default();
    let middle = text.len() / 2;
    let middle = (middle..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    for run in 0..=RUNS {
        set_text(s, "")?;
        s.wait_script(
            "return document.documentElement.dataset.studio.endsWith(' 1') && !document.querySelector('#st-items .st-item');",
            Duration::from_secs(60),
        )?;
        let pasted = one(s, &text)?;
        let typed = one(s, &format!("{}x{}", &text[..middle], &text[middle..]))?;
        // The first run also loads the module; it is left out.
        if run > 0 {
            paste.push(pasted);
            key.push(typed);
        }
    }
    let (t, w, gap, paused, all) = paste.summary();
    let (kt, _, kgap, _, kall) = key.summary();
    let report = json!({
        "article_bytes": text.len(), "cpu_throttling": 4, "runs": RUNS,
        "extracted_and_highlighted_ms": t, "all_highlighted_ms": all, "in_worker_ms": w,
        "longest_main_thread_gap_ms": gap, "longest_gap_with_preview_refresh_ms": paused, "target_ms": TARGET_MS, "over_target": t / TARGET_MS,
        "keystroke": { "extracted_and_highlighted_ms": kt, "all_highlighted_ms": kall, "longest_main_thread_gap_ms": kgap },
    });
    let md = format!(
        "\n## The studio\n\nA {} byte article pasted into an empty `studio.html`, headless Chromium at CPU ×4, median of {RUNS}, \
         from the text's posting to the worker to highlights painted: the first screen in **{t:.0} ms** (target {TARGET_MS:.0} ms; \
         {w:.0} ms of it in the worker), the whole article and list in {all:.0} ms. \
         The longest the page's main thread was busy meanwhile (what a keystroke could wait): {gap:.0} ms; \
         with the preview's refresh, which follows once the editor pauses: {paused:.0} ms. \
         A keystroke in the middle of the article: highlighted again in {kt:.0} ms (all of it in {kall:.0} ms), \
         the main thread busy at most {kgap:.0} ms.\n",
        text.len()
    );
    Ok((report, md))
}
