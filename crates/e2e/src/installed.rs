//! Where the browsers, drivers and scripts the suite drives are installed:
//! Debian's packages at fixed paths, geckodriver and axe-core in the tool
//! cache (`$KURIL_CACHE`, else `~/.cache/kuril-widget`). `cargo xtask
//! setup --browsers` installs them there (xtask's `tools.rs`).

use crate::Result;
use std::path::PathBuf;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// WebKitGTK's test browser, which WebKitWebDriver drives.
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// The tool cache (created if missing).
pub fn cache() -> Result<PathBuf> {
    let cache = match std::env::var_os("KURIL_CACHE") {
        Some(c) => PathBuf::from(c),
        None => PathBuf::from(std::env::var_os("HOME").ok_or("HOME is not set")?)
            .join(".cache/kuril-widget"),
    };
    std::fs::create_dir_all(&cache)?;
    Ok(cache)
}

/// Where `cargo install --root` puts binaries in the cache.
pub fn bin() -> Result<PathBuf> {
    Ok(cache()?.join("tools/bin"))
}

/// Where npm puts the packages installed into the cache.
pub fn node_modules() -> Result<PathBuf> {
    Ok(cache()?.join("node/node_modules"))
}

/// axe-core's script, for injecting into a page.
pub fn axe_core() -> Result<PathBuf> {
    Ok(node_modules()?.join("axe-core/axe.min.js"))
}
