//! The host-safety checks: faults stay in their box, the iframe's host
//! script takes only its frame's heights, the host's styles stop at the
//! shadow root, the CSP, CORS and Trusted Types recipes, the hostile
//! corpus, fetches that fail or never answer, bounded fetches, and a soak
//! of 10,000 interactions.

use super::check::{add_widgets, ensure, event_button, pressed, set_attr, wait, Check};
use crate::hostile;
use crate::webdriver::Session;
use crate::Result;
use serde_json::{json, Value};
use std::time::Duration;

/// Waits until the widget `id` shows its map or a message; which one.
fn settled(s: &Session, id: &str, timeout: Duration) -> Result<Value> {
    s.wait_script_with(include_str!("js/widget-settled.js"), &[json!(id)], timeout)
}

/// Starts measuring the longest pause of the page's main thread, by a chain
/// of 16 ms timers (they run in every engine; `requestAnimationFrame` does
/// not tick in WebKit's headless browser).
fn start_gap(s: &Session) -> Result {
    s.script(include_str!("js/gap-start.js"))?;
    Ok(())
}

/// The longest pause since [`start_gap`], in milliseconds.
fn stop_gap(s: &Session) -> Result<f64> {
    Ok(s.script("window.kwFrames = false; return window.kwGap;")?
        .as_f64()
        .unwrap_or(f64::MAX))
}

/// Waits until the widget `id` of the page (in its shadow root) is live.
fn live_in_shadow(s: &Session, id: &str, timeout: Duration) -> Result<Value> {
    s.wait_script_with(
        "const e = document.getElementById(arguments[0]); \
         return !!(e && e.shadowRoot && e.shadowRoot.querySelector('[data-kw-live] .kw-map path'));",
        &[json!(id)],
        timeout,
    )
}

/// This server under its other name, `localhost`: another origin.
fn other_origin(s: &Session) -> Result<String> {
    let port = s.script("return location.port")?;
    Ok(format!(
        "http://localhost:{}",
        port.as_str().unwrap_or_default()
    ))
}

/// Runs `f` on another page of this server (`path`), then opens the page
/// the check started on again and waits for its widget, whatever `f` gave.
fn on_page<T>(s: &Session, path: &str, f: impl FnOnce(&Session) -> T) -> Result<T> {
    let back = s
        .script("return location.href")?
        .as_str()
        .unwrap_or_default()
        .to_string();
    let origin = s.script("return location.origin")?;
    s.goto(&format!("{}{path}", origin.as_str().unwrap_or_default()))?;
    let out = f(s);
    s.goto(&back)?;
    wait(
        s,
        "return !!document.querySelector('.kw-mount [data-kw-live] .kw-map path');",
    )?;
    Ok(out)
}

