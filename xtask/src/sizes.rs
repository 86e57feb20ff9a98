//! The reader's wasm by crate and by function, for `cargo xtask bench`:
//! the release build of `kuril-widget-core` through wasm-bindgen and
//! `wasm-opt -Oz` as Trunk runs them, with the function names kept
//! (`-g`), read by twiggy. The names add a custom section; every other
//! byte is the shipped module's.

use crate::cmd::{root, run, step, Result};
use crate::tools::{Tools, WASM_TARGET};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::process::Command;

/// wasm-opt's flags, as `index.html` gives them to Trunk (the bench's
/// floor is optimised with them too; here `-g` keeps the names).
pub const WASM_OPT: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-reference-types",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-multivalue",
];

/// The crate a twiggy item belongs to: the first path segment of the
/// function (the trait's for `<T as Trait>::f` with a generic T), data
/// segments as "data", wasm-bindgen's glue as "wasm-bindgen glue".
pub fn crate_of(item: &str) -> String {
    if item.starts_with("data segment") {
        return "data (.rodata: data files, strings)".into();
    }
    let name = item.trim_start_matches('<');
    let first: String = name
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let next = &name[first.len()..];
    if !first.is_empty()
        && (next.starts_with("::") || next.starts_with("[") && next.contains("]::"))
    {
        return first;
    }
    if item.contains("__wbindgen") || item.starts_with("import ") || item.contains("externref") {
        return "wasm-bindgen glue".into();
    }
    "other".into()
}

/// Sizes by crate and the largest functions of the reader's wasm.
pub fn reader_wasm(tools: &Tools) -> Result<Value> {
    step("the reader's wasm by crate and function (twiggy)");
    tools.ensure_twiggy()?;
    run(Command::new(env!("CARGO"))
        .args(["build", "--release", "--target", WASM_TARGET])
        .args(["-p", "kuril-widget", "--bin", "kuril-widget-core"])
        .env("PATH", tools.path_env()))?;
    let out = root().join("target/bench/twiggy");
    std::fs::create_dir_all(&out)?;
    let built = root().join(format!(
        "target/{WASM_TARGET}/release/kuril-widget-core.wasm"
    ));
    run(Command::new(tools.bin().join("wasm-bindgen"))
        .args(["--target", "web", "--keep-debug", "--out-dir"])
        .arg(&out)
        .arg(&built))?;
    let opt = out.join("kuril-widget-core.opt.wasm");
    run(Command::new(tools.node_bin().join("wasm-opt"))
        .args(WASM_OPT)
        .arg("-g")
        .arg(out.join("kuril-widget-core_bg.wasm"))
        .arg("-o")
        .arg(&opt))?;
    let csv = Command::new(tools.bin().join("twiggy"))
        .args(["top", "-n", "1000000", "--format", "csv"])
        .arg(&opt)
        .output()?;
    if !csv.status.success() {
        return Err(String::from_utf8_lossy(&csv.stderr).into_owned().into());
    }
    let text = String::from_utf8(csv.stdout)?;
    let mut by_crate: BTreeMap<String, u64> = BTreeMap::new();
    let mut functions = Vec::new();
    let mut total = 0;
    for line in text.lines().skip(1) {
        // Name,ShallowSize,ShallowSizePercent,...; the name may be quoted.
        let (name, rest) = match line.strip_prefix('"') {
            Some(q) => match q.find("\",") {
                Some(end) => (q[..end].replace("\"\"", "\""), &q[end + 2..]),
                None => continue,
            },
            None => match line.split_once(',') {
                Some((n, r)) => (n.to_string(), r),
                None => continue,
            },
        };
        let Some(size) = rest.split(',').next().and_then(|v| v.parse::<u64>().ok()) else {
            continue;
        };
        // Names and wasm-bindgen's unstable section are not shipped.
        if name.contains("\"function names\" subsection") || name.starts_with("custom section") {
            continue;
        }
        total += size;
        *by_crate.entry(crate_of(&name)).or_default() += size;
        if functions.len() < 25 && !name.starts_with("data segment") {
            functions.push(json!({ "name": name, "bytes": size }));
        }
    }
    let mut crates: Vec<(String, u64)> = by_crate.into_iter().collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    Ok(json!({
        "shipped_bytes_without_names": total,
        "by_crate": crates.iter().map(|(c, b)| json!({ "crate": c, "bytes": b })).collect::<Vec<_>>(),
        "largest_functions": functions,
    }))
}

/// The size report as Markdown.
pub fn table(sizes: &Value) -> String {
    let mut md = format!(
        "\n## The reader's wasm by crate (twiggy, raw bytes after wasm-opt -Oz; {} in all)\n\n| crate | bytes | share |\n|---|---|---|\n",
        sizes["shipped_bytes_without_names"]
    );
    let total = sizes["shipped_bytes_without_names"].as_f64().unwrap_or(1.0);
    for c in sizes["by_crate"].as_array().into_iter().flatten().take(16) {
        let b = c["bytes"].as_f64().unwrap_or(0.0);
        md += &format!(
            "| {} | {b:.0} | {:.1}% |\n",
            c["crate"].as_str().unwrap_or(""),
            100.0 * b / total
        );
    }
    md += "\n### Largest functions\n\n| function | bytes |\n|---|---|\n";
    for f in sizes["largest_functions"]
        .as_array()
        .into_iter()
        .flatten()
        .take(15)
    {
        let name: String = f["name"].as_str().unwrap_or("").chars().take(110).collect();
        md += &format!("| `{}` | {} |\n", name.replace('|', "\\|"), f["bytes"]);
    }
    md
}

#[cfg(test)]
mod tests {
    use super::crate_of;

    #[test]
    fn items_are_put_in_their_crates() {
        assert_eq!(crate_of("yew::dom_bundle::bnode::reconcile::h2e"), "yew");
        assert_eq!(
            crate_of(
                "<kuril_widget::components::MapView as yew::functional::FunctionProvider>::run"
            ),
            "kuril_widget"
        );
        assert_eq!(
            crate_of("core[c5930c85a12de822]::fmt::float::float_to_decimal_common_exact::<f64>"),
            "core"
        );
        assert!(crate_of("data segment \".rodata\"").starts_with("data"));
        assert_eq!(
            crate_of("import ./kuril-widget-core_bg.js __wbg_new_1"),
            "wasm-bindgen glue"
        );
        assert_eq!(crate_of("code[1593]"), "other");
    }
}
