//! `cargo xtask`: the project's set-up, build, serve, test and data
//! commands, one row each of [`COMMANDS`] (the usage text and the dispatch
//! come from it; a test keeps this list in step with it).
//!
//! - `cargo xtask serve`: install what is missing, build the release bundle,
//!   print its sizes and serve the demo page on http://127.0.0.1:8080.
//! - `cargo xtask test [--engines LIST]`: install what is missing (browsers
//!   too), then fmt, clippy, native tests, browser tests (wasm-bindgen-test
//!   in headless Chromium) and the end-to-end test of the served page.
//! - `cargo xtask build`: the release bundle in `dist/`, with its sizes.
//! - `cargo xtask e2e [--engines LIST]`: only the end-to-end test
//!   (`crates/e2e`; builds the bundle first).
//! - `cargo xtask bench`: extraction time natively and in headless Chromium,
//!   and the comparison with TimelineJS + Leaflet, written to
//!   `target/bench/report.json` and `report.md`.
//! - `cargo xtask corpus [--extra DIR] [--held-out-misses]`: the
//!   extractor's precision and recall on the test articles, per kind of
//!   fact and per language.
//! - `cargo xtask publish ARTICLE.txt|STORY.json --out DIR [--meta META] …`:
//!   a story's publish kit (the `kuril-publish` command line,
//!   `crates/publish`).
//! - `cargo xtask story`: extract the bundled article natively and pack its
//!   story into `data/story/` (the build does it too).
//! - `cargo xtask geodata`: regenerate `data/map/kurils.map` from the source
//!   land polygons.
//! - `cargo xtask fallback`: render the widget at build time into the
//!   pages' mount points and `embed/fallback.html` (the build does it too).
//! - `cargo xtask hostile`: regenerate the corpus of hostile inputs in
//!   `tests/hostile/`.
//! - `cargo xtask labels`: regenerate `data/map/labels.tsv` (the map's
//!   labels and tap targets laid out in every language).
//! - `cargo xtask sources`: regenerate `docs/sources.md` (where every fact
//!   the widget adds comes from, and how its wording is chosen).
//! - `cargo xtask setup [--browsers]`: only the installs.
//! - `cargo xtask help`: this list.

mod bench;
mod bundle;
mod cmd;
mod compare;
mod corpus;
mod fallback;
mod geodata;
mod hostile;
mod labels;
mod layers;
mod profile;
mod sizes;
mod sources;
mod story;
mod studio_bench;
mod tools;

use cmd::{root, run, step, Result};
use kuril_e2e::{engines::Engine, server};
use std::process::{Command, ExitCode};
use tools::Tools;

/// One command: its name, the synopsis of its arguments, what it does (one
/// line), and what runs it, given the arguments after its name.
struct Cmd {
    name: &'static str,
    args: &'static str,
    help: &'static str,
    run: fn(&[String]) -> Result,
}

/// Every command, in the order the usage text lists them.
#[rustfmt::skip]
const COMMANDS: &[Cmd] = &[
    Cmd { name: "serve", args: "", help: "build the release bundle and serve the demo page on http://127.0.0.1:8080 ($KURIL_ADDR)", run: serve },
    Cmd { name: "test", args: "[--engines LIST]", help: "fmt, clippy, native, browser and end-to-end tests", run: test },
    Cmd { name: "build", args: "", help: "the release bundle in dist/, with its sizes", run: build },
    Cmd { name: "e2e", args: "[--engines LIST]", help: "the end-to-end test only (KURIL_E2E_BUILT=1: dist/ as it is; KURIL_CHECKS=word,…)", run: e2e },
    Cmd { name: "bench", args: "", help: "extraction time and the comparison with TimelineJS + Leaflet, to target/bench/", run: |_| bench::measure() },
    Cmd { name: "corpus", args: "[--extra DIR] [--held-out-misses]", help: "the extractor's precision and recall on the test articles", run: corpus::print },
    Cmd { name: "publish", args: "ARTICLE.txt|STORY.json --out DIR [--meta META] …", help: "a story's publish kit (the kuril-publish command line)", run: publish },
    Cmd { name: "story", args: "", help: "pack the bundled article's story into data/story/", run: |_| story::write() },
    Cmd { name: "geodata", args: "", help: "regenerate data/map/kurils.map from the source land polygons", run: |_| geodata::generate() },
    Cmd { name: "fallback", args: "", help: "the build-time render of the pages and embed/fallback.html", run: |_| fallback::write() },
    Cmd { name: "hostile", args: "", help: "regenerate the corpus of hostile inputs in tests/hostile/", run: |_| hostile::write() },
    Cmd { name: "labels", args: "", help: "regenerate data/map/labels.tsv, the map's labels laid out", run: |_| labels::write() },
    Cmd { name: "sources", args: "", help: "regenerate docs/sources.md", run: |_| sources::write() },
    Cmd { name: "setup", args: "[--browsers]", help: "only the installs (the browsers too with --browsers)", run: setup },
    Cmd { name: "help", args: "", help: "this list", run: |_| { println!("{}", usage()); Ok(()) } },
];

