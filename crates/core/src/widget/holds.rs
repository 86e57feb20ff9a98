//! What a build-time render shows, as one key: the story (by the
//! fingerprint of its packed bytes) and the options that change what is
//! drawn (language, theme, where it opens, a fixed height). The render's
//! root carries it (`<div class="kw-root" data-kw-ssr="KEY">`), and a
//! widget hydrates that render only when it would draw the same key;
//! otherwise it renders afresh in its place. The same key tells the
//! iframe page's gate (`embed/embed-gate.js`) which URL parameters the
//! page's HTML already holds.
//!
//! The key is a URL query: `story=<fingerprint>`, then `lang`, `theme`,
//! `start-at` and `height` where they are not the defaults (English,
//! light, the article's own occasion, the content's height), each value
//! percent-encoded as in the page address.
//!
//! ```
//! use kuril_core::widget::holds::Holds;
//! use kuril_core::widget::options::Options;
//!
//! let o = Options { lang: Some("ja-JP".into()), start_at: Some("1956".into()), ..Options::default() };
//! let h = Holds::of("0123456789abcdef", &o).unwrap();
//! assert_eq!(h.key(), "story=0123456789abcdef&lang=ja&start-at=1956");
//! assert_eq!(Holds::of("0123456789abcdef", &Options::default()).unwrap().key(), "story=0123456789abcdef");
//! ```

use super::address::encode;
use super::options::{height, Options, Theme};
use crate::i18n::Lang;

/// What a render shows: a story and the options that change its drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holds {
    /// The fingerprint of the packed story (`story::pack::fingerprint`).
    pub story: String,
    pub lang: Lang,
    pub theme: Theme,
    /// Where it opens, as asked (an event id or a date); none: the
    /// article's own occasion.
    pub start: Option<String>,
    /// A fixed height, as the style sheet gets it.
    pub height: Option<String>,
}

impl Holds {
    /// What a widget with these options draws of the story with this
    /// fingerprint; `None` when an option is bad (the widget then shows
    /// why, which no build-time render holds).
    pub fn of(story: &str, o: &Options) -> Option<Holds> {
        Some(Holds {
            story: story.to_string(),
            lang: o
                .lang
                .as_deref()
                .map(Lang::parse)
                .transpose()
                .ok()?
                .unwrap_or_default(),
            theme: o
                .theme
                .as_deref()
                .map(Theme::parse)
                .transpose()
                .ok()?
                .unwrap_or_default(),
            start: o
                .start_at
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from),
            height: o.height.as_deref().map(height).transpose().ok()?,
        })
    }

    /// The key: a URL query, defaults left out.
    pub fn key(&self) -> String {
        let mut out = format!("story={}", encode(&self.story));
        if self.lang != Lang::default() {
            out += &format!("&lang={}", self.lang.code());
        }
        if self.theme != Theme::default() {
            out += &format!("&theme={}", self.theme.name());
        }
        if let Some(s) = &self.start {
            out += &format!("&start-at={}", encode(s));
        }
        if let Some(h) = &self.height {
            out += &format!("&height={}", encode(h));
        }
        out
    }

    /// The key without its story: what must match while the story a
    /// render holds is still on its way.
    pub fn options_key(&self) -> String {
        options_of_key(&self.key()).to_string()
    }
}

/// The options part of a render's `key` (after its story).
pub fn options_of_key(key: &str) -> &str {
    key.split_once('&').map_or("", |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(lang: &str, theme: &str, start: &str, h: &str) -> Options {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Options {
            lang: some(lang),
            theme: some(theme),
            start_at: some(start),
            height: some(h),
            ..Options::default()
        }
    }

    #[test]
    fn equal_choices_make_equal_keys_and_defaults_are_left_out() {
        let a = Holds::of("f", &opts("en", "LIGHT", "", "")).unwrap();
        let b = Holds::of("f", &opts("", "", "  ", "")).unwrap();
        assert_eq!(a.key(), b.key());
        assert_eq!(a.key(), "story=f");
        let c = Holds::of("f", &opts("ru", "dark", "joint declaration", "800")).unwrap();
        assert_eq!(
            c.key(),
            "story=f&lang=ru&theme=dark&start-at=joint%20declaration&height=800px"
        );
        assert_eq!(
            c.options_key(),
            "lang=ru&theme=dark&start-at=joint%20declaration&height=800px"
        );
        assert_eq!(options_of_key(&c.key()), c.options_key());
        assert_eq!(a.options_key(), "");
    }

    #[test]
    fn a_bad_option_holds_nothing() {
        assert!(Holds::of("f", &opts("fr", "", "", "")).is_none());
        assert!(Holds::of("f", &opts("", "sepia", "", "")).is_none());
        assert!(Holds::of("f", &opts("", "", "", "10")).is_none());
    }
}
