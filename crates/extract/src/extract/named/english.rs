//! People the lexicon lacks in English news: the office after the name
//! ("Hirokazu Matsuno, Japan's chief cabinet secretary,") or a role of the
//! table before it ("Sakhalin Gov. Oleg Kozhemyako").

use super::*;

impl Extractor<'_> {
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
    pub(super) fn english_people(&self) -> Vec<Found> {
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
}
