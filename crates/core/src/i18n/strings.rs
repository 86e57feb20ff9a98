//! The widget's own words (`data/ui.tsv`) in its three languages, and
//! [`Words`], which looks them up in one, fills their places and counts.

use super::lang::Lang;
use super::texts::Texts;
use crate::geo::gazetteer::{Gazetteer, Place};
use crate::text::{file_table, FileTableError};
use crate::time::date::Date;
use thiserror::Error;

/// Why `data/ui.tsv` could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum StringsError {
    #[error(transparent)]
    Table(#[from] FileTableError),
    #[error("ui.tsv line {line}: '{key}' has no {lang} text")]
    Missing {
        line: usize,
        key: String,
        lang: &'static str,
    },
    #[error("ui.tsv line {line}: the counted text '{key}' needs {want} forms in {lang}")]
    Forms {
        line: usize,
        key: String,
        lang: &'static str,
        want: usize,
    },
}

/// The widget's own words in its three languages, by key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Strings {
    /// Sorted by key.
    rows: Vec<(String, [String; 3])>,
}

impl Strings {
    /// Reads `data/ui.tsv`. Every key must have all three languages.
    pub fn parse(src: &str) -> Result<Strings, StringsError> {
        let mut rows = Vec::new();
        for (line, [key, en, ru, ja]) in file_table("ui.tsv", src, ["key", "en", "ru", "ja"])? {
            // A text with a `|` is counted: one form per plural category.
            let counted = [en, ru, ja].iter().any(|t| t.contains('|'));
            for (text, l) in [(en, Lang::En), (ru, Lang::Ru), (ja, Lang::Ja)] {
                let lang = l.code();
                if text.is_empty() {
                    return Err(StringsError::Missing {
                        line,
                        key: key.into(),
                        lang,
                    });
                }
                let want = l.plurals().len();
                if counted && text.split('|').count() != want {
                    return Err(StringsError::Forms {
                        line,
                        key: key.into(),
                        lang,
                        want,
                    });
                }
            }
            rows.push((key.to_string(), [en.into(), ru.into(), ja.into()]));
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Strings { rows })
    }

    /// The words in one language.
    pub fn at(&self, lang: Lang) -> Words<'_> {
        Words {
            strings: self,
            lang,
        }
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.rows.iter().map(|(k, _)| k.as_str())
    }
}

/// [`Strings`] in one language.
#[derive(Clone, Copy, Debug)]
pub struct Words<'a> {
    strings: &'a Strings,
    pub lang: Lang,
}

impl<'a> Words<'a> {
    /// The text for `key`; the key itself if there is none (a slip shows,
    /// it does not break the widget; a test checks every key the code uses).
    pub fn get(&self, key: &'a str) -> String {
        self.text(key).to_string()
    }

    fn text(&self, key: &'a str) -> &'a str {
        let rows = &self.strings.rows;
        match rows.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
            Ok(i) => &rows[i].1[self.lang.column()],
            Err(_) => key,
        }
    }

    /// The text for `key` with `{0}`, `{1}`… filled in from `args`.
    pub fn fill(&self, key: &'a str, args: &[&str]) -> String {
        let mut out = self.text(key).to_string();
        for (i, a) in args.iter().enumerate() {
            out = out.replace(&format!("{{{i}}}"), a);
        }
        out
    }

    /// A counted text: the form of `key` for `n` by this language's plural
    /// rules (forms separated by `|` in the order of [`Lang::plurals`]),
    /// with `{0}` the number and `{1}`… filled from `args`.
    pub fn count(&self, key: &'a str, n: u64, args: &[&str]) -> String {
        let text = self.text(key);
        let cat = self.lang.plural(n);
        let at = self.lang.plurals().iter().position(|c| *c == cat);
        let form = at.and_then(|i| text.split('|').nth(i)).unwrap_or(text);
        let mut out = form.replace("{0}", &self.lang.number(n));
        for (i, a) in args.iter().enumerate() {
            out = out.replace(&format!("{{{}}}", i + 1), a);
        }
        out
    }

    /// A text of the project's own in this language.
    pub fn own(&self, t: &Texts) -> String {
        t.get(self.lang).to_string()
    }

    /// A date in this language.
    pub fn date(&self, d: Date) -> String {
        self.lang.date(d)
    }

    /// A place's name in this language ([`Lang::place`]); the group of the
    /// four islands by its neutral name, since the gazetteer's Russian and
    /// Japanese names for it are each side's own term.
    pub fn place(&self, p: &Place, g: &Gazetteer) -> String {
        if p.id == "disputed" {
            self.get("four-islands")
        } else {
            self.lang.place(p, g)
        }
    }
}
