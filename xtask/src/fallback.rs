//! `cargo xtask fallback`: renders the widget's text version
//! ([`kuril_widget::components::TextVersion`]) with Yew's server-side
//! renderer and writes it into the pages' mount points, between the
//! markers below, and into `embed/fallback.html` for newsrooms to paste
//! inside their `<kuril-widget>` element. A test keeps the committed files
//! in step with the data.

use crate::{root, step, Result};
use kuril_core::data::Bundle;
use kuril_widget::components::{SharedBundle, TextVersion, TextVersionProps};

const START: &str = "<!-- text-version: written by `cargo xtask fallback` -->";
const END: &str = "<!-- /text-version -->";

/// The files that carry the text version between the markers.
const PAGES: [&str; 2] = ["index.html", "embed/embed.html"];

/// The text version as HTML.
pub fn render() -> Result<String> {
    let bundle: SharedBundle = Bundle::load()?.into();
    let rt = tokio::runtime::Builder::new_current_thread().build()?;
    let html = rt.block_on(
        yew::LocalServerRenderer::<TextVersion>::with_props(TextVersionProps { bundle })
            .hydratable(false)
            .render(),
    );
    Ok(html)
}

/// `page` with the text version between its markers, keeping the markers'
/// indentation.
fn splice(page: &str, html: &str) -> Result<String> {
    let (Some(a), Some(b)) = (page.find(START), page.find(END)) else {
        return Err("the markers for the text version are missing".into());
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
    let mut out = vec![(root().join("embed/fallback.html"), format!("{html}\n"))];
    for p in PAGES {
        let path = root().join(p);
        let page = std::fs::read_to_string(&path)?;
        out.push((path, splice(&page, &html)?));
    }
    Ok(out)
}

/// Writes the text version into the pages.
pub fn write() -> Result {
    step("text version: yew SSR into index.html, embed/embed.html, embed/fallback.html");
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
    fn the_pages_carry_the_current_text_version() {
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
    fn the_text_version_lists_islands_and_events_as_text() {
        let html = render().unwrap();
        assert!(html.contains("Iturup / Etorofu (3,167 km²): held by Russia; claimed by Japan"));
        assert!(html.contains("<time datetime=\"1956-10-19\">19 October 1956</time>"));
        assert!(html.contains("Soviet-Japanese Joint Declaration"));
        assert!(!html.contains("<script") && !html.contains("style="));
        let spliced = splice(&format!("  <div>\n  {START}\nold\n  {END}\n</div>"), "NEW").unwrap();
        assert_eq!(
            spliced,
            format!("  <div>\n  {START}\n  NEW\n  {END}\n</div>")
        );
    }
}
