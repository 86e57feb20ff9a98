//! Pulls a [`Story`] out of an [`Article`]: who and what it names, the
//! events it mentions with their dates and places, its quotations with
//! their speakers, and each side's positions, every item tied to the text it
//! comes from.
//!
//! Rule-based and driven by data: names come from the gazetteer and the
//! lexicon (matched tolerantly, so typos and transliteration variants
//! resolve), events and positions from cues, speakers from speech verbs,
//! pronouns and role words. Nothing here panics on input; what cannot be
//! settled becomes a [`Warning`].

mod dates;
mod quotes;

use crate::article::Article;
use crate::lexicon::{Cue, EntityKind, EventDate, EventPlaces, KnownEvent, Lexicon};
use crate::names::{tokens, Hit, NameIndex, PhraseIndex, Token};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::i18n::{Lang, Strings, Texts};
use kuril_core::story::{
    self, ArticleInfo, Claim, Dateline, Entity, Event, Mention, Quote, Story, Warning, YearSource,
};
use kuril_core::text::{CharIndex, Span};
use kuril_core::time::date::Date;
use std::collections::HashMap;

/// What the extractor knows: the gazetteer and the lexicon, with the name
/// index and word lists prepared once for any number of articles.
#[derive(Clone, Debug)]
pub struct Knowledge {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    /// The interface's words (`data/ui.tsv`), for the notes a story
    /// carries in three languages (how a date was found).
    words: Strings,
    /// Every place and entity name; ids are `p:<place>` or `e:<entity>`.
    names: NameIndex,
    /// Speech verbs as folded words.
    verbs: Vec<Vec<String>>,
    /// Role reference words and the role title they point to, longest first.
    role_refs: Vec<(Vec<String>, String)>,
    /// Role titles as written and as folded words, longest first.
    titles: Vec<(String, Vec<String>)>,
    /// Demonyms as written, as folded words, and their country.
    demonyms: Vec<(String, Vec<String>, String)>,
    /// The first word of every speech verb and role title: most words of a
    /// text are neither, and this says so with one look-up.
    first_words: Vec<String>,
    /// Every phrase of every event and claim cue.
    cue_phrases: PhraseIndex,
    /// Per lexicon event, then per claim: each cue term's phrase ids.
    event_terms: Vec<Vec<Vec<usize>>>,
    claim_terms: Vec<Vec<Vec<usize>>>,
}

impl Knowledge {
    /// Whether a speech verb or a role title starts with this folded word.
    fn starts_phrase(&self, word: &str) -> bool {
        // A few dozen short words: a linear look costs less code than a
        // sorted or hashed set, and is as fast at this size.
        self.first_words.iter().any(|w| w == word)
    }

    pub fn new(gazetteer: Gazetteer, lexicon: Lexicon) -> Knowledge {
        let mut names = NameIndex::default();
        for p in &gazetteer.places {
            for n in std::iter::once(&p.name_en).chain(&p.aliases) {
                names.add(&format!("p:{}", p.id), n);
            }
        }
        for e in &lexicon.entities {
            for n in std::iter::once(&e.name.en).chain(&e.aliases) {
                names.add(&format!("e:{}", e.id), n);
            }
        }
        let verbs: Vec<Vec<String>> = lexicon.verbs.iter().map(|v| words_of(v)).collect();
        let mut role_refs: Vec<(Vec<String>, String)> = lexicon
            .roles
            .iter()
            .flat_map(|r| {
                r.references
                    .iter()
                    .map(move |x| (words_of(x), r.title.to_lowercase()))
            })
            .collect();
        role_refs.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        let mut titles: Vec<(String, Vec<String>)> = lexicon
            .roles
            .iter()
            .map(|r| (r.title.clone(), words_of(&r.title)))
            .collect();
        titles.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
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
        let mut ids = |cue: &Cue| -> Vec<Vec<usize>> {
            cue.terms
                .iter()
                .map(|t| t.iter().map(|p| cue_phrases.add(p)).collect())
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
            role_refs,
            titles,
            demonyms,
            first_words,
            cue_phrases,
            event_terms,
            claim_terms,
        }
    }
}

/// Extracts the story from an article. Never fails: what it cannot settle
/// becomes a [`Warning`].
pub fn extract(article: &Article, knowledge: &Knowledge) -> Story {
    Extractor::new(article, knowledge).run()
}

