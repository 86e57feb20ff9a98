//! The end-to-end suite of kuril-widget: serves the release bundle from
//! 127.0.0.1, loads its pages in Chromium, Firefox and WebKit over
//! WebDriver and checks what a reader, a host page and a newsroom see and
//! can do (`cargo xtask e2e`, and last in `cargo xtask test`).
//!
//! - [`checks`]: the runner and the checks, their page scripts in `js/`.
//! - [`engines`]: the three browsers and their drivers, at the paths of
//!   [`installed`]; [`webdriver`]: a minimal W3C WebDriver client.
//! - [`server`]: the loopback static server of the demo and the checks.
//! - [`kits`]: the publish kits the checks and the bench read;
//!   [`hostile`]: what the widget must do with each hostile input.
//!
//! xtask depends on this crate (its bench, `serve` and the commands above),
//! never the other way: what the suite needs from the build (the bundle in
//! `dist/`, the installed browsers) it finds at the paths below.

pub mod checks;
pub mod engines;
pub mod hostile;
pub mod installed;
pub mod kits;
pub mod server;
pub mod webdriver;

pub use checks::run;
use std::path::PathBuf;

/// The error type of the suite, and of xtask's commands.
pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The workspace root (two folders above this crate's).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the e2e crate lives in crates/ of the workspace")
        .to_path_buf()
}

/// Prints a step heading.
pub fn step(what: &str) {
    println!("\n==> {what}");
}
