//! The release bundle: `trunk build --release` into `dist/`, with wasm-opt,
//! the studio page's modules (`embed/studio/`) beside it, the glue's
//! faults contained ([`contain_faults`]), the files readers download
//! copied under their release (`dist/v/RELEASE/`, [`version`]), and a
//! report of its sizes, raw, gzip and brotli. Also the test build of the
//! reader with a panic on demand, for the end-to-end check that a fault
//! stays in its box.

use crate::cmd::{root, run, step, Result};
use crate::tools::Tools;
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::process::Command;

/// Size of `bytes` after gzip at the best level, as a server would send it.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).expect("writing to a Vec cannot fail");
    enc.finish().expect("writing to a Vec cannot fail").len()
}

/// Size of `bytes` after brotli at the best level (quality 11, a 4 MiB
/// window), as a news CDN would send it.
pub fn brotli_len(bytes: &[u8]) -> usize {
    brotli(bytes).len()
}

/// `bytes` after brotli at the best level.
fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("reading a slice and writing to a Vec cannot fail");
    out
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
    // The studio page's modules (embed/studio.js imports them), a folder
    // that index.html's copy-file list does not name one by one.
    let studio = root().join("dist/studio");
    let _ = std::fs::remove_dir_all(&studio);
    crate::cmd::copy_dir(&root().join("embed/studio"), &studio)?;
    let base =
        std::env::var("KURIL_PUBLIC_URL").unwrap_or_else(|_| "http://127.0.0.1:8080/".into());
    std::fs::write(root().join("dist/oembed.json"), oembed(&base))?;
    contain_faults(&root().join("dist/kuril-widget-core.js"))?;
    minify(tools)?;
    languages()?;
    version(&base)?;
    report()
}

/// Writes a language file for each language but English, whose texts the
/// reader's wasm carries (`kuril_core::data::LanguageFile`): a widget in
/// another language fetches its own from beside the module.
fn languages() -> Result {
    for lang in kuril_core::i18n::Lang::ALL.into_iter().skip(1) {
        let file = root().join(format!("dist/{}", language_file(lang)));
        std::fs::write(file, kuril_core::data::LanguageFile::make(lang))?;
    }
    Ok(())
}

/// The name of a language's file, as the reader's glue asks for it
/// (`language_url` in `src/host/fetch.rs`).
pub fn language_file(lang: kuril_core::i18n::Lang) -> String {
    format!("lang-{}.kwl", lang.code())
}

/// Minifies the scripts and styles every reader loads, in place in
/// `dist/` (esbuild, whitespace, comments and local names; modules stay
/// modules): 5.5 KB gzip off the iframe page, most of it wasm-bindgen's
/// glue and `widget.css`.
fn minify(tools: &Tools) -> Result {
    let dist = root().join("dist");
    let mut files: Vec<std::path::PathBuf> = READER_FILES
        .iter()
        .filter(|f| f.ends_with(".js") || f.ends_with(".css"))
        .map(|f| dist.join(f))
        .collect();
    // The glue's inline snippets (the bounded fetch and the worker).
    for dir in std::fs::read_dir(dist.join("snippets"))? {
        for f in std::fs::read_dir(dir?.path())? {
            files.push(f?.path());
        }
    }
    files.retain(|f| f.extension().is_some_and(|e| e == "js" || e == "css"));
    // One run: each file written over itself (`--outbase` keeps the paths).
    run(Command::new(tools.node_bin().join("esbuild"))
        .args(["--minify", "--log-level=warning", "--allow-overwrite"])
        .arg(format!("--outdir={}", dist.display()))
        .arg(format!("--outbase={}", dist.display()))
        .args(&files))?;
    Ok(())
}

/// The files every reader's widget loads: the element, the iframe page
/// and its scripts, the reader's wasm and glue, the styles, and the
/// newsroom module (for a JSON `story-src` or an `article-src`).
pub const READER_FILES: [&str; 16] = [
    "kuril-widget.js",
    "kuril-widget-core.js",
    "kuril-widget-core_bg.wasm",
    "snippets",
    "widget.css",
    "embed.html",
    "embed.js",
    "embed.css",
    "embed-gate.js",
    "embed-host.js",
    "fallback.html",
    "favicon.svg",
    "kuril-newsroom.js",
    "kuril-newsroom_bg.wasm",
    "kuril-newsroom-worker.js",
    "oembed.json",
];

