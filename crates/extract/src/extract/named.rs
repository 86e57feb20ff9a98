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
        // The role table's office words are told apart by their script.
        Texts::each(|l| match l {
            _ if l.code() == self.lang => written.into(),
            Lang::En => en.into(),
            Lang::Ru => first(true).unwrap_or_default(),
            Lang::Ja => first(false).unwrap_or_default(),
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

    /// The Japanese office (a title, an office or a role's word) that ends
    /// at byte `end`, run into the office after it: where it starts
    /// (「大統領」 of 「ペスコフ大統領報道官」).
    fn japanese_office_before(&self, end: usize) -> Option<usize> {
        let k = &self.k;
        let words = (k.local_titles.iter().map(|(w, _)| w))
            .chain(&k.offices)
            .chain(k.role_refs.iter().map(|(w, _)| w));
        words
            .filter_map(|w| {
                let text: String = w.concat();
                self.text[..end]
                    .ends_with(text.as_str())
                    .then(|| end - text.len())
            })
            .min()
    }

    /// The new people of an article in Japanese: names before offices and
    /// katakana names before honorifics.
    fn japanese_people(&self) -> Vec<Found> {
        let mut out = Vec::new();
        // The end of the last office found: 「館長」 inside 「副館長」 is none.
        let mut covered = 0;
        for i in 0..self.toks.len() {
            let t = &self.toks[i];
            if i < covered {
                continue;
            }
            let Some(first) = t.span.of(self.text).chars().next().filter(|c| is_cjk(*c)) else {
                continue;
            };
            let honorific = || {
                let rest = &self.text[t.span.start..];
                (self.k.lexicon.honorifics.iter())
                    .any(|h| h.starts_with(first) && rest.starts_with(h.as_str()))
            };
            let (end_tok, role, office) = match self.office_at(i) {
                Some((len, role)) => (i + len, role, true),
                None if honorific() => (i + 1, None, false),
                None => continue,
            };
            // An office run into another word is none (「外相会談」).
            let after = self.toks.get(end_tok).map(|n| n.span.of(self.text));
            if office && after.is_some_and(|a| a.starts_with(is_kanji)) {
                continue;
            }
            // An office may follow another (「大統領報道官」): the name is
            // before the first.
            let mut at = t.span.start;
            while let Some(before) = self.japanese_office_before(at).filter(|_| office) {
                at = before;
            }
            let Some(span) = self.japanese_name_before(at) else {
                continue;
            };
            // An honorific makes a person of katakana alone.
            if !office && !span.of(self.text).starts_with(is_katakana) {
                continue;
            }
            let written = match office {
                true => self.text[at..self.toks[end_tok - 1].span.end].to_string(),
                false => String::new(),
            };
            covered = end_tok;
            out.push(Found {
                span,
                role,
                office: written,
            });
        }
        out
    }

    /// The name an office introduces in Russian, from word `j` on: the
    /// office runs on over lower-case words, abbreviations («ДФО»), names
    /// in quotation marks («Ростелекома»), places and single capitalised
    /// words («Сахалинской области»), at most eight words, to two or three
    /// capitalised words in one run of text (a longer run ends with the
    /// name: «Дальнего Востока Александр Галушка»), within the sentence.
    fn russian_name_from(&self, mut j: usize) -> Option<Span> {
        let acronym = |t: &Token| {
            let w = t.span.of(self.text);
            w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase())
        };
        let word = |t: &Token| t.capitalised && !acronym(t) && t.folded.starts_with(is_cyrillic);
        let mut quoted = false;
        for _ in 0..8 {
            let t = self.toks.get(j)?;
            let gap = &self.text[self.toks[j - 1].span.end..t.span.start];
            if gap.contains(['.', '!', '?', ':', ';', '—', '(', ')', '"', '“', '„']) {
                return None;
            }
            quoted = (quoted || gap.contains('«')) && !gap.contains('»');
            if quoted
                || !word(t)
                || hits_starting_at(&self.hits, t.span.start).any(|h| h.id.starts_with("p:"))
            {
                j += 1;
                continue;
            }
            let run = 1
                + (self.toks[j..].windows(2))
                    .take_while(|p| {
                        word(&p[1])
                            && self.text[p[0].span.end..p[1].span.start]
                                .chars()
                                .all(|c| c == ' ')
                    })
                    .count();
            if run < 2 {
                j += 1;
                continue;
            }
            // The name: the last two words, three with a patronymic.
            let patronymic = |t: &Token| {
                ["ович", "евич", "ич", "овна", "евна", "ична"]
                    .iter()
                    .any(|e| t.folded.ends_with(e))
            };
            let end = j + run;
            let start = if run >= 3 && patronymic(&self.toks[end - 2]) {
                end - 3
            } else {
                end - 2
            };
            let span = Span {
                start: self.toks[start].span.start,
                end: self.toks[end - 1].span.end,
            };
            return (!self.named_at(span)).then_some(span);
        }
        None
    }

    /// The new people of an article in Russian: capitalised names after
    /// offices.
    fn russian_people(&self) -> Vec<Found> {
        let mut out = Vec::new();
        for i in 0..self.toks.len() {
            if !self.toks[i].folded.starts_with(is_cyrillic) {
                continue;
            }
            let Some((len, role)) = self.office_at(i) else {
                continue;
            };
            let Some(span) = self.russian_name_from(i + len) else {
                continue;
            };
            // The office as written, up to the name.
            let office =
                self.text[self.toks[i].span.start..span.start].trim_end_matches([' ', ',']);
            out.push(Found {
                span,
                role,
                office: office.to_string(),
            });
        }
        out
    }

    /// Two or three capitalised Latin words at word `i` in one run of
    /// text, no name found, and not after another capitalised word.
    fn english_name_at(&self, i: usize) -> Option<Span> {
        let word = |t: &Token| t.capitalised && t.folded.is_ascii() && !self.named_at(t.span);
        let toks = &self.toks[i..];
        let run = 1
            + (toks.windows(2).take(2))
                .take_while(|p| word(&p[1]) && self.text[p[0].span.end..p[1].span.start] == *" ")
                .count();
        let after_capital = i > 0
            && self.toks[i - 1].capitalised
            && self.text[self.toks[i - 1].span.end..toks[0].span.start] == *" ";
        (word(&toks[0]) && run >= 2 && !after_capital).then(|| Span {
            start: toks[0].span.start,
            end: toks[run - 1].span.end,
        })
    }

    /// Skips "the", "a", a country's name, "Japan's" and a demonym from
    /// word `j`: where the office may start.
    fn english_office_start(&self, mut j: usize) -> usize {
        for _ in 0..3 {
            let Some(t) = self.toks.get(j) else { break };
            let place = hits_starting_at(&self.hits, t.span.start).find(|h| h.id.starts_with("p:"));
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
            } else if matches!(t.folded.as_str(), "the" | "a" | "an") || possessive {
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    /// The new people of an article in English: "Hirokazu Matsuno, Japan's
    /// chief cabinet secretary," and "Eiichi Hasegawa, special adviser to
    /// the prime minister," (the office after the name, up to a comma: a
    /// role of the table, else words with an office's word, as written);
    /// "Japan's prime minister, Naoto Kan," (a role of the table before
    /// the name); "Sakhalin Gov. Oleg Kozhemyako" (a short office of the
    /// table, `title` rows).
    fn english_people(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let role_at = |j: usize| (self.k.titles.iter()).find(|(_, w)| words_at(&self.toks, j, w));
        for i in 0..self.toks.len() {
            let Some(span) = self.english_name_at(i) else {
                continue;
            };
            let next = self.toks.partition_point(|t| t.span.start < span.end);
            let comma_after = self.text[span.end..].starts_with(", ");
            // The office after the name.
            if comma_after {
                let j = self.english_office_start(next);
                let phrase: Vec<&Token> = (self.toks[j..].iter().take(9))
                    .take_while(|t| {
                        !self.text[span.end..t.span.start].contains(['.', ';', '"', '“'])
                    })
                    .collect();
                let upto = phrase
                    .iter()
                    .position(|t| self.text[t.span.end..].starts_with([',', '.']))
                    .map(|p| p + 1);
                if let (Some((role, _)), Some(_)) = (role_at(j), upto) {
                    out.push(Found {
                        span,
                        role: Some(role.clone()),
                        office: role.clone(),
                    });
                    continue;
                }
                let words = &phrase[..upto.unwrap_or(0)];
                let office_word = (0..words.len()).any(|k| {
                    self.k
                        .offices
                        .iter()
                        .any(|w| words_at(&self.toks, j + k, w))
                });
                let lower = words.iter().all(|t| !t.capitalised);
                if let (Some(first), Some(last)) = (words.first(), words.last()) {
                    if office_word && lower {
                        let office = self.text[first.span.start..last.span.end].to_string();
                        out.push(Found {
                            span,
                            role: None,
                            office,
                        });
                        continue;
                    }
                }
            }
            // The office before the name: "Japan's prime minister, Naoto
            // Kan," or "Sakhalin Gov. Oleg Kozhemyako".
            let ends_at = |w: &[String], gap: &str| {
                i >= w.len()
                    && words_at(&self.toks, i - w.len(), w)
                    && self.text[self.toks[i - 1].span.end..span.start] == *gap
            };
            let before = (self.k.titles.iter())
                .find(|(_, w)| ends_at(w, ", ") && self.text[span.end..].starts_with([',', '.']))
                .map(|(r, _)| r.clone())
                .or_else(|| {
                    (self.k.local_titles.iter())
                        .find(|(w, _)| w[0].is_ascii() && ends_at(w, ". "))
                        .map(|(_, en)| en.clone())
                });
            if let Some(role) = before {
                out.push(Found {
                    span,
                    role: Some(role.clone()),
                    office: role,
                });
            }
        }
        out
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

    /// Later mentions of new people by surname (`new`: surname, id): in
    /// Japanese before an honorific or an office (「松野氏」, 「松野長官」)
    /// or, in katakana, alone; else as a capitalised word (in Russian in
    /// any case ending).
    fn later_mentions(&mut self, new: &[(String, String)], lang: &str) {
        let mut later = Vec::new();
        if lang == "ja" {
            // The words a later mention may be, to the id: a katakana
            // surname, a kanji name whole and its first one to three
            // characters (its surname is one of them).
            let mut by_word: HashMap<&str, &str> = HashMap::new();
            for (surname, id) in new {
                let chars: Vec<(usize, char)> = surname.char_indices().collect();
                let ends: Vec<usize> = match surname.starts_with(is_katakana) {
                    true => vec![surname.len()],
                    false => (1..chars.len().min(4))
                        .map(|n| chars[n].0)
                        .chain([surname.len()])
                        .collect(),
                };
                for end in ends {
                    by_word.entry(&surname[..end]).or_insert(id);
                }
            }
            // Each run of katakana whole, and each run of kanji (of a
            // name's length at most) before an honorific or an office.
            let mut at = 0;
            while at < self.text.len() {
                let Some(c) = self.text[at..].chars().next() else {
                    break;
                };
                let katakana = is_katakana(c) && c != '・';
                if !(katakana || is_kanji(c)) {
                    at += c.len_utf8();
                    continue;
                }
                let len: usize = (self.text[at..].chars())
                    .take_while(|&d| {
                        if katakana {
                            is_katakana(d)
                        } else {
                            is_kanji(d)
                        }
                    })
                    .map(char::len_utf8)
                    .sum();
                let run = Span {
                    start: at,
                    end: at + len,
                };
                at += len;
                let found = if katakana {
                    by_word.get(run.of(self.text)).map(|id| (run, *id))
                } else {
                    // The run may hold the office too (「松野長官」): the
                    // name is what comes before the first honorific or
                    // office within the run or after it.
                    let word = run.of(self.text);
                    let starts = word
                        .char_indices()
                        .map(|(i, _)| i)
                        .chain([word.len()])
                        .skip(1);
                    starts.take(MAX_NAME).find_map(|cut| {
                        let rest = &self.text[run.start + cut..];
                        let office = self
                            .k
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
                            || self
                                .k
                                .lexicon
                                .offices
                                .iter()
                                .any(|w| rest.starts_with(w.as_str()));
                        let id = by_word.get(&word[..cut]).filter(|_| office)?;
                        Some((
                            Span {
                                start: run.start,
                                end: run.start + cut,
                            },
                            *id,
                        ))
                    })
                };
                if let Some((span, id)) = found.filter(|(span, _)| !self.named_at(*span)) {
                    later.push(Hit {
                        id: format!("e:{id}"),
                        span,
                        exact: true,
                    });
                }
            }
        } else {
            // Surnames by their stems (Russian: less any case ending), so
            // that each word of the text is looked up, not compared with
            // every surname.
            let mut by_stem: HashMap<String, &str> = HashMap::new();
            for (surname, id) in new {
                for stem in stems(surname) {
                    by_stem.entry(stem).or_insert(id);
                }
            }
            for t in self.toks.iter().filter(|t| t.capitalised) {
                let id = stems(&t.folded).into_iter().find_map(|s| by_stem.get(&s));
                if let Some(id) = id.filter(|_| !self.named_at(t.span)) {
                    later.push(Hit {
                        id: format!("e:{id}"),
                        span: t.span,
                        exact: true,
                    });
                }
            }
        }
        self.mention_all(&later);
        self.hits.extend(later);
        sort_hits(&mut self.hits);
    }
}

/// The stems a folded word may share with another form of it: itself,
/// and for a Russian word itself less each case ending it has, down to
/// three letters (`same_word`'s rule, as keys to look up).
fn stems(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    if word.starts_with(is_cyrillic) {
        for e in crate::names::ENDINGS.iter().filter(|e| !e.is_empty()) {
            if let Some(stem) = word.strip_suffix(e).filter(|s| s.chars().count() >= 3) {
                out.push(stem.to_string());
            }
        }
    }
    out
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
