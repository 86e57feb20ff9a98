//! End-to-end test: serves the release bundle from 127.0.0.1, loads the demo
//! page in each engine over WebDriver and checks what a reader sees and can
//! do. Saves screenshots of the widget to `docs/` (Chromium's).
//!
//! The runner is this file; the checks are in `reader.rs`, `embeds.rs`,
//! `scenarios.rs`, `safety.rs`, `a11y.rs`, `phone.rs`, `publish.rs` and
//! `studio/`,
//! made of the parts in `check.rs`; the scripts they run in the page are
//! in `js/`.

mod a11y;
mod check;
mod embeds;
mod phone;
mod publish;
mod reader;
mod safety;
mod scenarios;
mod studio;

use crate::engines::Engine;
use crate::server;
use crate::{root, step, Result};
use check::save_widget_screenshot;
use std::time::Duration;

/// Runs every check in one engine; the number that passed and failed.
fn run_in(engine: Engine, addr: &str) -> Result<(usize, usize)> {
    step(&format!(
        "end-to-end: demo page in {} over WebDriver",
        engine.name()
    ));
    let browser = engine.start()?;
    let session = browser.session();
    session.goto(&format!("http://{addr}/"))?;
    // Hydrated (or rendered): from then on it answers input.
    let widget = session.wait_for(
        ".kw-mount [data-kw-live] .kw-map path[data-place]",
        Duration::from_secs(30),
    );
    if let Err(e) = widget {
        let text = session.script("return document.body.innerText")?;
        return Err(format!("the widget did not render: {e}; page text: {text}").into());
    }
    save_widget_screenshot(session, engine, "screenshot.png")?;
    let (mut passed, mut failed) = (0, 0);
    // KURIL_CHECKS=word,word runs only the checks whose names hold a word.
    let only = std::env::var("KURIL_CHECKS").unwrap_or_default();
    let chosen = |name: &str| only.is_empty() || only.split(',').any(|w| name.contains(w));
    let all = reader::CHECKS
        .iter()
        .chain(embeds::CHECKS)
        .chain(scenarios::CHECKS)
        .chain(safety::CHECKS)
        .chain(a11y::CHECKS)
        .chain(phone::CHECKS)
        .chain(publish::CHECKS)
        .chain(studio::CHECKS);
    for (name, check) in all.filter(|(name, _)| chosen(name)) {
        match check(session, engine) {
            Ok(()) => {
                passed += 1;
                println!("ok [{}]: {name}", engine.name());
            }
            Err(e) => {
                failed += 1;
                println!("FAILED [{}]: {name}: {e}", engine.name());
            }
        }
    }
    Ok((passed, failed))
}

/// Runs every check against the bundle in `dist/`, in each of `engines`.
/// An engine that cannot start counts as a failure.
pub fn run(engines: &[Engine]) -> Result {
    step("publish kits for the checks (target/kits/)");
    crate::kits::make()?;
    let addr = server::spawn_for_tests("127.0.0.1:0", &root().join("dist"))?;
    let mut summary = Vec::new();
    let mut failures = 0;
    for &engine in engines {
        match run_in(engine, &addr.to_string()) {
            Ok((passed, failed)) => {
                failures += failed;
                summary.push(format!(
                    "{}: {passed} passed, {failed} failed",
                    engine.name()
                ));
            }
            Err(e) => {
                failures += 1;
                println!("FAILED [{}]: {e}", engine.name());
                summary.push(format!("{}: did not run: {e}", engine.name()));
            }
        }
    }
    println!("\ne2e: {}", summary.join("; "));
    if failures > 0 {
        return Err(format!("{failures} end-to-end failure(s)").into());
    }
    Ok(())
}
