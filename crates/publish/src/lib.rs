//! kuril-publish: what a story needs to reach its readers as well as the
//! bundled one does, as a folder of fixed names (a **publish kit**):
//!
//! - `index.html`: the iframe page, the whole widget for this story already
//!   in its HTML (hydrated in place), with its title, description, social
//!   card and oEmbed discovery;
//! - `fallback.html`: the same render for the `<kuril-widget>` element;
//! - `story.kws`: the packed story (`kuril_core::story::pack`), which the
//!   reader's wasm reads itself;
//! - `card.png`, `card@2x.png`, `card.svg`: the social card, from the
//!   widget's own map;
//! - `oembed.json`, `embed-codes.html`: for content systems and for the
//!   newsroom's developer.
//!
//! The kit's pages load the widget's files of one release
//! (`{base}v/{RELEASE}/`, see the workspace's `build.rs`), so a published
//! article keeps the widget it was checked with.
//!
//! The same rules make the kit on the command line (`kuril-publish`,
//! `cargo xtask publish`: the PNGs drawn by resvg) and in the studio (its
//! publish module, the same bin for wasm32: the PNGs drawn by the browser).
//!
//! - `settings.rs`: what a kit is made with, and its texts;
//! - `render.rs`: the build-time render and what it holds;
//! - `pages.rs`: the iframe page and the element's fallback;
//! - `codes.rs`: the embed codes, `embed-codes.html`, `oembed.json`;
//! - `card.rs` (with `css.rs`, the widget's style sheet read): the card;
//! - `html.rs`: escaping, and a reader of the render's markup;
//! - `zip.rs`: the studio's one download;
//! - `input.rs` (natively): what the command line publishes from;
//! - `raster.rs` (natively): the card's PNGs.

pub mod card;
pub mod codes;
pub mod css;
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod input;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;
pub mod render;
pub mod settings;
pub mod zip;

pub use settings::{Settings, Texts};

use kuril_core::data::{Bundle, DataError, UI};
use kuril_core::i18n::{Lang, Strings};
use thiserror::Error;

/// The release of the widget's files this kit is made for
/// (`kuril_widget::RELEASE`): `cargo xtask build` writes them under
/// `dist/v/RELEASE/`.
pub use kuril_widget::RELEASE;

/// The kit's files, in this order, by these names.
pub const FILES: [&str; 8] = [
    "index.html",
    "fallback.html",
    "story.kws",
    "card.png",
    "card@2x.png",
    "card.svg",
    "oembed.json",
    "embed-codes.html",
];

/// Why no kit was made.
#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Story(#[from] DataError),
    #[error(transparent)]
    Start(#[from] kuril_core::widget::state::StartError),
    #[error("a bad option: {0}")]
    Option(String),
    #[error("{0}")]
    Address(String),
    #[error("{0}")]
    Io(String),
}

/// A made kit: its files by name, in [`FILES`] order (the PNGs once
/// drawn: [`Kit::with_pictures`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kit {
    pub files: Vec<(String, Vec<u8>)>,
    pub texts: Texts,
    /// The embed codes (also in `embed-codes.html`).
    pub codes: codes::Codes,
    /// The render's key (what the pages hold).
    pub key: String,
}

impl Kit {
    /// The file by its name.
    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.as_slice())
    }

    /// The card's SVG.
    pub fn card_svg(&self) -> &str {
        std::str::from_utf8(self.get("card.svg").unwrap_or_default()).unwrap_or_default()
    }

    /// The kit with the card's PNGs (1200×675 and 2400×1350), in order.
    pub fn with_pictures(mut self, png: Vec<u8>, png2: Vec<u8>) -> Kit {
        self.files.retain(|(n, _)| !n.ends_with(".png"));
        self.files.push(("card.png".into(), png));
        self.files.push(("card@2x.png".into(), png2));
        self.files
            .sort_by_key(|(n, _)| FILES.iter().position(|f| f == n));
        self
    }
}

