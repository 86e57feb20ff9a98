//! People the lexicon lacks, as Russian and Japanese news name them, and
//! English news after its own fashion (`people.rs` reads the office
//! before the name):
//!
//! - Russian: an office of the role table, a country's name or a few
//!   short words at most, then one to three capitalised words: «генсек
//!   кабмина Японии Хирокадзу Мацуно», «посол России в Японии Михаил
//!   Галузин»;
//! - Japanese: a name right before an office, the office not run into
//!   another word (「外相会談」 is none): 「松野博一官房長官」, 「ロシアの
//!   ショイグ国防相」, 「アンドレイ・ルデンコ外務次官」, a kanji name of two to
//!   six characters or katakana ones with 「・」; or katakana before an
//!   honorific (「ガルージン氏」);
//! - English: the office after the name, "Hirokazu Matsuno, Japan's chief
//!   cabinet secretary,".
//!
//! Each gets the office in the article's words, in English from the role
//! table, and in the other languages as the table writes it; later
//! mentions by surname (in Russian in any case ending; in Japanese the
//! katakana surname, or a kanji name's first two characters before an
//! honorific or an office: 「松野氏」) are theirs too.
//!
//! Here: what the three languages share (the office's texts, the office
//! at a word, adding the people found); `english.rs`, `russian.rs` and
//! `japanese.rs` find the people in each language, `later.rs` their later
//! mentions.

mod english;
mod japanese;
mod later;
mod russian;

use super::*;
use crate::names::{fold, is_cjk, is_cyrillic};
use std::collections::HashMap;

/// Katakana, with its long-vowel mark and the middle dot of foreign names.
fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FC)
}

/// A kanji.
fn is_kanji(c: char) -> bool {
    is_cjk(c) && !matches!(c as u32, 0x3040..=0x30FF)
}

/// The most characters a Japanese name in katakana has (「アンドレイ・
/// ルデンコ」 has nine).
const MAX_NAME: usize = 16;

/// A new person found: the name's span, the English role, and the office's
/// words as the article writes them (empty: none).
struct Found {
    span: Span,
    role: Option<String>,
    office: String,
}

impl Extractor<'_> {
    /// The English role a local office is, and its words in the other two
    /// languages as the role table writes them (the first office of that
    /// role in each), the article's own words in its own.
    fn office_texts(&self, en: &str, written: &str) -> Texts {
        let first = |cyrillic: bool| {
            (self.k.lexicon.titles.iter())
                .find(|(w, e)| {
                    e == en
                        && w.starts_with(is_cyrillic) == cyrillic
                        && !w.starts_with(|c: char| c.is_ascii())
                })
                .map(|(w, _)| w.clone())
        };
        // The role table's office words are told apart by their script; a
        // language it has none for shows the English.
        Texts::each(|l| {
            if l.code() == self.lang {
                written.into()
            } else if l == Lang::En {
                en.into()
            } else if l == Lang::Ru {
                first(true).unwrap_or_default()
            } else if l == Lang::Ja {
                first(false).unwrap_or_default()
            } else {
                String::new()
            }
        })
    }

    /// Whether byte range `span` overlaps a name already found.
    fn named_at(&self, span: Span) -> bool {
        let from = self.hits.partition_point(|h| h.span.end <= span.start);
        self.hits[from..]
            .iter()
            .take_while(|h| h.span.start < span.end)
            .next()
            .is_some()
    }

    /// The office that starts at word `i`: its length in words and the
    /// English role where the role table has it (a `title`), none for an
    /// office of `office` rows.
    fn office_at(&self, i: usize) -> Option<(usize, Option<String>)> {
        if !self.starts_phrase[i] {
            return None;
        }
        let titled = (self.k.local_titles.iter()).find(|(w, _)| words_at(&self.toks, i, w));
        match titled {
            Some((w, en)) => Some((w.len(), Some(en.clone()))),
            None => (self.k.offices.iter())
                .find(|w| words_at(&self.toks, i, w))
                .map(|w| (w.len(), None)),
        }
    }

    /// The people of [`Self::english_people`], [`Self::russian_people`]
    /// and [`Self::japanese_people`], added with their offices, and their
    /// later mentions by surname.
    pub(super) fn office_people(&mut self) {
        let lang = self.lang.clone();
        let found = match lang.as_str() {
            "ru" => self.russian_people(),
            "ja" => self.japanese_people(),
            _ => self.english_people(),
        };
        if found.is_empty() {
            return;
        }
        // Surname -> id, and the ids, of the new people in order.
        let mut surnames: HashMap<String, String> = HashMap::new();
        let mut new: Vec<(String, String)> = Vec::new();
        let mut hits = Vec::new();
        for f in found {
            let name = f.span.of(self.text).to_string();
            // A surname alone, after the whole name: the same person
            // (「ルデンコ外務次官」 after 「アンドレイ・ルデンコ外務次官」).
            let alone = surname(&name, &lang);
            let earlier = surnames
                .get(&alone)
                .filter(|_| new_slug(&name) == fold(&alone));
            let id = earlier.cloned().unwrap_or_else(|| new_slug(&name));
            // The table's role in three languages, else the office as
            // written.
            let role = match &f.role {
                Some(en) => Some(self.office_texts(en, &f.office)),
                None if !f.office.is_empty() => Some(Texts::en(f.office.clone())),
                None => None,
            };
            let known = self.actor(&id).is_some();
            self.add_mention(
                &id,
                EntityKind::Person,
                Texts::en(name.clone()),
                None,
                f.span,
            );
            if let Some(a) = self.actor_mut(&id) {
                if let Some(r) = role {
                    a.entity.role.get_or_insert(r);
                }
                if let Some(en) = f.role.or((!f.office.is_empty()).then_some(f.office)) {
                    a.text_role.get_or_insert(en);
                }
            }
            hits.push(Hit {
                id: format!("e:{id}"),
                span: f.span,
                exact: true,
            });
            if !known && !alone.is_empty() {
                surnames.entry(alone.clone()).or_insert_with(|| id.clone());
                new.push((alone, id));
            }
        }
        self.hits.extend(hits);
        sort_hits(&mut self.hits);
        self.later_mentions(&new, &lang);
    }
}

