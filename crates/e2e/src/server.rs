//! A small static file server for the demo page and the end-to-end test,
//! bound to loopback only.

use crate::Result;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("txt") => "text/plain; charset=utf-8",
        // A packed story: binary, and worth compressing (README).
        Some("kws") => "application/x-kuril-story",
        _ => "application/octet-stream",
    }
}

/// The file a request path names inside `dir`, refusing anything outside it.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next()?.trim_start_matches('/');
    let mut out = dir.to_path_buf();
    for c in Path::new(path).components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    out.is_file().then_some(out)
}

/// What the server serves.
#[derive(Clone)]
struct Site {
    dir: PathBuf,
    /// For the end-to-end test: `/__test/hostile/…` from `tests/hostile/`,
    /// `/__test/panic/…` from `target/e2e-panic/` (the test-panic build),
    /// `/__test/kits/…` from `target/kits/` (`crate::kits`),
    /// `/__test/fixtures/…` from `tests/fixtures/`,
    /// `/__test/hang`, which answers only after 12 s (longer than the
    /// widget waits), and the generated bodies of `test_body` (axe-core
    /// among them).
    test_routes: bool,
}

/// Whether a response of this type is worth compressing.
fn compressible(kind: &str) -> bool {
    !kind.starts_with("image/png") && kind != "application/octet-stream"
}

fn handle(mut stream: TcpStream, site: &Site) -> Result {
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    // The headers: only Accept-Encoding matters here.
    let mut gzip = false;
    let mut host = String::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        let lower = h.to_ascii_lowercase();
        if let Some(h) = lower.strip_prefix("host:") {
            host = h.trim().to_string();
        }
        if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
            gzip = true;
        }
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if site.test_routes {
        if let Some(done) = test_body(&mut stream, target, &host)? {
            return Ok(done);
        }
    }
    let file = match target.strip_prefix("/__test/") {
        Some("hang") if site.test_routes => {
            std::thread::sleep(std::time::Duration::from_secs(12));
            None
        }
        Some(rest) if site.test_routes => match rest.split_once('/') {
            Some(("hostile", p)) => resolve(&crate::root().join("tests/hostile"), p),
            Some(("panic", p)) => resolve(&crate::root().join("target/e2e-panic"), p),
            Some(("kits", p)) => resolve(&crate::kits::dir(), p),
            Some(("fixtures", p)) => resolve(&crate::root().join("tests/fixtures"), p),
            _ => None,
        },
        _ => resolve(&site.dir, target),
    };
    let (status, kind, body) = match (method, file) {
        ("GET" | "HEAD", Some(file)) => ("200 OK", content_type(&file), std::fs::read(&file)?),
        ("GET" | "HEAD", None) => ("404 Not Found", "text/plain", b"not found".to_vec()),
        _ => (
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed".to_vec(),
        ),
    };
    let (body, encoding) = if gzip && compressible(kind) {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&body)?;
        (
            enc.finish()?,
            "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n",
        )
    } else {
        (body, "")
    };
    // Any origin may use these files: the README's CORS recipe for a widget
    // served from another origin than its host pages (the e2e test has a
    // page on 127.0.0.1 load the widget from localhost).
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-store\r\n\
         Access-Control-Allow-Origin: *\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    Ok(())
}

/// The end-to-end test's generated bodies: `/__test/big` (40 MB of text
/// with its Content-Length), `/__test/big-unsized` (the same streamed
/// without one), `/__test/bom-story.json` (the example story file after
/// a UTF-8 byte-order mark), `/__test/future.kws` (a packed story of an
/// unknown later version) and `/__test/post-height-<px>.html` (a page that
/// posts a Datawrapper-style height to its parent), `/__test/recipe-host.html`
/// (a host page under the README's CSP with the widget from `localhost`),
/// `/__test/csp-watch.js`
/// (records a page's CSP violations as JSON in its root element's
/// `data-kw-violations`: an attribute, which every engine's WebDriver
/// sees, where Firefox hides a page's own globals). `None` for
/// any other path.
fn test_body(
    stream: &mut std::net::TcpStream,
    target: &str,
    host: &str,
) -> std::io::Result<Option<()>> {
    const BIG: usize = 40 << 20;
    let Some((sized, body, kind)) = generated(target, host)? else {
        return Ok(None);
    };
    let len = body.as_ref().map_or(BIG, Vec::len);
    let length = if sized {
        format!("Content-Length: {len}\r\n")
    } else {
        String::new()
    };
    stream.write_all(
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n{length}Cache-Control: no-store\r\nConnection: close\r\n\r\n"
        )
        .as_bytes(),
    )?;
    match body {
        Some(b) => stream.write_all(&b)?,
        // Until 40 MB are sent or the browser hangs up.
        None => {
            let chunk = "Lavrov said the islands. ".repeat(2600).into_bytes();
            let mut sent = 0;
            while sent < BIG {
                let n = chunk.len().min(BIG - sent);
                if stream.write_all(&chunk[..n]).is_err() {
                    break;
                }
                sent += n;
            }
        }
    }
    Ok(Some(()))
}

