//! People the lexicon lacks in Japanese news: a name right before an
//! office (「松野博一官房長官」), or katakana before an honorific
//! (「ガルージン氏」).

use super::*;

/// Kanji that end the name of an organisation or a place, not a person's
/// (「外務省」, 「政府」, 「日本国」).
const NOT_A_NAME_END: &str = "省庁府国党軍会部局課団社協市町村県道島州区";

impl Extractor<'_> {
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
    pub(super) fn japanese_people(&self) -> Vec<Found> {
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
}
