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

pub mod columns;
pub mod lang;
mod strings;
pub mod texts;

pub use lang::{Lang, LangError, Plural};
pub use strings::{Piece, Strings, StringsError, Words};
pub use texts::Texts;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::gazetteer::Gazetteer;
    use crate::time::date::Date;

    const UI: &str = include_str!("../../../../data/ui.tsv");

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
        assert_eq!(
            ja.fill("n-of-m", &[("index", "3"), ("total", "25")]),
            "3 / 25"
        );
        assert_eq!(
            s.at(Lang::Ru)
                .fill("n-of-m", &[("index", "3"), ("total", "25")]),
            "3 из 25"
        );
        assert_eq!(s.at(Lang::En).get("no-such-key"), "no-such-key");
        // A filled text is not read again for places, and a place the
        // code does not fill shows as written.
        assert_eq!(
            s.at(Lang::En).fill("source", &[("source", "{source} {x}")]),
            "Source: {source} {x}"
        );
        assert_eq!(s.at(Lang::En).fill("source", &[]), "Source: {source}");
        // Every language of a key has the same places, and every key
        // every language.
        assert_eq!(s.uneven_places(), []);
        assert_eq!(s.missing(), []);
        let uneven = "key\ten\tru\tja\nx\ta {date}\tb {date}\tc {day}\n";
        let uneven = Strings::parse(uneven).unwrap();
        assert_eq!(uneven.uneven_places(), [("x", Lang::Ja)]);
        // A language for some keys and not others is refused; one for none
        // is left out (the reader's built-in file: English alone).
        let bad = "key\ten\tru\tja\nx\ty\tb\tz\nw\tv\t\tu\n";
        let english = "key\ten\tru\tja\nx\ty\t\t\nw\tv\t\t\n";
        assert_eq!(Strings::parse(english).unwrap().at(Lang::Ru).get("w"), "v");
        assert_eq!(Strings::parse(english).unwrap().missing().len(), 4);
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
        let sr = s
            .at(Lang::Ru)
            .count("sr-summary", 21, &[("from", "1855"), ("to", "2018")]);
        assert!(
            sr.contains("хронология из 21 события с 1855 по 2018"),
            "{sr}"
        );
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
        let t = Texts::of(&[(Lang::En, "Treaty"), (Lang::Ru, "Договор")]);
        assert_eq!(t.get(Lang::Ru), "Договор");
        assert_eq!(t.get(Lang::Ja), "Treaty");
        assert!(!t.is_complete());
        assert_eq!(Lang::Ja.day_month(2, 11), "2月11日");
        assert_eq!(Lang::Ru.day_month(2, 11), "11 февраля");
    }

    #[test]
    fn disputed_islands_carry_both_sides_names() {
        let g = Gazetteer::parse(include_str!("../../../../data/gazetteer.tsv")).unwrap();
        let ui = Strings::parse(UI).unwrap();
        let [en, ru, ja] = [Lang::En, Lang::Ru, Lang::Ja].map(|l| ui.at(l));
        let it = g.get("iturup").unwrap();
        assert_eq!(en.place(it, &g), "Iturup / Etorofu");
        // Each language gives the other side's name its own way.
        assert_eq!(ru.place(it, &g), "Итуруп (Эторофу)");
        assert_eq!(ja.place(it, &g), "択捉島（イトゥルップ）");
        let sh = g.get("shikotan").unwrap();
        assert_eq!(ja.place(sh, &g), "色丹島");
        let hk = g.get("hokkaido").unwrap();
        assert_eq!(ru.place(hk, &g), "Хоккайдо");
        // A card's title starts with a capital; in running text it stays.
        let broutona = g.get("broutona").unwrap();
        assert_eq!(ru.place(broutona, &g), "остров Броутона");
        assert_eq!(ru.place_title(broutona, &g), "Остров Броутона");
        assert_eq!(ja.place_title(it, &g), "択捉島（イトゥルップ）");
        let four = g.get("disputed").unwrap();
        assert_eq!(ui.at(Lang::Ru).place(four, &g), "четыре спорных острова");
        assert_eq!(ui.at(Lang::Ja).place(four, &g), "係争中の4島");
    }
}
