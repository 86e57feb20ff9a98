//! A minimal W3C WebDriver client over HTTP: just what the end-to-end test
//! uses (sessions, navigation, elements, keys, script, screenshots).

use crate::Result;
use base64::Engine;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The W3C element reference key.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Keys as WebDriver code points.
pub const ARROW_RIGHT: &str = "\u{E014}";
pub const ARROW_LEFT: &str = "\u{E012}";
pub const HOME: &str = "\u{E011}";
pub const END: &str = "\u{E010}";
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";

/// One browser session.
pub struct Session {
    base: String,
}

fn call(method: &str, url: &str, body: Option<Value>) -> Result<Value> {
    let req = ureq::request(method, url).timeout(Duration::from_secs(300));
    let resp = match body {
        Some(b) => req
            .set("Content-Type", "application/json")
            .send_string(&b.to_string()),
        None => req.call(),
    };
    let text = match resp {
        Ok(r) => r.into_string()?,
        Err(ureq::Error::Status(code, r)) => {
            let t = r.into_string().unwrap_or_default();
            return Err(format!(
                "webdriver {method} {url}: HTTP {code}: {}",
                &t[..t.len().min(400)]
            )
            .into());
        }
        Err(e) => return Err(format!("webdriver {method} {url}: {e}").into()),
    };
    let v: Value = serde_json::from_str(&text)?;
    Ok(v.get("value").cloned().unwrap_or(Value::Null))
}

/// A reference to an element in the page.
#[derive(Clone, Debug)]
pub struct Element(pub String);

