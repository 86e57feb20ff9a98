//! What a host pastes or discovers: the embed codes (the element with its
//! first paint pasted in, the iframe with `loading="lazy"` and a
//! `<noscript>` picture), `embed-codes.html` that lists them for the
//! newsroom's developer, and `oembed.json` for content systems that embed
//! by address.

use crate::html::escape;
use crate::pages::element_fallback;
use crate::settings::{Settings, Texts};
use crate::RELEASE;

/// The iframe's starting height: the frame's page reports the real one,
/// which `embed-host.js` applies.
pub const IFRAME_HEIGHT: u32 = 1100;

/// The two embed codes: the element (with the fallback pasted in) and the
/// iframe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Codes {
    pub element: String,
    pub iframe: String,
}

/// The embed codes of a kit.
pub fn codes(render: &str, t: &Texts, s: &Settings) -> Codes {
    let w = s.widget_dir();
    let kit = s.kit_url();
    let attrs: String = s
        .page_options()
        .iter()
        .map(|(k, v)| {
            let v = if *k == "story-src" {
                format!("{kit}{v}")
            } else {
                v.clone()
            };
            format!(" {k}=\"{}\"", escape(&v))
        })
        .collect();
    let element = format!(
        "<script type=\"module\" src=\"{w}kuril-widget.js\"></script>\n<kuril-widget{attrs}>{}</kuril-widget>",
        element_fallback(render, &w, Some(&s.story_src())).trim_end(),
        w = escape(&w)
    );
    let iframe = format!(
        "<iframe data-kuril-embed src=\"{kit}index.html\" title=\"{title}\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" loading=\"lazy\"></iframe>\n\
         <noscript><img src=\"{kit}card.png\" width=\"1200\" height=\"675\" alt=\"{alt}\"></noscript>\n\
         <script src=\"{w}embed-host.js\"></script>",
        kit = escape(&kit),
        title = escape(&t.widget),
        alt = escape(&t.card_alt),
        w = escape(&w)
    );
    Codes { element, iframe }
}

/// The oEmbed document (type `rich`) for this story: the iframe code.
pub fn oembed(t: &Texts, s: &Settings) -> String {
    let kit = s.kit_url();
    let w = s.widget_dir();
    let html = format!(
        "<iframe data-kuril-embed src=\"{kit}index.html\" title=\"{}\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" loading=\"lazy\"></iframe>\
         <script src=\"{w}embed-host.js\"></script>",
        escape(&t.widget)
    );
    let doc = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": t.page_title,
        "provider_name": "kuril-widget",
        "provider_url": s.base,
        "html": html,
        "width": 700,
        "height": IFRAME_HEIGHT,
        "thumbnail_url": format!("{kit}card.png"),
        "thumbnail_width": 1200,
        "thumbnail_height": 675,
        "cache_age": 86400,
    });
    format!("{doc:#}\n")
}

/// `embed-codes.html`: the codes, the oEmbed address, the card and the
/// kit's files, for the developer who puts the story on the site.
pub fn codes_page(codes: &Codes, t: &Texts, s: &Settings) -> String {
    let kit = s.kit_url();
    let relative = if s.url.is_none() {
        "\n<p><strong>These codes use addresses relative to the kit.</strong> The iframe code works on a page in the kit's folder; \
         for any other page, make the kit again with the address where it will be (<code>--url</code>, or \"Address where you will put the kit\" in the studio).</p>"
    } else {
        ""
    };
    let area = |code: &str, rows: usize| {
        format!(
            "<textarea readonly rows=\"{rows}\" cols=\"100\" spellcheck=\"false\">{}</textarea>",
            escape(code)
        )
    };
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Embed codes: {title}</title>
</head>
<body>
<h1>Embed codes for “{headline}”</h1>
<p>A publish kit of kuril-widget, release {RELEASE}: the story's map and timeline as the studio or <code>cargo xtask publish</code> made it. Put this folder on your site as it is (see the README, "Publishing a story"); the widget's files are loaded from <a href="{w}">{w}</a>, which this kit was checked with.</p>{relative}
<h2>Web component</h2>
<p>The element, with its first paint pasted in: the whole widget for this story, shown at once and hydrated when the reader comes near it. If the kit is on another origin than your pages and the widget's files, list it in your page's <code>&lt;meta name="kuril-widget-sources" content="{kit_origin}"&gt;</code>.</p>
{element}
<h2>Iframe</h2>
<p>For content systems that take no scripts; <code>embed-host.js</code> sizes the frame and passes its selections to your page as <code>kuril-select</code> events on the iframe.</p>
{iframe}
<h2>oEmbed</h2>
<p><a href="{kit}oembed.json">{kit}oembed.json</a>, also named in the iframe page's head.</p>
<h2>Social card</h2>
<p><img src="card.png" width="600" height="337" alt="{alt}"></p>
<p>1200×675 (<code>card.png</code>, for <code>og:image</code>), 2400×1350 (<code>card@2x.png</code>, for print) and SVG (<code>card.svg</code>).</p>
<h2>The kit's files</h2>
<ul>
<li><code>index.html</code>: the iframe page, the whole widget already in its HTML;</li>
<li><code>fallback.html</code>: the same for the element, in a declarative shadow root (in the code above);</li>
<li><code>story.kws</code>: the story, packed (serve it with gzip);</li>
<li><code>card.png</code>, <code>card@2x.png</code>, <code>card.svg</code>: the social card;</li>
<li><code>oembed.json</code>: the oEmbed document;</li>
<li><code>embed-codes.html</code>: this page.</li>
</ul>
</body>
</html>
"#,
        title = escape(&t.page_title),
        headline = escape(&t.headline),
        w = escape(&s.widget_dir()),
        kit = escape(&kit),
        kit_origin = escape(crate::pages::origin(&kit).unwrap_or("https://your-kits.example.org")),
        element = area(&codes.element, 10),
        iframe = area(&codes.iframe, 4),
        alt = escape(&t.card_alt),
    )
}
