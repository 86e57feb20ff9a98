//! The tools the build and the tests need, their pinned versions, and their
//! installation into a cache (`$KURIL_CACHE`, else `~/.cache/kuril-widget`).
//! Each install is skipped when the right version is already there.

use crate::cmd::{root, run, step, Result};
// Where the engines are is the suite's to say; this file installs them.
use kuril_e2e::installed::{self, CHROMEDRIVER, CHROMIUM, FIREFOX};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every pinned tool version, in one place. wasm-bindgen-cli's version is
/// not here: it must equal the `wasm-bindgen` crate in Cargo.lock.
pub const TRUNK: &str = "0.21.14";
/// binaryen from npm: Debian's is too old for current rustc output.
pub const BINARYEN_NPM: &str = "132.0.0";
/// esbuild from npm: minifies the reader's scripts and styles in `dist/`
/// (the sources in `embed/` and `styles/` stay as written).
pub const ESBUILD_NPM: &str = "0.25.0";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// npm packages for the tests and the benchmark, installed into the cache:
/// axe-core for the accessibility checks; TimelineJS and Leaflet for the
/// reference page the benchmark compares the widget with.
pub const NPM_TEST_PACKAGES: &[&str] = &[
    "axe-core@4.14.1",
    "@knight-lab/timelinejs@3.9.11",
    "leaflet@1.9.4",
];
/// twiggy, from crates.io: the benchmark's wasm size by crate and function.
pub const TWIGGY: &str = "0.8.0";
/// geckodriver, from crates.io, drives Debian's Firefox ESR.
pub const GECKODRIVER: &str = "0.37.1";
/// Debian packages for the browser tests: the three engines and their
/// drivers (geckodriver aside), a virtual display for WebKitGTK, and
/// Japanese fonts so screenshots show the islands' Japanese names (and the
/// publish kit's card has them: last, see `ensure_fonts`).
pub const BROWSER_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "firefox-esr",
    "webkit2gtk-driver",
    "xvfb",
    "fonts-noto-cjk",
];
/// A file of each package above, in the same order, to tell whether it is
/// installed.
const PACKAGE_FILES: &[&str] = &[
    CHROMIUM,
    CHROMEDRIVER,
    FIREFOX,
    "/usr/bin/WebKitWebDriver",
    "/usr/bin/xvfb-run",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
];
/// Debian's Chromium binary and its driver.
pub fn chromium() -> &'static str {
    CHROMIUM
}
pub fn chromedriver() -> &'static str {
    CHROMEDRIVER
}

/// The tool cache.
pub struct Tools {
    pub cache: PathBuf,
}

/// What `cmd --version` prints, or `None` if it does not run.
fn version_of(cmd: &Path) -> Option<String> {
    let out = Command::new(cmd).arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The version of a package in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let at = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    Ok(lock[at..].split('"').next().unwrap_or_default().to_string())
}

impl Tools {
    pub fn new() -> Result<Tools> {
        let cache = installed::cache()?;
        Ok(Tools { cache })
    }

    /// Where `cargo install --root` puts binaries.
    pub fn bin(&self) -> PathBuf {
        self.cache.join("tools/bin")
    }

    /// Where npm puts the packages installed into the cache.
    pub fn node_modules(&self) -> PathBuf {
        self.cache.join("node/node_modules")
    }

    /// Installs the npm packages in `packages` ("name@version") that the
    /// cache lacks at that version.
    pub fn ensure_npm(&self, packages: &[&str]) -> Result {
        let missing: Vec<&str> = packages
            .iter()
            .copied()
            .filter(|p| {
                let (name, version) = p.rsplit_once('@').unwrap_or((p, ""));
                let manifest = self.node_modules().join(name).join("package.json");
                let text = std::fs::read_to_string(manifest).unwrap_or_default();
                !text.contains(&format!("\"version\": \"{version}\""))
            })
            .collect();
        if missing.is_empty() {
            println!("ok: {}", packages.join(", "));
            return Ok(());
        }
        let prefix = self.cache.join("node");
        std::fs::create_dir_all(&prefix)?;
        run(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .args(&missing))
    }

    /// Where npm puts binaries of the packages installed into the cache.
    pub fn node_bin(&self) -> PathBuf {
        self.cache.join("node/node_modules/.bin")
    }