/// A widget's render of a packed story with these options, and its card.
async fn drawn(story: &[u8], s: &Settings) -> Result<(render::Render, card::Card, Texts), Error> {
    let bundle = Bundle::from_packed(story)?;
    let render = render::render(Some(story), &s.options).await?;
    let strings = Strings::parse(UI).map_err(|e| Error::Io(e.to_string()))?;
    let lang = s
        .options
        .lang
        .as_deref()
        .map(Lang::parse)
        .transpose()
        .ok()
        .flatten()
        .unwrap_or_default();
    let t = strings.at(lang);
    let article = &bundle.story.article;
    let headline = article
        .headline
        .clone()
        .filter(|h| !h.trim().is_empty())
        .unwrap_or_else(|| t.get("title"));
    // The publisher as the reader's language names it (ТАСС, タス通信).
    let publisher = article.publisher_in(lang);
    let by = publisher.map_or(String::new(), |p| format!(" ({p})"));
    let title = t.fill("in-quotes", &[("text", &headline)]);
    let description = match publisher {
        Some(p) => t.fill(
            "from-article-title-by",
            &[("title", &title), ("publisher", p)],
        ),
        None => t.fill("from-article-title", &[("title", &title)]),
    };
    let card = card::card(
        &render.html,
        &format!("{} · {headline}{by} · kuril-widget", t.get("osm-credit")),
    );
    let texts = Texts {
        lang: lang.code().to_string(),
        widget: t.get("widget").trim_end_matches('：').to_string(),
        page_title: format!("{headline} · {}", t.get("title")),
        description,
        card_alt: card.alt.clone(),
        headline,
    };
    Ok((render, card, texts))
}

/// The card of a packed story as a widget with these options opens (the
/// studio's picture of its preview's view: `start-at` the event shown).
pub async fn card_of(story: &[u8], s: &Settings) -> Result<card::Card, Error> {
    Ok(drawn(story, s).await?.1)
}

/// The kit of a packed story, all but the card's PNGs.
pub async fn make(story: &[u8], s: &Settings) -> Result<Kit, Error> {
    let (render, card, texts) = drawn(story, s).await?;
    let codes = codes::codes(&render.html, &texts, s);
    let files = vec![
        (
            "index.html".to_string(),
            pages::iframe_page(&render.html, &texts, s).into_bytes(),
        ),
        (
            "fallback.html".to_string(),
            pages::element_fallback(&render.html, &s.widget_dir(), Some(&s.story_src()))
                .into_bytes(),
        ),
        ("story.kws".to_string(), story.to_vec()),
        ("card.svg".to_string(), card.svg.into_bytes()),
        (
            "oembed.json".to_string(),
            codes::oembed(&texts, s).into_bytes(),
        ),
        (
            "embed-codes.html".to_string(),
            codes::codes_page(&codes, &texts, s).into_bytes(),
        ),
    ];
    Ok(Kit {
        files,
        texts,
        codes,
        key: render.key,
    })
}

