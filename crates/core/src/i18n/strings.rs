//! The widget's own words (`data/ui.tsv`) in its three languages, and
//! [`Words`], which looks them up in one, fills their places and counts.

use super::lang::Lang;
use super::texts::Texts;
use crate::geo::gazetteer::{Gazetteer, Place};
use crate::text::FileTableError;
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

/// One piece of a template: words as they are, or a named place
/// (`{date}`) the code fills.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Piece<'a> {
    Words(&'a str),
    Place(&'a str),
}

/// The pieces of a template, in order: `{name}` is a place where `name` is
/// a lower-case word (letters, digits, `-`); any other brace is words.
pub fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let place = rest.find('{').and_then(|open| {
            let close = open + rest[open..].find('}')?;
            let name = &rest[open + 1..close];
            let ok = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            ok.then_some((open, close, name))
        });
        Some(match place {
            Some((0, close, name)) => {
                rest = &rest[close + 1..];
                Piece::Place(name)
            }
            Some((open, ..)) => {
                let (words, after) = rest.split_at(open);
                rest = after;
                Piece::Words(words)
            }
            None => {
                let words = rest;
                rest = "";
                Piece::Words(words)
            }
        })
    })
}

/// A letter's capital in the scripts of our names (Latin and Cyrillic
/// lower case), without the general case tables in the reader's wasm.
fn capital(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'а'..='я' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        'ё' => 'Ё',
        _ => c,
    }
}

