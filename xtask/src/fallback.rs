//! `cargo xtask fallback`: renders the whole widget (map on the start
//! date, timeline, card, the screen-reader lists) at build time with Yew's
//! server-side renderer, hydratable, with its default options over the
//! bundled story (`kuril_publish::render`, which a publish kit's pages use
//! too), and writes it into the pages' mount points between the markers
//! below, and into `embed/fallback.html` as a declarative shadow root for
//! newsrooms to paste inside their `<kuril-widget>` element. It is the
//! first paint, what readers without JavaScript and print get, and what
//! the browser hydrates (`src/host/mount.rs`) when the widget is asked for
//! what it holds (`data-kw-ssr`). A test keeps the committed files in step
//! with the data and the components.

use crate::cmd::{root, step, Result};
use kuril_core::widget::options::Options;

const START: &str = "<!-- widget: written by `cargo xtask fallback` -->";
const END: &str = "<!-- /widget -->";

/// The files that carry the widget between the markers.
const PAGES: [&str; 2] = ["index.html", "embed/embed.html"];

/// The widget with its default options as hydratable HTML, in the root the
/// browser looks for (`div.kw-root[data-kw-ssr]`).
pub fn render() -> Result<String> {
    Ok(kuril_publish::render::render_now(None, &Options::default())?.html)
}

/// What newsrooms paste inside `<kuril-widget>`: the render in a
/// declarative shadow root, with the widget's stylesheet (its address is
/// theirs to set, beside `kuril-widget.js`).
pub fn element_fallback(html: &str) -> String {
    kuril_publish::pages::element_fallback(html, "", None)
}

/// `page` with `html` between its markers, keeping the markers'
/// indentation.
fn splice(page: &str, html: &str) -> Result<String> {
    let (Some(a), Some(b)) = (page.find(START), page.find(END)) else {
        return Err("the markers for the build-time render are missing".into());
    };
    let indent: String = page[..a].chars().rev().take_while(|c| *c == ' ').collect();
    Ok(format!(
        "{}{START}\n{indent}{html}\n{indent}{}",
        &page[..a],
        &page[b..]
    ))
}

/// What each file should hold: (path, contents).
fn expected() -> Result<Vec<(std::path::PathBuf, String)>> {
    let html = render()?;
    let mut out = vec![(root().join("embed/fallback.html"), element_fallback(&html))];
    for p in PAGES {
        let path = root().join(p);
        let page = std::fs::read_to_string(&path)?;
        out.push((path, splice(&page, &html)?));
    }
    Ok(out)
}

/// Writes the build-time render into the pages.
pub fn write() -> Result {
    step("build-time render: yew SSR into index.html, embed/embed.html, embed/fallback.html");
    for (path, text) in expected()? {
        std::fs::write(&path, text)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_carry_the_current_render() {
        for (path, text) in expected().unwrap() {
            let now = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                now == text,
                "{} is stale: run cargo xtask fallback",
                path.display()
            );
        }
    }

    #[test]
    fn the_render_is_the_whole_widget_on_its_start_date_with_the_lists() {
        let html = render().unwrap();
        // The map on the article's date, the timeline, the card.
        assert!(html.contains("class=\"kw-map\"") && html.contains("data-place=\"kunashir\""));
        assert!(html.contains("kw-held-russia") && html.contains("kw-claimed"));
        assert!(
            html.contains("data-event=\"interview\"") && html.contains("aria-pressed=\"true\"")
        );
        assert!(html.contains("<time datetime=\"1956-10-19\">19 October 1956</time>"));
        // Hydratable: Yew's component markers; no script or inline style.
        assert!(
            html.contains("<!--<[")
                && html.starts_with("<div class=\"kw-root\" data-kw-ssr=\"story=")
        );
        assert!(!html.contains("<script") && !html.contains("style="));
        let shadow = element_fallback(&html);
        assert!(shadow.starts_with("<template shadowrootmode=\"open\">"));
        let spliced = splice(&format!("  <div>\n  {START}\nold\n  {END}\n</div>"), "NEW").unwrap();
        assert_eq!(
            spliced,
            format!("  <div>\n  {START}\n  NEW\n  {END}\n</div>")
        );
    }
}
