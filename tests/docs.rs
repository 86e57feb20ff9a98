//! The docs cannot drift from the code (issue 29): every file or folder
//! `ARCHITECTURE.md` and `README.md` name exists, and every module folder
//! and module file of ours is named in `ARCHITECTURE.md`'s code map. And
//! the code keeps ARCHITECTURE.md's invariant of units a reader can hold
//! in mind: no source file over 400 lines before its tests, no function
//! over 80 lines without a `Long:` note saying why.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Names the docs give to what a command writes, not to files in the tree:
/// a kit's files, the bench's report, the build's modules (under `dist/`).
const MADE: &[&str] = &[
    "kuril-widget-core.js",
    "kuril-widget-core_bg.wasm",
    "kuril-newsroom.js",
    "kuril-newsroom_bg.wasm",
    "snippets/",
    "story.kws",
    "card.png",
    "card.svg",
    "card@2x.png",
    "embed-codes.html",
    "kuril-story.json",
    "oembed.json",
    "report.md",
];

/// Every file and folder of the tree, relative to the root, folders with a
/// trailing `/` (what git would keep: no `target/`, `dist/`, `.git/`).
fn tree() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut dirs = vec![PathBuf::from(ROOT)];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(ROOT)
                .unwrap()
                .to_string_lossy()
                .to_string();
            let skip = [
                "target",
                "dist",
                ".git",
                "node_modules",
                "corpus",
                "artifacts",
            ];
            if skip
                .iter()
                .any(|s| rel == *s || rel.ends_with(&format!("/{s}")))
            {
                continue;
            }
            if path.is_dir() {
                out.insert(format!("{rel}/"));
                dirs.push(path);
            } else {
                out.insert(rel);
            }
        }
    }
    out
}

/// The code spans of a Markdown text that name a file or a folder: a
/// known extension or a trailing `/`, no spaces, globs, placeholders or
/// addresses.
fn named_paths(md: &str) -> Vec<String> {
    const EXT: &[&str] = &[
        ".rs", ".md", ".tsv", ".js", ".html", ".css", ".toml", ".json", ".map", ".kws", ".txt",
        ".png", ".svg", ".wasm", ".sh",
    ];
    md.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| !s.contains(char::is_whitespace) && !s.is_empty())
        .filter(|s| EXT.iter().any(|e| s.ends_with(e)) || s.ends_with('/'))
        .filter(|s| !s.starts_with('.') && !s.contains(['*', '{', '<', ':', '=']))
        // A placeholder in capitals (ARTICLE.txt, STORY.json).
        .filter(|s| {
            !s.split('.')
                .next()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_uppercase())
        })
        .map(str::to_string)
        .collect()
}

/// The names `md` gives that are not in `tree`: a path with a `/` must be a
/// path of the tree from the root or the end of one (`bin/extract.rs`), a
/// bare name the name of some file or folder.
fn missing(md: &str, tree: &BTreeSet<String>) -> Vec<String> {
    let made = |p: &str| {
        MADE.contains(&p)
            || ["target/", "dist/", "v/RELEASE/"]
                .iter()
                .any(|m| p.starts_with(m))
    };
    named_paths(md)
        .into_iter()
        .filter(|p| !made(p))
        .filter(|p| {
            let p = p.trim_start_matches("./");
            let inner = p.trim_end_matches('/').contains('/');
            !tree.iter().any(|t| {
                if inner {
                    t == p || t.ends_with(&format!("/{p}"))
                } else {
                    Path::new(t.trim_end_matches('/'))
                        .file_name()
                        .is_some_and(|n| {
                            let n = n.to_string_lossy();
                            n == p.trim_end_matches('/') && (t.ends_with('/') == p.ends_with('/'))
                        })
                }
            })
        })
        .collect()
}

/// README's Layout section names files in a plain block, not in code
/// spans: each of its words that is a file or folder name, as a code span.
fn layout_names(readme: &str) -> String {
    let start = readme
        .find("\n## Layout")
        .expect("README has a Layout section");
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    rest[..end]
        .split(|c: char| c.is_whitespace() || ",;()".contains(c))
        .filter(|w| w.contains(['.', '/']) && !w.contains('`') && w.len() > 2)
        .map(|w| format!("`{}` ", w.trim_end_matches(['.', ':'])))
        .collect()
}

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(name)).unwrap()
}

#[test]
fn every_path_the_docs_name_exists() {
    let tree = tree();
    assert!(
        tree.contains("crates/core/src/i18n/strings.rs"),
        "the tree is read"
    );
    for doc in ["ARCHITECTURE.md", "README.md"] {
        let gone = missing(&read(doc), &tree);
        assert!(gone.is_empty(), "{doc} names what is not there: {gone:?}");
    }
    let gone = missing(&layout_names(&read("README.md")), &tree);
    assert!(
        gone.is_empty(),
        "README's Layout names what is not there: {gone:?}"
    );
    // The check fails on a renamed file.
    let renamed = "`crates/core/src/i18n.rs` and `pack.rs` and `tests/wording.rs`";
    assert_eq!(
        missing(renamed, &tree),
        ["crates/core/src/i18n.rs", "pack.rs"]
    );
}

