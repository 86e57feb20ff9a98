//! People and places by name: the gazetteer's and lexicon's names found
//! in the text, roles written before names ("Russian Foreign Minister
//! Sergey Lavrov", which also make unknown names people), each known
//! person's office on the article's date, and who a speaker phrase ("he",
//! "the minister", "Lavrov") refers to.

use super::*;

impl Extractor<'_> {
    /// Places and known actors, by name.
    pub(super) fn names(&mut self) -> Vec<Mention> {
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
                    let name = p.name.clone();
                    self.add_mention(id, EntityKind::State, name, Some(id.into()), h.span);
                }
                p.name.english().to_owned()
            } else {
                let Some(e) = self.k.lexicon.entities.iter().find(|e| e.id == id) else {
                    continue;
                };
                let country = (!e.country.is_empty()).then(|| e.country.clone());
                self.add_mention(id, e.kind, e.name.clone(), country, h.span);
                e.name.english().to_owned()
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
    pub(super) fn roles(&mut self) {
        let titles = &self.k.titles;
        // New people's names as the role introduces them, in text order.
        let mut named: Vec<Hit> = Vec::new();
        // Surname (folded) -> the person last introduced with it, and the
        // token index from which later mentions count.
        let mut surnames: HashMap<String, String> = HashMap::new();
        let mut introduced: Vec<(usize, String, String)> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.starts_phrase[i] {
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
            let (role, country) = self.role_with_demonym(i, &title);
            let j = i + w.len();
            let Some(next) = self.toks.get(j) else { break };
            let known = |t: &Token| t.capitalised && surnames.contains_key(&t.folded);
            let person = hits_starting_at(&self.hits, next.span.start)
                .chain(hits_starting_at(&named, next.span.start))
                .find(|h| h.id.starts_with("e:"))
                .map(|h| h.id[2..].to_string())
                .or_else(|| known(next).then(|| surnames[&next.folded].clone()));
            if let Some(id) = person {
                self.give_text_role(&id, role, country);
            } else {
                let name_toks = self.name_after(j, &named, &surnames);
                if !name_toks.is_empty() {
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
        let later = self.surname_mentions(&introduced);
        self.hits.extend(named);
        self.hits.extend(later);
        sort_hits(&mut self.hits);
    }

    /// The role at token `i` as the text writes it, with a one-word
    /// demonym before it ("Russian Foreign Minister"), and the demonym's
    /// country.
    fn role_with_demonym(&self, i: usize, title: &str) -> (String, Option<String>) {
        let demonyms = &self.k.demonyms;
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
            None => title.to_string(),
        };
        let country = demonym.map(|(_, _, c)| c.clone());
        (role, country)
    }

    /// Gives a known person (not another kind of entity) the role the
    /// text states, unless it has one, and the country, unless it has one.
    fn give_text_role(&mut self, id: &str, role: String, country: Option<String>) {
        if let Some(a) = self
            .actor_mut(id)
            .filter(|a| a.entity.kind == EntityKind::Person)
        {
            a.text_role.get_or_insert(role);
            if a.entity.country.is_none() {
                a.entity.country = country;
            }
        }
    }

    /// The capitalised words of a new person's name after a role at token
    /// `j` ("Foreign Minister Hirokazu Matsuno"): two or three words in one
    /// run of text that are no name found already; none otherwise.
    fn name_after(
        &self,
        j: usize,
        named: &[Hit],
        surnames: &HashMap<String, String>,
    ) -> Vec<Token> {
        let known = |t: &Token| t.capitalised && surnames.contains_key(&t.folded);
        let in_a_name = |t: &Token| {
            let last = |hits: &[Hit]| {
                hits[..hits.partition_point(|h| h.span.start <= t.span.start)]
                    .last()
                    .is_some_and(|h| h.span.contains(t.span))
            };
            last(&self.hits) || last(named) || known(t)
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
            name_toks
        } else {
            Vec::new()
        }
    }

    /// Later mentions of the people a role introduced, by surname alone:
    /// each goes to the person last introduced with that surname before it
    /// (`introduced`: from which token, the folded surname, the id).
    fn surname_mentions(&mut self, introduced: &[(usize, String, String)]) -> Vec<Hit> {
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
        self.mention_all(&later);
        later
    }

    /// The person named in tokens `range`, if any.
    pub(super) fn person_in(&self, range: Span) -> Option<String> {
        hits_within(&self.hits, range)
            .filter(|h| h.id.starts_with("e:"))
            .map(|h| &h.id[2..])
            .find(|id| {
                self.actor(id)
                    .is_some_and(|a| a.entity.kind == EntityKind::Person)
            })
            .map(String::from)
    }

    /// The person named last in byte range `from..at`, if any.
    pub(super) fn person_before(&self, from: usize, at: usize) -> Option<String> {
        let end = self.hits.partition_point(|h| h.span.start < at);
        self.hits[..end]
            .iter()
            .rev()
            .take_while(|h| h.span.start >= from)
            .filter(|h| h.span.end <= at && h.id.starts_with("e:"))
            .map(|h| &h.id[2..])
            .find(|id| (self.actor(id)).is_some_and(|a| a.entity.kind == EntityKind::Person))
            .map(String::from)
    }

    /// For each role title the lexicon's role words point to, where people
    /// holding it are mentioned, in text order.
    pub(super) fn index_roles(&mut self) {
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
    pub(super) fn role_of(a: &Actor) -> String {
        format!(
            "{} {}",
            a.text_role.as_deref().unwrap_or_default(),
            a.entity.role.as_ref().map_or("", |r| r.english())
        )
        .to_lowercase()
    }

    /// Who a speaker phrase ("he", "the minister", "Lavrov") refers to, at
    /// byte offset `at`.
    pub(super) fn resolve(&self, phrase: Span, at: usize) -> Option<String> {
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
        let has = |w: &[String]| (0..words.len()).any(|i| words_at_words(&words[i..], w));
        if self.k.pronouns.iter().any(|p| has(p)) {
            // Nobody has spoken yet: the person named last ("Galuzin
            // arrived on Iturup. 'We ...,' he said.").
            return last_speaker().or_else(|| self.person_before(0, at));
        }
        // Role words, longest first: "foreign minister" before "minister".
        for (rw, title) in &self.k.role_refs {
            if has(rw) {
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
    pub(super) fn verb_in(&self, range: Span) -> Option<(usize, usize)> {
        let first = self.toks.partition_point(|t| t.span.start < range.start);
        (first..self.toks.len())
            .take_while(|&i| self.toks[i].span.end <= range.end)
            .filter(|&i| self.starts_phrase[i])
            .find_map(|i| {
                self.k
                    .verbs
                    .iter()
                    .find(|v| words_at(&self.toks, i, v))
                    .map(|v| (i, v.len()))
            })
    }

    /// People who speak outside quotations ("Lavrov said in an interview").
    pub(super) fn speech_subjects(&mut self) {
        for i in 0..self.toks.len() {
            if !self.starts_phrase[i] || !self.k.verbs.iter().any(|v| words_at(&self.toks, i, v)) {
                continue;
            }
            let before = Span {
                start: self.toks[i.saturating_sub(3)].span.start,
                end: self.toks[i].span.start,
            };
            let near = hits_within(&self.hits, before)
                .rfind(|h| h.span.end + 1 >= before.end)
                .and_then(|p| self.person_in(p.span));
            // Else the person the sentence starts with ("Seiji Maehara, the
            // foreign minister, who travels to Moscow…, told").
            let at = self.toks[i].span.start;
            let first = || {
                let s = self.article.sentences.partition_point(|s| s.start <= at);
                let start = self.article.sentences.get(s.checked_sub(1)?)?.start;
                let t = self.toks[self.toks.partition_point(|t| t.span.start < start)..].first()?;
                let h = hits_starting_at(&self.hits, t.span.start).next()?;
                self.person_in(h.span)
            };
            if let Some(id) = near.or_else(first) {
                self.speakers.push((at, id));
            }
        }
    }
}
