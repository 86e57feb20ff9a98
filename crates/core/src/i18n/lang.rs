//! The languages: parsing a `lang` value, dates, numbers and place names
//! as each language writes them, and the CLDR plural rules.
//!
//! This file is the one place in code that names a language. Adding one
//! is its variant in [`Lang`] and [`Lang::ALL`], its code, its plural rule
//! and how it writes a date and a number here, and its columns in the data
//! files (`data/ui.tsv`, `data/gazetteer.tsv`, …): everything else reads
//! the languages from [`Lang::ALL`].

use crate::time::date::{Date, Precision};
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
#[error("Unknown language '{0}': use {codes}.", codes = Lang::codes_said())]
pub struct LangError(pub String);

/// A CLDR plural category of a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Few,
    Many,
    Other,
}

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
    /// Every language, English first: the order of a [`crate::i18n::Texts`]'
    /// forms, and of the languages a packed story lists.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Ja];
    /// How many languages there are.
    pub const COUNT: usize = Lang::ALL.len();
    /// The BCP 47 codes, in the order of [`Lang::ALL`].
    const CODES: [&'static str; Lang::COUNT] = ["en", "ru", "ja"];
    /// The Open Graph locale of a page in each language (`og:locale`).
    const LOCALES: [&'static str; Lang::COUNT] = ["en_GB", "ru_RU", "ja_JP"];

    /// Reads a language tag: `en`, `ru`, `ja`, in any case, with or
    /// without a region (`ja-JP`, `ru_RU`). An empty value is English.
    pub fn parse(tag: &str) -> Result<Lang, LangError> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.is_empty() {
            return Ok(Lang::En);
        }
        Lang::from_code(&primary.to_ascii_lowercase())
            .ok_or_else(|| LangError(crate::text::quoted_back(tag)))
    }

    /// The language whose code is exactly `code` (`"ru"`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The BCP 47 code, for `lang` attributes and data files' columns.
    pub fn code(self) -> &'static str {
        Lang::CODES[self.index()]
    }

    /// The Open Graph locale (`ru_RU`).
    pub fn locale(self) -> &'static str {
        Lang::LOCALES[self.index()]
    }

    /// The position in [`Lang::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The codes as a message lists them: "en, ru or ja".
    fn codes_said() -> String {
        let (last, rest) = Lang::CODES.split_last().unwrap_or((&"", &[]));
        format!("{} or {last}", rest.join(", "))
    }

    /// The CLDR plural category of the whole number `n` (CLDR 46, the rules
    /// the browsers' `Intl.PluralRules` apply; a browser test compares
    /// them): English one/other; Russian one (1, 21, 101…), few (2–4,
    /// 22–24…), many (0, 5–20, 25…); Japanese other, always.
    pub fn plural(self, n: u64) -> Plural {
        let (d, dd) = (n % 10, n % 100);
        match self {
            Lang::En if n == 1 => Plural::One,
            Lang::En | Lang::Ja => Plural::Other,
            Lang::Ru if d == 1 && dd != 11 => Plural::One,
            Lang::Ru if (2..=4).contains(&d) && !(12..=14).contains(&dd) => Plural::Few,
            Lang::Ru => Plural::Many,
        }
    }

    /// The plural categories this language has for whole numbers, in the
    /// order a counted text in `data/ui.tsv` gives its forms.
    pub fn plurals(self) -> &'static [Plural] {
        match self {
            Lang::En => &[Plural::One, Plural::Other],
            Lang::Ru => &[Plural::One, Plural::Few, Plural::Many],
            Lang::Ja => &[Plural::Other],
        }
    }

    /// A day of a month without its year: "11 February", "11 февраля",
    /// "2月11日" (a dateline's date).
    pub fn day_month(self, month: u8, day: u8) -> String {
        let m = (month as usize).clamp(1, 12) - 1;
        match self {
            Lang::En => format!("{day} {}", crate::time::date::MONTHS[m]),
            Lang::Ru => format!("{day} {}", RU_GENITIVE[m]),
            Lang::Ja => format!("{}月{day}日", m + 1),
        }
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
}
