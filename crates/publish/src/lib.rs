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
//! (`{base}v/{RELEASE}/`, see `build.rs`), so a published article keeps
//! the widget it was checked with.
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
//! - `raster.rs` (natively): the card's PNGs.

pub mod card;
pub mod codes;
pub mod css;
pub mod html;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod raster;
pub mod render;
pub mod settings;
pub mod zip;

pub use settings::{Settings, Texts};

use kuril_core::data::{Bundle, DataError, UI};
use kuril_core::i18n::{Lang, Strings};
use settings::quoted;
use thiserror::Error;

/// The release of the widget's files this kit is made for: the version
/// and a hash of their sources (`build.rs`). `cargo xtask build` writes
/// them under `dist/v/RELEASE/`.
pub const RELEASE: &str = env!("KURIL_RELEASE");

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
    let publisher = article.publisher.clone().filter(|p| !p.trim().is_empty());
    let by = publisher
        .as_ref()
        .map_or(String::new(), |p| format!(" ({p})"));
    let card = card::card(
        &render.html,
        &format!("{} · {headline}{by} · kuril-widget", t.get("osm-credit")),
    );
    let texts = Texts {
        lang: lang.code().to_string(),
        widget: t.get("widget").trim_end_matches('：').to_string(),
        page_title: format!("{headline} · {}", t.get("title")),
        description: format!("{} {}{by}", t.get("from-article"), quoted(lang, &headline)),
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
            pages::element_fallback(&render.html, &s.widget_dir()).into_bytes(),
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
