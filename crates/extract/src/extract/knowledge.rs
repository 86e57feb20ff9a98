//! What the extractor knows: the gazetteer and the lexicon, with the name
//! index, word lists and cue phrases prepared once for any number of
//! articles.

use super::{words_of, Cue};
use crate::lexicon::Lexicon;
use crate::names::{same_word, NameIndex, PhraseIndex};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::i18n::Strings;

/// A cue as phrase ids: alternatives, each of terms, each of phrases.
pub(super) type CueIds = Vec<Vec<Vec<usize>>>;

/// What the extractor knows: the gazetteer and the lexicon, with the name
/// index and word lists prepared once for any number of articles.
#[derive(Clone, Debug)]
pub struct Knowledge {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    /// The interface's words (`data/ui.tsv`), for the notes a story
    /// carries in three languages (how a date was found).
    pub(super) words: Strings,
    /// Every place and entity name; ids are `p:<place>` or `e:<entity>`.
    pub(super) names: NameIndex,
    /// Speech verbs as folded words.
    pub(super) verbs: Vec<Vec<String>>,
    /// Pronouns as folded words ("он"; Japanese "同氏" is two).
    pub(super) pronouns: Vec<Vec<String>>,
    /// Role reference words and the role title they point to, longest first.
    pub(super) role_refs: Vec<(Vec<String>, String)>,
    /// Role titles as written and as folded words, longest first.
    pub(super) titles: Vec<(String, Vec<String>)>,
    /// Russian and Japanese offices as folded words, and the English role
    /// each is, longest first.
    pub(super) local_titles: Vec<(Vec<String>, String)>,
    /// Demonyms as written, as folded words, and their country.
    pub(super) demonyms: Vec<(String, Vec<String>, String)>,
    /// The first word of every speech verb and role title: most words of a
    /// text are neither, and this says so with one look-up.
    pub(super) first_words: Vec<String>,
    /// Every phrase of every event and claim cue.
    pub(super) cue_phrases: PhraseIndex,
    /// Per lexicon event, then per claim: each cue alternative's terms'
    /// phrase ids.
    pub(super) event_terms: Vec<CueIds>,
    pub(super) claim_terms: Vec<CueIds>,
}

/// Sorts phrases (as folded words, with what each stands for) longest
/// first, so that "foreign minister" is tried before "minister" (one sort
/// for both lists: one copy of its code in the newsroom module).
fn longest_first(list: &mut [(Vec<String>, String)]) {
    list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
}

impl Knowledge {
    /// Whether a speech verb or a role title starts with this folded word.
    pub(super) fn starts_phrase(&self, word: &str) -> bool {
        // A few dozen short words: a linear look costs less code than a
        // sorted or hashed set, and is as fast at this size.
        self.first_words.iter().any(|w| same_word(word, w))
    }

    pub fn new(gazetteer: Gazetteer, lexicon: Lexicon) -> Knowledge {
        let mut names = NameIndex::default();
        for p in &gazetteer.places {
            // Names in the three languages are matched, as the aliases are.
            let own = [&p.name_en, &p.name_ru, &p.name_ja];
            for n in own.into_iter().chain(&p.aliases) {
                names.add(&format!("p:{}", p.id), n);
            }
        }
        for e in &lexicon.entities {
            let own = [&e.name.en, &e.name.ru, &e.name.ja];
            for n in own.into_iter().chain(&e.aliases) {
                names.add(&format!("e:{}", e.id), n);
            }
        }
        let verbs: Vec<Vec<String>> = lexicon.verbs.iter().map(|v| words_of(v)).collect();
        let pronouns = lexicon.pronouns.iter().map(|v| words_of(v)).collect();
        let mut role_refs: Vec<(Vec<String>, String)> = lexicon
            .roles
            .iter()
            .flat_map(|r| {
                r.references
                    .iter()
                    .map(move |x| (words_of(x), r.title.to_lowercase()))
            })
            .collect();
        longest_first(&mut role_refs);
        let mut titles: Vec<(String, Vec<String>)> = lexicon
            .roles
            .iter()
            .map(|r| (r.title.clone(), words_of(&r.title)))
            .collect();
        titles.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
        let mut local_titles: Vec<(Vec<String>, String)> = (lexicon.titles.iter())
            .map(|(w, en)| (words_of(w), en.clone()))
            .collect();
        longest_first(&mut local_titles);
        let demonyms = lexicon
            .demonyms
            .iter()
            .map(|(d, c)| (d.clone(), words_of(d), c.clone()))
            .collect();
        let mut first_words: Vec<String> = verbs
            .iter()
            .chain(titles.iter().map(|(_, w)| w))
            .filter_map(|w: &Vec<String>| w.first().cloned())
            .collect();
        first_words.dedup();
        let mut cue_phrases = PhraseIndex::default();
        let mut ids = |cue: &Cue| -> CueIds {
            (cue.alternatives.iter())
                .map(|terms| {
                    (terms.iter())
                        .map(|t| t.iter().map(|p| cue_phrases.add(p)).collect())
                        .collect()
                })
                .collect()
        };
        let event_terms = lexicon.events.iter().map(|e| ids(&e.cue)).collect();
        let claim_terms = lexicon.claims.iter().map(|c| ids(&c.cue)).collect();
        // A constant file the core's tests read: an error cannot happen
        // here, and would only leave the notes' keys showing.
        let words = Strings::parse(kuril_core::data::UI).unwrap_or_default();
        Knowledge {
            gazetteer,
            lexicon,
            words,
            names,
            verbs,
            pronouns,
            role_refs,
            titles,
            local_titles,
            demonyms,
            first_words,
            cue_phrases,
            event_terms,
            claim_terms,
        }
    }
}
