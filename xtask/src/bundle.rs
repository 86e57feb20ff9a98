//! The release bundle: `trunk build --release` into `dist/`, with wasm-opt,
//! and a report of its sizes, raw and gzip.

use crate::tools::Tools;
use crate::{root, run, step, Result};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::process::Command;

/// Size of `bytes` after gzip at the best level, as a server would send it.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).expect("writing to a Vec cannot fail");
    enc.finish().expect("writing to a Vec cannot fail").len()
}

/// Builds the release bundle into `dist/` and prints the size of each file.
pub fn build(tools: &Tools) -> Result {
    // The derived assets first: the packed story, then the build-time
    // render that the browser hydrates (it must match this build).
    crate::story::write()?;
    crate::fallback::write()?;
    step("release bundle (trunk build --release, wasm-opt -Oz)");
    run(Command::new(tools.bin().join("trunk"))
        .args(["build", "--release", "--dist", "dist"])
        .env("PATH", tools.path_env())
        .env("TRUNK_SKIP_VERSION_CHECK", "true"))?;
    let base =
        std::env::var("KURIL_PUBLIC_URL").unwrap_or_else(|_| "http://127.0.0.1:8080/".into());
    std::fs::write(root().join("dist/oembed.json"), oembed(&base))?;
    report()
}

/// The oEmbed document (type "rich") for content systems that embed by
/// URL: an iframe of `embed.html` sized by `embed-host.js`. oEmbed wants
/// absolute URLs, so they start with `base`, the address `dist/` is served
/// at (`KURIL_PUBLIC_URL`, else the dev server's).
pub fn oembed(base: &str) -> String {
    let base = if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    };
    let html = format!(
        "<iframe data-kuril-embed src=\"{base}embed.html\" title=\"Map and timeline of the Kuril Islands dispute\" \
         width=\"100%\" height=\"1100\"></iframe><script src=\"{base}embed-host.js\"></script>"
    );
    serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": "The Kuril Islands dispute: map and timeline",
        "provider_name": "kuril-widget",
        "provider_url": base,
        "html": html,
        "width": 700,
        "height": 1100,
        "cache_age": 86400,
    })
    .to_string()
}

/// Prints the bundle's files with raw and gzip sizes, and the totals.
pub fn report() -> Result {
    let dist = root().join("dist");
    let mut files: Vec<_> = std::fs::read_dir(&dist)?
        .flatten()
        .filter(|e| e.path().is_file())
        .collect();
    files.sort_by_key(|e| e.file_name());
    println!("{:<48} {:>10} {:>10}", "bundle file", "raw B", "gzip B");
    let (mut raw, mut gz) = (0, 0);
    for f in files {
        let bytes = std::fs::read(f.path())?;
        let g = gzip_len(&bytes);
        println!(
            "{:<48} {:>10} {:>10}",
            f.file_name().to_string_lossy(),
            bytes.len(),
            g
        );
        raw += bytes.len();
        gz += g;
    }
    println!("{:<48} {:>10} {:>10}", "total", raw, gz);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn oembed_is_rich_with_absolute_urls() {
        let doc: serde_json::Value =
            serde_json::from_str(&super::oembed("https://news.example/kw")).unwrap();
        assert_eq!(doc["version"], "1.0");
        assert_eq!(doc["type"], "rich");
        let html = doc["html"].as_str().unwrap();
        assert!(html.contains("src=\"https://news.example/kw/embed.html\""));
        assert!(html.contains("https://news.example/kw/embed-host.js"));
        assert!(doc["width"].is_u64() && doc["height"].is_u64());
    }
}
