//! The widget's three languages: English, Russian and Japanese.
//!
//! [`Lang`] parses the `lang` attribute and formats dates and numbers;
//! [`Strings`] holds the widget's own words from `data/ui.tsv`, and
//! [`Words`] looks them up in one language. [`Texts`] is one text of the
//! project's own (a context event's title, an era's label, a lexicon
//! event's title carried by a story) in the three languages. Quotations
//! from the article are never translated: they stay as published, in the
//! article's language. Counted words follow the CLDR plural rules
//! ([`Lang::plural`]).
//!
//! ```
//! use kuril_core::time::date::Date;
//! use kuril_core::i18n::Lang;
//! let d = Date::ymd(1956, 10, 19).unwrap();
//! assert_eq!(Lang::parse("ja-JP").unwrap().date(d), "1956年10月19日");
//! assert_eq!(Lang::Ru.date(d), "19 октября 1956 г.");
//! ```

use crate::geo::gazetteer::{Gazetteer, Place};
use crate::text::{file_table, FileTableError};
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
#[error("Unknown language '{0}': use en, ru or ja.")]
pub struct LangError(pub String);

/// One text of the project's own in English, Russian and Japanese. A
/// story written before translations existed, or a name found only in an
/// article, has English alone: [`Texts::get`] falls back to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    pub en: String,
    pub ru: String,
    pub ja: String,
}

impl Texts {
    /// The three forms.
    pub fn new(en: impl Into<String>, ru: impl Into<String>, ja: impl Into<String>) -> Texts {
        Texts {
            en: en.into(),
            ru: ru.into(),
            ja: ja.into(),
        }
    }

    /// English only.
    pub fn en(en: impl Into<String>) -> Texts {
        Texts::new(en, "", "")
    }

    /// The form in `lang`, or the English one where it has none.
    pub fn get(&self, lang: Lang) -> &str {
        let own = match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Ja => &self.ja,
        };
        if own.is_empty() {
            &self.en
        } else {
            own
        }
    }

    /// Whether every language has its own form.
    pub fn is_complete(&self) -> bool {
        !(self.en.is_empty() || self.ru.is_empty() || self.ja.is_empty())
    }

    /// Each form changed by `f`, given its language; a missing form stays
    /// missing (a template without its Russian does not become English).
    pub fn map(&self, mut f: impl FnMut(Lang, &str) -> String) -> Texts {
        let mut one = |lang, s: &str| {
            if s.is_empty() {
                String::new()
            } else {
                f(lang, s)
            }
        };
        Texts {
            en: one(Lang::En, &self.en),
            ru: one(Lang::Ru, &self.ru),
            ja: one(Lang::Ja, &self.ja),
        }
    }

    /// The text in each language from `f`.
    pub fn each(mut f: impl FnMut(Lang) -> String) -> Texts {
        Texts {
            en: f(Lang::En),
            ru: f(Lang::Ru),
            ja: f(Lang::Ja),
        }
    }

    /// The three fields `{en, ru, ja}` of a data file's row, the first of
    /// them required (`None` when it is empty).
    pub fn from_row(en: &str, ru: &str, ja: &str) -> Option<Texts> {
        (!en.is_empty()).then(|| Texts::new(en, ru, ja))
    }
}

impl From<&str> for Texts {
    fn from(en: &str) -> Texts {
        Texts::en(en)
    }
}

impl From<String> for Texts {
    fn from(en: String) -> Texts {
        Texts::en(en)
    }
}

/// In JSON a text is a string when it has English alone (as every story
/// file written before translations existed), else `{"en", "ru", "ja"}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Texts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if self.ru.is_empty() && self.ja.is_empty() {
            return s.serialize_str(&self.en);
        }
        let mut m = s.serialize_struct("Texts", 3)?;
        m.serialize_field("en", &self.en)?;
        m.serialize_field("ru", &self.ru)?;
        m.serialize_field("ja", &self.ja)?;
        m.end()
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Texts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Form {
            Plain(String),
            Three {
                en: String,
                #[serde(default)]
                ru: String,
                #[serde(default)]
                ja: String,
            },
        }
        Ok(match Form::deserialize(d)? {
            Form::Plain(en) => Texts::en(en),
            Form::Three { en, ru, ja } => Texts { en, ru, ja },
        })
    }
}

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
    fn counted_words_follow_the_plural_rules() {
        let s = Strings::parse(UI).unwrap();
        let n = [1, 2, 5, 11, 21, 22, 25];
        let ru: Vec<String> = n
            .iter()
            .map(|&k| s.at(Lang::Ru).count("n-events", k, &[]))
            .collect();
        assert_eq!(
            ru,
            [
                "1 событие",
                "2 события",
                "5 событий",
                "11 событий",
                "21 событие",
                "22 события",
                "25 событий"
            ]
        );
        let ja: Vec<String> = n
            .iter()
            .map(|&k| s.at(Lang::Ja).count("n-events", k, &[]))
            .collect();
        assert_eq!(
            ja,
            ["1件", "2件", "5件", "11件", "21件", "22件", "25件"].map(|c| format!("{c}の出来事"))
        );
        assert_eq!(s.at(Lang::En).count("n-events", 1, &[]), "1 event");
        assert_eq!(s.at(Lang::En).count("n-events", 21, &[]), "21 events");
        let sr = s.at(Lang::Ru).count("sr-summary", 21, &["1855", "2018"]);
        assert!(sr.contains("хронология 21 события с 1855 по 2018"), "{sr}");
        // Each counted text has as many forms as its language has
        // categories.
        let bad = "key\ten\tru\tja\nx\ta|b\ta|b\tc\n";
        assert!(matches!(
            Strings::parse(bad),
            Err(StringsError::Forms {
                lang: "ru",
                want: 3,
                ..
            })
        ));
    }

    #[test]
    fn texts_fall_back_to_english() {
        let t = Texts::new("Treaty", "Договор", "");
        assert_eq!(t.get(Lang::Ru), "Договор");
        assert_eq!(t.get(Lang::Ja), "Treaty");
        assert!(!t.is_complete());
        assert_eq!(Lang::Ja.day_month(2, 11), "2月11日");
        assert_eq!(Lang::Ru.day_month(2, 11), "11 февраля");
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
