//! The widget's three languages: English, Russian and Japanese.
//!
//! [`Lang`] parses the `lang` attribute and formats dates and numbers;
//! [`Strings`] holds the widget's own words from `data/ui.tsv`, and
//! [`Words`] looks them up in one language. Texts from the article and the
//! story are not translated: they stay in the article's language.
//!
//! ```
//! use kuril_core::date::Date;
//! use kuril_core::i18n::Lang;
//! let d = Date::ymd(1956, 10, 19).unwrap();
//! assert_eq!(Lang::parse("ja-JP").unwrap().date(d), "1956年10月19日");
//! assert_eq!(Lang::Ru.date(d), "19 октября 1956 г.");
//! ```

use crate::date::{Date, Precision};
use crate::gazetteer::{Gazetteer, Place};
use crate::text::{file_table, FileTableError};
use thiserror::Error;

/// A language of the widget's interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Ja,
}

/// A `lang` value the widget does not speak.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
#[error("Unknown language '{0}': use en, ru or ja.")]
pub struct LangError(pub String);

/// Russian month names in the genitive ("19 октября") and nominative
/// ("октябрь 1956 г.").
const RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const RU_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

impl Lang {
    /// Reads a language tag: `en`, `ru`, `ja`, in any case, with or
    /// without a region (`ja-JP`, `ru_RU`). An empty value is English.
    pub fn parse(tag: &str) -> Result<Lang, LangError> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "" | "en" => Ok(Lang::En),
            "ru" => Ok(Lang::Ru),
            "ja" => Ok(Lang::Ja),
            _ => Err(LangError(tag.chars().take(40).collect())),
        }
    }

    /// The BCP 47 code, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Ja => "ja",
        }
    }

    fn column(self) -> usize {
        self as usize
    }

    /// A date at its precision, as a reader of this language writes it:
    /// "19 October 1956", "19 октября 1956 г.", "1956年10月19日".
    pub fn date(self, d: Date) -> String {
        let m = d.month.wrapping_sub(1) as usize;
        let p = if m < 12 {
            d.precision()
        } else {
            Precision::Year
        };
        match (self, p) {
            (Lang::En, _) => d.to_string(),
            (Lang::Ru, Precision::Day) => format!("{} {} {} г.", d.day, RU_GENITIVE[m], d.year),
            (Lang::Ru, Precision::Month) => format!("{} {} г.", RU_NOMINATIVE[m], d.year),
            (Lang::Ru, _) => format!("{} г.", d.year),
            (Lang::Ja, Precision::Day) => format!("{}年{}月{}日", d.year, d.month, d.day),
            (Lang::Ja, Precision::Month) => format!("{}年{}月", d.year, d.month),
            (Lang::Ja, _) => format!("{}年", d.year),
        }
    }

    /// A whole number with this language's thousands separator: "3,167",
    /// "3 167" (a no-break space in Russian).
    pub fn number(self, n: u64) -> String {
        let sep = if self == Lang::Ru { '\u{a0}' } else { ',' };
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// A place's name in this language. A disputed island whose Russian and
    /// Japanese names differ carries the other side's name too, in Latin
    /// letters: "Iturup / Etorofu", "Итуруп / Etorofu", "択捉島 / Iturup".
    pub fn place(self, p: &Place, g: &Gazetteer) -> String {
        let own = match self {
            Lang::En => return p.label(g),
            Lang::Ru => &p.name_ru,
            Lang::Ja => &p.name_ja,
        };
        let own = if own.is_empty() { &p.name_en } else { own };
        let disputed = g.is_within(&p.id, "disputed") && p.id != "disputed";
        let differ = !p.romaji.is_empty() && !p.name_en.contains(&p.romaji);
        match self {
            Lang::Ru if disputed && differ => format!("{own} / {}", p.romaji),
            Lang::Ja if disputed && differ => format!("{own} / {}", p.name_en),
            _ => own.clone(),
        }
    }
}

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
            for (text, lang) in [(en, "en"), (ru, "ru"), (ja, "ja")] {
                if text.is_empty() {
                    return Err(StringsError::Missing {
                        line,
                        key: key.into(),
                        lang,
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

#[cfg(test)]
mod tests {
    use super::*;

    const UI: &str = include_str!("../../../data/ui.tsv");

    #[test]
    fn tags_parse_with_regions_and_case() {
        assert_eq!(Lang::parse("RU-ru"), Ok(Lang::Ru));
        assert_eq!(Lang::parse("ja_JP"), Ok(Lang::Ja));
        assert_eq!(Lang::parse(""), Ok(Lang::En));
        assert_eq!(Lang::parse("en-GB"), Ok(Lang::En));
        let e = Lang::parse("fr").unwrap_err();
        assert_eq!(e.to_string(), "Unknown language 'fr': use en, ru or ja.");
        assert!(Lang::parse("english").is_err());
    }

    #[test]
    fn dates_follow_each_language_at_each_precision() {
        let day = Date::ymd(1945, 8, 18).unwrap();
        let month = Date {
            year: 1956,
            month: 10,
            day: 0,
        };
        let year = Date::year(1855);
        assert_eq!(Lang::En.date(day), "18 August 1945");
        assert_eq!(Lang::Ru.date(day), "18 августа 1945 г.");
        assert_eq!(Lang::Ru.date(month), "октябрь 1956 г.");
        assert_eq!(Lang::Ru.date(year), "1855 г.");
        assert_eq!(Lang::Ja.date(day), "1945年8月18日");
        assert_eq!(Lang::Ja.date(month), "1956年10月");
        assert_eq!(Lang::Ja.date(year), "1855年");
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(Lang::En.number(3167), "3,167");
        assert_eq!(Lang::Ru.number(1_000_000), "1\u{a0}000\u{a0}000");
        assert_eq!(Lang::Ja.number(999), "999");
    }

    #[test]
    fn every_key_has_three_languages_and_fills_its_places() {
        let s = Strings::parse(UI).unwrap();
        assert!(s.keys().count() > 50);
        let ja = s.at(Lang::Ja);
        assert_eq!(ja.fill("n-of-m", &["3", "25"]), "3 / 25");
        assert_eq!(s.at(Lang::Ru).fill("n-of-m", &["3", "25"]), "3 из 25");
        assert_eq!(s.at(Lang::En).get("no-such-key"), "no-such-key");
        let bad = "key\ten\tru\tja\nx\ty\t\tz\n";
        assert!(matches!(
            Strings::parse(bad),
            Err(StringsError::Missing { lang: "ru", .. })
        ));
    }

    #[test]
    fn disputed_islands_carry_both_sides_names() {
        let g = Gazetteer::parse(include_str!("../../../data/gazetteer.tsv")).unwrap();
        let it = g.get("iturup").unwrap();
        assert_eq!(Lang::En.place(it, &g), "Iturup / Etorofu");
        assert_eq!(Lang::Ru.place(it, &g), "Итуруп / Etorofu");
        assert_eq!(Lang::Ja.place(it, &g), "択捉島 / Iturup");
        let sh = g.get("shikotan").unwrap();
        assert_eq!(Lang::Ja.place(sh, &g), "色丹島");
        let hk = g.get("hokkaido").unwrap();
        assert_eq!(Lang::Ru.place(hk, &g), "Хоккайдо");
        let ui = Strings::parse(UI).unwrap();
        let four = g.get("disputed").unwrap();
        assert_eq!(ui.at(Lang::Ru).place(four, &g), "четыре спорных острова");
        assert_eq!(ui.at(Lang::Ja).place(four, &g), "係争中の4島");
    }
}