/// A new person's id: the name as the article first writes it whole, lower
/// case, its words joined by `_` (a space or a 「・」 parts words; a
/// Japanese name written without either is one word).
pub(super) fn new_slug(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '・' || c == '·')
        .filter(|w| !w.is_empty())
        .map(|w| fold(w).replace(['-', '\'', '.'], "_"))
        .collect::<Vec<_>>()
        .join("_")
}

/// The surname later mentions name a person by: the last word (folded);
/// in Japanese the last katakana word, or a kanji name whole (its surname
/// is one to three of its first characters: [`Extractor::later_mentions`]
/// tries each).
fn surname(name: &str, lang: &str) -> String {
    if lang == "ja" {
        return name.rsplit('・').next().unwrap_or(name).to_string();
    }
    name.split_whitespace().last().map(fold).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Meta};
    use crate::{extract, Knowledge};
    use kuril_core::story::{EntityKind, Story};

    fn story(text: &str) -> Story {
        extract(
            &Article::new(text, Meta::parse("published: 2022-03-22").unwrap()),
            &Knowledge::load().unwrap(),
        )
    }

    /// The people of a story: (id, English role, Japanese role, mentions).
    fn people(s: &Story) -> Vec<(String, String, String, usize)> {
        (s.entities.iter())
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| {
                let r = e.role.clone().unwrap_or_default();
                (
                    e.id.clone(),
                    r.english().into(),
                    r.own(kuril_core::i18n::Lang::Ja).into(),
                    e.mentions.len(),
                )
            })
            .collect()
    }

    #[test]
    fn japanese_names_before_offices_and_honorifics() {
        let s = story("林芳正官房長官は22日の記者会見で、国後島での演習に抗議した。林氏は「受け入れられない」と述べた。ロシアのショイグ国防相は反論した。日露外相会談は開かれていない。ガルージン氏も出席した。");
        let p = people(&s);
        assert!(
            p.contains(&(
                "林芳正".into(),
                "Chief Cabinet Secretary".into(),
                "官房長官".into(),
                2
            )),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|(id, en, _, _)| id == "ショイグ" && en == "Defence Minister"),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|(id, en, _, _)| id == "ガルージン" && en.is_empty()),
            "{p:?}"
        );
        // 「日露外相会談」 is a meeting, and 「日露」 nobody.
        assert!(!p.iter().any(|(id, ..)| id.contains("日露")), "{p:?}");
        // The quote is Hayashi's.
        assert_eq!(s.quotes[0].speaker.as_deref(), Some("林芳正"));
    }

    #[test]
    fn katakana_names_with_the_middle_dot() {
        let s = story("ロシアのアンドレイ・ルデンコ外務次官は、国後島について語った。ルデンコ外務次官は日本を批判した。");
        let p = people(&s);
        assert_eq!(p[0].0, "アンドレイ_ルデンコ", "{p:?}");
        assert_eq!(p[0].1, "Deputy Foreign Minister");
        assert_eq!(p[0].3, 2, "{p:?}");
    }

    #[test]
    fn russian_names_after_offices_and_their_surnames_in_any_ending() {
        let s = story("Генсек кабмина Японии Ёсимаса Хаяси выразил протест в связи с учениями на Итурупе. По словам Хаяси, Токио не согласен. Посол России в Японии Михаил Галузин ответил.");
        let p = people(&s);
        assert!(
            p.iter().any(|(id, en, ja, n)| id == "есимаса_хаяси"
                && en == "Chief Cabinet Secretary"
                && ja == "官房長官"
                && *n == 2),
            "{p:?}"
        );
        assert!(
            p.iter()
                .any(|(id, en, _, _)| id == "михаил_галузин" && en == "Ambassador"),
            "{p:?}"
        );
    }

    #[test]
    fn english_names_before_their_office() {
        let s = story("Yoshimasa Hayashi, Japan's chief cabinet secretary, protested the drills on Iturup. Hayashi said Tokyo would not accept them.");
        let p = people(&s);
        assert!(
            p.iter().any(|(id, en, _, n)| id == "yoshimasa_hayashi"
                && en == "Chief Cabinet Secretary"
                && *n == 2),
            "{p:?}"
        );
    }

    #[test]
    fn a_japanese_quote_without_a_subject_is_the_person_of_the_sentence_before() {
        let s = story("林芳正官房長官は国後島での演習に抗議した。「受け入れられない」と述べた。");
        assert_eq!(s.quotes[0].speaker.as_deref(), Some("林芳正"));
    }

    #[test]
    fn a_pronoun_before_anyone_speaks_is_the_person_named_last() {
        let s = story("Mikhail Galuzin, Russia's ambassador to Japan, visited Kunashir on Monday. “The islands are ours,” he said.");
        assert_eq!(s.quotes[0].speaker.as_deref(), Some("mikhail_galuzin"));
        let s = story("Посол России в Японии Михаил Галузин прибыл на Кунашир. «Острова наши», — сказал он. «Мы останемся», — добавил дипломат.");
        assert_eq!(s.quotes[0].speaker.as_deref(), Some("михаил_галузин"));
        assert_eq!(s.quotes[1].speaker.as_deref(), Some("михаил_галузин"));
    }

    #[test]
    fn english_offices_before_the_name_and_offices_the_table_lacks() {
        let s = story("Japan's prime minister, Naoto Kan, spoke on Iturup. Eiichi Hasegawa, special adviser to the prime minister, agreed. Sergei Prikhodko, a presidential aide, said no. Sakhalin Gov. Oleg Kozhemyako met them.");
        let p = people(&s);
        let role = |id: &str| p.iter().find(|x| x.0 == id).map(|x| x.1.clone());
        assert_eq!(
            role("naoto_kan").as_deref(),
            Some("Prime Minister"),
            "{p:?}"
        );
        assert_eq!(
            role("eiichi_hasegawa").as_deref(),
            Some("special adviser to the prime minister")
        );
        assert_eq!(
            role("sergei_prikhodko").as_deref(),
            Some("presidential aide")
        );
        assert_eq!(role("oleg_kozhemyako").as_deref(), Some("governor"));
    }

    #[test]
    fn russian_offices_run_on_to_the_name() {
        let s = story("На Шикотане министр по развитию Дальнего Востока Александр Галушка выступил. Вице-премьер, полпред президента в ДФО Юрий Трутнев приехал на Итуруп. Президент «Ростелекома» Михаил Осеевский рассказал о кабеле на Кунашир.");
        let p = people(&s);
        let role = |id: &str| p.iter().find(|x| x.0 == id).map(|x| x.1.clone());
        assert_eq!(
            role("александр_галушка").as_deref(),
            Some("министр по развитию Дальнего Востока"),
            "{p:?}"
        );
        assert_eq!(
            role("юрий_трутнев").as_deref(),
            Some("Deputy Prime Minister"),
            "{p:?}"
        );
        assert_eq!(
            role("михаил_осеевский").as_deref(),
            Some("President"),
            "{p:?}"
        );
        // An abbreviation or an organisation in quotation marks is nobody.
        assert!(
            !p.iter()
                .any(|x| x.0.contains("дфо") || x.0.contains("ростелеком")),
            "{p:?}"
        );
    }

    #[test]
    fn japanese_offices_the_table_lacks_and_offices_after_offices() {
        let s = story("北方館の清水幸一副館長は国後島について語った。歯舞漁協の小倉啓一組合長も話した。ロシアのペスコフ大統領報道官は反論した。");
        let p = people(&s);
        assert!(
            p.iter().any(|x| x.0 == "清水幸一" && x.1 == "副館長"),
            "{p:?}"
        );
        assert!(
            p.iter().any(|x| x.0 == "小倉啓一" && x.1 == "組合長"),
            "{p:?}"
        );
        // 「大統領」 is an office before another, nobody's name.
        assert!(
            !p.iter()
                .any(|x| x.0.contains("大統領") || x.0.ends_with("副")),
            "{p:?}"
        );
    }

    #[test]
    fn a_quotation_alone_is_the_person_of_the_sentence_before() {
        let s = story("Путин подхватил мысль о Курилах. «Давайте заключим мирный договор до конца года». Зал ответил аплодисментами.");
        assert_eq!(s.quotes[0].speaker.as_deref(), Some("vladimir_putin"));
        let s = story("北方館の清水幸一副館長は「存分に島を見てきてほしい」と一行に語りかけた。");
        assert_eq!(s.quotes[0].speaker.as_deref(), Some("清水幸一"));
    }

    #[test]
    fn ids_of_new_people() {
        assert_eq!(super::new_slug("Хирокадзу Мацуно"), "хирокадзу_мацуно");
        assert_eq!(super::new_slug("松野博一"), "松野博一");
        assert_eq!(super::new_slug("セルゲイ・ショイグ"), "セルゲイ_ショイグ");
        assert_eq!(
            super::new_slug("Mikhail O'Brien-Smith"),
            "mikhail_o_brien_smith"
        );
    }
}
