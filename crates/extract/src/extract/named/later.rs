//! Later mentions of the people found, by surname: in Japanese the
//! katakana surname, or a kanji name's first characters before an
//! honorific or an office; else a capitalised word (in Russian in any case
//! ending).

use super::*;

impl Extractor<'_> {
    /// Later mentions of new people by surname (`new`: surname, id): in
    /// Japanese before an honorific or an office (「松野氏」, 「松野長官」)
    /// or, in katakana, alone; else as a capitalised word (in Russian in
    /// any case ending).
    pub(super) fn later_mentions(&mut self, new: &[(String, String)], lang: &str) {
        let later = if lang == "ja" {
            self.japanese_later_mentions(new)
        } else {
            self.later_mentions_by_stem(new)
        };
        self.mention_all(&later);
        self.hits.extend(later);
        sort_hits(&mut self.hits);
    }

    /// Later mentions in Japanese: each run of katakana whole, and each run
    /// of kanji (of a name's length at most) before an honorific or an
    /// office.
    fn japanese_later_mentions(&self, new: &[(String, String)]) -> Vec<Hit> {
        let by_word = later_words(new);
        let mut later = Vec::new();
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
                self.kanji_mention(run, &by_word)
            };
            if let Some((span, id)) = found.filter(|(span, _)| !self.named_at(*span)) {
                later.push(Hit {
                    id: format!("e:{id}"),
                    span,
                    exact: true,
                });
            }
        }
        later
    }

    /// The mention a run of kanji starts with: the run may hold the office
    /// too (「松野長官」), so the name is what comes before the first
    /// honorific or office within the run or after it.
    fn kanji_mention<'w>(
        &self,
        run: Span,
        by_word: &HashMap<&str, &'w str>,
    ) -> Option<(Span, &'w str)> {
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
    }

    /// Later mentions as a capitalised word: surnames by their stems
    /// (Russian: less any case ending), so that each word of the text is
    /// looked up, not compared with every surname.
    fn later_mentions_by_stem(&self, new: &[(String, String)]) -> Vec<Hit> {
        let mut later = Vec::new();
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
        later
    }
}

/// The words a later mention in Japanese may be, to the id: a katakana
/// surname, a kanji name whole and its first one to three characters (its
/// surname is one of them).
fn later_words(new: &[(String, String)]) -> HashMap<&str, &str> {
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
    by_word
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
