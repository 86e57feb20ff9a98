//! `cargo xtask bench`: how fast extraction is, natively and in the browser
//! build, and how the widget compares with TimelineJS + Leaflet
//! ([`crate::compare`]), in one run on this machine. Writes
//! `target/bench/report.json` and `report.md` and prints them. Not a test:
//! the figures are reported, never asserted.

use crate::cmd::{root, step, Result};
use crate::tools::{self, Tools};
use crate::{bundle, compare};
use kuril_e2e::engines::Engine;
use kuril_e2e::server;
use serde_json::{json, Value};
use std::process::Command;
use std::time::Duration;

/// Targets from the extraction issue, in microseconds per extraction.
const NATIVE_TARGET_US: f64 = 1000.0;
const BROWSER_TARGET_US: f64 = 5000.0;

/// The `extract` CLI, built in release.
fn extract_exe(tools: &Tools) -> Result<std::path::PathBuf> {
    crate::run(
        Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "--release",
                "-p",
                "kuril-extract",
                "--bin",
                "extract",
            ])
            .env("PATH", tools.path_env())
            .current_dir(root()),
    )?;
    Ok(root().join("target/release/extract"))
}

fn native(exe: &std::path::Path) -> Result<Value> {
    step("extraction, native (release build, 500 runs)");
    let out = Command::new(exe)
        .args([
            "data/article/tass-989536.txt",
            "--meta",
            "data/article/tass-989536.meta",
            "--bench",
            "500",
        ])
        .current_dir(root())
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "extract --bench failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}

/// Extraction time per mebibyte of each 1 MiB text of the hostile corpus
/// (the adversarial texts and the repeated news paragraph), at 1 MiB and
/// at 2 MiB (the file twice): linear work keeps the ratio near 2. The
/// fastest of five runs, the least disturbed by other work on the machine.
fn adversarial(exe: &std::path::Path) -> Result<(Value, String)> {
    step("extraction on the adversarial corpus, native, at 1 and 2 MiB");
    let dir = root().join("target/bench/adversarial");
    std::fs::create_dir_all(&dir)?;
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/hostile/article"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.metadata().is_ok_and(|m| m.len() > 1_000_000))
        .collect();
    files.sort();
    let time = |path: &std::path::Path| -> Result<f64> {
        let out = Command::new(exe)
            .arg(path)
            .args(["--bench", "5"])
            .output()?;
        let v: Value = serde_json::from_slice(&out.stdout).map_err(|e| {
            format!(
                "extract --bench {}: {e}: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            )
        })?;
        v["min_us"].as_f64().ok_or_else(|| "no min_us".into())
    };
    let mut rows = Vec::new();
    let mut md = String::from(
        "\n## Extraction on the adversarial corpus\n\nNative release build, fastest of 5 runs; the 2 MiB text is the file twice. \
         Linear work gives a ratio near 2 (target: at most 2.5).\n\n\
         | file | 1 MiB (ms) | 2 MiB (ms) | ms per MiB at 2 MiB | ratio 2 MiB / 1 MiB |\n|---|---:|---:|---:|---:|\n",
    );
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let one = std::fs::read(&path)?;
        let double = dir.join(&name);
        std::fs::write(&double, [one.as_slice(), one.as_slice()].concat())?;
        let mib = one.len() as f64 / f64::from(1 << 20);
        let (a, b) = (time(&path)? / 1000.0, time(&double)? / 1000.0);
        md += &format!(
            "| {name} | {a:.0} | {b:.0} | {:.0} | {:.2} |\n",
            b / (2.0 * mib),
            b / a
        );
        rows.push(json!({ "file": name, "bytes": one.len(), "ms_1x": a, "ms_2x": b, "ms_per_mib_2x": b / (2.0 * mib), "ratio": b / a }));
    }
    Ok((Value::Array(rows), md))
}

fn browser() -> Result<Value> {
    step("extraction, the newsroom module's wasm in headless Chromium (200 runs)");
    let addr = server::spawn("127.0.0.1:0", &root().join("dist"))?;
    let browser = Engine::Chromium.start()?;
    let s = browser.session();
    s.goto(&format!("http://{addr}/embed.html"))?;
    // The newsroom module, loaded into the page for the measurement only.
    s.script(include_str!("js/bench-extract.js"))?;
    let text = s.wait_script(
        "return document.documentElement.dataset.kwBench || null",
        Duration::from_secs(60),
    )?;
    Ok(serde_json::from_str(text.as_str().unwrap_or("{}"))?)
}

/// One part of the bench alone, if `KURIL_BENCH` names one: whether it
/// ran.
fn one_part(tools: &Tools) -> Result<bool> {
    // KURIL_BENCH=studio: the studio's figure alone; compare: the
    // comparison with the reference (and the published story) alone;
    // profile: where a step's and start-up's time goes; all on dist/ as
    // it is.
    match std::env::var("KURIL_BENCH").as_deref() {
        Ok("studio") => {
            let (report, md) = crate::studio_bench::measure()?;
            println!("{md}\n{}", serde_json::to_string_pretty(&report)?);
            Ok(true)
        }
        Ok("profile") => {
            // The reader built with names first (target/bench/twiggy).
            crate::sizes::reader_wasm(tools)?;
            for (title, p) in [
                ("A step", crate::profile::steps_by_function()?),
                ("Start-up", crate::profile::startup_by_function()?),
            ] {
                println!("{}", crate::profile::table(title, &p));
            }
            Ok(true)
        }
        Ok("compare") => {
            let (report, md) = compare::run(tools)?;
            println!(
                "{md}\n{}",
                serde_json::to_string_pretty(&report["below_the_fold"])?
            );
            Ok(true)
        }
        _ => Ok(false),
    }
}

pub fn measure() -> Result {
    let tools = Tools::new()?;
    tools.ensure_build_tools()?;
    tools.ensure_browsers()?;
    if one_part(&tools)? {
        return Ok(());
    }
    let (quality, quality_md) = crate::corpus::report()?;
    let exe = extract_exe(&tools)?;
    let native = native(&exe)?;
    let (adversarial, adversarial_md) = adversarial(&exe)?;
    bundle::build(&tools)?;
    let chromium = browser()?;
    let (studio, studio_md) = crate::studio_bench::measure()?;
    let sizes = crate::sizes::reader_wasm(&tools)?;
    let steps = crate::profile::steps_by_function()?;
    let startup = crate::profile::startup_by_function()?;
    let (comparison, table) = compare::run(&tools)?;
    let ratio = |v: &Value, target: f64| v["median_us"].as_f64().map(|m| m / target);
    let report = json!({
        "machine": { "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0) },
        "article": "data/article/tass-989536.txt",
        "extraction": {
            "native": native,
            "chromium": chromium,
            "chromium_version": String::from_utf8_lossy(&Command::new(tools::chromium()).arg("--version").output()?.stdout).trim(),
            "targets_us": { "native": NATIVE_TARGET_US, "chromium": BROWSER_TARGET_US },
            "median_over_target": { "native": ratio(&native, NATIVE_TARGET_US), "chromium": ratio(&chromium, BROWSER_TARGET_US) },
        },
        "adversarial_extraction": adversarial,
        "studio": studio,
        "extraction_quality": quality,
        "comparison": comparison,
        "reader_wasm": sizes,
        "step_profile": steps,
        "startup_profile": startup,
    });
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let text = serde_json::to_string_pretty(&report)?;
    std::fs::write(dir.join("report.json"), &text)?;
    let md = format!(
        "# kuril-widget against TimelineJS + Leaflet\n\nMedians of {} runs each, alternating, in headless Chromium; (smallest–largest). \
         Ratio: ours / reference. Written by `cargo xtask bench`{}.\n\n{table}",
        if compare::quick() { 3 } else { compare::RUNS },
        if compare::quick() { " with KURIL_BENCH_QUICK=1 (desktop at ×4 only)" } else { "" }
    ) + &crate::sizes::table(&sizes)
        + &crate::profile::table(
            "A step by function (DevTools profiler, 20 steps, CPU ×4, self time per step)",
            &steps,
        )
        + &crate::profile::table(
            "Start-up by function (DevTools profiler, from the request of embed.html to the widget hydrated, 3 loads, CPU ×4, cache off, self time per load)",
            &startup,
        )
        + &adversarial_md
        + &studio_md
        + &quality_md;
    std::fs::write(dir.join("report.md"), &md)?;
    println!("{md}\nwritten to target/bench/report.json and target/bench/report.md");
    Ok(())
}
