//! The workspace's layers, checked from `cargo tree`: the pure core
//! (`kuril-core`) and the extractor (`kuril-extract`) never depend on Yew,
//! web-sys, wasm-bindgen or js-sys, with any feature on any target; the
//! reader's bundle (`kuril-widget` for wasm32) never carries the extractor
//! or the newsroom module, and uses the core without its JSON feature
//! (Yew's tree holds serde, but nothing of ours calls it, so the linker
//! drops it). No crate of ours has modules that import one another in a
//! circle ([`module_graph`], [`circles`]). `cargo xtask test` runs
//! [`check`] before anything else.

use crate::cmd::{root, Result};
use std::collections::BTreeSet;
use std::process::Command;

/// What the pure layers must never depend on.
pub const WEB: [&str; 4] = ["yew", "web-sys", "wasm-bindgen", "js-sys"];
/// What the reader's bundle must never carry: the newsroom's tools.
pub const NEWSROOM: [&str; 3] = ["kuril-extract", "kuril-newsroom", "kuril-publish"];

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
    crate::cmd::step("layers: the core and the extractor free of the web stack; the reader free of the newsroom's tools; no circle of modules");
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
    for src in CRATES {
        for c in circles(&module_graph(src)?) {
            wrong.push(format!(
                "{src}: the modules {c:?} import one another in a circle"
            ));
        }
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

/// The modules of the crate whose sources are under `src` (relative to the
/// workspace), each with the modules of the same crate it names (`crate::a`,
/// `super::b`, `self::c`), read from the text of its file.
pub fn module_graph(src: &str) -> Result<Vec<(String, BTreeSet<String>)>> {
    let base = root().join(src);
    let files = rust_files(&base)?;
    // A file's module path: `checks/mod.rs` is `checks`, `checks/check.rs`
    // is `checks::check`, the crate root is ``.
    let path_of = |p: &std::path::Path| -> String {
        let rel = p.strip_prefix(&base).unwrap_or(p).with_extension("");
        let parts: Vec<String> = rel
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .filter(|c| !matches!(c.as_str(), "mod" | "lib" | "main"))
            .collect();
        parts.join("::")
    };
    let modules: BTreeSet<String> = files.iter().map(|f| path_of(f)).collect();
    let mut graph = Vec::new();
    for f in &files {
        let me = path_of(f);
        // Code only: not comments, and not the tests, which may reach
        // anywhere.
        let code: String = std::fs::read_to_string(f)?
            .split("#[cfg(test)]")
            .next()
            .unwrap_or("")
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut names = paths_named(&code, &me, &modules);
        names.extend(submodules_used(&code, &me, &modules));
        graph.push((me, names));
    }
    graph.sort();
    Ok(graph)
}

/// The `.rs` files under `base`; beside a library, not `main.rs`, which is
/// another crate (the binary) that reaches the library by its name, not
/// by `crate::`.
fn rust_files(base: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    let mut dirs = vec![base.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    if base.join("lib.rs").exists() {
        files.retain(|f| *f != base.join("main.rs"));
    }
    Ok(files)
}

/// The modules of `modules` that the code of module `me` names by a path
/// (`crate::a`, `super::b`, `self::c`, or a group `crate::{a, b::c}`).
fn paths_named(code: &str, me: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let parent = me.rsplit_once("::").map_or("", |(p, _)| p);
    let mut names = BTreeSet::new();
    for (prefix, from) in [("crate::", ""), ("super::", parent), ("self::", me)] {
        for (i, _) in code.match_indices(prefix) {
            if code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let after = &code[i + prefix.len()..];
            let paths: Vec<String> = match after.strip_prefix('{') {
                Some(group) => group[..group.find('}').unwrap_or(group.len())]
                    .split(',')
                    .map(|p| p.trim().to_string())
                    .collect(),
                None => vec![after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect()],
            };
            for rest in paths {
                // The longest module the path names; `super::*` names the
                // parent itself.
                let mut target =
                    (rest.starts_with('*') && modules.contains(from)).then(|| from.to_string());
                let mut path = from.to_string();
                for seg in rest.split("::").filter(|s| !s.is_empty()) {
                    path = if path.is_empty() {
                        seg.to_string()
                    } else {
                        format!("{path}::{seg}")
                    };
                    if modules.contains(&path) {
                        target = Some(path.clone());
                    } else {
                        break;
                    }
                }
                if let Some(t) = target.filter(|t| t != me) {
                    names.insert(t);
                }
            }
        }
    }
    names
}

/// The submodules the code of module `me` declares (`mod check;`) and
/// names (`check::wait`): a declaration alone is not an import.
fn submodules_used(code: &str, me: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for line in code.lines() {
        let l = line
            .trim_start()
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ");
        if let Some(name) = l.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            let child = if me.is_empty() {
                name.to_string()
            } else {
                format!("{me}::{name}")
            };
            let used = code.match_indices(&format!("{name}::")).any(|(i, _)| {
                !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
            });
            if modules.contains(&child) && used {
                names.insert(child);
            }
        }
    }
    names
}

/// The circles of a module graph: each a list of modules that reach one
/// another (a strongly connected set of two or more), in order.
pub fn circles(graph: &[(String, BTreeSet<String>)]) -> Vec<Vec<String>> {
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(m) = todo.pop() {
            for (_, next) in graph.iter().filter(|(n, _)| *n == m) {
                for x in next {
                    if seen.insert(x.clone()) {
                        todo.push(x.clone());
                    }
                }
            }
        }
        seen
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    for (m, _) in graph {
        if out.iter().any(|c| c.contains(m)) {
            continue;
        }
        let mine = reach(m);
        let circle: Vec<String> = graph
            .iter()
            .map(|(n, _)| n.clone())
            .filter(|n| n == m || (mine.contains(n) && reach(n).contains(m)))
            .collect();
        if circle.len() > 1 {
            out.push(circle);
        }
    }
    out
}

/// The sources of every crate of ours whose modules must form no circle.
pub const CRATES: [&str; 7] = [
    "crates/core/src",
    "crates/e2e/src",
    "crates/extract/src",
    "crates/newsroom/src",
    "crates/publish/src",
    "src",
    "xtask/src",
];

#[cfg(test)]
mod module_tests {
    use super::*;

    #[test]
    fn no_crate_of_ours_has_a_circle_of_modules() {
        for src in CRATES {
            let graph = module_graph(src).unwrap();
            assert!(!graph.is_empty(), "{src}: {graph:?}");
            let c = circles(&graph);
            assert!(c.is_empty(), "{src}: circles {c:?}");
        }
        // The reading sees imports: the runner of the end-to-end checks
        // names its checks, and a circle is found when there is one.
        let e2e = module_graph("crates/e2e/src").unwrap();
        let runner = e2e.iter().find(|(m, _)| m == "checks").unwrap();
        assert!(runner.1.contains("checks::reader") && runner.1.contains("checks::check"));
        let made_up = vec![
            ("a".to_string(), BTreeSet::from(["b".to_string()])),
            ("b".to_string(), BTreeSet::from(["a".to_string()])),
            ("c".to_string(), BTreeSet::new()),
        ];
        assert_eq!(circles(&made_up), [vec!["a".to_string(), "b".to_string()]]);
    }
}
