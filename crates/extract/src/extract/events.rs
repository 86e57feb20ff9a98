//! The events an article mentions: each lexicon event whose cue a
//! sentence holds, with its date (the lexicon's, or the dateline's for
//! the article's own occasion: `occasion.rs`), places and title.

use super::*;

impl Extractor<'_> {
    /// The sentences that hold any alternative of a cue, in text order,
    /// each with the hit of the first alternative it holds.
    pub(super) fn cue_sentences(&self, cue: &knowledge::CueIds) -> Vec<(Span, Span)> {
        (self.article.sentences.iter())
            .filter_map(|s| {
                cue.iter()
                    .find_map(|terms| self.terms_in(*s, terms))
                    .map(|f| (*s, f))
            })
            .collect()
    }

    /// Whether every term of a cue alternative occurs in sentence `s`: the
    /// first term's hit there (its first phrase, in the lexicon's order,
    /// that occurs).
    fn terms_in(&self, s: Span, terms: &[Vec<usize>]) -> Option<Span> {
        let mut first = None;
        for term in terms {
            // A phrase's hits are in text order: only those that start in
            // the sentence are looked at.
            let hit = term.iter().find_map(|&p| {
                let hits = &self.cue_hits[p];
                hits[hits.partition_point(|h| h.start < s.start)..]
                    .iter()
                    .take_while(|h| h.start < s.end)
                    .find(|h| s.contains(**h))
            })?;
            first.get_or_insert(*hit);
        }
        first
    }

    pub(super) fn events(
        &mut self,
        dateline: Option<&Dateline>,
        mentions: &[Mention],
    ) -> Vec<Event> {
        let mut events = Vec::new();
        if !self.on_the_islands {
            return events;
        }
        // Sentences that hold a dated known event: a recurring event is not
        // read there ("met in Singapore in 2018" is the Singapore summit).
        let mut dated_sentences: Vec<usize> = Vec::new();
        let mut recurring = Vec::new();
        for (known, terms) in self.k.lexicon.events.iter().zip(&self.k.event_terms) {
            let hits = self.cue_sentences(terms);
            let Some(&(first, cue)) = hits.first() else {
                continue;
            };
            let (date, date_note) = match &known.date {
                EventDate::Fixed(d) => {
                    self.check_written_dates(known, *d, &hits);
                    dated_sentences.extend(hits.iter().map(|h| h.0.start));
                    (Some(*d), None)
                }
                EventDate::Era(_, end) => (Some(*end), None),
                EventDate::None => (None, None),
                EventDate::Dateline => match self.occasion(dateline, first) {
                    Some((d, note)) => (Some(d), Some(note)),
                    None => continue,
                },
                EventDate::Written => {
                    recurring.push((known, hits));
                    continue;
                }
            };
            let start = match known.date {
                EventDate::Era(start, _) => Some(start),
                _ => None,
            };
            events.push(Event {
                id: known.id.clone(),
                date,
                start,
                title: self.title(known, dateline, first, cue),
                places: self.places_of(known, mentions),
                evidence: hits.iter().map(|h| h.0).collect(),
                passages: hits.iter().map(|h| h.1).collect(),
                date_note,
            });
        }
        for (known, hits) in recurring {
            let hits: Vec<_> = (hits.into_iter())
                .filter(|h| !dated_sentences.contains(&h.0.start))
                .collect();
            events.extend(self.recurring(known, &hits, dateline, mentions));
        }
        // The article's own news, unless the lexicon dated its occasion
        // (an interview), or knows an event of its day (the talks'
        // suspension, a summit of that month): that is the news.
        if events.iter().all(|e| e.date_note.is_none()) {
            if let Some(news) = self.news(dateline, mentions) {
                let day = news.date.expect("news is dated");
                // The same day, or an event known to the month of it.
                let known = |d: Date| {
                    d.year == day.year && d.month == day.month && (d.day == 0 || d.day == day.day)
                };
                if !events.iter().any(|e| e.date.is_some_and(known)) {
                    events.push(news);
                }
            }
        }
        // The article's own dated statements, of dates no event above has.
        let statements = self.statements(&events, dateline, mentions);
        events.extend(statements);
        order_events(&mut events);
        events
    }

    /// The places a known event concerns: its listed ones (a warning for
    /// an id the gazetteer lacks), or every place the article names but
    /// the states, which are actors ("Japan's relations"), not places.
    fn places_of(&mut self, known: &KnownEvent, mentions: &[Mention]) -> Vec<String> {
        match &known.places {
            EventPlaces::Listed(ids) => {
                for id in ids.iter().filter(|id| self.k.gazetteer.get(id).is_none()) {
                    self.warnings.push(Warning::UnknownPlace {
                        event: known.id.clone(),
                        place: id.clone(),
                    });
                }
                ids.clone()
            }
            EventPlaces::Mentioned => {
                let mut ids: Vec<String> = Vec::new();
                for m in mentions {
                    let country =
                        (self.k.gazetteer.get(&m.place)).is_some_and(|p| p.kind == "country");
                    if !country && !ids.contains(&m.place) {
                        ids.push(m.place.clone());
                    }
                }
                ids
            }
        }
    }

    /// The events of a recurring kind (a summit): one per date written next
    /// to its cue, with the id `KIND-DATE` ("summit-2016-12"). A sentence
    /// that writes no date, or the date of an event the lexicon knows,
    /// gives none: nothing is dated by guess.
    fn recurring(
        &mut self,
        known: &KnownEvent,
        hits: &[(Span, Span)],
        dateline: Option<&Dateline>,
        mentions: &[Mention],
    ) -> Vec<Event> {
        let year = self.article_date(dateline).map(|d| d.year);
        let fixed = |d: Date| {
            (self.k.lexicon.events.iter()).any(|e| matches!(e.date, EventDate::Fixed(k) if k == d))
        };
        let mut by_date: Vec<(Date, Vec<(Span, Span)>)> = Vec::new();
        for &(sentence, cue) in hits {
            let toks = self.toks_in(sentence);
            let mut dates = dates::dates_in(self.text, toks, year);
            // "at their summit in December", «10 сентября», 「6月29日」:
            // against the article's day.
            if let Some(on) = self.article_date(dateline).filter(|d| d.day != 0) {
                dates.extend(dates::relative_dates(self.text, toks, on));
            }
            // The date after the cue ("met in 2016"), else the last before.
            let after = dates.iter().filter(|(s, _)| s.start >= cue.end);
            let before = dates.iter().filter(|(s, _)| s.end <= cue.start);
            let near =
                (after.min_by_key(|(s, _)| s.start)).or_else(|| before.max_by_key(|(s, _)| s.end));
            let Some(&(_, date)) = near.filter(|(_, d)| !fixed(*d)) else {
                continue;
            };
            match by_date.iter_mut().find(|(d, _)| *d == date) {
                Some((_, list)) => list.push((sentence, cue)),
                None => by_date.push((date, vec![(sentence, cue)])),
            }
        }
        by_date
            .into_iter()
            .map(|(date, hits)| Event {
                id: format!("{}-{}", known.id, date.iso()),
                date: Some(date),
                start: None,
                title: self.title(known, dateline, hits[0].0, hits[0].1),
                places: self.places_of(known, mentions),
                evidence: hits.iter().map(|h| h.0).collect(),
                passages: hits.iter().map(|h| h.1).collect(),
                date_note: None,
            })
            .collect()
    }

    /// Warns where a date written next to an event disagrees with the
    /// lexicon's date for it (same year, another month or day), unless the
    /// written date is that of another known event (the 1956 declaration's
    /// entry into force, say).
    pub(super) fn check_written_dates(
        &mut self,
        known: &KnownEvent,
        date: Date,
        hits: &[(Span, Span)],
    ) {
        let other_known = |d: Date| {
            self.k.lexicon.events.iter().any(|e| matches!(e.date, EventDate::Fixed(k) if k == d || (d.day == 0 && k.year == d.year && k.month == d.month)))
        };
        let mut found = Vec::new();
        for (s, _) in hits {
            for (_, written) in dates::written_dates(self.text, self.toks_in(*s)) {
                let same_month = written.month == date.month;
                let same_day = written.day == 0 || written.day == date.day;
                if written.year == date.year && !(same_month && same_day) && !other_known(written) {
                    found.push(Warning::DateMismatch {
                        event: known.id.clone(),
                        written,
                        known: date,
                    });
                }
            }
        }
        self.warnings.extend(found);
    }

    /// Fills a title template: `{speaker}` is the person who speaks in the
    /// cue's sentence (with the role the text gives), `{agency}` the
    /// dateline's agency or the publisher.
    pub(super) fn title(
        &self,
        known: &KnownEvent,
        dateline: Option<&Dateline>,
        sentence: Span,
        cue: Span,
    ) -> Texts {
        let before = Span {
            start: sentence.start,
            end: cue.start,
        };
        let words = &self.k.words;
        let speaker = match hits_within(&self.hits, before)
            .rev()
            .find_map(|h| self.person_in(h.span))
            .and_then(|id| self.actor(&id))
        {
            // In English the article's own words for the role; in Russian
            // and Japanese the lexicon's for the article's date, if any.
            Some(a) => Texts::each(|l| {
                let name = a.entity.name.get(l);
                let role = match (l, &a.text_role, &a.entity.role) {
                    (Lang::En, Some(r), _) => Some(r.as_str()),
                    (_, _, Some(r)) if l == Lang::En || r.get(l) != r.english() => Some(r.get(l)),
                    _ => None,
                };
                match role {
                    Some(r) => words
                        .at(l)
                        .fill("speaker-role", &[("name", name), ("office", r)]),
                    None => name.to_string(),
                }
            }),
            None => Texts::each(|l| words.at(l).get("unnamed-speaker")),
        };
        let agency = dateline
            .and_then(|d| d.agency.clone())
            .or_else(|| self.article.meta.publisher.clone());
        // A medium the lexicon knows is named in each language ("ТАСС").
        let agency = match agency {
            Some(a) => self.k.lexicon.publisher(&a).unwrap_or_else(|| Texts::en(a)),
            None => Texts::each(|l| words.at(l).get("the-press")),
        };
        known.title.map(|l, t| {
            t.replace("{speaker}", speaker.get(l))
                .replace("{agency}", agency.get(l))
        })
    }
}
