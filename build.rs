//! The release of the widget's files (`KURIL_RELEASE`, read as
//! `kuril_widget::RELEASE`): the widget's version and a hash of every
//! source of the files readers download (the reader's and the newsroom
//! module's code, the data, the styles, the embeds' scripts and pages, the
//! build's settings and what rewrites the glue, the compiler's version).
//! `cargo xtask build` writes those files under `dist/v/<RELEASE>/`, a
//! kit's pages load them from there, and a build-time render names the
//! release it was made by, which alone hydrates it: the same sources give
//! the same release, any change a new one, so a published article keeps
//! the widget it was checked with.

use std::path::{Path, PathBuf};

/// What the hash covers, relative to the workspace's root: folders whole.
/// What `cargo xtask build` derives from these is left out (the bundled
/// story, `data/story/`; the build-time render, `embed/fallback.html` and
/// `embed/embed.html` between its markers), so that a release is known
/// before the build writes them.
const SOURCES: [&str; 23] = [
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
    "index.html",
    "src",
    "crates/core",
    "crates/extract/Cargo.toml",
    "crates/extract/src",
    "crates/newsroom",
    "data",
    "styles/widget.css",
    "embed/kuril-widget.js",
    "embed/embed.html",
    "embed/embed.js",
    "embed/embed.css",
    "embed/embed-gate.js",
    "embed/embed-host.js",
    "embed/favicon.svg",
    "embed/kuril-newsroom-worker.js",
    "crates/publish/src/render.rs",
    "xtask/src/bundle.rs",
    "xtask/src/fallback.rs",
    "build.rs",
];

/// Derived files inside the folders above.
const DERIVED: [&str; 1] = ["data/story"];

/// Every file under `path`, sorted.
fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}

/// A page without the build-time render between its markers.
fn without_render(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    match (
        text.find("<!-- widget: written by"),
        text.find("<!-- /widget -->"),
    ) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &text[..a], &text[b..]).into_bytes(),
        _ => bytes.to_vec(),
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes.iter().chain([&0u8]) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for s in SOURCES {
        let path = root.join(s);
        println!("cargo:rerun-if-changed={}", path.display());
        let mut found = Vec::new();
        files(&path, &mut found);
        found.retain(|f| !DERIVED.iter().any(|d| f.starts_with(root.join(d))));
        for f in found {
            let name = f
                .strip_prefix(&root)
                .unwrap_or(&f)
                .to_string_lossy()
                .replace('\\', "/");
            eat(name.as_bytes());
            eat(&without_render(&std::fs::read(&f).unwrap_or_default()));
        }
    }
    // The compiler's version: the same sources may build other bytes.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc).arg("-V").output();
    eat(&version.map(|o| o.stdout).unwrap_or_default());
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap_or_default();
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.split('"').next())
        .unwrap_or("0.0.0");
    println!("cargo:rustc-env=KURIL_RELEASE={version}-{:012x}", h >> 16);
}