/// [`make`], waited for on this thread, with the card's PNGs drawn by
/// resvg (the command line and `cargo xtask`).
#[cfg(not(target_arch = "wasm32"))]
pub fn make_now(story: &[u8], s: &Settings) -> Result<Kit, Error> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Error::Io(e.to_string()))?;
    let kit = rt.block_on(make(story, s))?;
    let (png, png2) = raster::pngs(kit.card_svg())?;
    Ok(kit.with_pictures(png, png2))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use kuril_core::story::pack::fingerprint;
    use kuril_core::widget::options::Options;

    fn kit(lang: &str, url: Option<&str>) -> Kit {
        let story = input::packed(
            kuril_extract::ARTICLE.as_bytes(),
            kuril_extract::ARTICLE_META,
        )
        .unwrap();
        let options = Options {
            lang: Some(lang.into()),
            start_at: Some("joint-declaration-1956".into()),
            ..Options::default()
        };
        let s = Settings::new(&options, "https://static.example.org/kw", url).unwrap();
        make_now(&story, &s).unwrap()
    }

    fn text<'a>(k: &'a Kit, name: &str) -> &'a str {
        std::str::from_utf8(k.get(name).unwrap()).unwrap()
    }

    #[test]
    fn a_kit_has_its_files_and_its_pages_hold_its_story_with_its_options() {
        let k = kit("ru", Some("https://news.example.org/kits/lavrov"));
        let names: Vec<&str> = k.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, FILES);
        let story = k.get("story.kws").unwrap();
        assert!(k.key.starts_with(&format!(
            "story={}&lang=ru&start-at=joint-declaration-1956",
            fingerprint(story)
        )));
        let page = text(&k, "index.html");
        let held = format!("data-kw-ssr=\"{}\"", html::escape(&k.key));
        assert!(page.contains(&held) && text(&k, "fallback.html").contains(&held));
        assert!(page.contains(" data-story-src=\"story.kws\" data-lang=\"ru\" data-start-at=\"joint-declaration-1956\""));
        let w = format!("https://static.example.org/kw/v/{RELEASE}/");
        for tag in [
            format!("<script type=\"module\" src=\"{w}embed.js\">"),
            format!("<script src=\"{w}embed-gate.js\" data-holds=\"story-src=story.kws&amp;lang=ru&amp;start-at=joint-declaration-1956\">"),
            "<meta property=\"og:image\" content=\"https://news.example.org/kits/lavrov/card.png\">".into(),
            "<meta name=\"twitter:card\" content=\"summary_large_image\">".into(),
            "<link rel=\"canonical\" href=\"https://news.example.org/kits/lavrov/index.html\">".into(),
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://news.example.org/kits/lavrov/oembed.json\"".into(),
            "script-src 'self' https://static.example.org 'wasm-unsafe-eval'".into(),
            "<html lang=\"ru\">".into(),
        ] {
            assert!(page.contains(&tag), "index.html lacks {tag}");
        }
        // The title and description are the reader's language's, the
        // headline as published.
        assert!(page.contains("<title>Understanding of Japan’s relations with US needed for discussion of peace treaty issues · Территориальный спор России и Японии"));
        assert!(page.contains("События и места из статьи «Understanding"));
        // The publisher as Russian names it (issue 28), never in Latin.
        assert!(page.contains("issues» (ТАСС)") && !page.contains("TASS)"));
        let oembed: serde_json::Value = serde_json::from_str(text(&k, "oembed.json")).unwrap();
        assert_eq!(oembed["type"], "rich");
        assert_eq!(
            oembed["thumbnail_url"],
            "https://news.example.org/kits/lavrov/card.png"
        );
        assert!(oembed["html"]
            .as_str()
            .unwrap()
            .contains("src=\"https://news.example.org/kits/lavrov/index.html\""));
        assert!(k.codes.element.contains("<kuril-widget story-src=\"https://news.example.org/kits/lavrov/story.kws\" lang=\"ru\" start-at=\"joint-declaration-1956\"><template shadowrootmode=\"open\">"));
        assert!(
            k.codes.iframe.contains("loading=\"lazy\"")
                && k.codes.iframe.contains(
                    "<noscript><img src=\"https://news.example.org/kits/lavrov/card.png\""
                )
        );
        assert!(text(&k, "embed-codes.html").contains(&html::escape(&k.codes.element)));
        // The card, in Russian, of the declaration's day.
        assert!(
            k.card_svg().contains("19 октября 1956 г.") && k.card_svg().contains("lang=\"ru\"")
        );
    }

    #[test]
    fn without_its_address_a_kit_uses_addresses_relative_to_itself() {
        let k = kit("en", None);
        let page = text(&k, "index.html");
        assert!(
            page.contains("<meta property=\"og:image\" content=\"card.png\">")
                && !page.contains("og:url")
        );
        assert!(text(&k, "embed-codes.html").contains("addresses relative to the kit"));
        let again = kit("en", None);
        for ((name, a), (_, b)) in k.files.iter().zip(&again.files) {
            assert!(a == b, "{name} differs from one making to the next");
        }
    }

    #[test]
    fn bad_settings_are_refused_with_a_reason() {
        let o = Options::default();
        assert!(Settings::new(&o, "../kw", None).is_ok_and(|s| s.base == "../kw/"));
        assert!(Settings::new(&o, "javascript:alert(1)//", None).is_err());
        assert!(Settings::new(&o, "//static.example.org/kw/", None).is_err());
        assert!(Settings::new(&o, "https://x.example/;script-src *", None).is_err());
        assert!(Settings::new(&o, "ftp://x.example/", None).is_err());
        assert!(Settings::new(&o, "https://x.example/\" onload=\"", None).is_err());
        assert!(Settings::new(&o, "https://x.example/", Some("")).is_err());
        let bad = Options {
            lang: Some("fr".into()),
            ..Options::default()
        };
        assert!(Settings::new(&bad, "https://x.example/", None).is_err());
    }
}
