//! The story the passes found: the entities with their roles, and
//! every byte offset turned into a character offset.

use super::*;

impl Extractor<'_> {
    /// The entities found, each with its role (the lexicon's for the date,
    /// else the text's) and its mentions in order, in order of first
    /// mention.
    fn entities(actors: Vec<Actor>) -> Vec<Entity> {
        let mut entities: Vec<Entity> = actors
            .into_iter()
            .map(|a| {
                let mut e = a.entity;
                // The text's own words, unless the lexicon's office for the
                // date, or the same office in three languages, is set.
                if let Some(r) = a.text_role.filter(|_| !a.dated_role) {
                    if e.role.as_ref().is_none_or(|t| t.english() != r) {
                        e.role = Some(r.into());
                    }
                }
                e.mentions.sort();
                e.mentions.dedup();
                e
            })
            .collect();
        entities.sort_by_key(|e| e.mentions.first().copied());
        entities
    }

    /// The story, with every byte offset turned into a character offset.
    pub(super) fn into_story(self, found: Found) -> Story {
        let ci = CharIndex::new(self.text);
        let spans = |v: &[Span]| v.iter().map(|s| ci.span(*s)).collect::<Vec<_>>();
        let meta = &self.article.meta;
        let article = ArticleInfo {
            headline: self.article.headline.map(|h| h.of(self.text).to_string()),
            headline_span: self.article.headline.map(|h| ci.span(h)),
            publisher: meta.publisher.clone(),
            // The medium in each language the lexicon knows it in; without
            // metadata, the dateline's agency ("TOKYO (Kyodo)").
            publisher_name: (meta.publisher.clone())
                .or_else(|| found.dateline.as_ref().and_then(|d| d.agency.clone()))
                .map(|p| self.k.lexicon.publisher(&p).unwrap_or_else(|| Texts::en(p))),
            url: meta.url.clone(),
            language: Some(self.lang.clone()),
            published: meta.published,
            dateline: found.dateline.map(|d| Dateline {
                span: ci.span(d.span),
                ..d
            }),
        };
        let mut entities = Self::entities(self.actors);
        for e in &mut entities {
            e.mentions = spans(&e.mentions);
        }
        let warnings = self
            .warnings
            .into_iter()
            .map(|w| in_chars(&ci, w))
            .collect();
        // The places beyond the widget's gazetteer that the story names.
        let named = |id: &str| {
            found.mentions.iter().any(|m| m.place == id)
                || found
                    .events
                    .iter()
                    .any(|e| e.places.iter().any(|p| p == id))
        };
        let places = (self.k.beyond.iter())
            .filter(|p| named(&p.id))
            .cloned()
            .collect();
        let mentions = found.mentions.into_iter();
        Story {
            schema: story::SCHEMA.into(),
            article,
            text: self.text.to_string(),
            entities,
            sentences: spans(&self.article.sentences),
            mentions: mentions
                .map(|m| Mention {
                    span: ci.span(m.span),
                    ..m
                })
                .collect(),
            events: (found.events.into_iter())
                .map(|e| Event {
                    evidence: spans(&e.evidence),
                    passages: spans(&e.passages),
                    ..e
                })
                .collect(),
            quotes: (found.quotes.into_iter())
                .map(|q| Quote {
                    span: ci.span(q.span),
                    attribution: q.attribution.map(|a| ci.span(a)),
                    ..q
                })
                .collect(),
            claims: (found.claims.into_iter())
                .map(|c| Claim {
                    evidence: spans(&c.evidence),
                    ..c
                })
                .collect(),
            warnings,
            places,
            steps: Default::default(),
        }
    }
}

/// A warning with its byte offsets turned into character offsets.
fn in_chars(ci: &CharIndex, w: Warning) -> Warning {
    match w {
        Warning::Corrected {
            text,
            resolved,
            span,
        } => Warning::Corrected {
            text,
            resolved,
            span: ci.span(span),
        },
        Warning::UnattributedQuote { span } => Warning::UnattributedQuote {
            span: ci.span(span),
        },
        Warning::UnclosedQuote { at } => Warning::UnclosedQuote { at: ci.char_of(at) },
        other => other,
    }
}