pub const CHECKS: &[(&str, Check)] = &[
    (
        "faults stay in their box: a panic in one widget leaves a second one working and a third one mounting, shows a short fixed message, and reaches neither window.onerror nor unhandledrejection",
        |s, _| {
            // The test-panic build (`bundle::build_panic_test`).
            let (shown, works, mounts, errors, console) = on_page(s, "/__test/panic/page.html", |s| -> Result<_> {
                for id in ["kw-ok", "kw-panic"] {
                    live_in_shadow(s, id, Duration::from_secs(30))?;
                }
                let click = |id: &str, event: &str| {
                    s.script_with(
                        "document.getElementById(arguments[0]).shadowRoot.querySelector('.kw-event[data-event=\"' + arguments[1] + '\"]').click();",
                        &[json!(id), json!(event)],
                    )
                };
                click("kw-panic", "joint-declaration-1956")?;
                let shown = s.wait_script(
                    "const t = document.getElementById('kw-panic').shadowRoot.textContent; \
                     return t.includes('stopped working') ? t.trim() : null;",
                    Duration::from_secs(10),
                )?;
                click("kw-ok", "singapore-2018")?;
                let works = s.wait_script(
                    "return !!document.getElementById('kw-ok').shadowRoot \
                       .querySelector('.kw-event[aria-pressed=\"true\"][data-event=\"singapore-2018\"]');",
                    Duration::from_secs(10),
                );
                s.script("const w = document.createElement('kuril-widget'); w.id = 'kw-new'; document.body.append(w);")?;
                let mounts = live_in_shadow(s, "kw-new", Duration::from_secs(30));
                let errors = s.script("return window.kwErrors.join(' | ');")?;
                let console = s.script("return window.kwConsole.join(' | ');")?;
                Ok((shown, works, mounts, errors, console))
            })??;
            ensure(
                shown.as_str() == Some("The map and timeline stopped working. Reloading the page shows them again."),
                format!("the message shown: {shown}"),
            )?;
            ensure(works.is_ok(), format!("the second widget after the panic: {works:?}"))?;
            ensure(mounts.is_ok(), format!("a third widget after the panic: {mounts:?}"))?;
            ensure(errors.as_str() == Some(""), format!("reached the page: {errors}"))?;
            ensure(
                console.as_str().is_some_and(|c| c.contains("a test panic")),
                format!("the console: {console}"),
            )
        },
    ),
    (
        "embed-host.js takes a height only from the frame's own origin and keeps it within 150–6000 px; embed.html refuses a vh height",
        |s, _| {
            let other = other_origin(s)?;
            // Frames A and B are on localhost, C on this origin until its
            // content moves to localhost (its src stays): from then on its
            // messages come from an origin that is not its src's.
            s.script_with(include_str!("js/host-frames-add.js"), &[json!(other)])?;
            wait(s, "return document.querySelector('script[src=\"embed-host.js\"]') && window.kwLoads >= 1 \
                     && document.getElementById('kw-hc').height === '777';")?;
            s.script_with(
                "document.getElementById('kw-hc').contentWindow.location.replace(arguments[0] + '/__test/post-height-2222.html');",
                &[json!(other)],
            )?;
            wait(s, "return window.kwLoads >= 2;")?;
            // A message sent after C's: once it is in, C's has been seen.
            s.script_with(
                "document.getElementById('kw-ha').src = arguments[0] + '/__test/post-height-1500.html';",
                &[json!(other)],
            )?;
            let heights = s.wait_script(
                "const h = (id) => document.getElementById(id).height; \
                 return h('kw-ha') === '1500' && h('kw-hb') !== '300' ? [h('kw-ha'), h('kw-hb'), h('kw-hc')] : null;",
                Duration::from_secs(10),
            )?;
            // The vh height: refused inside the frame, which renders without it.
            let vh = s.wait_script(
                "const d = document.getElementById('kw-hv').contentDocument; \
                 return d && d.querySelector('[data-kw-live] .kw-map path') ? !d.querySelector('.kw-frame[data-height]') : null;",
                Duration::from_secs(30),
            )?;
            s.script("for (const id of ['kw-ha', 'kw-hb', 'kw-hc', 'kw-hv']) document.getElementById(id).remove();")?;
            ensure(
                heights == serde_json::json!(["1500", "6000", "777"]),
                format!("frame heights (same origin, capped, other origin): {heights}"),
            )?;
            ensure(vh == true, format!("height=80vh in the iframe: refused {vh}"))
        },
    ),
    (
        "the host page's inherited styles (text-transform, letter-spacing, word-spacing, font-style, direction) stop at the widget's shadow root; embed.html and the demo page declare an icon that loads",
        |s, _| {
            s.script(include_str!("js/page-style-leak.js"))?;
            add_widgets(s, &[("kw-inh", "")])?;
            wait(s, "return !!window.kwQ('kw-inh', '[data-kw-live] .kw-map path');")?;
            let seen = s.script(include_str!("js/page-style-inherited.js"))?;
            ensure(
                seen == serde_json::json!(["none", "normal", "0px", "normal", "ltr"]),
                format!("inside the widget under the host's styles: {seen}"),
            )?;
            s.script(include_str!("js/page-icons.js"))?;
            let icons = s.wait_script("return window.kwIcons;", Duration::from_secs(10))?;
            ensure(icons == serde_json::json!(["ok", "ok"]), format!("icons: {icons}"))
        },
    ),
    (
        "the README's recipes: a host page under a strict CSP with enforced Trusted Types loads the widget from another origin (CORS), the bundled story and a story file, with no violation",
        |s, _| {
            // The page (its policy, the widget from localhost): the
            // test server's /__test/recipe-host.html, opened on its own.
            let (got, seen) = on_page(s, "/__test/recipe-host.html", |s| {
                let got = s.wait_script_with(include_str!("js/recipe-state.js"), &[json!(true)], Duration::from_secs(40));
                (got, s.script_with(include_str!("js/recipe-state.js"), &[json!(false)]))
            })?;
            let got = got.map_err(|e| format!("{e}; on the page: {seen:?}"))?;
            println!("   Trusted Types enforced in this engine: {}", got["tt"]);
            ensure(
                got["story"] == true && got["violations"] == serde_json::json!([]),
                format!("under the recipes: {got}"),
            )
        },
    ),
    (
        "every file of the hostile corpus, as story-src or article-src: its message or a safe render; no script runs, the page keeps working",
        |s, _| {
            let mut wrong = Vec::new();
            let mut pauses = Vec::new();
            for row in hostile::expectations()? {
                let attr = if row.story { "story-src" } else { "article-src" };
                start_gap(s)?;
                add_widgets(s, &[("kw-h", &format!("{attr}=\"/__test/hostile/{}\"", row.file))])?;
                let got = settled(s, "kw-h", Duration::from_secs(60))?;
                let gap = stop_gap(s)?;
                pauses.push(format!("{} {gap:.0}", row.file.rsplit('/').next().unwrap_or("")));
                let ok = match &row.error {
                    Some(msg) => got.as_str().is_some_and(|t| t.contains(msg.as_str()))
                        && s.script("return !!window.kwQ('kw-h', '.kw-retry');")? == true,
                    None => got == "map",
                };
                let injected = s.script(
                    "const r = document.getElementById('kw-h').shadowRoot; \
                     return window.kwPwned !== undefined || !!r.querySelector('script, img, svg[onload]');",
                )?;
                if !ok || injected != false {
                    wrong.push(format!("{}: wanted {:?}, got {got}, injected {injected}", row.file, row.error));
                }
            }
            s.script("document.getElementById('kw-box').remove();")?;
            println!("   longest pause of the page per file, ms: {}", pauses.join(", "));
            // The page's own widget still answers.
            s.click(&event_button(s, "joint-declaration-1956")?)?;
            let sel = s.attr(&pressed(s)?, "data-event")?;
            ensure(sel.as_deref() == Some("joint-declaration-1956"), format!("the page's widget after the corpus: {sel:?}"))?;
            ensure(wrong.is_empty(), wrong.join("\n"))
        },
    ),
    (
        "faults: a story-src that never answers, and an HTML page as story-src or article-src, give a message and Try again",
        |s, _| {
            add_widgets(
                s,
                &[
                    ("kw-f1", "story-src=\"/__test/hang\""),
                    ("kw-f2", "story-src=\"/__test/hostile/story/html-page.html\""),
                    ("kw-f3", "article-src=\"index.html\""),
                ],
            )?;
            let mut got = Vec::new();
            for id in ["kw-f1", "kw-f2", "kw-f3"] {
                let msg = settled(s, id, Duration::from_secs(20))?;
                let retry = s.script_with("return !!window.kwQ(arguments[0], '.kw-retry');", &[json!(id)])?;
                got.push((msg, retry));
            }
            s.script("document.getElementById('kw-box').remove();")?;
            let says = |i: usize, want: &str| got[i].0.as_str().is_some_and(|t| t.contains(want)) && got[i].1 == true;
            ensure(
                says(0, "no answer within 10 s") && says(1, "an HTML page") && says(2, "an HTML page"),
                format!("{got:?}"),
            )
        },
    ),
    (
        "bounded fetches: 40 MB story and article files are refused (with and without a length) while the page keeps painting, other origins and data: are refused, a story after a byte-order mark loads",
        |s, engine| {
            let other = format!("{}/examples/kyodo-wire.story.json", other_origin(s)?);
            // The widgets first, so that the frames measured below are the
            // big files' and not the widgets' own first renders.
            let ids = ["kw-b1", "kw-b2", "kw-b3", "kw-b4", "kw-b5"];
            add_widgets(s, &ids.map(|id| (id, "")))?;
            for id in ids {
                s.wait_script_with(
                    "return !!window.kwQ(arguments[0], '[data-kw-live] .kw-map path');",
                    &[json!(id)],
                    Duration::from_secs(10),
                )?;
            }
            // The longest pause of the page while 40 MB bodies arrive.
            start_gap(s)?;
            set_attr(s, "kw-b1", "story-src", "/__test/big")?;
            set_attr(s, "kw-b2", "article-src", "/__test/big-unsized")?;
            let refused = |id: &str| {
                s.wait_script_with(
                    "const e = window.kwQ(arguments[0], '.kw-error'); return e ? e.textContent : null;",
                    &[json!(id)],
                    Duration::from_secs(15),
                )
            };
            let mut got = vec![refused("kw-b1")?, refused("kw-b2")?];
            let gap = stop_gap(s)?;
            println!("   longest pause of the page while 40 MB arrived [{}]: {gap:.0} ms", engine.name());
            set_attr(s, "kw-b3", "story-src", "/__test/bom-story.json")?;
            set_attr(s, "kw-b4", "story-src", &other)?;
            set_attr(s, "kw-b5", "article-src", "data:text/plain,MOSCOW%2C%20February%2011.")?;
            got.push(s.wait_script(
                "const q = window.kwQ('kw-b3', '[data-kw-live] .kw-sub q'); \
                 return q && q.textContent.includes('suspension') ? 'map' : null;",
                Duration::from_secs(15),
            )?);
            got.push(refused("kw-b4")?);
            got.push(refused("kw-b5")?);
            s.script("document.getElementById('kw-box').remove();")?;
            let says = |i: usize, want: &str| got[i].as_str().is_some_and(|t| t.contains(want));
            ensure(
                says(0, "larger than 4 MB") && says(1, "larger than 2 MB") && got[2] == "map"
                    && says(3, "is not a source this page allows") && says(4, "only http and https")
                    && gap < 500.0,
                format!("{got:?}; longest frame gap {gap} ms"),
            )
        },
    ),
    (
        "soak: 10,000 interactions (steps, selections, island cards, zooms); DOM nodes and wasm memory stay flat",
        |s, engine| {
            let out = s.script_async(SOAK)?;
            println!("  soak [{}]: {out}", engine.name());
            let n = |k: &str| out[k].as_f64().unwrap_or(f64::NAN);
            ensure(out["done"] == 10_000, format!("soak: {out}"))?;
            ensure(n("nodes_end") == n("nodes_warm"), format!("DOM nodes grew: {out}"))?;
            // Linear memory grows in 64 KiB pages and never shrinks: a
            // leak of even a few bytes per interaction would take pages.
            ensure(n("wasm_end") - n("wasm_warm") <= 65536.0, format!("wasm memory grew: {out}"))
        },
    ),
];

