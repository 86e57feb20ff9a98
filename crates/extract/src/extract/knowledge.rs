//! What the extractor knows: the gazetteer and the lexicon, with the name
//! index, word lists and cue phrases prepared once for any number of
//! articles.

use super::{words_of, Cue};
use crate::lexicon::Lexicon;
use crate::names::{is_cyrillic, same_word, NameIndex, PhraseIndex};
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
    /// The places of `data/places.tsv`, beyond the widget's gazetteer, as
    /// a story that names one carries it.
    pub beyond: Vec<kuril_core::story::StoryPlace>,
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
    /// Words of offices the role table lacks, folded, longest first.
    pub(super) offices: Vec<Vec<String>>,
    /// Demonyms as written, as folded words, and their country.
    pub(super) demonyms: Vec<(String, Vec<String>, String)>,
    /// The first word of every speech verb and office, sorted: most words
    /// of a text start none, and a binary search says so.
    pub(super) first_words: Vec<String>,
    /// Those that are Russian, which start a phrase in any case ending.
    pub(super) first_russian: Vec<String>,
    /// Every phrase of every event and claim cue.
    pub(super) cue_phrases: PhraseIndex,
    /// Per lexicon event, then per claim: each cue alternative's terms'
    /// phrase ids.
    pub(super) event_terms: Vec<CueIds>,
    pub(super) claim_terms: Vec<CueIds>,
    /// The phrase ids of the words that make a sentence one about the
    /// dispute (`topic`).
    pub(super) topic_phrases: Vec<usize>,
    /// Folded words that make a number a year before it, and after it.
    pub(super) year_before: Vec<String>,
    pub(super) year_after: Vec<String>,
}

/// The names to find: the gazetteer's places and the lexicon's entities,
/// each in every language and by its aliases.
fn name_index(gazetteer: &Gazetteer, lexicon: &Lexicon) -> NameIndex {
    let mut names = NameIndex::default();
    for p in &gazetteer.places {
        // Names in every language are matched, as the aliases are.
        let own = p.name.iter().map(|(_, n)| n);
        for n in own.chain(p.aliases.iter().map(String::as_str)) {
            names.add(&format!("p:{}", p.id), n);
        }
    }
    for e in &lexicon.entities {
        let own = e.name.iter().map(|(_, n)| n);
        for n in own.chain(e.aliases.iter().map(String::as_str)) {
            names.add(&format!("e:{}", e.id), n);
        }
    }
    names
}

/// The role words ("the minister") as folded words, each with its role's
/// title in lower case, longest first.
fn role_refs(lexicon: &Lexicon) -> Vec<(Vec<String>, String)> {
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
    role_refs
}

/// The first words of the speech verbs, titles and offices, sorted, each
/// once ([`Knowledge::starts_phrase`]).
fn first_words(
    verbs: &[Vec<String>],
    titles: &[(String, Vec<String>)],
    local_titles: &[(Vec<String>, String)],
    offices: &[Vec<String>],
) -> Vec<String> {
    let mut first_words: Vec<String> = verbs
        .iter()
        .chain(titles.iter().map(|(_, w)| w))
        .chain(local_titles.iter().map(|(w, _)| w))
        .chain(offices)
        .filter_map(|w: &Vec<String>| w.first().cloned())
        .collect();
    first_words.sort_unstable();
    first_words.dedup();
    first_words
}

/// Sorts phrases (as folded words, with what each stands for) longest
/// first, so that "foreign minister" is tried before "minister" (one sort
/// for both lists: one copy of its code in the newsroom module).
fn longest_first(list: &mut [(Vec<String>, String)]) {
    list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
}

impl Knowledge {
    /// Whether a speech verb or an office starts with this folded word.
    /// It is asked of every word of a text: an exact word is one binary
    /// search, and only a Russian word is compared with the Russian ones.
    pub(super) fn starts_phrase(&self, word: &str) -> bool {
        self.first_words
            .binary_search_by(|w| w.as_str().cmp(word))
            .is_ok()
            || (word.starts_with(is_cyrillic)
                && self.first_russian.iter().any(|w| same_word(word, w)))
    }

    pub fn new(gazetteer: Gazetteer, lexicon: Lexicon) -> Knowledge {
        let names = name_index(&gazetteer, &lexicon);
        let verbs: Vec<Vec<String>> = lexicon.verbs.iter().map(|v| words_of(v)).collect();
        let pronouns = lexicon.pronouns.iter().map(|v| words_of(v)).collect();
        let role_refs = role_refs(&lexicon);
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
        let mut offices: Vec<(Vec<String>, String)> = (lexicon.offices.iter())
            .map(|o| (words_of(o), String::new()))
            .collect();
        longest_first(&mut offices);
        let offices: Vec<Vec<String>> = offices.into_iter().map(|(w, _)| w).collect();
        let first_words = first_words(&verbs, &titles, &local_titles, &offices);
        let first_russian = (first_words.iter())
            .filter(|w| w.starts_with(is_cyrillic))
            .cloned()
            .collect();
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
        let topic_phrases = lexicon.topics.iter().map(|t| cue_phrases.add(t)).collect();
        let year_words = |after: bool| {
            (lexicon.year_words.iter())
                .filter(|(_, a)| *a == after)
                .flat_map(|(w, _)| words_of(w))
                .collect()
        };
        let (year_before, year_after) = (year_words(false), year_words(true));
        // A constant file the core's tests read: an error cannot happen
        // here, and would only leave the notes' keys showing.
        let words = Strings::parse(kuril_core::data::UI).unwrap_or_default();
        Knowledge {
            gazetteer,
            beyond: Vec::new(),
            lexicon,
            words,
            names,
            verbs,
            pronouns,
            role_refs,
            titles,
            local_titles,
            offices,
            demonyms,
            first_words,
            first_russian,
            cue_phrases,
            event_terms,
            claim_terms,
            topic_phrases,
            year_before,
            year_after,
        }
    }
}