/// The names of a text's places, sorted, each once (a counted text's
/// forms together).
fn place_names(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('|')
        .flat_map(pieces)
        .filter_map(|p| match p {
            Piece::Place(n) => Some(n),
            Piece::Words(_) => None,
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// `template` with each place filled from `args` (by name), in one pass: a
/// filled text is never read again for places, and a place `args` lacks
/// stays as written (a slip shows; a test checks the code's names).
fn fill_places(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    for piece in pieces(template) {
        match piece {
            Piece::Words(w) => out.push_str(w),
            Piece::Place(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

/// The widget's own words in every language, by key.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Strings {
    /// Sorted by key.
    rows: Vec<(String, Texts)>,
}

impl Strings {
    /// Reads `data/ui.tsv` (a column per language, named by its code).
    /// Every key must have English, and every other language either for
    /// every key or for none (the reader's built-in file carries English
    /// alone, `crate::data::Files`).
    pub fn parse(src: &str) -> Result<Strings, StringsError> {
        let mut rows = Vec::new();
        let mut present = [false; Lang::COUNT];
        let mut missing: [Option<(usize, String)>; Lang::COUNT] = Default::default();
        for (line, [key], [texts]) in Texts::table("ui.tsv", src, ["key"], [""])? {
            // A text with a `|` is counted: one form per plural category.
            let counted = texts.iter().any(|(_, t)| t.contains('|'));
            for (l, text) in texts.iter() {
                let lang = l.code();
                if text.is_empty() {
                    if l == Lang::En {
                        return Err(StringsError::Missing {
                            line,
                            key: key.into(),
                            lang,
                        });
                    }
                    missing[l.index()].get_or_insert((line, key.to_string()));
                    continue;
                }
                present[l.index()] = true;
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
            rows.push((key.to_string(), texts));
        }
        for l in Lang::ALL {
            if let (true, Some((line, key))) = (present[l.index()], &missing[l.index()]) {
                return Err(StringsError::Missing {
                    line: *line,
                    key: key.clone(),
                    lang: l.code(),
                });
            }
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Strings { rows })
    }

    /// The keys without their own text in a language, with that language:
    /// none in `data/ui.tsv` itself (a test holds this), every key but
    /// English in the reader's built-in copy.
    pub fn missing(&self) -> Vec<(&str, Lang)> {
        let mut out = Vec::new();
        for (key, texts) in &self.rows {
            out.extend(
                texts
                    .iter()
                    .filter(|(_, t)| t.is_empty())
                    .map(|(l, _)| (key.as_str(), l)),
            );
        }
        out
    }

    /// The keys whose languages do not fill the same places, with the
    /// language that differs from English: every template must have the
    /// same places in every language (a test holds this; the reader does
    /// not pay for the check).
    pub fn uneven_places(&self) -> Vec<(&str, Lang)> {
        let mut out = Vec::new();
        for (key, texts) in &self.rows {
            let want = place_names(texts.own(Lang::En));
            for (l, text) in texts.iter() {
                if place_names(text) != want {
                    out.push((key.as_str(), l));
                }
            }
        }
        out
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
    pub fn get(&self, key: &str) -> String {
        self.find(key).unwrap_or(key).to_string()
    }

    /// The text for the key `{prefix}-{code}` of a language (`name-ru`,
    /// "Russian"): a word that names `lang`, in this language.
    pub fn of_lang(&self, prefix: &str, lang: Lang) -> String {
        self.get(&format!("{prefix}-{}", lang.code()))
    }

    fn text(&self, key: &'a str) -> &'a str {
        self.find(key).unwrap_or(key)
    }

    fn find(&self, key: &str) -> Option<&'a str> {
        let rows = &self.strings.rows;
        let i = rows.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        // English where the language is not in the file.
        Some(rows[i].1.get(self.lang))
    }

    /// The text for `key` with its named places (`{date}`) filled from
    /// `args`: `fill("on-date", &[("date", "19 October 1956")])`.
    pub fn fill(&self, key: &'a str, args: &[(&str, &str)]) -> String {
        fill_places(self.text(key), args)
    }

    /// The pieces of the text for `key`, for a component that puts markup
    /// (a quotation) in one of its places.
    pub fn pieces(&self, key: &'a str) -> impl Iterator<Item = Piece<'a>> {
        pieces(self.text(key))
    }

    /// The names of the places of the text for `key`, sorted, each once.
    pub fn place_names(&self, key: &'a str) -> Vec<&'a str> {
        place_names(self.text(key))
    }

    /// A counted text: the form of `key` for `n` by this language's plural
    /// rules (forms separated by `|` in the order of [`Lang::plurals`]),
    /// with `{n}` the number and its other places filled from `args`.
    pub fn count(&self, key: &'a str, n: u64, args: &[(&str, &str)]) -> String {
        let text = self.text(key);
        let cat = self.lang.plural(n);
        let at = self.lang.plurals().iter().position(|c| *c == cat);
        let form = at.and_then(|i| text.split('|').nth(i)).unwrap_or(text);
        let number = self.lang.number(n);
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        fill_places(form, &all)
    }

    /// A place's name as a title, its first letter a capital («Остров
    /// Броутона», "The four disputed islands"; Japanese as it is).
    pub fn place_title(&self, p: &Place, g: &Gazetteer) -> String {
        let name = self.place(p, g);
        let mut chars = name.chars();
        match chars.next() {
            Some(first) => std::iter::once(capital(first)).chain(chars).collect(),
            None => name,
        }
    }

    /// A list as this language writes it (`list-join`): "Shikotan, Habomai
    /// islets", «Шикотан, острова Хабомаи», 「色丹島、歯舞群島」.
    pub fn list(&self, items: &[String]) -> String {
        let mut all = items.iter();
        let first = all.next().cloned().unwrap_or_default();
        all.fold(first, |list, item| {
            self.fill("list-join", &[("list", &list), ("item", item)])
        })
    }

    /// A text of the project's own in this language.
    pub fn own(&self, t: &Texts) -> String {
        t.get(self.lang).to_string()
    }

    /// A date in this language.
    pub fn date(&self, d: Date) -> String {
        self.lang.date(d)
    }

    /// A place's name in this language; a disputed island whose two sides'
    /// names differ carries the other's too, as the language writes it
    /// beside its own (`place-both`: "Iturup / Etorofu", «Итуруп
    /// (Эторофу)», 「択捉島（イトゥルップ）」); the group of the four islands
    /// by its neutral name, since the gazetteer's Russian and Japanese names
    /// for it are each side's own term.
    pub fn place(&self, p: &Place, g: &Gazetteer) -> String {
        match self.place_lines(p, g) {
            (own, Some(other)) => self.fill("place-both", &[("name", &own), ("other", &other)]),
            (own, _) => own,
        }
    }

    /// A place's name as the map writes it: its own name, and the other
    /// side's name alone (none where there is none), which the map sets
    /// on a second line (`place-other`: "(Etorofu)", «(Эторофу)»,
    /// 「（イトゥルップ）」).
    pub fn place_lines(&self, p: &Place, g: &Gazetteer) -> (String, Option<String>) {
        if p.id == "disputed" {
            return (self.get("four-islands"), None);
        }
        let own = p.name.get(self.lang);
        // English writes the other side's name in Latin letters.
        let other = match p.other.own(self.lang) {
            "" if self.lang == Lang::En => &p.romaji,
            other => other,
        };
        let both = p.names_differ(g) && !other.is_empty();
        (own.into(), both.then(|| other.to_string()))
    }
}
