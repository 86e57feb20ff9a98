//! The publish kits the end-to-end checks and the bench read: made from
//! the example articles in English, Russian and Japanese by the same code
//! as the studio's Publish and `cargo xtask publish` (`kuril_publish`),
//! for the widget's files at the root of the server that serves `dist/`
//! (`/v/RELEASE/`), into `target/kits/`, which the test server serves
//! under `/__test/kits/`. Beside them, two news pages with the English
//! kit's element code: at the top (`news.html`) and three screens below
//! the fold (`news-below.html`, and `news-bare.html` the same without it).

use crate::{root, Result};
use kuril_core::widget::options::Options;
use kuril_publish::{make_now, Settings};
use std::path::PathBuf;

/// The kits: their name (the widget's language), article and where they
/// open.
pub const KITS: [(&str, &str, Option<&str>); 3] = [
    ("en", "embed/examples/kyodo-wire.txt", None),
    (
        "ru",
        "embed/examples/tass-ru-lavrov.txt",
        Some("joint-declaration-1956"),
    ),
    ("ja", "embed/examples/kyodo-ja-suspend.txt", None),
];

/// Where the test server serves the kits from.
pub fn dir() -> PathBuf {
    root().join("target/kits")
}

/// Where the kits and news pages are on the test server.
pub const BASE: &str = "/__test/kits/";

/// Where a kit is on the test server.
pub fn url(name: &str) -> String {
    format!("{BASE}{name}/")
}

/// A news page around `code` (an embed code), below `screens` screens of
/// the article's text.
fn news_page(title: &str, code: &str, screens: u32) -> String {
    let before = format!(
        "<p>The article's opening paragraphs.</p><div style=\"height: {}vh\" aria-hidden=\"true\"></div>",
        screens * 100
    );
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
         <link rel=\"icon\" href=\"data:,\"></head><body><h1>{title}</h1>{before}\n{code}\n<p>The end of the article.</p></body></html>\n"
    )
}

/// Makes the kits and the news pages into [`dir`]; the English kit's
/// element code is what both news pages hold.
pub fn make() -> Result<PathBuf> {
    let out = dir();
    let _ = std::fs::remove_dir_all(&out);
    let mut element = String::new();
    for (name, article, start) in KITS {
        let text = std::fs::read(root().join(article))?;
        let story = kuril_publish::input::packed(&text, "")?;
        let options = Options {
            lang: (name != "en").then(|| name.to_string()),
            start_at: start.map(String::from),
            ..Options::default()
        };
        let settings = Settings::new(&options, "/", Some(&url(name)))?;
        let kit = make_now(&story, &settings)?;
        let dir = out.join(name);
        std::fs::create_dir_all(&dir)?;
        for (file, bytes) in &kit.files {
            std::fs::write(dir.join(file), bytes)?;
        }
        if name == "en" {
            element = kit.codes.element.clone();
        }
        if name == "ru" {
            // Its language's file never comes: the page's fetch of it
            // fails while `kwBlockLanguage` is set.
            std::fs::write(
                out.join("ru-offline.html"),
                news_page(
                    "A news page whose widget's language file does not come",
                    &format!(
                        "<script src=\"block-language.js\"></script>\n{}",
                        kit.codes.element
                    ),
                    0,
                ),
            )?;
        }
    }
    std::fs::write(
        out.join("block-language.js"),
        include_str!("checks/js/block-language.js"),
    )?;
    std::fs::write(
        out.join("news.html"),
        news_page("A news page with a published story", &element, 0),
    )?;
    std::fs::write(
        out.join("news-below.html"),
        news_page(
            "A long news page, the widget three screens down",
            &element,
            3,
        ),
    )?;
    Ok(out)
}
