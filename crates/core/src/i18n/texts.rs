//! [`Texts`]: one text of the project's own in every language of
//! [`Lang::ALL`], as the data files and the story carry it.

use super::lang::Lang;
use crate::text::{self, FileTableError};

/// A row of [`Texts::table`]: its line, its plain fields and its texts.
pub type TextRow<'a, const N: usize, const M: usize> = (usize, [&'a str; N], [Texts; M]);

/// One text of the project's own in each language, by its position in
/// [`Lang::ALL`]. A story written before translations existed, or a name
/// found only in an article, has English alone: [`Texts::get`] falls back
/// to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts([String; Lang::COUNT]);

impl Texts {
    /// English only.
    pub fn en(en: impl Into<String>) -> Texts {
        Texts::of(&[(Lang::En, &en.into())])
    }

    /// The forms given, each in its language; the others empty.
    pub fn of(forms: &[(Lang, &str)]) -> Texts {
        let mut t = Texts::default();
        for &(lang, s) in forms {
            t.set(lang, s);
        }
        t
    }

    /// The form in `lang`, or the English one where it has none.
    pub fn get(&self, lang: Lang) -> &str {
        match self.own(lang) {
            "" => self.own(Lang::En),
            own => own,
        }
    }

    /// The English form, which every text of a data file has.
    pub fn english(&self) -> &str {
        self.own(Lang::En)
    }

    /// The form in `lang` itself: empty where it has none.
    pub fn own(&self, lang: Lang) -> &str {
        &self.0[lang.index()]
    }

    /// Sets the form in `lang`.
    pub fn set(&mut self, lang: Lang, text: impl Into<String>) {
        self.0[lang.index()] = text.into();
    }

    /// Each language with its own form (empty where it has none), in the
    /// order of [`Lang::ALL`].
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL.into_iter().zip(self.0.iter().map(String::as_str))
    }

    /// Whether every language has its own form.
    pub fn is_complete(&self) -> bool {
        self.0.iter().all(|s| !s.is_empty())
    }

    /// Whether only English has a form (or none has).
    pub fn is_english_only(&self) -> bool {
        self.iter().all(|(l, s)| l == Lang::En || s.is_empty())
    }

    /// Each form changed by `f`, given its language; a missing form stays
    /// missing (a template without its Russian does not become English).
    pub fn map(&self, mut f: impl FnMut(Lang, &str) -> String) -> Texts {
        Texts::each(|lang| match self.own(lang) {
            "" => String::new(),
            s => f(lang, s),
        })
    }

    /// The text in each language from `f`.
    pub fn each(f: impl FnMut(Lang) -> String) -> Texts {
        Texts(Lang::ALL.map(f))
    }

    /// The text if it has its English form, which a data file's row
    /// requires (`None` when that is empty).
    pub fn with_english(self) -> Option<Texts> {
        (!self.english().is_empty()).then_some(self)
    }

    /// [`crate::text::file_table`] for a file whose rows also hold texts of
    /// the project's own: each name of `texts` is one column per language of
    /// [`Lang::ALL`] ([`Texts::column`]: `title`, `title_ru`, `title_ja`),
    /// read into one [`Texts`]. A new language is a new column in the file,
    /// not new code.
    pub fn table<'a, const N: usize, const M: usize>(
        file: &'static str,
        src: &'a str,
        fields: [&str; N],
        texts: [&str; M],
    ) -> Result<impl ExactSizeIterator<Item = TextRow<'a, N, M>>, FileTableError> {
        // The work is done once for every width (no copy per N, M in the
        // wasm but the split of each row).
        let rows = Texts::table_rows(file, src, &fields, &texts)?;
        Ok(rows.into_iter().map(|(line, plain, mut texts)| {
            let plain = std::array::from_fn(|i| plain.get(i).copied().unwrap_or(""));
            let texts = std::array::from_fn(|k| texts.get_mut(k).map(std::mem::take));
            (line, plain, texts.map(Option::unwrap_or_default))
        }))
    }

    /// [`Texts::table`]'s rows, the plain fields and the texts in order.
    #[allow(clippy::type_complexity)]
    fn table_rows<'a>(
        file: &'static str,
        src: &'a str,
        fields: &[&str],
        texts: &[&str],
    ) -> Result<Vec<(usize, Vec<&'a str>, Vec<Texts>)>, FileTableError> {
        let mut names: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        for base in texts {
            names.extend(Lang::ALL.map(|l| Texts::column(base, l)));
        }
        let header: Vec<&str> = names.iter().map(String::as_str).collect();
        let rows =
            text::table_rows(src, &header).map_err(|e| text::file_error(file, &header, e))?;
        let n = fields.len();
        Ok(rows
            .into_iter()
            .map(|(line, mut row)| {
                let own = row.split_off(n);
                let mut texts = Vec::with_capacity(own.len() / Lang::COUNT);
                for forms in own.chunks_exact(Lang::COUNT) {
                    let mut t = Texts::default();
                    for (slot, form) in t.0.iter_mut().zip(forms) {
                        slot.push_str(form);
                    }
                    texts.push(t);
                }
                (line, row, texts)
            })
            .collect())
    }

    /// The column of a data file that holds a text's form in `lang`:
    /// `{base}_{code}` (`title_ru`), English's also `{base}` alone; where
    /// `base` is empty, the code alone (`data/ui.tsv`'s `en`, `ru`, `ja`).
    /// Alternatives are separated by `|`, as [`crate::text`]'s tables read.
    pub fn column(base: &str, lang: Lang) -> String {
        let mut name = String::from(base);
        match (base, lang) {
            ("", _) => {}
            (_, Lang::En) => {
                name.push('|');
                name.push_str(base);
                name.push('_');
            }
            _ => name.push('_'),
        }
        name.push_str(lang.code());
        name
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
/// file written before translations existed), else an object with a
/// member per language code (`{"en", "ru", "ja"}`).
#[cfg(feature = "serde")]
impl serde::Serialize for Texts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.is_english_only() {
            return s.serialize_str(self.own(Lang::En));
        }
        let mut m = s.serialize_map(Some(Lang::COUNT))?;
        for (lang, text) in self.iter() {
            m.serialize_entry(lang.code(), text)?;
        }
        m.end()
    }
}

/// Reads either JSON form; members whose code is not a language of
/// [`Lang::ALL`] are left out, and `en` is required.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Texts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Texts, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Form {
            Plain(String),
            Each(std::collections::BTreeMap<String, String>),
        }
        match Form::deserialize(d)? {
            Form::Plain(en) => Ok(Texts::en(en)),
            Form::Each(forms) if forms.contains_key("en") => Ok(Texts::each(|l| {
                forms.get(l.code()).cloned().unwrap_or_default()
            })),
            Form::Each(_) => Err(serde::de::Error::missing_field("en")),
        }
    }
}
