//! Offices: the lexicon's office for the article's date, and offices
//! written in Russian before a name and in Japanese right after it.

use super::*;

impl Extractor<'_> {
    /// The lexicon's office for each person it knows, on the article's
    /// date (the dateline's, else the metadata's).
    pub(super) fn dated_roles(&mut self, dateline: Option<&Dateline>) {
        let date = self.article_date(dateline);
        for a in &mut self.actors {
            let known = self.k.lexicon.entities.iter().find(|e| e.id == a.entity.id);
            if let Some(role) = known.and_then(|e| e.role_on(date)) {
                a.entity.role = Some(role.clone());
                a.dated_role = true;
            }
        }
    }

    /// Offices written in Russian before a name («министр иностранных дел
    /// России Сергей Лавров», a country's name between) and in Japanese
    /// right after it (「ラブロフ外相」, 「安倍晋三首相（当時）」): the
    /// English role, and its three languages from the lexicon's offices of
    /// that person, else of that role in that country.
    pub(super) fn local_roles(&mut self) {
        let mut found: Vec<(String, String)> = Vec::new();
        for i in 0..self.toks.len() {
            if !self.starts_phrase[i] {
                continue;
            }
            let Some((w, en)) =
                (self.k.local_titles.iter()).find(|(w, _)| words_at(&self.toks, i, w))
            else {
                continue;
            };
            let at = self.toks[i].span.start;
            // Japanese: a person's name ends where the office starts.
            let before = hits_within(
                &self.hits,
                Span {
                    start: at.saturating_sub(60),
                    end: at,
                },
            )
            .next_back()
            .filter(|h| h.span.end == at && h.id.starts_with("e:"));
            // Russian: the name follows, a country's name at most between.
            let after = || {
                let mut j = i + w.len();
                loop {
                    let t = self.toks.get(j)?;
                    let h = hits_starting_at(&self.hits, t.span.start).next()?;
                    if h.id.starts_with("e:") {
                        return Some(h);
                    }
                    let country =
                        (self.k.gazetteer.get(&h.id[2..])).is_some_and(|p| p.kind == "country");
                    if !country || j > i + w.len() + 2 {
                        return None;
                    }
                    j = self.toks.partition_point(|t| t.span.start < h.span.end);
                }
            };
            if let Some(h) = before.or_else(after) {
                found.push((h.id[2..].to_string(), en.clone()));
            }
        }
        for (id, en) in found {
            let lexicon = &self.k.lexicon.entities;
            let known = lexicon.iter().find(|e| e.id == id);
            let texts = (known.into_iter().flat_map(|e| &e.roles))
                .chain(
                    lexicon
                        .iter()
                        .filter(|e| known.is_some_and(|k| k.country == e.country))
                        .flat_map(|e| &e.roles),
                )
                .find(|r| r.title.english() == en)
                .map(|r| r.title.clone());
            if let Some(a) = self
                .actor_mut(&id)
                .filter(|a| a.entity.kind == EntityKind::Person)
            {
                if a.text_role.is_none() && !a.dated_role {
                    a.entity.role = Some(texts.unwrap_or_else(|| en.as_str().into()));
                    a.text_role = Some(en);
                }
            }
        }
    }
}