/// The soak test, run in the page: 10,000 interactions with the page's own
/// widget, a frame every 50; counts after a warm-up of 1,000 and at the end,
/// in the same state (the same event selected, no card open).
const SOAK: &str = r#"
const done = arguments[arguments.length - 1];
const root = document.querySelector('.kw-mount');
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const nodes = () => document.getElementsByTagName('*').length
  + [...document.querySelectorAll('kuril-widget')].reduce((n, k) => n + (k.shadowRoot ? k.shadowRoot.querySelectorAll('*').length : 0), 0);
const wasm = () => window.wasmBindings.memory_bytes();
const key = (el, k) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
const places = ['iturup', 'kunashir', 'shikotan', 'habomai_shibotsu'];
async function act(i) {
  const ev = root.querySelector('.kw-event[aria-pressed=true]') || root.querySelector('.kw-event');
  switch (i % 8) {
    case 0: key(ev, 'ArrowRight'); break;
    case 1: key(ev, 'ArrowLeft'); break;
    case 2: { const all = root.querySelectorAll('.kw-event'); all[i % all.length].click(); break; }
    case 3: root.querySelector(`.kw-map path[data-place='${places[i % 4]}']`)?.dispatchEvent(new MouseEvent('click', { bubbles: true })); break;
    case 4: key(root.querySelector('.kw'), 'Escape'); break;
    case 5: key(root.querySelector('.kw-map-frame'), '+'); break;
    case 6: key(root.querySelector('.kw-map-frame'), 'ArrowLeft'); break;
    case 7: key(root.querySelector('.kw-map-frame'), '0'); break;
  }
}
async function settle() {
  root.querySelector(".kw-event[data-event='interview']").click();
  key(root.querySelector('.kw'), 'Escape');
  await frame(); await frame();
}
(async () => {
  try {
    let i = 0;
    for (; i < 1000; i++) { await act(i); if (i % 50 === 49) await frame(); }
    await settle();
    const nodes_warm = nodes(), wasm_warm = wasm();
    const t0 = performance.now();
    for (; i < 10000; i++) { await act(i); if (i % 50 === 49) await frame(); }
    await settle();
    done({ done: i, seconds: (performance.now() - t0) / 1000, nodes_warm, nodes_end: nodes(), wasm_warm, wasm_end: wasm(),
           js_heap: performance.memory ? performance.memory.usedJSHeapSize : null });
  } catch (e) { done({ error: String(e) }); }
})();
"#;
