//! What a kit is made with ([`Settings`]: the widget's options, where its
//! files are, where the kit will be), checked and made canonical, and the
//! kit's texts in the widget's language ([`Texts`]).

use crate::{Error, RELEASE};
use kuril_core::i18n::Lang;
use kuril_core::widget::holds::Holds;
use kuril_core::widget::options::Options;

/// What the kit is made with: the widget's options, where the widget's
/// files are hosted, and where the kit will be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The options its pages and codes carry (language, theme, start,
    /// height), as the widget reads them.
    pub options: Options,
    /// Where the widget's files are hosted, ending in `/`.
    pub base: String,
    /// Where the kit will be, ending in `/`; none: its pages and codes use
    /// addresses relative to the kit.
    pub url: Option<String>,
}

/// An address for the kit's pages: `http(s)://…` or relative, ending in
/// `/`, with nothing that could end an attribute or a URL.
fn folder(what: &str, url: &str) -> Result<String, Error> {
    let url = url.trim();
    // Nothing that could end an attribute, or split the page's security
    // policy (`;`, `,`), where the widget's origin is written.
    if url.is_empty() || url.contains(|c: char| c.is_whitespace() || "\"'<>\\`;,".contains(c)) {
        return Err(Error::Address(format!("{what} is not an address: {url:?}")));
    }
    // A scheme (letters, then a colon before any slash) must be http(s).
    let scheme = url.split_once(':').filter(|(s, _)| {
        !s.is_empty()
            && !s.contains('/')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    // A protocol-relative address names another origin without saying
    // which scheme: the page's policy could not allow it.
    if url.starts_with("//") {
        return Err(Error::Address(format!(
            "{what} must start with https:// or http://, or be a path: {url:?}"
        )));
    }
    if scheme.is_some() && !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(Error::Address(format!(
            "{what} must be http or https: {url:?}"
        )));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

impl Settings {
    /// Settings with their values checked and made canonical (a language
    /// by its code, a height as a CSS length, folders ending in `/`).
    pub fn new(options: &Options, base: &str, url: Option<&str>) -> Result<Settings, Error> {
        let holds = Holds::of("", options).ok_or_else(|| {
            let given = [&options.lang, &options.theme, &options.height];
            Error::Option(
                given
                    .iter()
                    .filter_map(|v| v.as_deref())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })?;
        let options = Options {
            lang: (holds.lang != Lang::default()).then(|| holds.lang.code().to_string()),
            theme: (holds.theme != Default::default()).then(|| holds.theme.name().to_string()),
            start_at: holds.start,
            height: holds.height,
            ..Options::default()
        };
        Ok(Settings {
            options,
            base: folder("the widget's address (--base)", base)?,
            url: url
                .map(|u| folder("the kit's address (--url)", u))
                .transpose()?,
        })
    }

    /// Where this release's widget files are.
    pub fn widget_dir(&self) -> String {
        format!("{}v/{RELEASE}/", self.base)
    }

    /// The kit's address as a prefix (empty: relative to the kit).
    pub fn kit_url(&self) -> String {
        self.url.clone().unwrap_or_default()
    }

    /// The address of the kit's packed story, for the element's code.
    pub fn story_src(&self) -> String {
        format!("{}story.kws", self.kit_url())
    }

    /// The options the kit's pages and codes carry, by attribute name: the
    /// story (`story.kws`, relative to the kit), then those that are not
    /// the defaults.
    pub fn page_options(&self) -> Vec<(&'static str, String)> {
        let o = &self.options;
        let mut out = vec![("story-src", "story.kws".to_string())];
        for (k, v) in [
            ("lang", &o.lang),
            ("theme", &o.theme),
            ("start-at", &o.start_at),
            ("height", &o.height),
        ] {
            if let Some(v) = v {
                out.push((k, v.clone()));
            }
        }
        out
    }
}

/// The kit's texts in the widget's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    pub lang: String,
    /// "Map and timeline of the Kuril Islands dispute".
    pub widget: String,
    /// The article's headline (the widget's title if it has none).
    pub headline: String,
    pub page_title: String,
    pub description: String,
    /// What the card shows, in words.
    pub card_alt: String,
}
