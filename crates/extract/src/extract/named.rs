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

use super::*;
use crate::names::{fold, is_cjk, is_cyrillic, same_word};

/// Katakana, with its long-vowel mark and the middle dot of foreign names.
fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FC)
}

/// A kanji.
fn is_kanji(c: char) -> bool {
    is_cjk(c) && !matches!(c as u32, 0x3040..=0x30FF)
}

/// Kanji that end the name of an organisation or a place, not a person's
/// (「外務省」, 「政府」, 「日本国」).
const NOT_A_NAME_END: &str = "省庁府国党軍会部局課団社協市町村県道島州区";

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
        let lang = self.article.language();
        Texts {
            en: en.to_string(),
            ru: if lang == "ru" {
                written.to_string()
            } else {
                first(true).unwrap_or_default()
            },
            ja: if lang == "ja" {
                written.to_string()
            } else {
                first(false).unwrap_or_default()
            },
        }
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

    /// The Japanese name that ends at byte `end`: a run of katakana (with
    /// 「・」) or of two to six kanji, not an organisation's or a place's.
    fn japanese_name_before(&self, end: usize) -> Option<Span> {
        let before = &self.text[..end];
        let last = before.chars().next_back()?;
        let katakana = is_katakana(last) && last != '・';
        let take = |c: char| {
            if katakana {
                is_katakana(c)
            } else {
                is_kanji(c)
            }
        };
        let mut start = end;
        let mut count = 0;
        // At most one character past the longest name taken: a long run
        // is no name, and is not walked again for each honorific in it.
        for (i, c) in before.char_indices().rev().take(MAX_NAME + 1) {
            if !take(c) {
                break;
            }
            start = i;
            count += 1;
        }
        let span = Span { start, end };
        let name = span.of(self.text).trim_matches('・');
        let ok = if katakana {
            (2..=MAX_NAME).contains(&count) && !name.is_empty()
        } else {
            (2..=6).contains(&count) && !name.ends_with(|c: char| NOT_A_NAME_END.contains(c))
        };
        (ok && !self.named_at(span)).then_some(span)
    }

    /// The new people of an article in Japanese: names before offices and
    /// katakana names before honorifics.
    fn japanese_people(&self) -> Vec<Found> {
        let mut out = Vec::new();
        for i in 0..self.toks.len() {
            let t = &self.toks[i];
            let Some(first) = t.span.of(self.text).chars().next().filter(|c| is_cjk(*c)) else {
                continue;
            };
            let office = (self.starts_phrase[i])
                .then(|| (self.k.local_titles.iter()).find(|(w, _)| words_at(&self.toks, i, w)))
                .flatten();
            let (end_tok, role) = match office {
                Some((w, en)) => (i + w.len(), Some(en.clone())),
                None if self.k.lexicon.honorifics.iter().any(|h| {
                    h.starts_with(first) && self.text[t.span.start..].starts_with(h.as_str())
                }) =>
                {
                    (i + 1, None)
                }
                None => continue,
            };
            // An office run into another word is none (「外相会談」).
            let after = self.toks.get(end_tok).map(|n| n.span.of(self.text));
            if role.is_some() && after.is_some_and(|a| a.starts_with(is_kanji)) {
                continue;
            }
            let Some(span) = self.japanese_name_before(t.span.start) else {
                continue;
            };
            // An honorific makes a person of katakana alone.
            if role.is_none() && !span.of(self.text).starts_with(is_katakana) {
                continue;
            }
            // The office in the article's words (an honorific is none).
            let office = match role {
                Some(_) => self.text[t.span.start..self.toks[end_tok - 1].span.end].to_string(),
                None => String::new(),
            };
            out.push(Found { span, role, office });
        }
        out
    }

    /// The new people of an article in Russian: capitalised names after
    /// offices.
    fn russian_people(&self) -> Vec<Found> {
        let mut out = Vec::new();
        for i in 0..self.toks.len() {
            if !self.starts_phrase[i] || !self.toks[i].folded.starts_with(is_cyrillic) {
                continue;
            }
            let Some((w, en)) =
                (self.k.local_titles.iter()).find(|(w, _)| words_at(&self.toks, i, w))
            else {
                continue;
            };
            // A country's name, and short words such as «в», at most four.
            let mut j = i + w.len();
            for _ in 0..4 {
                let Some(t) = self.toks.get(j) else { break };
                let place =
                    hits_starting_at(&self.hits, t.span.start).find(|h| h.id.starts_with("p:"));
                match place {
                    Some(h) => j = self.toks.partition_point(|t| t.span.start < h.span.end),
                    None if !t.capitalised && t.folded.chars().count() <= 2 => j += 1,
                    None => break,
                }
            }
            let name: Vec<&Token> = self.toks[j.min(self.toks.len())..]
                .iter()
                .take(3)
                .take_while(|t| {
                    t.capitalised && t.folded.starts_with(is_cyrillic) && !self.named_at(t.span)
                })
                .collect();
            // In one run of text (no comma or full stop between).
            let run = name
                .windows(2)
                .take_while(|p| {
                    self.text[p[0].span.end..p[1].span.start]
                        .chars()
                        .all(|c| c == ' ')
                })
                .count();
            let Some(last) = name.get(run) else { continue };
            let office = Span {
                start: self.toks[i].span.start,
                end: self.toks[i + w.len() - 1].span.end,
            };
            out.push(Found {
                span: Span {
                    start: name[0].span.start,
                    end: last.span.end,
                },
                role: Some(en.clone()),
                office: office.of(self.text).to_string(),
            });
        }
        out
    }

    /// The new people of an article in English named before their office:
    /// "Hirokazu Matsuno, Japan's chief cabinet secretary," (two or three
    /// capitalised words no name found holds, a comma, at most "the", a
    /// country's name or a demonym, then a role).
    fn english_people(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i + 2 < self.toks.len() {
            let name: Vec<&Token> = self.toks[i..]
                .iter()
                .take(3)
                .take_while(|t| t.capitalised && t.folded.is_ascii() && !self.named_at(t.span))
                .collect();
            let run = name
                .windows(2)
                .take_while(|p| self.text[p[0].span.end..p[1].span.start] == *" ")
                .count()
                + 1;
            if name.len() < 2
                || run < 2
                || (i > 0
                    && self.toks[i - 1].capitalised
                    && self.text[self.toks[i - 1].span.end..self.toks[i].span.start] == *" ")
            {
                i += 1;
                continue;
            }
            let last = name[run - 1];
            let mut j = i + run;
            if !self.text[last.span.end..].starts_with(", ") {
                i += 1;
                continue;
            }
            // "the", "Japan's", "Russian": at most three words before the role.
            for _ in 0..3 {
                let Some(t) = self.toks.get(j) else { break };
                let place =
                    hits_starting_at(&self.hits, t.span.start).find(|h| h.id.starts_with("p:"));
                let demonym = self
                    .k
                    .demonyms
                    .iter()
                    .find(|(_, w, _)| words_at(&self.toks, j, w));
                let possessive = t.folded == "s"
                    && j > 0
                    && matches!(
                        &self.text[self.toks[j - 1].span.end..t.span.start],
                        "'" | "’"
                    );
                if let Some(h) = place {
                    j = self.toks.partition_point(|t| t.span.start < h.span.end);
                } else if let Some((_, w, _)) = demonym {
                    j += w.len();
                } else if t.folded == "the" || possessive {
                    j += 1;
                } else {
                    break;
                }
            }
            let role = (self.k.titles.iter())
                .find(|(_, w)| words_at(&self.toks, j, w))
                .map(|(t, _)| t.clone());
            if let Some(role) = role {
                out.push(Found {
                    span: Span {
                        start: name[0].span.start,
                        end: last.span.end,
                    },
                    role: Some(role.clone()),
                    office: role,
                });
            }
            i += run;
        }
        out
    }

    /// The people of [`Self::english_people`], [`Self::russian_people`]
    /// and [`Self::japanese_people`], added with their offices, and their
    /// later mentions by surname.
    pub(super) fn office_people(&mut self) {
        let lang = self.article.language();
        let found = match lang.as_str() {
            "ru" => self.russian_people(),
            "ja" => self.japanese_people(),
            _ => self.english_people(),
        };
        if found.is_empty() {
            return;
        }
        let mut new: Vec<(String, String)> = Vec::new();
        let mut hits = Vec::new();
        for f in found {
            let name = f.span.of(self.text).to_string();
            // A surname alone, after the whole name: the same person
            // (「ルデンコ外務次官」 after 「アンドレイ・ルデンコ外務次官」).
            let earlier = new.iter().find(|(s, _)| {
                !s.is_empty() && surname(&name, &lang) == *s && new_slug(&name) == fold(s)
            });
            let id = earlier.map_or_else(|| new_slug(&name), |(_, id)| id.clone());
            let role = f.role.as_ref().map(|en| self.office_texts(en, &f.office));
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
                if let Some(en) = f.role {
                    a.text_role.get_or_insert(en);
                }
            }
            hits.push(Hit {
                id: format!("e:{id}"),
                span: f.span,
                exact: true,
            });
            if !new.iter().any(|(_, i)| *i == id) {
                new.push((surname(&name, &lang), id));
            }
        }
        self.hits.extend(hits);
        self.hits.sort_by_key(|h| h.span);
        self.later_mentions(&new, &lang);
    }

    /// Later mentions of new people by surname (`new`: surname, id): in
    /// Japanese before an honorific or an office (「松野氏」, 「松野長官」)
    /// or, in katakana, alone; else as a capitalised word (in Russian in
    /// any case ending).
    fn later_mentions(&mut self, new: &[(String, String)], lang: &str) {
        let mut later = Vec::new();
        if lang == "ja" {
            for (surname, id) in new.iter().filter(|(s, _)| !s.is_empty()) {
                let katakana = surname.starts_with(is_katakana);
                // A kanji name's surname is one to three of its first
                // characters, or the whole name: each is tried before an
                // honorific or an office.
                let chars: Vec<(usize, char)> = surname.char_indices().collect();
                let ends = if katakana {
                    vec![surname.len()]
                } else {
                    (1..chars.len().min(4))
                        .map(|n| chars[n].0)
                        .chain([surname.len()])
                        .collect()
                };
                for end in ends {
                    let part = &surname[..end];
                    for (at, _) in self.text.match_indices(part) {
                        let span = Span {
                            start: at,
                            end: at + part.len(),
                        };
                        let rest = &self.text[span.end..];
                        let before_ok = self.text[..at].chars().next_back().is_none_or(|c| {
                            if katakana {
                                !is_katakana(c)
                            } else {
                                !is_kanji(c)
                            }
                        });
                        let after_ok = if katakana {
                            !rest.starts_with(is_katakana)
                        } else {
                            self.k
                                .lexicon
                                .honorifics
                                .iter()
                                .any(|h| rest.starts_with(h.as_str()))
                                || self
                                    .k
                                    .lexicon
                                    .titles
                                    .iter()
                                    .any(|(w, _)| rest.starts_with(w.as_str()))
                        };
                        if before_ok
                            && after_ok
                            && !self.named_at(span)
                            && !later.iter().any(|h: &Hit| h.span == span)
                        {
                            later.push(Hit {
                                id: format!("e:{id}"),
                                span,
                                exact: true,
                            });
                        }
                    }
                }
            }
        } else {
            for t in self.toks.iter().filter(|t| t.capitalised) {
                let Some((_, id)) = new
                    .iter()
                    .find(|(s, _)| !s.is_empty() && same_word(&t.folded, s))
                else {
                    continue;
                };
                if !self.named_at(t.span) {
                    later.push(Hit {
                        id: format!("e:{id}"),
                        span: t.span,
                        exact: true,
                    });
                }
            }
        }
        for h in &later {
            let span = h.span;
            if let Some(a) = self.actor_mut(&h.id[2..]) {
                a.entity.mentions.push(span);
            }
        }
        self.hits.extend(later);
        self.hits.sort_by_key(|h| h.span);
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
                (e.id.clone(), r.en, r.ja, e.mentions.len())
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
