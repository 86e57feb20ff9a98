//! The floor beside ours: the least a Yew widget with our first paint
//! downloads (`crates/floor`, one component that hydrates, built as the
//! reader is, with our render and stylesheet), weighed part by part
//! against the iframe page's files, and both against the reference's
//! bodies in the same run. Sizes are of the files' bodies after gzip and
//! brotli at their best levels, as `cargo xtask build` prints them.

use crate::bundle::{brotli_len, gzip_len};
use crate::cmd::{root, run, step, Result};
use crate::tools::{Tools, WASM_TARGET};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds the floor into `target/bench/floor/`: its wasm and minified glue.
fn build(tools: &Tools) -> Result<PathBuf> {
    step("the floor: the least Yew app that hydrates (crates/floor)");
    run(Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--release", "--target", WASM_TARGET])
        .args(["-p", "kuril-floor"])
        .env("PATH", tools.path_env()))?;
    let out = root().join("target/bench/floor");
    let _ = std::fs::remove_dir_all(&out);
    run(Command::new(tools.bin().join("wasm-bindgen"))
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out)
        .arg(root().join(format!("target/{WASM_TARGET}/release/kuril-floor.wasm"))))?;
    let wasm = out.join("kuril-floor_bg.wasm");
    run(Command::new(tools.node_bin().join("wasm-opt"))
        .args(crate::sizes::WASM_OPT)
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm))?;
    let glue = out.join("kuril-floor.js");
    run(Command::new(tools.node_bin().join("esbuild"))
        .args(["--minify", "--log-level=warning", "--allow-overwrite"])
        .arg(&glue)
        .arg(format!("--outfile={}", glue.display())))?;
    Ok(out)
}

/// The bodies of `files` (in `dir`): raw, gzip and brotli bytes.
fn weigh(dir: &Path, files: &[&str]) -> Result<[usize; 3]> {
    let mut sum = [0; 3];
    for f in files {
        let bytes = std::fs::read(dir.join(f)).map_err(|e| format!("{f}: {e}"))?;
        sum[0] += bytes.len();
        sum[1] += gzip_len(&bytes);
        sum[2] += brotli_len(&bytes);
    }
    Ok(sum)
}

/// The snippet files of the reader's glue, relative to `dist/`.
fn snippets(dist: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(dist.join("snippets"))? {
        let dir = dir?.path();
        for f in std::fs::read_dir(&dir)? {
            let f = f?.path();
            out.push(f.strip_prefix(dist)?.to_string_lossy().into_owned());
        }
    }
    out.sort();
    Ok(out)
}

/// The floor's parts beside the iframe page's, and the totals against the
/// reference's bodies (`reference`: its figures at desktop ×4, with
/// `gzip_bytes` and `brotli_bytes`). The report's section and its table.
pub(super) fn floor(tools: &Tools, reference: &Value) -> Result<(Value, String)> {
    let floor = build(tools)?;
    let dist = root().join("dist");
    let glue: Vec<String> = std::iter::once("kuril-widget-core.js".to_string())
        .chain(snippets(&dist)?)
        .collect();
    let glue: Vec<&str> = glue.iter().map(String::as_str).collect();
    let shared = weigh(&dist, &["embed.html", "widget.css"])?;
    // Each part: its name, ours, the floor's.
    let parts = [
        (
            "wasm",
            weigh(&dist, &["kuril-widget-core_bg.wasm"])?,
            weigh(&floor, &["kuril-floor_bg.wasm"])?,
        ),
        (
            "wasm-bindgen's glue (minified)",
            weigh(&dist, &glue)?,
            weigh(&floor, &["kuril-floor.js"])?,
        ),
        ("the render (embed.html) and widget.css", shared, shared),
        (
            "the iframe page's scripts (embed.js, embed-gate.js, embed.css)",
            weigh(&dist, &["embed.js", "embed-gate.js", "embed.css"])?,
            [0; 3],
        ),
    ];
    let add = |a: [usize; 3], b: [usize; 3]| [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
    let ours = parts.iter().map(|p| p.1).fold([0; 3], add);
    let least = parts.iter().map(|p| p.2).fold([0; 3], add);
    let reference = [
        reference["gzip_bytes"]["median"].as_f64().unwrap_or(0.0),
        reference["brotli_bytes"]["median"].as_f64().unwrap_or(0.0),
    ];
    let ratio = |n: usize, r: f64| {
        if r > 0.0 {
            format!("{:.2}", n as f64 / r)
        } else {
            "–".into()
        }
    };
    let mut table = String::from(
        "\n## The floor (issue 30)\n\nThe least Yew widget with our first paint (`crates/floor`: one component that hydrates, built as the reader is, \
         with the same render and stylesheet) beside the iframe page's files; bodies after gzip -9 / brotli 11, bytes.\n\n\
         | part | ours, gzip | ours, brotli | floor, gzip | floor, brotli |\n|---|---|---|---|---|\n",
    );
    for (name, o, f) in &parts {
        table += &format!("| {name} | {} | {} | {} | {} |\n", o[1], o[2], f[1], f[2]);
    }
    table += &format!(
        "| **in all** | **{}** | **{}** | **{}** | **{}** |\n| over TimelineJS + Leaflet's bodies ({:.0} gzip, {:.0} brotli) | {} | {} | {} | {} |\n",
        ours[1], ours[2], least[1], least[2], reference[0], reference[1],
        ratio(ours[1], reference[0]), ratio(ours[2], reference[1]),
        ratio(least[1], reference[0]), ratio(least[2], reference[1]),
    );
    let json = json!({
        "parts": parts.iter().map(|(name, o, f)| json!({ "part": name, "ours": o, "floor": f })).collect::<Vec<_>>(),
        "sizes": "[raw, gzip, brotli] bytes of the bodies",
        "ours": ours, "floor": least,
        "reference_bodies": { "gzip": reference[0], "brotli": reference[1] },
    });
    Ok((json, table))
}
