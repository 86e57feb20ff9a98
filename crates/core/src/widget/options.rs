//! The embed's options: the one table of their names ([`NAMES`]), read
//! into one typed [`Options`] by the element, the iframe and the page's
//! mount points alike (the JavaScript lists of `embed/` are checked against
//! the table by `tests/options.rs`), and the values other than the language
//! ([`crate::i18n::Lang`]): the colour theme and a fixed height. A bad
//! value is an error the widget shows in its box.
//!
//! ```
//! use kuril_core::widget::options::{height, Theme};
//! assert_eq!(Theme::parse("auto"), Ok(Theme::Auto));
//! assert_eq!(height("600").unwrap(), "600px");
//! assert!(height("600; color: red").is_err());
//! ```

use thiserror::Error;

/// Every option, by its attribute name on `<kuril-widget>`; with `data-`
/// on a page's own mount point; as a URL parameter of `embed.html`
/// (all but `sync-url`: the iframe's address is its own).
pub const NAMES: [&str; 7] = [
    "lang",
    "theme",
    "start-at",
    "article-src",
    "story-src",
    "height",
    "sync-url",
];

/// The options of one widget, as given (checked where they are used: a
/// bad value is shown in the widget's box).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub lang: Option<String>,
    pub theme: Option<String>,
    pub start_at: Option<String>,
    pub article_src: Option<String>,
    pub story_src: Option<String>,
    pub height: Option<String>,
    /// Whether the widget keeps its selection in the page address.
    pub sync_url: bool,
}

impl Options {
    /// Reads every option of [`NAMES`] through `get` (an attribute, or a
    /// URL parameter), by its name.
    ///
    /// ```
    /// use kuril_core::widget::options::Options;
    /// let o = Options::read(|n| (n == "lang" || n == "sync-url").then(|| "ru".to_string()));
    /// assert_eq!(o.lang.as_deref(), Some("ru"));
    /// assert!(o.sync_url && o.theme.is_none());
    /// ```
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Options {
        let [lang, theme, start_at, article_src, story_src, height, sync_url] = NAMES;
        Options {
            lang: get(lang),
            theme: get(theme),
            start_at: get(start_at),
            article_src: get(article_src),
            story_src: get(story_src),
            height: get(height),
            sync_url: get(sync_url).is_some(),
        }
    }
}

/// The colour scheme: light, dark, or the reader's setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

/// An option value the widget cannot use.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum OptionError {
    #[error("Unknown theme '{0}': use light, dark or auto.")]
    Theme(String),
    #[error(
        "Bad height '{0}': use a number of pixels (600) or a CSS length (600px, 40rem, 80vh)."
    )]
    Height(String),
}

impl Theme {
    /// Reads `light`, `dark` or `auto` (any case; empty is light).
    pub fn parse(s: &str) -> Result<Theme, OptionError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "light" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            "auto" => Ok(Theme::Auto),
            _ => Err(OptionError::Theme(crate::text::quoted_back(s))),
        }
    }

    /// The value of the frame's `data-theme` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// The units a height may use.
const UNITS: [&str; 7] = ["px", "rem", "em", "vh", "svh", "dvh", "lvh"];

/// A fixed height as a CSS length: a bare number is pixels. Only a
/// positive number and one of [`UNITS`] pass, so nothing else reaches the
/// style sheet. Heights under 200 px are refused: the widget would be a
/// sliver.
pub fn height(s: &str) -> Result<String, OptionError> {
    let v = s.trim();
    let unit_at = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(v.len());
    let (num, unit) = v.split_at(unit_at);
    let unit = if unit.is_empty() { "px" } else { unit };
    let n = crate::text::decimal(num)
        .ok_or_else(|| OptionError::Height(crate::text::quoted_back(s)))?;
    let px = match unit {
        "px" => n,
        "rem" | "em" => n * 16.0,
        _ => n * 8.0, // 1vh on a small phone (about 800 px tall)
    };
    if !UNITS.contains(&unit) || !n.is_finite() || px < 200.0 || n > 100_000.0 {
        return Err(OptionError::Height(crate::text::quoted_back(s)));
    }
    Ok(format!("{num}{unit}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_parse_and_name_themselves() {
        for t in [Theme::Light, Theme::Dark, Theme::Auto] {
            assert_eq!(Theme::parse(t.name()), Ok(t));
        }
        assert_eq!(Theme::parse(" DARK "), Ok(Theme::Dark));
        assert_eq!(Theme::parse(""), Ok(Theme::Light));
        assert_eq!(
            Theme::parse("sepia").unwrap_err().to_string(),
            "Unknown theme 'sepia': use light, dark or auto."
        );
    }

    #[test]
    fn heights_are_lengths_or_pixels_and_nothing_else() {
        assert_eq!(height("600").unwrap(), "600px");
        assert_eq!(height(" 640px ").unwrap(), "640px");
        assert_eq!(height("40rem").unwrap(), "40rem");
        assert_eq!(height("80vh").unwrap(), "80vh");
        assert_eq!(height("37.5em").unwrap(), "37.5em");
        for bad in [
            "",
            "tall",
            "-600",
            "600pt",
            "100",
            "600px;x:y",
            "1e9",
            "calc(1px)",
            "20vh",
            "1.2.3",
        ] {
            assert!(height(bad).is_err(), "{bad:?} passed");
        }
    }
}