#[test]
fn every_module_of_ours_is_in_the_code_map() {
    let arch = read("ARCHITECTURE.md");
    let mut bases = vec!["src".to_string(), "xtask/src".to_string()];
    for c in std::fs::read_dir(Path::new(ROOT).join("crates")).unwrap() {
        let name = c.unwrap().file_name().to_string_lossy().to_string();
        bases.push(format!("crates/{name}/src"));
    }
    let mut unnamed = Vec::new();
    for base in bases {
        let mut dirs = vec![Path::new(ROOT).join(base)];
        while let Some(d) = dirs.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                let rel = path
                    .strip_prefix(ROOT)
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                if path.is_dir() {
                    let has_code = std::fs::read_dir(&path)
                        .unwrap()
                        .any(|e| e.unwrap().path().extension().is_some_and(|x| x == "rs"));
                    // `i18n/`, or as the start of a path: `bin/extract.rs`.
                    if has_code && !arch.contains(&format!("`{name}/")) {
                        unnamed.push(format!("{rel}/"));
                    }
                    dirs.push(path);
                } else if name.ends_with(".rs")
                    && !["main.rs", "lib.rs", "mod.rs"].contains(&name.as_str())
                    && !arch.contains(&format!("`{name}`"))
                    && !arch.contains(&format!("/{name}`"))
                {
                    unnamed.push(rel);
                }
            }
        }
    }
    assert!(
        unnamed.is_empty(),
        "ARCHITECTURE.md's code map lacks {unnamed:?}"
    );
}

/// Our source files: Rust under `src/`, `crates/`, `xtask/`, `tests/` and
/// `fuzz/`, and the JavaScript of `embed/`.
fn sources(tree: &BTreeSet<String>) -> Vec<&String> {
    let rust = ["src/", "crates/", "xtask/", "tests/", "fuzz/"];
    tree.iter()
        .filter(|f| {
            (f.ends_with(".rs") && rust.iter().any(|r| f.starts_with(r)))
                || (f.starts_with("embed/") && f.ends_with(".js"))
        })
        .collect()
}

/// The lines of a file before its tests (`#[cfg(test)]`).
fn before_tests(src: &str) -> usize {
    src.lines()
        .take_while(|l| !l.starts_with("#[cfg(test)]"))
        .count()
}

/// The functions of a Rust file longer than `max` lines (from `fn` to its
/// closing brace, as rustfmt writes them) whose comment and attribute
/// lines just above hold no `Long:` note: each as `name (lines)`.
fn long_functions(src: &str, max: usize) -> Vec<String> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let head = [
            "pub ",
            "pub(crate) ",
            "pub(super) ",
            "const ",
            "async ",
            "unsafe ",
        ]
        .iter()
        .fold(body, |b, p| b.strip_prefix(p).unwrap_or(b));
        let Some(name) = head.strip_prefix("fn ") else {
            continue;
        };
        if line.trim_end().ends_with(';') || line.trim_end().ends_with('}') {
            continue;
        }
        let close = format!("{indent}}}");
        let Some(len) = lines[i + 1..].iter().position(|l| *l == close) else {
            continue;
        };
        let noted = lines[..i]
            .iter()
            .rev()
            .take_while(|l| {
                let t = l.trim_start();
                t.starts_with("//") || t.starts_with("#[")
            })
            .any(|l| l.contains("Long:"));
        if len + 2 > max && !noted {
            let name: String = name
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(format!("{name} ({} lines)", len + 2));
        }
    }
    out
}

#[test]
fn no_file_is_over_400_lines_before_its_tests() {
    let tree = tree();
    let long: Vec<String> = sources(&tree)
        .into_iter()
        .filter(|f| !f.starts_with("tests/"))
        .filter_map(|f| {
            let n = before_tests(&read(f));
            (n > 400).then(|| format!("{f}: {n}"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over 400 lines before their tests: {long:#?}"
    );
}

#[test]
fn no_function_is_over_80_lines_without_a_note() {
    let tree = tree();
    let long: Vec<String> = sources(&tree)
        .into_iter()
        .filter(|f| f.ends_with(".rs"))
        .flat_map(|f| {
            long_functions(&read(f), 80)
                .into_iter()
                .map(move |l| format!("{f}: {l}"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "functions over 80 lines without a `Long:` note: {long:#?}"
    );
}

#[test]
fn the_length_rules_see_a_long_function_and_its_note() {
    let body = "    let x = 1;\n".repeat(85);
    let plain = format!("fn big() {{\n{body}}}\n");
    assert_eq!(long_functions(&plain, 80), ["big (87 lines)"]);
    let noted = format!("/// Does it all.\n// Long: one table, row by row.\n{plain}");
    assert!(long_functions(&noted, 80).is_empty());
    let short = "pub fn small() {\n    1\n}\n";
    assert!(long_functions(short, 80).is_empty());
    assert_eq!(before_tests("a\nb\n#[cfg(test)]\nc\n"), 2);
}
