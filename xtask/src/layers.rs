//! The workspace's layers, checked from `cargo tree`: the pure core
//! (`kuril-core`) and the extractor (`kuril-extract`) never depend on Yew,
//! web-sys, wasm-bindgen or js-sys, with any feature on any target; the
//! reader's bundle (`kuril-widget` for wasm32) never carries the extractor
//! or the newsroom module, and uses the core without its JSON feature
//! (Yew's tree holds serde, but nothing of ours calls it, so the linker
//! drops it). `cargo xtask test` runs [`check`] before anything else.

use crate::{root, Result};
use std::collections::BTreeSet;
use std::process::Command;

/// What the pure layers must never depend on.
pub const WEB: [&str; 4] = ["yew", "web-sys", "wasm-bindgen", "js-sys"];
/// What the reader's bundle must never carry: the newsroom's tools.
pub const NEWSROOM: [&str; 2] = ["kuril-extract", "kuril-newsroom"];

/// The names of every crate `package` depends on (normal and build
/// dependencies, transitively), for `target` (`all` for every platform)
/// and with all its features on when `all_features`.
pub fn dependencies(package: &str, target: &str, all_features: bool) -> Result<BTreeSet<String>> {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["tree", "--quiet", "-p", package, "-e", "normal,build"])
        .args(["--target", target, "--prefix", "none", "--format", "{p}"])
        .current_dir(root());
    if all_features {
        cmd.arg("--all-features");
    }
    let out = cmd.output()?;
    if !out.status.success() {
        return Err(format!(
            "cargo tree -p {package}: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8(out.stdout)?
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != package)
        .map(str::to_owned)
        .collect())
}

/// The features of `dependency` that `package` turns on for `target`.
pub fn features_of(package: &str, dependency: &str, target: &str) -> Result<BTreeSet<String>> {
    let out = Command::new(env!("CARGO"))
        .args(["tree", "--quiet", "-p", package, "-e", "features,normal"])
        .args(["-i", dependency, "--target", target, "--prefix", "none"])
        .current_dir(root())
        .output()?;
    // Lines such as `kuril-core feature "serde"`.
    Ok(String::from_utf8(out.stdout)?
        .lines()
        .filter_map(|l| l.strip_prefix(dependency)?.trim().strip_prefix("feature "))
        .map(|f| f.trim_matches('"').to_owned())
        .collect())
}

/// The names in `deps` that are in `banned`.
pub fn banned_in(deps: &BTreeSet<String>, banned: &[&str]) -> Vec<String> {
    deps.iter()
        .filter(|d| banned.contains(&d.as_str()))
        .cloned()
        .collect()
}

/// Fails, naming the culprits, when a layer depends on what it must not.
pub fn check() -> Result {
    crate::step("layers: the core and the extractor free of the web stack; the reader free of the newsroom's tools");
    let mut wrong = Vec::new();
    for package in ["kuril-core", "kuril-extract"] {
        let web = banned_in(&dependencies(package, "all", true)?, &WEB);
        if !web.is_empty() {
            wrong.push(format!("{package} depends on {web:?}"));
        }
    }
    let reader = dependencies("kuril-widget", "wasm32-unknown-unknown", false)?;
    let tools = banned_in(&reader, &NEWSROOM);
    if !tools.is_empty() {
        wrong.push(format!("the reader's wasm carries {tools:?}"));
    }
    if features_of("kuril-widget", "kuril-core", "wasm32-unknown-unknown")?.contains("serde") {
        wrong.push("the reader's wasm uses the core's JSON feature".into());
    }
    if wrong.is_empty() {
        println!("ok");
        Ok(())
    } else {
        Err(wrong.join("; ").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_keeps_its_layers() {
        check().unwrap();
    }

    #[test]
    fn the_core_and_the_extractor_never_depend_on_the_web_stack() {
        for package in ["kuril-core", "kuril-extract"] {
            let deps = dependencies(package, "all", true).unwrap();
            assert!(deps.contains("thiserror"), "{package}: {deps:?}");
            let web = banned_in(&deps, &WEB);
            assert!(web.is_empty(), "{package} depends on {web:?}");
        }
        // The extractor stands on the core, nothing above it.
        let deps = dependencies("kuril-extract", "all", true).unwrap();
        assert!(deps.contains("kuril-core") && !deps.contains("kuril-widget"));
    }

    #[test]
    fn the_readers_bundle_carries_no_newsroom_tool() {
        let deps = dependencies("kuril-widget", "wasm32-unknown-unknown", false).unwrap();
        assert!(
            deps.contains("yew") && deps.contains("kuril-core"),
            "{deps:?}"
        );
        let newsroom = banned_in(&deps, &NEWSROOM);
        assert!(
            newsroom.is_empty(),
            "the reader's wasm carries {newsroom:?}"
        );
        let core = features_of("kuril-widget", "kuril-core", "wasm32-unknown-unknown").unwrap();
        assert!(core.contains("default"), "{core:?}");
        assert!(!core.contains("serde"), "the reader reads JSON: {core:?}");
        // The checks see what they look for, where it is.
        let tools = dependencies("kuril-newsroom", "wasm32-unknown-unknown", false).unwrap();
        assert_eq!(banned_in(&tools, &NEWSROOM), ["kuril-extract"]);
        let core = features_of("kuril-newsroom", "kuril-core", "wasm32-unknown-unknown").unwrap();
        assert!(core.contains("serde"), "{core:?}");
    }
}