/// The usage text: a line per command of [`COMMANDS`] (two for a long
/// synopsis).
fn usage() -> String {
    const WIDTH: usize = 40;
    let lines: Vec<String> = COMMANDS
        .iter()
        .map(|c| {
            let synopsis = format!("{} {}", c.name, c.args).trim_end().to_string();
            if synopsis.chars().count() < WIDTH {
                format!("  {synopsis:WIDTH$}{}", c.help)
            } else {
                format!("  {synopsis}\n  {:WIDTH$}{}", "", c.help)
            }
        })
        .collect();
    format!("usage: cargo xtask COMMAND\n\n{}", lines.join("\n"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = COMMANDS
        .iter()
        .find(|c| args.first().map(String::as_str) == Some(c.name))
    else {
        eprintln!("{}", usage());
        return ExitCode::from(2);
    };
    match (cmd.run)(&args[1..]) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nerror: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The value after `--name` in `args`, if any.
fn value(args: &[String], name: &str) -> Option<String> {
    let i = args.iter().position(|a| a == name)?;
    args.get(i + 1).cloned()
}

fn build(_: &[String]) -> Result {
    let t = Tools::new()?;
    t.ensure_build_tools()?;
    bundle::build(&t)
}

fn e2e(args: &[String]) -> Result {
    let t = Tools::new()?;
    t.ensure_build_tools()?;
    t.ensure_browsers()?;
    // KURIL_E2E_BUILT=1: the checks against dist/ as it is (while
    // working on the checks themselves).
    if std::env::var_os("KURIL_E2E_BUILT").is_none() {
        bundle::build(&t)?;
        bundle::build_panic_test(&t)?;
    }
    kuril_e2e::run(&engines(args)?)
}

fn setup(args: &[String]) -> Result {
    let t = Tools::new()?;
    t.ensure_build_tools()?;
    if args.iter().any(|a| a == "--browsers") {
        t.ensure_browsers()?;
    }
    Ok(())
}

/// `cargo xtask publish …`: the `kuril-publish` command line, built in
/// release mode, with these arguments.
fn publish(args: &[String]) -> Result {
    Tools::new()?.ensure_fonts()?;
    run(Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--release", "-p", "kuril-publish", "--"])
        .args(args))
}

fn serve(_: &[String]) -> Result {
    let tools = Tools::new()?;
    tools.ensure_build_tools()?;
    bundle::build(&tools)?;
    let addr = std::env::var("KURIL_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    step(&format!("serving dist/ on http://{addr}/ (Ctrl+C to stop)"));
    server::serve_forever(&addr, &root().join("dist"))
}

fn test(args: &[String]) -> Result {
    let tools = Tools::new()?;
    tools.ensure_build_tools()?;
    tools.ensure_browsers()?;
    let cargo = || {
        let mut c = Command::new(env!("CARGO"));
        c.env("PATH", tools.path_env());
        c
    };
    layers::check()?;
    step("format check");
    run(cargo().args(["fmt", "--all", "--check"]))?;
    step("clippy (native, all targets)");
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("clippy (wasm32: the widget, the newsroom module and the publish module)");
    run(cargo().args([
        "clippy",
        "--target",
        tools::WASM_TARGET,
        "-p",
        "kuril-widget",
        "-p",
        "kuril-newsroom",
        "-p",
        "kuril-publish",
        "--lib",
        "--bins",
        "--tests",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("native tests: unit, doc, layers, data checks and render tests (yew SSR)");
    run(cargo().args(["test", "--workspace"]))?;
    step("browser tests: wasm-bindgen-test in headless Chromium");
    run(cargo()
        .args(["test", "--target", tools::WASM_TARGET, "--test", "browser"])
        .env("CHROMEDRIVER", tools::chromedriver()))?;
    bundle::build(&tools)?;
    bundle::build_panic_test(&tools)?;
    kuril_e2e::run(&engines(args)?)
}

/// The engines for the end-to-end suite: `--engines a,b` or `KURIL_ENGINES`,
/// else all three.
fn engines(args: &[String]) -> Result<Vec<Engine>> {
    let list = value(args, "--engines").or_else(|| std::env::var("KURIL_ENGINES").ok());
    Engine::select(list.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module doc lists every command of the table, with its
    /// synopsis, in the table's order.
    #[test]
    fn the_doc_lists_the_table() {
        let doc: String = include_str!("main.rs")
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| l.trim_start_matches("//!").trim())
            .collect::<Vec<_>>()
            .join(" ");
        let mut at = 0;
        for c in COMMANDS {
            let synopsis = format!("{} {}", c.name, c.args);
            let entry = format!("- `cargo xtask {}`", synopsis.trim_end());
            let Some(i) = doc[at..].find(&entry) else {
                panic!("the module doc lacks {entry} after byte {at}");
            };
            at += i + entry.len();
        }
    }

    #[test]
    fn usage_has_a_line_per_command() {
        let text = usage();
        for c in COMMANDS {
            let at = text.find(&format!("\n  {} {}", c.name, c.args).trim_end().to_string());
            let help = text
                .find(&format!(" {}\n", c.help))
                .or(text.find(&format!(" {}", c.help)));
            assert!(at.is_some() && help > at, "{}: {text}", c.name);
        }
        let e2e = text
            .lines()
            .find(|l| l.trim_start().starts_with("e2e "))
            .unwrap();
        assert!(
            e2e.contains("[--engines LIST]") && e2e.contains("KURIL_E2E_BUILT"),
            "{text}"
        );
        let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "a name twice: {names:?}");
    }

    #[test]
    fn a_flag_value_is_the_next_argument() {
        let args: Vec<String> = ["--engines", "webkit"].map(String::from).to_vec();
        assert_eq!(value(&args, "--engines").as_deref(), Some("webkit"));
        assert_eq!(value(&args[..1], "--engines"), None);
        assert_eq!(engines(&args).unwrap(), [Engine::WebKit]);
    }
}
