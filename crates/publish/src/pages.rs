//! The kit's pages that hold the widget's render: `index.html`, the iframe
//! page for this story (its HTML already the whole widget, hydrated in
//! place; the title, description, social card and oEmbed discovery in its
//! head), and `fallback.html`, the same render in a declarative shadow
//! root for the `<kuril-widget>` element.

use crate::html::escape;
use crate::settings::{Settings, Texts};
use kuril_core::i18n::Lang;

/// The origin of an absolute `http(s)` address (`https://a.example:8080`),
/// else none (an address relative to the page: its own origin).
pub fn origin(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.find('/').map_or(rest.len(), |i| i);
    Some(&url[..url.len() - rest.len() + host])
}

/// `og:locale` of a widget language.
fn locale(lang: &str) -> &'static str {
    Lang::from_code(lang).unwrap_or_default().locale()
}

/// The page's own options as `data-` attributes of its mount point (the
/// story is the kit's `story.kws`, beside the page).
fn mount_attributes(s: &Settings) -> String {
    s.page_options()
        .iter()
        .map(|(k, v)| format!(" data-{k}=\"{}\"", escape(v)))
        .collect()
}

/// The same options as a URL query, which the gate compares with the
/// page's address (`embed/embed-gate.js`).
fn holds_query(s: &Settings) -> String {
    s.page_options()
        .iter()
        .map(|(k, v)| format!("{k}={}", kuril_core::widget::address::encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The iframe page of the story.
pub fn iframe_page(render: &str, t: &Texts, s: &Settings) -> String {
    let w = s.widget_dir();
    let kit = s.kit_url();
    let from = origin(&w).map_or(String::new(), |o| format!(" {o}"));
    let csp = format!(
        "default-src 'self'; script-src 'self'{from} 'wasm-unsafe-eval'; style-src 'self'{from}; \
         img-src 'self'{from} data:; connect-src 'self'{from}"
    );
    let page = format!("{kit}index.html");
    let url_meta = if s.url.is_some() {
        format!(
            "\n  <meta property=\"og:url\" content=\"{}\">",
            escape(&page)
        )
    } else {
        String::new()
    };
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <!-- A publish kit of kuril-widget {release} (cargo xtask publish, or the studio's Publish). -->
  <meta http-equiv="Content-Security-Policy" content="{csp}">
  <title>{title}</title>
  <meta name="description" content="{description}">
  <link rel="canonical" href="{page}">
  <meta property="og:type" content="website">
  <meta property="og:title" content="{title}">
  <meta property="og:description" content="{description}">{url_meta}
  <meta property="og:image" content="{kit}card.png">
  <meta property="og:image:width" content="1200">
  <meta property="og:image:height" content="675">
  <meta property="og:image:alt" content="{alt}">
  <meta property="og:locale" content="{locale}">
  <meta name="twitter:card" content="summary_large_image">
  <link rel="alternate" type="application/json+oembed" href="{kit}oembed.json" title="{title}">
  <link rel="icon" href="{w}favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="{w}widget.css">
  <link rel="stylesheet" href="{w}embed.css">
  <script src="{w}embed-gate.js" data-holds="{holds}"></script>
  <script type="module" src="{w}embed.js"></script>
  <link rel="modulepreload" href="{w}kuril-widget-core.js">
  <link rel="preload" href="{w}kuril-widget-core_bg.wasm" as="fetch" type="application/wasm" crossorigin>
</head>
<body>
  <div data-kuril-widget{mount}>
    {render}
  </div>
</body>
</html>
"#,
        lang = escape(&t.lang),
        release = crate::RELEASE,
        csp = escape(&csp),
        title = escape(&t.page_title),
        description = escape(&t.description),
        page = escape(&page),
        kit = escape(&kit),
        alt = escape(&t.card_alt),
        locale = locale(&t.lang),
        w = escape(&w),
        holds = escape(&holds_query(s)),
        mount = mount_attributes(s),
    )
}

/// What a newsroom pastes inside its `<kuril-widget>`: the render in a
/// declarative shadow root, with the widget's stylesheet of this release;
/// `story_src`, the address of the story it holds (none: the bundled one).
/// The render is `hidden` until that stylesheet applies (its `.kw-root {
/// display: block }` wins over the browser's `[hidden]`): a stylesheet in
/// a shadow root does not hold the page's first paint in every browser
/// (Firefox paints before it loads), and an unstyled render, or one of
/// another story than the element asks for, must not flash.
pub fn element_fallback(render: &str, widget_dir: &str, story_src: Option<&str>) -> String {
    // The address of the story it holds, which the element compares with
    // its `story-src` (`embed/kuril-widget.js`).
    let src = story_src.map_or(String::new(), |s| format!(" data-kw-src=\"{}\"", escape(s)));
    let render = render.replacen(
        "<div class=\"kw-root\"",
        &format!("<div class=\"kw-root\" hidden{src}"),
        1,
    );
    format!(
        "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}widget.css\">{render}</template>\n",
        escape(widget_dir)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_of_absolute_addresses_only() {
        assert_eq!(
            origin("https://static.example.org/kw/v/1/"),
            Some("https://static.example.org")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080/"),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin("http://localhost:9"), Some("http://localhost:9"));
        assert_eq!(origin("../../v/1/"), None);
    }
}
