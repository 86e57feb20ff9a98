//! `cargo xtask`: the project's set-up, build, serve, test and data commands.
//!
//! - `cargo xtask serve`: install what is missing, build the release bundle,
//!   print its sizes and serve the demo page on http://127.0.0.1:8080.
//! - `cargo xtask test`: install what is missing (browsers too), then fmt,
//!   clippy, native tests, browser tests (wasm-bindgen-test in headless
//!   Chromium) and the end-to-end test of the served page.
//! - `cargo xtask build`: the release bundle in `dist/`, with its sizes.
//! - `cargo xtask e2e`: only the end-to-end test (builds the bundle first).
//! - `cargo xtask bench`: extraction time natively and in headless Chromium,
//!   and the comparison with TimelineJS + Leaflet, written to
//!   `target/bench/report.json` and `report.md`.
//! - `cargo xtask corpus`: the extractor's precision and recall on the
//!   test articles, per kind of fact and per language.
//! - `cargo xtask publish ARTICLE.txt|STORY.json --out DIR [--meta META]
//!   [--base URL] [--url URL] [--lang L] [--start-at ID] …`: a story's
//!   publish kit (the `kuril-publish` command line, `crates/publish`).
//! - `cargo xtask story`: extract the bundled article natively and pack its
//!   story into `data/story/` (the build does it too).
//! - `cargo xtask geodata`: regenerate `data/map/kurils.map` from the source
//!   land polygons.
//! - `cargo xtask hostile`: regenerate the corpus of hostile inputs in
//!   `tests/hostile/`.
//! - `cargo xtask sources`: regenerate `docs/sources.md` (where every fact
//!   the widget adds comes from, and how its wording is chosen).
//! - `cargo xtask fallback`: render the widget at build time into the
//!   pages' mount points and `embed/fallback.html` (the build does it too).
//! - `cargo xtask setup [--browsers]`: only the installs.

mod bench;
mod bundle;
mod cmd;
mod compare;
mod corpus;
mod fallback;
mod geodata;
mod hostile;
mod layers;
mod profile;
mod sizes;
mod sources;
mod story;
mod studio_bench;
mod tools;

use cmd::{root, run, step, Result};
use kuril_e2e::{engines, server};
use std::process::{Command, ExitCode};

const USAGE: &str =
    "usage: cargo xtask <serve|test [--engines LIST]|build|e2e [--engines LIST]|bench|corpus [--extra DIR]|publish ARGS|story|geodata|fallback|hostile|sources|setup [--browsers]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(&args),
        Some("build") => tools::Tools::new().and_then(|t| {
            t.ensure_build_tools()?;
            bundle::build(&t)
        }),
        Some("e2e") => tools::Tools::new().and_then(|t| {
            t.ensure_build_tools()?;
            t.ensure_browsers()?;
            // KURIL_E2E_BUILT=1: the checks against dist/ as it is (while
            // working on the checks themselves).
            if std::env::var_os("KURIL_E2E_BUILT").is_none() {
                bundle::build(&t)?;
                bundle::build_panic_test(&t)?;
            }
            kuril_e2e::run(&engines(&args)?)
        }),
        Some("publish") => tools::Tools::new().and_then(|t| {
            t.ensure_fonts()?;
            publish(&args[1..])
        }),
        Some("story") => story::write(),
        Some("geodata") => geodata::generate(),
        Some("fallback") => fallback::write(),
        Some("hostile") => hostile::write(),
        Some("sources") => sources::write(),
        Some("bench") => bench::measure(),
        Some("corpus") => corpus::print(&args[1..]),
        Some("setup") => tools::Tools::new().and_then(|t| {
            t.ensure_build_tools()?;
            if args.iter().any(|a| a == "--browsers") {
                t.ensure_browsers()?;
            }
            Ok(())
        }),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nerror: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask publish …`: the `kuril-publish` command line, built in
/// release mode, with these arguments.
fn publish(args: &[String]) -> Result {
    run(Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--release", "-p", "kuril-publish", "--"])
        .args(args))
}

fn serve() -> Result {
    let tools = tools::Tools::new()?;
    tools.ensure_build_tools()?;
    bundle::build(&tools)?;
    let addr = std::env::var("KURIL_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    step(&format!("serving dist/ on http://{addr}/ (Ctrl+C to stop)"));
    server::serve_forever(&addr, &root().join("dist"))
}

fn test(args: &[String]) -> Result {
    let tools = tools::Tools::new()?;
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
fn engines(args: &[String]) -> Result<Vec<engines::Engine>> {
    let flag = args
        .iter()
        .position(|a| a == "--engines")
        .and_then(|i| args.get(i + 1).cloned());
    engines::Engine::select(
        flag.or_else(|| std::env::var("KURIL_ENGINES").ok())
            .as_deref(),
    )
}