/// Copies the reader's files into `dist/v/RELEASE/` (RELEASE:
/// `kuril_publish::RELEASE`, the version and a hash of their sources),
/// where publish kits load them from: files there never change, so they
/// may be cached for ever; the ones at the top of `dist/` are the aliases
/// of the newest release. Its `oembed.json` names its own `embed.html`.
pub fn version(base: &str) -> Result {
    let dist = root().join("dist");
    let dir = dist.join("v").join(kuril_publish::RELEASE);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let languages = kuril_core::i18n::Lang::ALL.into_iter().skip(1);
    let languages: Vec<String> = languages.map(language_file).collect();
    for f in READER_FILES
        .iter()
        .copied()
        .chain(languages.iter().map(String::as_str))
    {
        let from = dist.join(f);
        if from.is_dir() {
            crate::cmd::copy_dir(&from, &dir.join(f))?;
        } else {
            std::fs::copy(&from, dir.join(f)).map_err(|e| format!("{}: {e}", from.display()))?;
        }
    }
    let base = format!(
        "{}/v/{}/",
        base.trim_end_matches('/'),
        kuril_publish::RELEASE
    );
    std::fs::write(dir.join("oembed.json"), oembed(&base))?;
    println!(
        "the reader's files of release {0}: dist/v/{0}/",
        kuril_publish::RELEASE
    );
    Ok(())
}

/// The two places in wasm-bindgen's glue (0.2.130) where the page calls a
/// Rust closure: event listeners, timers, promise callbacks, the scheduler.
const CLOSURE_CALLS: [&str; 2] = [
    "return f(state.a, state.b, ...args);\n        } finally {",
    "return f(a, state.b, ...args);\n        } finally {",
];

/// What the glue gets at its end: a fault (a Rust panic ends in a wasm trap)
/// in a call from the page is logged once and kept from the host page's
/// `window.onerror`; the element's script asks whether its instance faulted
/// and hears when it does.
const FAULT_JS: &str = "
// Added by `cargo xtask build` (xtask/src/bundle.rs): a fault in a call from
// the page stays in this instance. It is logged once, never reaches the host
// page's `window.onerror`, and the listener below is told.
let kwFaulted = false;
let kwOnFault = null;
function kwFault(e) {
    if (!kwFaulted) console.error('kuril-widget: a widget stopped after an internal error', e);
    kwFaulted = true;
    if (kwOnFault) kwOnFault(e);
}
/** Whether this instance has faulted (it then runs nothing more). */
export function kw_faulted() { return kwFaulted; }
/** Calls `f` when this instance faults. */
export function kw_on_fault(f) { kwOnFault = f; }
";

/// Makes the glue catch faults in calls from the page (see [`FAULT_JS`]).
/// Fails if the glue is not the one this was written for, so that an
/// upgrade of wasm-bindgen cannot drop it silently.
pub fn contain_faults(glue: &std::path::Path) -> Result {
    let mut js = std::fs::read_to_string(glue)?;
    if js.contains("function kwFault(") {
        return Ok(());
    }
    for call in CLOSURE_CALLS {
        if js.matches(call).count() != 1 {
            return Err(format!(
                "{}: wasm-bindgen's closure call changed ({call:?}): update CLOSURE_CALLS",
                glue.display()
            )
            .into());
        }
        let (head, tail) = call.split_once("} finally {").expect("both end so");
        js = js.replace(
            call,
            &format!("{head}}} catch (e) {{\n            kwFault(e);\n        }} finally {{{tail}"),
        );
    }
    js.push_str(FAULT_JS);
    std::fs::write(glue, js)?;
    Ok(())
}

/// Builds the reader with the `test-panic` feature into `target/e2e-panic/`
/// (glue, wasm, the element's script and a test page), for the end-to-end
/// check that a panic stays in its widget. Not optimised: it is only run.
pub fn build_panic_test(tools: &Tools) -> Result {
    step("the reader with test-panic, for one end-to-end check (target/e2e-panic/)");
    run(Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--profile",
            "e2e-panic",
            "--target",
            "wasm32-unknown-unknown",
            "--bin",
            "kuril-widget-core",
            "--features",
            "test-panic",
        ])
        .env("PATH", tools.path_env())
        .current_dir(root()))?;
    let out = root().join("target/e2e-panic");
    let _ = std::fs::remove_dir_all(&out);
    run(Command::new(tools.bin().join("wasm-bindgen"))
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out)
        .arg(root().join("target/wasm32-unknown-unknown/e2e-panic/kuril-widget-core.wasm")))?;
    contain_faults(&out.join("kuril-widget-core.js"))?;
    std::fs::copy(
        root().join("embed/kuril-widget.js"),
        out.join("kuril-widget.js"),
    )?;
    std::fs::copy(root().join("styles/widget.css"), out.join("widget.css"))?;
    std::fs::write(out.join("page.html"), PANIC_PAGE)?;
    Ok(())
}