/// A generated body of [`test_body`]: whether it is sent with its length,
/// the body (`None`: 40 MB of text) and its type; `None` for any other
/// path.
type Generated = Option<(bool, Option<Vec<u8>>, &'static str)>;

fn generated(target: &str, host: &str) -> std::io::Result<Generated> {
    let text = "text/plain; charset=utf-8";
    let html = "text/html; charset=utf-8";
    let poster = target
        .strip_prefix("/__test/post-height-")
        .and_then(|t| t.strip_suffix(".html"))
        .and_then(|px| px.parse::<u32>().ok());
    Ok(Some(match (target, poster) {
        ("/__test/big", _) => (true, None, text),
        ("/__test/big-unsized", _) => (false, None, text),
        ("/__test/future.kws", _) => {
            // The version-2 fixture as if a later version had packed it.
            let mut story =
                std::fs::read(crate::root().join("tests/fixtures/kws2-kyodo-wire.kws"))?;
            if let Some(v) = story.get_mut(3) {
                *v = b'9';
            }
            (true, Some(story), "application/x-kuril-story")
        }
        ("/__test/bom-story.json", _) => {
            let story = std::fs::read(crate::root().join("embed/examples/kyodo-wire.story.json"))?;
            (
                true,
                Some([b"\xEF\xBB\xBF".as_slice(), &story].concat()),
                text,
            )
        }
        ("/__test/recipe-host.html", _) => (true, Some(recipe_host(host)), html),
        // axe-core, for a page whose policy allows only its own origin.
        ("/__test/axe.js", _) => (
            true,
            Some(std::fs::read(
                crate::installed::axe_core().map_err(|e| std::io::Error::other(e.to_string()))?,
            )?),
            "text/javascript",
        ),
        ("/__test/csp-watch.js", _) => (
            true,
            Some(include_bytes!("js/csp-watch.js").to_vec()),
            "text/javascript",
        ),
        (_, Some(px)) => {
            let page = format!(
                "<!doctype html><title>poster</title><script>\
                 parent.postMessage({{ 'datawrapper-height': {{ poster: {px} }} }}, '*');</script>"
            );
            (true, Some(page.into_bytes()), html)
        }
        _ => return Ok(None),
    }))
}

/// The README's recipes: a host page under the recipe's policy, with the
/// widget from the other name of this server (another origin), `host`
/// being the name the browser asked for.
fn recipe_host(host: &str) -> Vec<u8> {
    let other = format!("http://localhost:{}", host.rsplit(':').next().unwrap_or(""));
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
           script-src 'self' {other} 'wasm-unsafe-eval'; connect-src 'self' {other}; \
           worker-src 'self' {other} blob:; style-src 'self'; \
           require-trusted-types-for 'script'; trusted-types kuril-widget\">\
         <title>A host page under the README's recipes</title>\
         <script src=\"/__test/csp-watch.js\"></script>\
         <script type=\"module\" src=\"{other}/kuril-widget.js\"></script></head><body>\
         <kuril-widget id=\"kw-t1\"></kuril-widget>\
         <kuril-widget id=\"kw-t2\" story-src=\"{other}/examples/kyodo-wire.story.json\"></kuril-widget></body></html>"
    )
    .into_bytes()
}

/// Binds `addr` and serves `dir` on a background thread, gzipped where the
/// browser accepts it; returns the bound address (use port 0 for any free
/// port).
pub fn spawn(addr: &str, dir: &Path) -> Result<std::net::SocketAddr> {
    spawn_site(
        addr,
        Site {
            dir: dir.to_path_buf(),
            test_routes: false,
        },
    )
}

/// [`spawn`], with the end-to-end test's routes under `/__test/`.
pub fn spawn_for_tests(addr: &str, dir: &Path) -> Result<std::net::SocketAddr> {
    spawn_site(
        addr,
        Site {
            dir: dir.to_path_buf(),
            test_routes: true,
        },
    )
}

fn spawn_site(addr: &str, site: Site) -> Result<std::net::SocketAddr> {
    let listener = TcpListener::bind(addr)?;
    let bound = listener.local_addr()?;
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = site.clone();
            std::thread::spawn(move || {
                let _ = handle(stream, &site);
            });
        }
    });
    Ok(bound)
}

/// Serves `dir` on `addr` until the process is stopped.
pub fn serve_forever(addr: &str, dir: &Path) -> Result {
    let bound = spawn(addr, dir)?;
    println!("listening on http://{bound}/");
    loop {
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_the_folder_only() {
        let dir = std::env::temp_dir().join(format!("kw-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        std::fs::write(dir.join("sub/a.js"), "x").unwrap();
        assert_eq!(resolve(&dir, "/"), Some(dir.join("index.html")));
        assert_eq!(resolve(&dir, "/sub/a.js?v=1"), Some(dir.join("sub/a.js")));
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(resolve(&dir, "/missing"), None);
        assert_eq!(content_type(Path::new("a.wasm")), "application/wasm");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
