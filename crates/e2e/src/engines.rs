//! The three browser engines the end-to-end suite runs in, each driven over
//! W3C WebDriver by its own driver: Chromium (ChromeDriver), Firefox ESR
//! (geckodriver) and WebKitGTK (WebKitWebDriver with MiniBrowser, under
//! `xvfb-run`). All run headless: Chromium and Firefox by their own flag,
//! MiniBrowser on a virtual X display.

use crate::installed;
use crate::webdriver::Session;
use crate::Result;
use serde_json::{json, Value};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A browser engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    pub fn parse(s: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.name() == s.trim())
    }

    /// The engines named in `list` ("chromium,firefox"); every engine for
    /// `None`. An unknown name is an error, not a silent skip.
    pub fn select(list: Option<&str>) -> Result<Vec<Engine>> {
        let Some(list) = list else {
            return Ok(Engine::ALL.to_vec());
        };
        list.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(|s| Engine::parse(s).ok_or_else(|| format!("unknown engine '{s}'").into()))
            .collect()
    }

    /// The driver's command line, listening on `port`.
    fn driver(self, port: u16) -> Command {
        match self {
            Engine::Chromium => {
                let mut c = Command::new(installed::CHROMEDRIVER);
                c.arg(format!("--port={port}"));
                c
            }
            Engine::Firefox => {
                let bin = installed::bin().unwrap_or_default();
                let mut c = Command::new(bin.join("geckodriver"));
                c.args(["--host", "127.0.0.1", "--port", &port.to_string()]);
                c
            }
            Engine::WebKit => {
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "-s", "-screen 0 1600x2600x24", "WebKitWebDriver"])
                    .arg(format!("--port={port}"));
                c
            }
        }
    }

    /// What the session asks for: the Debian browser binary, headless, with
    /// every background connection off (the machine has no network).
    fn capabilities(self, profile: &Path) -> Value {
        match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": installed::CHROMIUM,
                    "args": [
                        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--disable-quic", "--hide-scrollbars",
                        "--window-size=1280,2600",
                        format!("--user-data-dir={}", profile.display()),
                    ]
                }
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": installed::FIREFOX,
                    "args": ["-headless"],
                    "prefs": {
                        "app.update.enabled": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "toolkit.telemetry.enabled": false,
                        "ui.systemUsesDarkTheme": 0
                    }
                }
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": installed::MINIBROWSER,
                    "args": ["--automation"]
                }
            }),
        }
    }

    /// Starts the driver and one session at a 1280 × 2600 window.
    pub fn start(self) -> Result<Browser> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut cmd = self.driver(port);
        // Its own process group, so xvfb-run's children go with it.
        let child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("{} driver {cmd:?}: {e}", self.name()))?;
        let driver = Driver(child);
        let url = format!("http://127.0.0.1:{port}");
        let start = Instant::now();
        while ureq::get(&format!("{url}/status")).call().is_err() {
            if start.elapsed() > Duration::from_secs(30) {
                return Err(format!("the {} driver did not start", self.name()).into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile =
            std::env::temp_dir().join(format!("kw-{}-{}-{port}", self.name(), std::process::id()));
        let session = Session::start(&url, self.capabilities(&profile))
            .map_err(|e| format!("{}: no session: {e}", self.name()))?;
        // Tall enough for a screenshot of the whole widget, and never
        // resized: headless Firefox misplaces clicks after its window
        // shrinks.
        session.set_window(1280, 2600)?;
        session.set_script_timeout(Duration::from_secs(300))?;
        Ok(Browser {
            session: Some(session),
            profile,
            _driver: driver,
        })
    }
}

/// Kills the driver's process group when dropped, however the test ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            // `--`: without it, kill may read the negative group id as an
            // option, and `-1` would signal every process.
            .args(["-TERM", "--", &format!("-{}", self.0.id())])
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A running browser: its session, profile folder and driver.
pub struct Browser {
    session: Option<Session>,
    profile: PathBuf,
    _driver: Driver,
}

impl Browser {
    pub fn session(&self) -> &Session {
        self.session.as_ref().expect("the session lives until drop")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(s) = self.session.take() {
            let _ = s.quit();
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engines_are_chosen_by_name() {
        assert_eq!(Engine::select(None).unwrap(), Engine::ALL.to_vec());
        assert_eq!(
            Engine::select(Some("webkit, chromium")).unwrap(),
            vec![Engine::WebKit, Engine::Chromium]
        );
        assert!(Engine::select(Some("chromium,safari")).is_err());
    }
}