    /// `PATH` with the cache's tools first, for every child process.
    pub fn path_env(&self) -> OsString {
        let mut paths = vec![self.bin(), self.node_bin()];
        paths.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        std::env::join_paths(paths).expect("cache paths have no separator")
    }

    /// The wasm target, Trunk, wasm-bindgen-cli and wasm-opt.
    pub fn ensure_build_tools(&self) -> Result {
        step("tools for the wasm build");
        let targets = Command::new("rustup")
            .args(["target", "list", "--installed"])
            .output()?;
        if String::from_utf8_lossy(&targets.stdout)
            .lines()
            .any(|l| l.trim() == WASM_TARGET)
        {
            println!("ok: rust target {WASM_TARGET}");
        } else {
            run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
        }
        self.cargo_install("trunk", TRUNK, &format!("trunk {TRUNK}"), true)?;
        let wb = locked_version("wasm-bindgen")?;
        // Not --locked: a dependency in its lock file is no longer on crates.io.
        self.cargo_install(
            "wasm-bindgen-cli",
            &wb,
            &format!("wasm-bindgen {wb}"),
            false,
        )?;
        self.ensure_npm(&[
            &format!("binaryen@{BINARYEN_NPM}"),
            &format!("esbuild@{ESBUILD_NPM}"),
        ])
    }

    fn cargo_install(&self, krate: &str, version: &str, expect: &str, locked: bool) -> Result {
        let bin_name = if krate == "wasm-bindgen-cli" {
            "wasm-bindgen"
        } else {
            krate
        };
        match version_of(&self.bin().join(bin_name)) {
            Some(v) if v.starts_with(expect) => {
                println!("ok: {v}");
                return Ok(());
            }
            other => println!(
                "installing {krate} {version} (found: {})",
                other.as_deref().unwrap_or("none")
            ),
        }
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["install", krate, "--version", version, "--root"])
            .arg(self.cache.join("tools"));
        if locked {
            cmd.arg("--locked");
        }
        run(&mut cmd)
    }

    /// twiggy, for the benchmark's size report.
    pub fn ensure_twiggy(&self) -> Result {
        self.cargo_install("twiggy", TWIGGY, &format!("twiggy {TWIGGY}"), true)
    }

    /// The Debian packages of `packages` whose file (same order in
    /// `files`) is missing, installed.
    fn ensure_debian(packages: &[&str], files: &[&str]) -> Result {
        let missing: Vec<&str> = packages
            .iter()
            .zip(files)
            .filter(|(_, file)| !Path::new(file).exists())
            .map(|(package, _)| *package)
            .collect();
        if missing.is_empty() {
            println!("ok: {}", packages.join(", "));
            return Ok(());
        }
        run(Command::new("apt-get").args(["update", "-qq"]))?;
        run(Command::new("apt-get")
            .args(["install", "-y", "-qq"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"))
    }

    /// The fonts the publish kit's card is drawn with on the command line
    /// (Latin, Cyrillic and Japanese: Noto Sans CJK).
    pub fn ensure_fonts(&self) -> Result {
        step("fonts for the publish kit's card");
        let at = BROWSER_PACKAGES.len() - 1;
        Tools::ensure_debian(&BROWSER_PACKAGES[at..], &PACKAGE_FILES[at..])
    }

    /// The three engines and their drivers (Debian's, and geckodriver from
    /// crates.io), Xvfb, and Japanese fonts.
    pub fn ensure_browsers(&self) -> Result {
        step("browsers for the tests");
        Tools::ensure_debian(BROWSER_PACKAGES, PACKAGE_FILES)?;
        self.cargo_install(
            "geckodriver",
            GECKODRIVER,
            &format!("geckodriver {GECKODRIVER}"),
            false,
        )?;
        self.ensure_npm(NPM_TEST_PACKAGES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_asks_for_the_wasm_opt_we_install() {
        let trunk = std::fs::read_to_string(root().join("Trunk.toml")).unwrap();
        let major = BINARYEN_NPM.split('.').next().unwrap();
        assert!(
            trunk.contains(&format!("wasm_opt = \"version_{major}\"")),
            "Trunk.toml and BINARYEN_NPM disagree"
        );
    }

    #[test]
    fn reads_versions_from_the_lock_file() {
        let v = locked_version("wasm-bindgen").unwrap();
        let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={v}\"")),
            "lock {v} vs Cargo.toml pin"
        );
        assert!(locked_version("no-such-crate").is_err());
    }
}
