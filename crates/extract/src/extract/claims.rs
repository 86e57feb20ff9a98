//! Each side's positions: a lexicon claim whose cue a sentence holds,
//! counted for its side only where the cue's subject is that side when the
//! claim is read by its subject.

use super::*;

impl Extractor<'_> {
    /// The country of the subject of a cue: the state, capital, demonym or
    /// person of a known country named last before the cue in its sentence
    /// ("Russia does not recognise", "the Japanese side does not
    /// recognise"); else, in a quotation whose words before the cue say
    /// "we" or "I", its speaker's ("We do not recognise…"). The Soviet Union
    /// counts as Russia, whose side it was.
    pub(super) fn subject_side(
        &self,
        sentence: Span,
        cue: Span,
        quotes: &[Quote],
    ) -> Option<String> {
        let before = Span {
            start: sentence.start,
            end: cue.start,
        };
        let g = &self.k.gazetteer;
        let named = hits_within(&self.hits, before).rev().find_map(|h| {
            let (kind, id) = h.id.split_at(2);
            let country = if kind == "p:" {
                let p = g.get(id)?;
                match p.kind.as_str() {
                    "country" => Some(p.id.clone()),
                    "city" => g
                        .get(&p.parent)
                        .filter(|c| c.kind == "country")
                        .map(|c| c.id.clone()),
                    _ => None,
                }
            } else {
                self.actor(id).and_then(|a| a.entity.country.clone())
            };
            country.map(|c| (h.span.start, c))
        });
        // A demonym after the last name counts instead ("Moscow said the
        // Japanese side does not recognise"). Inside a quotation only what
        // is quoted counts: the speaker is named outside it.
        let from = self.toks.partition_point(|t| t.span.start < before.start);
        let to = self.toks.partition_point(|t| t.span.start < before.end);
        let demonym = (from..to).rev().find_map(|i| {
            let at = self.toks[i].span.start;
            self.k
                .demonyms
                .iter()
                // "US" in capitals only: "They tell us" names no one.
                .find(|(d, w, _)| {
                    words_at(&self.toks, i, w)
                        && (d.chars().any(|c| c.is_lowercase())
                            || self.text[at..].starts_with(d.as_str()))
                })
                .map(|(_, _, c)| (at, c.clone()))
        });
        let side = match (named, demonym) {
            (Some(n), Some(d)) => Some(if d.0 > n.0 { d.1 } else { n.1 }),
            (n, d) => n.or(d).map(|x| x.1),
        }
        .or_else(|| {
            // "We do not recognise…" is the speaker's side; "They tell us it
            // was unfair" is someone else's, not told here.
            let first_person =
                (from..to).any(|i| matches!(self.toks[i].folded.as_str(), "we" | "i"));
            let q = quotes
                .iter()
                .find(|q| q.span.start <= cue.start && cue.end <= q.span.end)
                .filter(|_| first_person)?;
            self.actor(q.speaker.as_deref()?)?.entity.country.clone()
        })?;
        Some(if side == "soviet_union" {
            "russia".into()
        } else {
            side
        })
    }

    /// Each side's positions. A claim's side is the lexicon's; for a claim
    /// read by its subject, a sentence counts as evidence only where the
    /// cue's subject is that side or unknown: "Russia does not recognise…"
    /// is no evidence of Japan's position.
    pub(super) fn claims(&self, quotes: &[Quote]) -> Vec<Claim> {
        let mut out = Vec::new();
        if !self.on_the_islands {
            return out;
        }
        for (known, terms) in self.k.lexicon.claims.iter().zip(&self.k.claim_terms) {
            let evidence: Vec<Span> = self
                .cue_sentences(terms)
                .into_iter()
                .filter(|&(s, cue)| {
                    !known.by_subject
                        || self
                            .subject_side(s, cue, quotes)
                            .is_none_or(|side| side == known.side)
                })
                .map(|(s, _)| s)
                .collect();
            let Some(first) = evidence.first() else {
                continue;
            };
            let reported_by = quotes
                .iter()
                .find(|q| q.span.start <= first.end && first.start < q.span.end)
                .and_then(|q| q.speaker.clone());
            out.push(Claim {
                id: known.id.clone(),
                side: known.side.clone(),
                statement: known.statement.clone(),
                evidence,
                reported_by,
            });
        }
        out
    }
}