/// The test page: it records what reaches the page's error handlers and
/// the console, then loads the element.
const PANIC_PAGE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A fault stays in its box</title>
<link rel="icon" href="data:,">
<script>
window.kwErrors = [];
window.onerror = (m) => { window.kwErrors.push('onerror: ' + m); };
window.addEventListener('unhandledrejection', (e) => window.kwErrors.push('rejection: ' + e.reason));
window.kwConsole = [];
const error = console.error.bind(console);
console.error = (...a) => { window.kwConsole.push(a.map(String).join(' ')); error(...a); };
</script>
<script type="module" src="kuril-widget.js"></script>
</head><body>
<kuril-widget id="kw-ok"></kuril-widget>
<kuril-widget id="kw-panic" test-panic></kuril-widget>
</body></html>
"#;

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

/// Prints the bundle's files with raw, gzip and brotli sizes, and the
/// totals.
pub fn report() -> Result {
    let dist = root().join("dist");
    let mut files: Vec<_> = std::fs::read_dir(&dist)?
        .flatten()
        .filter(|e| e.path().is_file())
        .collect();
    files.sort_by_key(|e| e.file_name());
    let row = |name: &str, raw: usize, gz: usize, br: usize| {
        println!("{name:<48} {raw:>10} {gz:>10} {br:>10}");
    };
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "bundle file", "raw B", "gzip B", "brotli B"
    );
    let (mut raw, mut gz, mut br) = (0, 0, 0);
    for f in files {
        let bytes = std::fs::read(f.path())?;
        let (g, b) = (gzip_len(&bytes), brotli_len(&bytes));
        row(&f.file_name().to_string_lossy(), bytes.len(), g, b);
        raw += bytes.len();
        gz += g;
        br += b;
    }
    row("total", raw, gz, br);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn brotli_and_gzip_sizes_are_of_real_compressed_streams() {
        let text = "the four islands; ".repeat(200);
        let packed = super::brotli(text.as_bytes());
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &packed[..], &mut back).unwrap();
        assert_eq!(back, text.as_bytes());
        let (g, b) = (
            super::gzip_len(text.as_bytes()),
            super::brotli_len(text.as_bytes()),
        );
        assert!(
            b == packed.len() && b < 100 && g < 100,
            "gzip {g}, brotli {b}"
        );
    }

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

    /// The two closure calls of wasm-bindgen 0.2.130's glue, as it writes them.
    const GLUE: &str = "function makeClosure(arg0, arg1, f) {
    const real = (...args) => {
        state.cnt++;
        try {
            return f(state.a, state.b, ...args);
        } finally {
            real._wbg_cb_unref();
        }
    };
}
function makeMutClosure(arg0, arg1, f) {
    const real = (...args) => {
        try {
            return f(a, state.b, ...args);
        } finally {
            state.a = a;
        }
    };
}
";

    #[test]
    fn the_glue_catches_faults_in_both_closure_calls_once_and_refuses_an_unknown_glue() {
        let dir = std::env::temp_dir().join(format!("kw-glue-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let glue = dir.join("glue.js");
        std::fs::write(&glue, GLUE).unwrap();
        super::contain_faults(&glue).unwrap();
        super::contain_faults(&glue).unwrap();
        let js = std::fs::read_to_string(&glue).unwrap();
        assert_eq!(
            js.matches("} catch (e) {\n            kwFault(e);\n        } finally {")
                .count(),
            2
        );
        assert_eq!(js.matches("function kwFault(").count(), 1);
        assert!(js.contains("export function kw_faulted()"));
        std::fs::write(
            &glue,
            GLUE.replace("return f(a, state.b", "return g(a, state.b"),
        )
        .unwrap();
        assert!(super::contain_faults(&glue).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