impl Session {
    /// Starts a session on the driver at `driver` (e.g. `http://127.0.0.1:9515`).
    pub fn start(driver: &str, capabilities: Value) -> Result<Session> {
        let v = call(
            "POST",
            &format!("{driver}/session"),
            Some(json!({ "capabilities": { "alwaysMatch": capabilities } })),
        )?;
        let id = v["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {v}"))?;
        Ok(Session {
            base: format!("{driver}/session/{id}"),
        })
    }

    fn post(&self, path: &str, body: Value) -> Result<Value> {
        call("POST", &format!("{}{path}", self.base), Some(body))
    }

    fn get(&self, path: &str) -> Result<Value> {
        call("GET", &format!("{}{path}", self.base), None)
    }

    pub fn goto(&self, url: &str) -> Result {
        self.post("/url", json!({ "url": url })).map(drop)
    }

    /// Every element matching a CSS selector, in document order.
    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let v = self.post(
            "/elements",
            json!({ "using": "css selector", "value": css }),
        )?;
        Ok(v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e[ELEMENT].as_str().map(|s| Element(s.to_string())))
            .collect())
    }

    /// The first element matching `css`, waiting up to `timeout` for it.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Result<Element> {
        let start = Instant::now();
        loop {
            if let Some(e) = self.find_all(css)?.into_iter().next() {
                return Ok(e);
            }
            if start.elapsed() > timeout {
                return Err(format!("no element matches '{css}' after {timeout:?}").into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn text(&self, e: &Element) -> Result<String> {
        Ok(self
            .get(&format!("/element/{}/text", e.0))?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    pub fn attr(&self, e: &Element, name: &str) -> Result<Option<String>> {
        Ok(self
            .get(&format!("/element/{}/attribute/{name}", e.0))?
            .as_str()
            .map(String::from))
    }

    pub fn click(&self, e: &Element) -> Result {
        self.post(&format!("/element/{}/click", e.0), json!({}))
            .map(drop)
    }

    /// Types into the element (it gets focus first).
    pub fn send_keys(&self, e: &Element, keys: &str) -> Result {
        self.post(&format!("/element/{}/value", e.0), json!({ "text": keys }))
            .map(drop)
    }

    /// Runs a script in the page and returns its value.
    pub fn script(&self, source: &str) -> Result<Value> {
        self.script_with(source, &[])
    }

    /// Runs a script given `args` (JSON values, its `arguments[0]`…) and
    /// returns its value.
    pub fn script_with(&self, source: &str, args: &[Value]) -> Result<Value> {
        self.post("/execute/sync", json!({ "script": source, "args": args }))
    }

    /// Runs an asynchronous script: its last argument is the callback
    /// that returns the value.
    pub fn script_async(&self, source: &str) -> Result<Value> {
        self.script_async_with(source, &[])
    }

    /// [`Session::script_async`] given `args` before the callback.
    pub fn script_async_with(&self, source: &str, args: &[Value]) -> Result<Value> {
        self.post("/execute/async", json!({ "script": source, "args": args }))
    }

    /// Presses `keys` in order (each down then up) wherever focus is, as a
    /// keyboard would, without choosing an element first.
    pub fn press(&self, keys: &[&str]) -> Result {
        let actions: Vec<Value> = keys
            .iter()
            .flat_map(|k| {
                [
                    json!({"type": "keyDown", "value": k}),
                    json!({"type": "keyUp", "value": k}),
                ]
            })
            .collect();
        self.post(
            "/actions",
            json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        )?;
        call("DELETE", &format!("{}/actions", self.base), None).map(drop)
    }

    /// Drags the mouse from the centre of the element `css` selects by
    /// (`dx`, `dy`) pixels; (0, 0) is a plain click there. It aims at a
    /// point of the viewport, as a mouse does: WebKit refuses SVG shapes as
    /// an action's origin ("not interactable").
    pub fn drag(&self, css: &str, dx: i64, dy: i64) -> Result {
        // A point where the element is on top (its centre, or the nearest
        // point of a grid over its box).
        let at = self.script_with(include_str!("js/drag-point.js"), &[json!(css)])?;
        let (x, y) = (at[0].as_i64().unwrap_or(0), at[1].as_i64().unwrap_or(0));
        let actions = json!([
            {"type": "pointerMove", "origin": "viewport", "x": x, "y": y},
            {"type": "pointerDown", "button": 0},
            {"type": "pointerMove", "origin": "viewport", "x": x + dx / 2, "y": y + dy / 2, "duration": 50},
            {"type": "pointerMove", "origin": "viewport", "x": x + dx, "y": y + dy, "duration": 50},
            {"type": "pointerUp", "button": 0}
        ]);
        self.post(
            "/actions",
            json!({ "actions": [{ "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": actions }] }),
        )?;
        call("DELETE", &format!("{}/actions", self.base), None).map(drop)
    }

    /// Taps the viewport point (`x`, `y`) with a finger (a touch pointer),
    /// or with the mouse where the engine has no touch actions; says which.
    pub fn tap(&self, x: i64, y: i64) -> Result<&'static str> {
        let actions = json!([
            {"type": "pointerMove", "origin": "viewport", "x": x, "y": y},
            {"type": "pointerDown", "button": 0},
            {"type": "pause", "duration": 60},
            {"type": "pointerUp", "button": 0}
        ]);
        let mut how = "touch";
        for kind in ["touch", "mouse"] {
            how = kind;
            let sent = self.post(
                "/actions",
                json!({ "actions": [{ "type": "pointer", "id": kind, "parameters": {"pointerType": kind}, "actions": actions }] }),
            );
            call("DELETE", &format!("{}/actions", self.base), None)?;
            match sent {
                Ok(_) => break,
                Err(e) if kind == "mouse" => return Err(e),
                Err(_) => {}
            }
        }
        Ok(how)
    }

    /// The element's role and accessible name as the engine's
    /// accessibility tree computes them.
    pub fn accessible(&self, e: &Element) -> Result<(String, String)> {
        let get = |what: &str| -> Result<String> {
            Ok(self
                .get(&format!("/element/{}/{what}", e.0))?
                .as_str()
                .unwrap_or_default()
                .to_string())
        };
        Ok((get("computedrole")?, get("computedlabel")?))
    }

    /// Runs `source` (a function body that returns a value) until it
    /// returns something other than `null`, `false` or `""`, or `timeout`.
    pub fn wait_script(&self, source: &str, timeout: Duration) -> Result<Value> {
        self.wait_script_with(source, &[], timeout)
    }

    /// [`Session::wait_script`] given `args`.
    pub fn wait_script_with(
        &self,
        source: &str,
        args: &[Value],
        timeout: Duration,
    ) -> Result<Value> {
        let end = std::time::Instant::now() + timeout;
        loop {
            let v = self.script_with(source, args)?;
            let empty = v.is_null() || v == false || v == "";
            if !empty {
                return Ok(v);
            }
            if std::time::Instant::now() > end {
                let args = serde_json::to_string(args)?;
                return Err(format!("timed out waiting for: {source} (given {args})").into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A Chrome DevTools Protocol command, through ChromeDriver.
    pub fn cdp(&self, cmd: &str, params: Value) -> Result<Value> {
        self.post("/goog/cdp/execute", json!({ "cmd": cmd, "params": params }))
    }

    /// How long an asynchronous script may run.
    pub fn set_script_timeout(&self, d: Duration) -> Result {
        self.post("/timeouts", json!({ "script": d.as_millis() as u64 }))
            .map(drop)
    }

    pub fn set_window(&self, width: u32, height: u32) -> Result {
        self.post("/window/rect", json!({ "width": width, "height": height }))
            .map(drop)
    }

    /// A PNG of the element (or the whole viewport with `None`).
    pub fn screenshot(&self, e: Option<&Element>) -> Result<Vec<u8>> {
        let path = match e {
            Some(e) => format!("/element/{}/screenshot", e.0),
            None => "/screenshot".to_string(),
        };
        let b64 = self.get(&path)?;
        Ok(base64::engine::general_purpose::STANDARD.decode(b64.as_str().unwrap_or_default())?)
    }

    pub fn quit(self) -> Result {
        call("DELETE", &self.base, None).map(drop)
    }
}
