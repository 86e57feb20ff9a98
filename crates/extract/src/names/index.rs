//! Indexes that find names in a text's tokens: phrases everywhere, even
//! overlapping (`PhraseIndex`), and names longest first, tolerating one
//! edit in a capitalised word (`NameIndex`).

use super::*;

/// Ids of phrases by the first letter of their first folded word: a text
/// word can only start a phrase that starts with the same letter (a
/// Russian word's case endings never change its first letter).
#[derive(Clone, Debug, Default)]
struct ByFirstLetter(std::collections::BTreeMap<char, Vec<usize>>);

impl ByFirstLetter {
    fn add(&mut self, first_word: &str, id: usize) {
        if let Some(c) = first_word.chars().next() {
            self.0.entry(c).or_default().push(id);
        }
    }

    /// The ids that may start at this word.
    fn at(&self, word: &Token) -> &[usize] {
        word.folded
            .chars()
            .next()
            .and_then(|c| self.0.get(&c))
            .map_or(&[], Vec::as_slice)
    }
}

/// Phrases (cue words) matched exactly, as folded words, against the words
/// of a text. Unlike [`NameIndex`] it keeps every occurrence, overlaps
/// included: "peace treaty" inside "San Francisco Peace Treaty" counts.
#[derive(Clone, Debug, Default)]
pub struct PhraseIndex {
    phrases: Vec<Vec<String>>,
    by_first: ByFirstLetter,
}

impl PhraseIndex {
    /// Adds a phrase (once) and returns its id.
    pub fn add(&mut self, phrase: &str) -> usize {
        let words: Vec<String> = tokens(phrase).into_iter().map(|t| t.folded).collect();
        if let Some(id) = self.phrases.iter().position(|p| *p == words) {
            return id;
        }
        if let Some(first) = words.first() {
            self.by_first.add(first, self.phrases.len());
        }
        self.phrases.push(words);
        self.phrases.len() - 1
    }

    /// For each phrase id, where it occurs in the words `toks`, in order.
    pub fn find_all(&self, toks: &[Token]) -> Vec<Vec<Span>> {
        let mut out = vec![Vec::new(); self.phrases.len()];
        for i in 0..toks.len() {
            for &id in self.by_first.at(&toks[i]) {
                let p = &self.phrases[id];
                if begins_with(toks[i..].iter().map(|t| t.folded.as_str()), p) {
                    out[id].push(Span {
                        start: toks[i].span.start,
                        end: toks[i + p.len() - 1].span.end,
                    });
                }
            }
        }
        out
    }
}

/// A name found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The id the name belongs to.
    pub id: String,
    pub span: Span,
    /// False when a word matched only tolerantly.
    pub exact: bool,
}

#[derive(Clone, Debug)]
struct Name {
    id: String,
    words: Vec<String>,
    /// Acronyms ("US", "TASS") match only with their exact case.
    acronym: Option<String>,
}

/// An index of names to look for; each name belongs to an id.
#[derive(Clone, Debug, Default)]
pub struct NameIndex {
    names: Vec<Name>,
    /// Names by the first byte of their first folded word: a text word can
    /// only match a name that starts with the same letter.
    by_first: ByFirstLetter,
}

/// Whether `word` equals `acronym` once the dots are left out ("U.S" = "US").
fn same_acronym(word: &str, acronym: &str) -> bool {
    word.chars().filter(|c| *c != '.').eq(acronym.chars())
}

impl NameIndex {
    /// Adds a name for `id`.
    pub fn add(&mut self, id: &str, name: &str) {
        let words: Vec<String> = tokens(name).into_iter().map(|t| t.folded).collect();
        if words.is_empty() {
            return;
        }
        let letters = || name.chars().filter(|c| c.is_alphabetic());
        let acronym = (letters().count() <= 5 && letters().all(char::is_uppercase))
            .then(|| name.replace('.', ""));
        self.by_first.add(&words[0], self.names.len());
        self.names.push(Name {
            id: id.to_string(),
            words,
            acronym,
        });
    }

    /// Every name found in `text` (tokenised as `toks`), longest first where
    /// they overlap and exact before tolerant, returned in text order.
    pub fn find(&self, text: &str, toks: &[Token]) -> Vec<Hit> {
        let mut found: Vec<(usize, Hit)> = Vec::new();
        for i in 0..toks.len() {
            for name in self.by_first.at(&toks[i]).iter().map(|&n| &self.names[n]) {
                let Some(words) = toks.get(i..i + name.words.len()) else {
                    continue;
                };
                let exact = match &name.acronym {
                    Some(a) => (words.len() == 1 && same_acronym(words[0].span.of(text), a))
                        .then_some(true),
                    None => {
                        let mut exact = true;
                        let mut all = true;
                        for (w, n) in words.iter().zip(&name.words) {
                            match word_match(w, n) {
                                WordMatch::Exact => {}
                                WordMatch::Tolerant => exact = false,
                                WordMatch::No => {
                                    all = false;
                                    break;
                                }
                            }
                        }
                        all.then_some(exact)
                    }
                };
                if let Some(exact) = exact {
                    let span = Span {
                        start: words[0].span.start,
                        end: words[words.len() - 1].span.end,
                    };
                    found.push((
                        name.words.len(),
                        Hit {
                            id: name.id.clone(),
                            span,
                            exact,
                        },
                    ));
                }
            }
        }
        found.sort_by_key(|(n, h)| (std::cmp::Reverse(*n), !h.exact, h.span.start));
        // Kept hits never overlap, so the only one that can overlap a new
        // hit is the last kept one starting before its end: one look-up in
        // an ordered map instead of a pass over all of them.
        let mut kept: std::collections::BTreeMap<usize, Hit> = Default::default();
        for (_, h) in found {
            let clear = kept
                .range(..h.span.end)
                .next_back()
                .is_none_or(|(_, k)| k.span.end <= h.span.start);
            if clear {
                kept.insert(h.span.start, h);
            }
        }
        kept.into_values().collect()
    }
}
