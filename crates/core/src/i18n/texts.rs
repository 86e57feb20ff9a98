//! [`Texts`]: one text of the project's own in English, Russian and
//! Japanese, as the data files and the story carry it.

use super::lang::Lang;

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