/// A person, medium or other actor while it is being collected.
struct Actor {
    entity: Entity,
    /// The role as the text gives it, e.g. "Russian Foreign Minister".
    text_role: Option<String>,
    /// Whether the entity's role is the lexicon's for the article's date,
    /// in three languages (the text's own words then do not replace it).
    dated_role: bool,
}

struct Extractor<'a> {
    article: &'a Article,
    text: &'a str,
    toks: Vec<Token>,
    /// Names found, in text order (sorted by span): looked up by binary
    /// search, so that no pass is quadratic in the number of names.
    hits: Vec<Hit>,
    actors: Vec<Actor>,
    /// Each actor's index in `actors`, by id.
    actor_at: HashMap<String, usize>,
    warnings: Vec<Warning>,
    /// (byte offset, person id): who speaks where outside quotations
    /// ("Lavrov said"), in text order, for pronouns.
    speakers: Vec<(usize, String)>,
    /// The same for the end of each attributed quotation, in text order.
    quote_speakers: Vec<(usize, String)>,
    /// Per role title of the lexicon's role words: where people holding it
    /// are mentioned (byte offset, actor index), in text order; built once
    /// the people are known, for "the minister said".
    role_mentions: Vec<(String, Vec<(usize, usize)>)>,
    /// Where each cue phrase occurs.
    cue_hits: Vec<Vec<Span>>,
    k: &'a Knowledge,
}

fn words_of(s: &str) -> Vec<String> {
    tokens(s).into_iter().map(|t| t.folded).collect()
}

/// Whether the folded words `w` occur in `toks` starting at `i`.
fn words_at(toks: &[Token], i: usize, w: &[String]) -> bool {
    !w.is_empty()
        && toks
            .get(i..i + w.len())
            .is_some_and(|s| s.iter().zip(w).all(|(t, w)| t.folded == *w))
}

/// The hits that lie inside `range`, from a list sorted by span.
fn hits_within(hits: &[Hit], range: Span) -> impl DoubleEndedIterator<Item = &Hit> {
    let from = hits.partition_point(|h| h.span.start < range.start);
    let to = hits.partition_point(|h| h.span.start < range.end);
    hits[from..to.max(from)]
        .iter()
        .filter(move |h| h.span.end <= range.end)
}

/// The hits that start at byte `at`, from a list sorted by span.
fn hits_starting_at(hits: &[Hit], at: usize) -> impl Iterator<Item = &Hit> {
    let from = hits.partition_point(|h| h.span.start < at);
    hits[from..].iter().take_while(move |h| h.span.start == at)
}

/// The last (offset, id) at or before `at` in a list sorted by offset.
fn last_at_or_before(list: &[(usize, String)], at: usize) -> Option<&(usize, String)> {
    list[..list.partition_point(|(p, _)| *p <= at)].last()
}

fn slug(name: &str) -> String {
    words_of(name).join("_").replace(['-', '\'', '.'], "_")
}

impl<'a> Extractor<'a> {
    fn new(article: &'a Article, k: &'a Knowledge) -> Self {
        let text = article.text.as_str();
        let toks = tokens(text);
        let hits = k.names.find(text, &toks);
        let cue_hits = k.cue_phrases.find_all(&toks);
        Extractor {
            article,
            text,
            toks,
            hits,
            actors: Vec::new(),
            actor_at: HashMap::new(),
            warnings: Vec::new(),
            speakers: Vec::new(),
            quote_speakers: Vec::new(),
            role_mentions: Vec::new(),
            cue_hits,
            k,
        }
    }

    fn actor_mut(&mut self, id: &str) -> Option<&mut Actor> {
        self.actor_at.get(id).map(|&i| &mut self.actors[i])
    }

    fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_at.get(id).map(|&i| &self.actors[i])
    }

    fn add_mention(
        &mut self,
        id: &str,
        kind: EntityKind,
        name: Texts,
        country: Option<String>,
        span: Span,
    ) {
        if let Some(a) = self.actor_mut(id) {
            a.entity.mentions.push(span);
            return;
        }
        self.actor_at.insert(id.into(), self.actors.len());
        self.actors.push(Actor {
            entity: Entity {
                id: id.into(),
                kind,
                name,
                role: None,
                country,
                mentions: vec![span],
            },
            text_role: None,
            dated_role: false,
        });
    }

    /// Places and known actors, by name.
    fn names(&mut self) -> Vec<Mention> {
        let mut mentions = Vec::new();
        for h in self.hits.clone() {
            let (kind, id) = h.id.split_at(2);
            let resolved = if kind == "p:" {
                let Some(p) = self.k.gazetteer.get(id) else {
                    continue;
                };
                mentions.push(Mention {
                    place: id.into(),
                    span: h.span,
                    exact: h.exact,
                });
                if p.kind == "country" {
                    let name = Texts::new(&p.name_en, &p.name_ru, &p.name_ja);
                    self.add_mention(id, EntityKind::State, name, Some(id.into()), h.span);
                }
                p.name_en.clone()
            } else {
                let Some(e) = self.k.lexicon.entities.iter().find(|e| e.id == id) else {
                    continue;
                };
                let country = (!e.country.is_empty()).then(|| e.country.clone());
                self.add_mention(id, e.kind, e.name.clone(), country, h.span);
                e.name.en.clone()
            };
            if !h.exact {
                self.warnings.push(Warning::Corrected {
                    text: h.span.of(self.text).into(),
                    resolved,
                    span: h.span,
                });
            }
        }
        mentions
    }

    /// Roles written before names ("Russian Foreign Minister Sergey
    /// Lavrov"): they give known people their role as the text states it,
    /// and make unknown capitalised names after them people, mentioned
    /// later by surname ("Kono said"). One pass, with the new names and
    /// surnames kept aside in text order and merged into the hits at the
    /// end, so that a text full of role phrases takes linear time.
    fn roles(&mut self) {
        let (titles, demonyms) = (&self.k.titles, &self.k.demonyms);
        // New people's names as the role introduces them, in text order.
        let mut named: Vec<Hit> = Vec::new();
        // Surname (folded) -> the person last introduced with it, and the
        // token index from which later mentions count.
        let mut surnames: HashMap<String, String> = HashMap::new();
        let mut introduced: Vec<(usize, String, String)> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.k.starts_phrase(&self.toks[i].folded) {
                i += 1;
                continue;
            }
            let Some((title, w)) = titles
                .iter()
                .find(|(_, w)| words_at(&self.toks, i, w))
                .cloned()
            else {
                i += 1;
                continue;
            };
            // Roles are capitalised before a name ("Foreign Minister X").
            if !self.toks[i].capitalised {
                i += 1;
                continue;
            }
            let demonym = i
                .checked_sub(1)
                .and_then(|j| {
                    demonyms
                        .iter()
                        .find(|(_, dw, _)| words_at(&self.toks, j, dw))
                })
                .filter(|(_, dw, _)| dw.len() == 1);
            let role = match demonym {
                Some((d, _, _)) => format!("{d} {title}"),
                None => title.clone(),
            };
            let country = demonym.map(|(_, _, c)| c.clone());
            let j = i + w.len();
            let Some(next) = self.toks.get(j) else { break };
            let known = |t: &Token| t.capitalised && surnames.contains_key(&t.folded);
            let person = hits_starting_at(&self.hits, next.span.start)
                .chain(hits_starting_at(&named, next.span.start))
                .find(|h| h.id.starts_with("e:"))
                .map(|h| h.id[2..].to_string())
                .or_else(|| known(next).then(|| surnames[&next.folded].clone()));
            if let Some(id) = person {
                if let Some(a) = self
                    .actor_mut(&id)
                    .filter(|a| a.entity.kind == EntityKind::Person)
                {
                    a.text_role.get_or_insert(role);
                    if a.entity.country.is_none() {
                        a.entity.country = country;
                    }
                }
            } else {
                let in_a_name = |t: &Token| {
                    let last = |hits: &[Hit]| {
                        hits[..hits.partition_point(|h| h.span.start <= t.span.start)]
                            .last()
                            .is_some_and(|h| h.span.contains(t.span))
                    };
                    last(&self.hits) || last(&named) || known(t)
                };
                let name_toks: Vec<Token> = self.toks[j..]
                    .iter()
                    .take(3)
                    .take_while(|t| t.capitalised && !in_a_name(t))
                    .cloned()
                    .collect();
                // Two or more capitalised words, in one run of text.
                let run = name_toks.windows(2).all(|p| {
                    let gap = &self.text[p[0].span.end..p[1].span.start];
                    gap.chars().all(|c| c == ' ')
                });
                if name_toks.len() >= 2 && run {
                    let span = Span {
                        start: name_toks[0].span.start,
                        end: name_toks[name_toks.len() - 1].span.end,
                    };
                    let name = span.of(self.text).to_string();
                    let id = slug(&name);
                    let new = self.actor(&id).is_none();
                    self.add_mention(&id, EntityKind::Person, name.into(), country, span);
                    if let Some(a) = self.actor_mut(&id) {
                        a.entity.role.get_or_insert_with(|| title.as_str().into());
                        a.text_role.get_or_insert(role);
                    }
                    named.push(Hit {
                        id: format!("e:{id}"),
                        span,
                        exact: true,
                    });
                    if new {
                        let surname = name_toks[name_toks.len() - 1].folded.clone();
                        introduced.push((j + name_toks.len(), surname.clone(), id.clone()));
                        surnames.insert(surname, id);
                    }
                }
            }
            i = j;
        }
        // Later mentions by surname: each goes to the person last
        // introduced with that surname before it.
        let mut current: HashMap<&str, &str> = HashMap::new();
        let mut next_intro = introduced.iter().peekable();
        let mut later: Vec<Hit> = Vec::new();
        for (k, t) in self.toks.iter().enumerate() {
            while let Some((_, surname, id)) = next_intro.next_if(|(from, _, _)| *from <= k) {
                current.insert(surname, id);
            }
            if let Some(id) = current.get(t.folded.as_str()).filter(|_| t.capitalised) {
                later.push(Hit {
                    id: format!("e:{id}"),
                    span: t.span,
                    exact: true,
                });
            }
        }
        for h in &later {
            let span = h.span;
            if let Some(a) = self.actor_mut(&h.id[2..]) {
                a.entity.mentions.push(span);
            }
        }
        self.hits.extend(named);
        self.hits.extend(later);
        self.hits.sort_by_key(|h| h.span);
    }

    /// The person named in tokens `range`, if any.
    fn person_in(&self, range: Span) -> Option<String> {
        hits_within(&self.hits, range)
            .filter(|h| h.id.starts_with("e:"))
            .map(|h| &h.id[2..])
            .find(|id| {
                self.actor(id)
                    .is_some_and(|a| a.entity.kind == EntityKind::Person)
            })
            .map(String::from)
    }

    /// For each role title the lexicon's role words point to, where people
    /// holding it are mentioned, in text order.
    fn index_roles(&mut self) {
        let mut titles: Vec<&String> = self.k.role_refs.iter().map(|(_, t)| t).collect();
        titles.sort();
        titles.dedup();
        self.role_mentions = titles
            .into_iter()
            .map(|title| {
                let mut at: Vec<(usize, usize)> = self
                    .actors
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        a.entity.kind == EntityKind::Person
                            && Self::role_of(a).contains(title.as_str())
                    })
                    .flat_map(|(i, a)| a.entity.mentions.iter().map(move |m| (m.start, i)))
                    .collect();
                at.sort();
                (title.clone(), at)
            })
            .collect();
    }

    /// An actor's roles, as the text and the lexicon give them, in lower case.
    fn role_of(a: &Actor) -> String {
        format!(
            "{} {}",
            a.text_role.as_deref().unwrap_or_default(),
            a.entity.role.as_ref().map_or("", |r| r.en.as_str())
        )
        .to_lowercase()
    }

    /// Who a speaker phrase ("he", "the minister", "Lavrov") refers to, at
    /// byte offset `at`.
    fn resolve(&self, phrase: Span, at: usize) -> Option<String> {
        if let Some(p) = self.person_in(phrase) {
            return Some(p);
        }
        let words = words_of(phrase.of(self.text));
        let last_speaker = || {
            [&self.speakers, &self.quote_speakers]
                .into_iter()
                .filter_map(|list| last_at_or_before(list, at))
                .max_by_key(|(pos, _)| *pos)
                .map(|(_, id)| id.clone())
        };
        if words
            .iter()
            .any(|w| self.k.lexicon.pronouns.iter().any(|p| p == w))
        {
            return last_speaker();
        }
        // Role words, longest first: "foreign minister" before "minister".
        for (rw, title) in &self.k.role_refs {
            if (0..words.len()).any(|i| words.get(i..i + rw.len()) == Some(&rw[..])) {
                // The person with that role mentioned most recently.
                let best = self
                    .role_mentions
                    .iter()
                    .find(|(t, _)| t == title)
                    .and_then(|(_, list)| list[..list.partition_point(|(m, _)| *m < at)].last());
                if let Some(&(_, a)) = best {
                    return Some(self.actors[a].entity.id.clone());
                }
            }
        }
        None
    }

    /// Speech verbs in `range`, as token indices with their length.
    fn verb_in(&self, range: Span) -> Option<(usize, usize)> {
        let first = self.toks.partition_point(|t| t.span.start < range.start);
        (first..self.toks.len())
            .take_while(|&i| self.toks[i].span.end <= range.end)
            .filter(|&i| self.k.starts_phrase(&self.toks[i].folded))
            .find_map(|i| {
                self.k
                    .verbs
                    .iter()
                    .find(|v| words_at(&self.toks, i, v))
                    .map(|v| (i, v.len()))
            })
    }

    /// People who speak outside quotations ("Lavrov said in an interview").
    fn speech_subjects(&mut self) {
        for i in 0..self.toks.len() {
            if !self.k.starts_phrase(&self.toks[i].folded)
                || !self.k.verbs.iter().any(|v| words_at(&self.toks, i, v))
            {
                continue;
            }
            let before = Span {
                start: self.toks[i.saturating_sub(3)].span.start,
                end: self.toks[i].span.start,
            };
            if let Some(p) = hits_within(&self.hits, before).rfind(|h| h.span.end + 1 >= before.end)
            {
                if let Some(id) = self.person_in(p.span) {
                    self.speakers.push((self.toks[i].span.start, id));
                }
            }
        }
    }

    fn quotes(&mut self) -> Vec<Quote> {
        let (raw, unclosed) = quotes::find(self.text, &self.article.blocks);
        self.warnings
            .extend(unclosed.into_iter().map(|at| Warning::UnclosedQuote { at }));
        let mut out: Vec<Quote> = Vec::new();
        for (qi, q) in raw.iter().enumerate() {
            let (block, open_block) = (
                self.article.blocks[q.block],
                self.article.blocks[q.open_block],
            );
            let stop = |c: char| matches!(c, '.' | '!' | '?' | '"' | '“');
            let part = |a: usize, b: usize| self.text.get(a..b).unwrap_or("");
            // After the quote: `," he said.`
            let next_open = raw
                .get(qi + 1)
                .filter(|n| n.open_block == q.block)
                .map_or(block.end, |n| n.open)
                .max(q.end);
            let after_end = part(q.end, next_open)
                .find(stop)
                .map_or(next_open, |i| q.end + i);
            let after = Span {
                start: q.end,
                end: after_end,
            };
            // Before it: `Lavrov noted: "`.
            let start = open_block.start.min(q.open);
            let before_start = part(start, q.open)
                .rfind(stop)
                .map_or(start, |i| start + i + 1);
            let before = Span {
                start: before_start,
                end: q.open,
            };
            let mut found = None;
            for clause in [after, before] {
                if let Some((vi, vlen)) = self.verb_in(clause) {
                    let vspan = Span {
                        start: self.toks[vi].span.start,
                        end: self.toks[vi + vlen - 1].span.end,
                    };
                    let subject = Span {
                        start: clause.start,
                        end: vspan.start,
                    };
                    let object = Span {
                        start: vspan.end,
                        end: clause.end,
                    };
                    let phrase = if subject
                        .of(self.text)
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .is_empty()
                    {
                        object
                    } else {
                        subject
                    };
                    let words = tokens(phrase.of(self.text));
                    let attribution = match (words.first(), words.last()) {
                        (Some(f), Some(l)) => Span {
                            start: (phrase.start + f.span.start).min(vspan.start),
                            end: (phrase.start + l.span.end).max(vspan.end),
                        },
                        _ => vspan,
                    };
                    found = Some((self.resolve(phrase, q.open), Some(attribution)));
                    break;
                }
            }
            // No attribution: it goes on from the quote before it.
            let (speaker, attribution) = found.unwrap_or_else(|| {
                let prev = out
                    .last()
                    .filter(|_| qi > 0 && raw[qi - 1].block + 1 >= q.block);
                (prev.and_then(|p| p.speaker.clone()), None)
            });
            if speaker.is_none() {
                self.warnings
                    .push(Warning::UnattributedQuote { span: q.inner });
            }
            if let Some(s) = &speaker {
                self.quote_speakers.push((q.end, s.clone()));
            }
            out.push(Quote {
                span: q.inner,
                speaker,
                attribution,
            });
        }
        out
    }

    /// The dateline, with its place and, when it can be known, its year.
    fn dateline(&mut self) -> Option<Dateline> {
        let Some(dl) = &self.article.dateline else {
            self.warnings.push(Warning::NoDateline);
            return None;
        };
        let place = self
            .hits
            .iter()
            .find(|h| dl.place.contains(h.span) && h.id.starts_with("p:"))
            .map(|h| h.id[2..].to_string());
        let place_text = dl.place.of(self.text).to_string();
        if place.is_none() {
            self.warnings.push(Warning::UnresolvedPlace {
                text: place_text.clone(),
            });
        }
        let published = self.article.meta.published;
        let mut candidate_years = Vec::new();
        let (year, year_source) = if let Some(y) = dl.year {
            (Some(y), YearSource::Text)
        } else if let Some(p) = published {
            (Some(p.year), YearSource::Metadata)
        } else {
            let weekday = self
                .article
                .sentences
                .iter()
                .find_map(|s| dates::named_weekday(s.of(self.text)));
            if let Some((_, wd)) = weekday {
                candidate_years =
                    dates::candidate_years(self.text, &self.toks, dl.month, dl.day, wd);
            }
            match dates::choose_year(dates::latest_year(self.text, &self.toks), &candidate_years) {
                Some(y) => (Some(y), YearSource::Inferred),
                None => {
                    self.warnings.push(Warning::NoYear {
                        candidates: candidate_years.clone(),
                    });
                    (None, YearSource::Unknown)
                }
            }
        };
        let date = year.and_then(|y| Date::ymd(y, dl.month, dl.day).ok());
        if let (Some(p), Some(d)) = (published, date) {
            if p.precision() == kuril_core::time::date::Precision::Day && p != d {
                self.warnings.push(Warning::DatelineMismatch {
                    dateline: d.to_string(),
                    published: p,
                });
            }
        }
        Some(Dateline {
            span: dl.span,
            place_text,
            place,
            agency: dl.agency.map(|a| a.of(self.text).to_string()),
            date,
            month: dl.month,
            day: dl.day,
            year_source,
            candidate_years,
        })
    }

    /// The date of the article's occasion: the dateline's date, moved back
    /// to the weekday the sentence names ("on Sunday") when it names one.
    fn occasion(&mut self, dateline: Option<&Dateline>, sentence: Span) -> Option<(Date, Texts)> {
        let dl = dateline?;
        let day = dl.date?;
        let words = &self.k.words;
        let how = |l: Lang| {
            words
                .at(l)
                .fill("note-dateline", &[&l.day_month(dl.month, dl.day)])
        };
        Some(match dates::named_weekday(sentence.of(self.text)) {
            Some((name, wd)) => {
                // The weekday as the article words it, quoted as published.
                let said = format!("on {name}");
                let back = (day.weekday() as i64 - wd as i64).rem_euclid(7);
                let key = if back == 0 {
                    "note-same-day"
                } else {
                    self.warnings.push(Warning::WeekdayMismatch {
                        weekday: name.into(),
                        date: day,
                    });
                    "note-day-before"
                };
                let note = Texts::each(|l| {
                    let day = l.day_month(dl.month, dl.day);
                    words.at(l).fill(key, &[&how(l), &said, &day])
                });
                (day.add_days(-back), note)
            }
            None => (day, Texts::each(how)),
        })
    }

    /// The sentences in which every term of a cue occurs, each with the
    /// first term's hit there (its first phrase, in the lexicon's order,
    /// that occurs).
    fn cue_sentences(&self, terms: &[Vec<usize>]) -> Vec<(Span, Span)> {
        self.article
            .sentences
            .iter()
            .filter_map(|s| {
                let mut first = None;
                for (i, term) in terms.iter().enumerate() {
                    // A phrase's hits are in text order: only those that
                    // start in the sentence are looked at.
                    let hit = term.iter().find_map(|&p| {
                        let hits = &self.cue_hits[p];
                        hits[hits.partition_point(|h| h.start < s.start)..]
                            .iter()
                            .take_while(|h| h.start < s.end)
                            .find(|h| s.contains(**h))
                    })?;
                    if i == 0 {
                        first = Some(*hit);
                    }
                }
                first.map(|f| (*s, f))
            })
            .collect()
    }

    fn events(&mut self, dateline: Option<&Dateline>, mentions: &[Mention]) -> Vec<Event> {
        let mut events = Vec::new();
        for (known, terms) in self.k.lexicon.events.iter().zip(&self.k.event_terms) {
            let hits = self.cue_sentences(terms);
            let Some(&(first, cue)) = hits.first() else {
                continue;
            };
            let (date, date_note) = match &known.date {
                EventDate::Fixed(d) => {
                    self.check_written_dates(known, *d, &hits);
                    (Some(*d), None)
                }
                EventDate::Era(_, end) => (Some(*end), None),
                EventDate::None => (None, None),
                EventDate::Dateline => match self.occasion(dateline, first) {
                    Some((d, note)) => (Some(d), Some(note)),
                    None => continue,
                },
            };
            let places = match &known.places {
                EventPlaces::Listed(ids) => {
                    for id in ids.iter().filter(|id| self.k.gazetteer.get(id).is_none()) {
                        self.warnings.push(Warning::UnknownPlace {
                            event: known.id.clone(),
                            place: id.clone(),
                        });
                    }
                    ids.clone()
                }
                // States named as actors ("Japan's relations") are not places
                // the event concerns; islands and cities are.
                EventPlaces::Mentioned => {
                    let mut ids: Vec<String> = Vec::new();
                    for m in mentions {
                        let country = self
                            .k
                            .gazetteer
                            .get(&m.place)
                            .is_some_and(|p| p.kind == "country");
                        if !country && !ids.contains(&m.place) {
                            ids.push(m.place.clone());
                        }
                    }
                    ids
                }
            };
            let title = self.title(known, dateline, first, cue);
            let start = match known.date {
                EventDate::Era(start, _) => Some(start),
                _ => None,
            };
            events.push(Event {
                id: known.id.clone(),
                date,
                start,
                title,
                places,
                evidence: hits.iter().map(|h| h.0).collect(),
                passages: hits.iter().map(|h| h.1).collect(),
                date_note,
            });
        }
        events.sort_by(|a, b| match (a.date, b.date) {
            (Some(x), Some(y)) => x
                .as_year_fraction()
                .total_cmp(&y.as_year_fraction())
                .then(a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        });
        events
    }

    /// Warns where a date written next to an event disagrees with the
    /// lexicon's date for it (same year, another month or day), unless the
    /// written date is that of another known event (the 1956 declaration's
    /// entry into force, say).
    fn check_written_dates(&mut self, known: &KnownEvent, date: Date, hits: &[(Span, Span)]) {
        let other_known = |d: Date| {
            self.k.lexicon.events.iter().any(|e| matches!(e.date, EventDate::Fixed(k) if k == d || (d.day == 0 && k.year == d.year && k.month == d.month)))
        };
        let mut found = Vec::new();
        for (s, _) in hits {
            let (a, b) = (
                self.toks.partition_point(|t| t.span.start < s.start),
                self.toks.partition_point(|t| t.span.end <= s.end),
            );
            for (_, written) in dates::written_dates(self.text, &self.toks[a..b.max(a)]) {
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
    fn title(
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
                    (_, _, Some(r)) if l == Lang::En || !r.get(l).eq(&r.en) => Some(r.get(l)),
                    _ => None,
                };
                match role {
                    Some(r) => words.at(l).fill("speaker-role", &[name, r]),
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
            Some(a) => self
                .k
                .lexicon
                .entities
                .iter()
                .find(|e| {
                    e.kind == EntityKind::Media
                        && std::iter::once(&e.name.en)
                            .chain(&e.aliases)
                            .any(|n| n.eq_ignore_ascii_case(&a))
                })
                .map_or_else(|| Texts::en(a), |e| e.name.clone()),
            None => Texts::each(|l| words.at(l).get("the-press")),
        };
        known.title.map(|l, t| {
            t.replace("{speaker}", speaker.get(l))
                .replace("{agency}", agency.get(l))
        })
    }

    /// The country of the subject of a cue: the state, capital, demonym or
    /// person of a known country named last before the cue in its sentence
    /// ("Russia does not recognise", "the Japanese side does not
    /// recognise"); else, in a quotation whose words before the cue say
    /// "we" or "I", its speaker's ("We do not recognise…"). The Soviet Union
    /// counts as Russia, whose side it was.
    fn subject_side(&self, sentence: Span, cue: Span, quotes: &[Quote]) -> Option<String> {
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
    fn claims(&self, quotes: &[Quote]) -> Vec<Claim> {
        let mut out = Vec::new();
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

    /// The lexicon's office for each person it knows, on the article's
    /// date (the dateline's, else the metadata's).
    fn dated_roles(&mut self, dateline: Option<&Dateline>) {
        let date = dateline
            .and_then(|d| d.date)
            .or(self.article.meta.published);
        for a in &mut self.actors {
            let known = self.k.lexicon.entities.iter().find(|e| e.id == a.entity.id);
            if let Some(role) = known.and_then(|e| e.role_on(date)) {
                a.entity.role = Some(role.clone());
                a.dated_role = true;
            }
        }
    }

    fn run(mut self) -> Story {
        let mentions = self.names();
        let dateline = self.dateline();
        self.dated_roles(dateline.as_ref());
        self.roles();
        self.index_roles();
        self.speech_subjects();
        let quotes = self.quotes();
        let events = self.events(dateline.as_ref(), &mentions);
        let claims = self.claims(&quotes);
        let mut entities: Vec<Entity> = self
            .actors
            .into_iter()
            .map(|a| {
                let mut e = a.entity;
                if let Some(r) = a.text_role.filter(|_| !a.dated_role) {
                    e.role = Some(r.into());
                }
                e.mentions.sort();
                e.mentions.dedup();
                e
            })
            .collect();
        entities.sort_by_key(|e| e.mentions.first().copied());

        // Byte offsets to character offsets, everywhere.
        let ci = CharIndex::new(self.text);
        let meta = &self.article.meta;
        let article = ArticleInfo {
            headline: self.article.headline.map(|h| h.of(self.text).to_string()),
            headline_span: self.article.headline.map(|h| ci.span(h)),
            publisher: meta.publisher.clone(),
            url: meta.url.clone(),
            language: meta.language.clone(),
            published: meta.published,
            dateline: dateline.map(|d| Dateline {
                span: ci.span(d.span),
                ..d
            }),
        };
        for e in &mut entities {
            e.mentions.iter_mut().for_each(|m| *m = ci.span(*m));
        }
        let warnings = self
            .warnings
            .into_iter()
            .map(|w| match w {
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
            })
            .collect();
        Story {
            schema: story::SCHEMA.into(),
            article,
            text: self.text.to_string(),
            entities,
            sentences: self.article.sentences.iter().map(|s| ci.span(*s)).collect(),
            mentions: mentions
                .into_iter()
                .map(|m| Mention {
                    span: ci.span(m.span),
                    ..m
                })
                .collect(),
            events: events
                .into_iter()
                .map(|e| Event {
                    evidence: e.evidence.iter().map(|s| ci.span(*s)).collect(),
                    passages: e.passages.iter().map(|s| ci.span(*s)).collect(),
                    ..e
                })
                .collect(),
            quotes: quotes
                .into_iter()
                .map(|q| Quote {
                    span: ci.span(q.span),
                    attribution: q.attribution.map(|a| ci.span(a)),
                    ..q
                })
                .collect(),
            claims: claims
                .into_iter()
                .map(|c| Claim {
                    evidence: c.evidence.iter().map(|s| ci.span(*s)).collect(),
                    ..c
                })
                .collect(),
            warnings,
            steps: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Meta;

    fn knowledge(events: &str) -> Knowledge {
        let gazetteer = Gazetteer::parse(
            "id\tparent\tkind\tlon\tlat\tname_en\tname_ru\tname_ja\tromaji\taliases\tarea_km2\n",
        )
        .unwrap();
        let lexicon = Lexicon::parse(
            &format!("id\tdate\tcues\ttitle\ttitle_ru\ttitle_ja\tplaces\tsource\n{events}"),
            "id\tkind\tname\tname_ru\tname_ja\taliases\tcountry\nann_lee\tperson\tAnn Lee\t\t\t\t\n",
            "kind\tword\tvalue\n",
            "id\tside\tby\tcues\tstatement\tstatement_ru\tstatement_ja\n",
        )
        .unwrap();
        Knowledge::new(gazetteer, lexicon)
    }

    #[test]
    fn a_cue_needs_all_its_terms_in_one_sentence() {
        let k = knowledge("d\t1956-10-19\tdeclaration | statement + 1956\tD\t\t\t\ts\n");
        let text =
            "A declaration. It was 1956. The 1956 Statement stands. Japan’s 1956 declaration.";
        let story = extract(&Article::new(text, Meta::default()), &k);
        assert_eq!(
            story.evidence_text(&story.events[0]),
            ["The 1956 Statement stands.", "Japan’s 1956 declaration."]
        );
    }

    #[test]
    fn the_first_listed_phrase_places_the_cue() {
        // "treaty" is listed before "1956": the cue sits at "treaty", so the
        // speaker is looked for before it, where Ann Lee is; at "1956" there
        // would be nobody.
        let k = knowledge("t\t1956-10-19\ttreaty | 1956\tWith {speaker}\tС {speaker}\t\t\ts\n");
        let story = extract(
            &Article::new("In 1956 Ann Lee signed a treaty.", Meta::default()),
            &k,
        );
        assert_eq!(story.events[0].title.en, "With Ann Lee");
        // A template with no Japanese form gives none: English shows.
        assert_eq!(story.events[0].title.ru, "С Ann Lee");
        assert_eq!(story.events[0].title.ja, "");
    }
}
