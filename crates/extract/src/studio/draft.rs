//! The studio's draft: the story the extractor found and the editor's
//! decisions on it (reject an item or restore it, correct an event's date,
//! title or places, a quote's speaker, refuse a name's correction), with
//! undo and redo. Every rule of editing is
//! here; a page renders [`Draft::story`] and sends [`Edit`]s.

use super::edit::{Edit, EditError};
use super::marks::Item;
use crate::extract::order_events;
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::i18n::Texts;
use kuril_core::story::{Entity, EntityKind, Event, Story, StoryPlace, Warning};
use kuril_core::text::Span;
use std::collections::BTreeSet;

/// The id of the `n`th event the editor adds (from 1): the lexicon's ids
/// have no such prefix.
pub fn added_event_id(n: usize) -> String {
    format!("editor-{n}")
}

/// The id of the `n`th person the editor adds (from 1).
pub fn added_person_id(n: usize) -> String {
    format!("editor-person-{n}")
}

/// The extracted story, the edits made on it, and the edits undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    base: Story,
    done: Vec<Edit>,
    undone: Vec<Edit>,
}

impl Draft {
    pub fn new(story: Story) -> Draft {
        Draft {
            base: story,
            done: Vec::new(),
            undone: Vec::new(),
        }
    }

    /// The story as extracted, before any edit.
    pub fn extracted(&self) -> &Story {
        &self.base
    }

    /// The edits made, oldest first (what a page keeps to restore a draft).
    pub fn edits(&self) -> &[Edit] {
        &self.done
    }

    /// Makes an edit; a new edit cannot be redone past.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.check(&edit)?;
        self.done.push(edit);
        self.undone.clear();
        Ok(())
    }

    /// Takes the last edit back; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.done.pop().map(|e| self.undone.push(e)).is_some()
    }

    /// Makes the last edit undone again; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.undone.pop().map(|e| self.done.push(e)).is_some()
    }

    /// Whether there is an edit to take back, and one to make again.
    pub fn can_undo(&self) -> (bool, bool) {
        (!self.done.is_empty(), !self.undone.is_empty())
    }

    /// The people the editor has added, in order: each mentioned
    /// wherever the article writes the name.
    fn people_added(&self) -> Vec<Entity> {
        let text = &self.base.text;
        let chars = kuril_core::text::CharIndex::new(text);
        (self.done.iter())
            .filter_map(|e| match e {
                Edit::AddPerson { name, office, side } => Some((name.trim(), office.trim(), side)),
                _ => None,
            })
            .enumerate()
            .map(|(n, (name, office, side))| Entity {
                id: added_person_id(n + 1),
                kind: EntityKind::Person,
                name: Texts::en(name),
                role: (!office.is_empty()).then(|| Texts::en(office)),
                country: side.clone(),
                mentions: (text.match_indices(name))
                    .map(|(at, _)| {
                        chars.span(Span {
                            start: at,
                            end: at + name.len(),
                        })
                    })
                    .collect(),
            })
            .collect()
    }

    /// How many events the editor has added.
    fn added(&self) -> usize {
        (self.done.iter())
            .filter(|e| matches!(e, Edit::AddEvent { .. }))
            .count()
    }

    /// The id the next event the editor adds will have (the page selects
    /// it once the review shows it).
    pub fn next_event_id(&self) -> String {
        added_event_id(self.added() + 1)
    }

    /// The id the next person the editor adds will have (the page gives
    /// them a quotation once the review shows them).
    pub fn next_person_id(&self) -> String {
        let people = (self.done.iter())
            .filter(|e| matches!(e, Edit::AddPerson { .. }))
            .count();
        added_person_id(people + 1)
    }

    fn exists(&self, item: Item) -> bool {
        let s = &self.base;
        match item {
            Item::Event(i) => i < s.events.len() + self.added(),
            Item::Place(i) => i < s.mentions.len(),
            Item::Person(i) => (s.entities.iter().chain(&self.people_added()))
                .nth(i)
                .is_some_and(|e| e.kind == EntityKind::Person),
            Item::Quote(i) => i < s.quotes.len(),
            Item::Claim(i) => i < s.claims.len(),
            Item::Warning(i) => i < s.warnings.len(),
        }
    }

    fn check(&self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::SetTitle { title, .. } | Edit::AddEvent { title, .. }
                if title.trim().is_empty() =>
            {
                return Err(EditError::EmptyTitle);
            }
            Edit::AddEvent { sentence, .. } if *sentence >= self.base.sentences.len() => {
                return Err(EditError::NoSentence(*sentence));
            }
            Edit::SetSpeaker {
                speaker: Some(id), ..
            } => {
                let person = (self.base.entities.iter().chain(&self.people_added()))
                    .any(|e| e.id == *id && e.kind == EntityKind::Person);
                if !person {
                    return Err(EditError::NoPerson(id.clone()));
                }
            }
            Edit::SetPlaces { places: ids, .. } => {
                let g = &places().0;
                let own = |p: &String| self.base.places.iter().any(|o| o.id == *p);
                for (i, p) in ids.iter().enumerate() {
                    if g.get(p).is_none() && !own(p) {
                        return Err(EditError::NoPlace(p.clone()));
                    }
                    if ids[..i].contains(p) {
                        return Err(EditError::TwicePlace(p.clone()));
                    }
                }
            }
            Edit::AddPerson { name, side, .. } => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(EditError::EmptyName);
                }
                if !self.base.text.contains(name) {
                    return Err(EditError::NotInText(name.to_string()));
                }
                let country = |id: &String| places().0.get(id).is_some_and(|p| p.kind == "country");
                if let Some(id) = side.as_ref().filter(|id| !country(id)) {
                    return Err(EditError::NoSide(id.clone()));
                }
            }
            Edit::Refuse(w) => {
                let corrected = self.base.warnings.get(*w);
                if !matches!(corrected, None | Some(Warning::Corrected { .. })) {
                    return Err(EditError::NotACorrection);
                }
            }
            _ => {}
        }
        match edit.item() {
            Some(item) if !self.exists(item) => Err(EditError::NoItem(item)),
            _ => Ok(()),
        }
    }

    /// The items left out after the edits.
    pub fn rejected(&self) -> BTreeSet<Item> {
        let mut out = BTreeSet::new();
        for e in &self.done {
            match e {
                Edit::Reject(i) => {
                    out.insert(*i);
                }
                Edit::Restore(i) => {
                    out.remove(i);
                }
                Edit::Refuse(w) => {
                    out.insert(Item::Warning(*w));
                    if let Some(Warning::Corrected { span, .. }) = self.base.warnings.get(*w) {
                        let within = |m: &Span| span.start <= m.start && m.end <= span.end;
                        (self.base.mentions.iter().enumerate())
                            .filter(|(_, m)| within(&m.span))
                            .for_each(|(i, _)| {
                                out.insert(Item::Place(i));
                            });
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// The extracted story with the corrections made (dates, titles,
    /// speakers) and nothing left out: items keep their indices, so the
    /// studio shows each one as corrected, rejected or not.
    pub fn edited(&self) -> Story {
        let mut s = self.base.clone();
        let mut added = 0;
        for e in &self.done {
            match e {
                Edit::SetDate { event, date } => s.events[*event].date = *date,
                Edit::SetTitle { event, lang, title } => {
                    s.events[*event].title.set(*lang, title.as_str())
                }
                Edit::SetSpeaker { quote, speaker } => s.quotes[*quote].speaker = speaker.clone(),
                Edit::SetPlaces { event, places } => s.events[*event].places = places.clone(),
                Edit::AddEvent {
                    sentence,
                    date,
                    title,
                } => {
                    let span = s.sentences[*sentence];
                    let title = title.trim();
                    added += 1;
                    s.events.push(Event {
                        id: added_event_id(added),
                        date: *date,
                        start: None,
                        title: Texts::each(|_| title.into()),
                        places: Vec::new(),
                        evidence: vec![span],
                        passages: vec![span],
                        date_note: None,
                    });
                }
                Edit::Reject(_) | Edit::Restore(_) | Edit::Refuse(_) | Edit::AddPerson { .. } => {}
            }
        }
        s.entities.extend(self.people_added());
        s
    }

    /// The story with every edit applied: corrections made, rejected items
    /// left out (a rejected person's quotes then have no speaker), events
    /// in a story's order again.
    pub fn story(&self) -> Story {
        let mut s = self.edited();
        let out = self.rejected();
        let keep = |item: Item| !out.contains(&item);
        let gone: Vec<String> = (s.entities.iter().enumerate())
            .filter(|(i, _)| !keep(Item::Person(*i)))
            .map(|(_, e)| e.id.clone())
            .collect();
        s.events = keep_where(s.events, |i| keep(Item::Event(i)));
        s.mentions = keep_where(s.mentions, |i| keep(Item::Place(i)));
        s.entities = keep_where(s.entities, |i| keep(Item::Person(i)));
        s.quotes = keep_where(s.quotes, |i| keep(Item::Quote(i)));
        s.claims = keep_where(s.claims, |i| keep(Item::Claim(i)));
        s.warnings = keep_where(s.warnings, |i| keep(Item::Warning(i)));
        for q in &mut s.quotes {
            if q.speaker.as_ref().is_some_and(|id| gone.contains(id)) {
                q.speaker = None;
            }
        }
        for c in &mut s.claims {
            if c.reported_by.as_ref().is_some_and(|id| gone.contains(id)) {
                c.reported_by = None;
            }
        }
        // A corrected speaker settles the warning that there was none.
        let spoken: Vec<_> = (s.quotes.iter())
            .filter(|q| q.speaker.is_some())
            .map(|q| q.span)
            .collect();
        s.warnings
            .retain(|w| !matches!(w, Warning::UnattributedQuote { span } if spoken.contains(span)));
        order_events(&mut s.events);
        // The places beyond the widget's gazetteer that the story still
        // names, its own first, then those an edit gave an event.
        let named = |id: &str| {
            s.mentions.iter().any(|m| m.place == id)
                || s.events.iter().any(|e| e.places.iter().any(|p| p == id))
        };
        let mut carried: Vec<StoryPlace> = Vec::new();
        for p in s.places.iter().chain(&places().1) {
            if named(&p.id) && !carried.iter().any(|c| c.id == p.id) {
                carried.push(p.clone());
            }
        }
        s.places = carried;
        s
    }

    /// The story file of the draft, as `story-src` reads it.
    pub fn export(&self) -> String {
        story_file(&self.story())
    }
}

/// The places the widget knows (`data/gazetteer.tsv`) and those beyond
/// it that a story carries when it names them (`data/places.tsv`), read
/// once.
pub(super) fn places() -> &'static (Gazetteer, Vec<StoryPlace>) {
    static PLACES: std::sync::OnceLock<(Gazetteer, Vec<StoryPlace>)> = std::sync::OnceLock::new();
    PLACES.get_or_init(|| {
        crate::wider_gazetteer(crate::GAZETTEER, crate::PLACES)
            .unwrap_or((Gazetteer { places: Vec::new() }, Vec::new()))
    })
}

/// A story's file (`kuril-story/1` JSON), as the studio exports it.
pub fn story_file(story: &Story) -> String {
    serde_json::to_string(story).unwrap_or_default()
}

/// The items of `list` whose index `keep` accepts, in order.
fn keep_where<T>(list: Vec<T>, keep: impl Fn(usize) -> bool) -> Vec<T> {
    (list.into_iter().enumerate())
        .filter(|(i, _)| keep(*i))
        .map(|(_, x)| x)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::newsroom::{read, Kind};
    use kuril_core::i18n::Lang;
    use kuril_core::story::pack;
    use kuril_core::time::date::Date;

    fn draft() -> Draft {
        Draft::new(crate::bundled_story().unwrap())
    }

    fn event(d: &Draft, id: &str) -> usize {
        d.extracted()
            .events
            .iter()
            .position(|e| e.id == id)
            .unwrap()
    }

    #[test]
    fn a_person_the_story_lacks_is_added_given_a_quote_and_taken_back() {
        let mut d = draft();
        let people = d.story().entities.len();
        // The bundled article names the host, Nailya Asker-zade; say the
        // extractor had missed the programme's second guest.
        let add = |name: &str, side: Option<&str>| Edit::AddPerson {
            name: name.into(),
            office: "television host".into(),
            side: side.map(String::from),
        };
        assert_eq!(d.apply(add("  ", None)), Err(EditError::EmptyName));
        assert!(matches!(
            d.apply(add("Ivan Nobody", None)),
            Err(EditError::NotInText(_))
        ));
        assert!(matches!(
            d.apply(add("Lavrov", Some("atlantis"))),
            Err(EditError::NoSide(_))
        ));
        d.apply(add("Asker-zade", Some("russia"))).unwrap();
        let s = d.story();
        let added = &s.entities[people];
        assert_eq!(
            (added.id.as_str(), added.name.english()),
            ("editor-person-1", "Asker-zade")
        );
        assert_eq!(
            added.role.as_ref().map(|r| r.english()),
            Some("television host")
        );
        assert_eq!(added.country.as_deref(), Some("russia"));
        // Mentioned wherever the article writes the name, in characters.
        assert!(!added.mentions.is_empty());
        assert!(added.mentions.iter().all(|m| s.slice(*m) == "Asker-zade"));
        // A quotation is theirs; the file says so; undo takes it back, then
        // the person.
        d.apply(Edit::SetSpeaker {
            quote: 0,
            speaker: Some("editor-person-1".into()),
        })
        .unwrap();
        assert_eq!(
            d.story().quotes[0].speaker.as_deref(),
            Some("editor-person-1")
        );
        assert!(d.export().contains("editor-person-1"));
        assert!(d.undo());
        assert_ne!(
            d.story().quotes[0].speaker.as_deref(),
            Some("editor-person-1")
        );
        assert!(d.undo());
        assert_eq!(d.story().entities.len(), people);
        // Nobody by that id now: no quotation can be given to them.
        assert!(d
            .apply(Edit::SetSpeaker {
                quote: 0,
                speaker: Some("editor-person-1".into())
            })
            .is_err());
        // Leaving an added person out leaves their quotation unattributed.
        d.apply(add("Asker-zade", None)).unwrap();
        d.apply(Edit::SetSpeaker {
            quote: 0,
            speaker: Some("editor-person-1".into()),
        })
        .unwrap();
        d.apply(Edit::Reject(Item::Person(people))).unwrap();
        assert_eq!(d.story().quotes[0].speaker, None);
    }

    #[test]
    fn a_rejected_item_leaves_and_undo_and_redo_take_it_back_and_forth() {
        let mut d = draft();
        let quotes = d.extracted().quotes.len();
        d.apply(Edit::Reject(Item::Quote(0))).unwrap();
        assert_eq!(d.story().quotes.len(), quotes - 1);
        assert!(d.undo());
        assert_eq!(d.story().quotes.len(), quotes);
        assert!(d.redo());
        assert_eq!(d.story().quotes.len(), quotes - 1);
        d.apply(Edit::Restore(Item::Quote(0))).unwrap();
        assert_eq!(d.story().quotes.len(), quotes);
        // A new edit ends what could be redone.
        assert!(d.undo());
        d.apply(Edit::Reject(Item::Claim(0))).unwrap();
        assert!(!d.redo());
        assert_eq!(d.edits().len(), 2);
        assert!(!Draft::new(d.extracted().clone()).undo());
    }

    #[test]
    fn a_corrected_date_puts_the_event_in_order_and_a_speaker_must_be_a_person() {
        let mut d = draft();
        let i = event(&d, "joint-declaration-1956");
        d.apply(Edit::SetDate {
            event: i,
            date: Some(Date::parse("1855-02-01").unwrap()),
        })
        .unwrap();
        assert_eq!(d.story().events[0].id, "joint-declaration-1956");
        d.apply(Edit::SetTitle {
            event: i,
            lang: Lang::En,
            title: "The declaration".into(),
        })
        .unwrap();
        assert_eq!(d.story().events[0].title.english(), "The declaration");
        assert_eq!(
            d.apply(Edit::SetTitle {
                event: i,
                lang: Lang::Ru,
                title: " ".into()
            }),
            Err(EditError::EmptyTitle)
        );
        assert_eq!(
            d.apply(Edit::SetSpeaker {
                quote: 0,
                speaker: Some("tass".into())
            }),
            Err(EditError::NoPerson("tass".into()))
        );
        assert_eq!(
            d.apply(Edit::Reject(Item::Event(999))),
            Err(EditError::NoItem(Item::Event(999)))
        );
        d.apply(Edit::SetSpeaker {
            quote: 0,
            speaker: Some("nailya_asker_zade".into()),
        })
        .unwrap();
        assert_eq!(
            d.story().quotes[0].speaker.as_deref(),
            Some("nailya_asker_zade")
        );
    }

    #[test]
    fn an_events_places_are_places_the_widget_knows() {
        let mut d = draft();
        let i = event(&d, "joint-declaration-1956");
        let places = vec!["shikotan".to_string(), "habomai".to_string()];
        d.apply(Edit::SetPlaces {
            event: i,
            places: places.clone(),
        })
        .unwrap();
        let s = d.story();
        let e = s.events.iter().find(|e| e.id == "joint-declaration-1956");
        assert_eq!(e.unwrap().places, places);
        let bad = |p: &[&str]| Edit::SetPlaces {
            event: i,
            places: p.iter().map(|p| p.to_string()).collect(),
        };
        assert_eq!(
            d.apply(bad(&["atlantis"])),
            Err(EditError::NoPlace("atlantis".into()))
        );
        assert_eq!(
            d.apply(bad(&["iturup", "iturup"])),
            Err(EditError::TwicePlace("iturup".into()))
        );
        // No place at all is an answer too: the event is on no island.
        d.apply(bad(&[])).unwrap();
        assert!(d
            .story()
            .events
            .iter()
            .all(|e| e.id != "joint-declaration-1956" || e.places.is_empty()));
    }

    #[test]
    fn a_refused_correction_leaves_its_place_out_and_only_a_correction_can_be_refused() {
        let k = crate::Knowledge::load().unwrap();
        let text = "MOSCOW, February 11. /TASS/. Russian troops held drills on Kunahsir on Sunday.";
        let story = crate::extract(
            &crate::article::Article::new(text, crate::article::Meta::default()),
            &k,
        );
        let w = (story.warnings.iter())
            .position(|w| matches!(w, Warning::Corrected { .. }))
            .expect("the typo is corrected with a warning");
        let kunashir = |s: &Story| s.mentions.iter().filter(|m| m.place == "kunashir").count();
        assert_eq!(kunashir(&story), 1);
        let mut d = Draft::new(story);
        let other =
            (d.extracted().warnings.iter()).position(|w| !matches!(w, Warning::Corrected { .. }));
        if let Some(o) = other {
            assert_eq!(d.apply(Edit::Refuse(o)), Err(EditError::NotACorrection));
        }
        d.apply(Edit::Refuse(w)).unwrap();
        let s = d.story();
        assert_eq!(kunashir(&s), 0);
        assert!(!s
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Corrected { .. })));
        assert!(d.undo());
        assert_eq!(kunashir(&d.story()), 1);
    }

    #[test]
    fn an_added_event_is_traced_to_its_sentence_and_can_be_corrected() {
        let mut d = draft();
        let n = d.extracted().events.len();
        let sentence = d.extracted().sentences.len() - 1;
        let add = |title: &str, sentence| Edit::AddEvent {
            sentence,
            date: Some(Date::parse("2018-02-12").unwrap()),
            title: title.into(),
        };
        assert_eq!(d.apply(add(" ", sentence)), Err(EditError::EmptyTitle));
        assert_eq!(
            d.apply(add("Talks", sentence + 1)),
            Err(EditError::NoSentence(sentence + 1))
        );
        assert_eq!(
            d.apply(Edit::SetPlaces {
                event: n,
                places: vec![]
            }),
            Err(EditError::NoItem(Item::Event(n)))
        );
        d.apply(add("Talks", sentence)).unwrap();
        d.apply(Edit::SetPlaces {
            event: n,
            places: vec!["kunashir".into()],
        })
        .unwrap();
        d.apply(Edit::SetTitle {
            event: n,
            lang: Lang::Ru,
            title: "Переговоры".into(),
        })
        .unwrap();
        let s = d.story();
        let e = s.events.iter().find(|e| e.id == added_event_id(1)).unwrap();
        assert_eq!(
            (e.title.english(), e.title.own(Lang::Ru)),
            ("Talks", "Переговоры")
        );
        assert_eq!(e.places, ["kunashir"]);
        assert_eq!(e.evidence, [d.extracted().sentences[sentence]]);
        // The file reads back, and leaving the event out takes it away.
        let packed = read(Kind::Story, d.export().as_bytes()).unwrap();
        assert_eq!(pack::decode(&packed).unwrap(), s);
        d.apply(Edit::Reject(Item::Event(n))).unwrap();
        assert!(d.story().events.iter().all(|e| e.id != added_event_id(1)));
    }

    #[test]
    fn a_rejected_person_speaks_no_more() {
        let mut d = draft();
        let lavrov = (d.extracted().entities.iter())
            .position(|e| e.id == "sergey_lavrov")
            .unwrap();
        d.apply(Edit::Reject(Item::Person(lavrov))).unwrap();
        let s = d.story();
        assert!(s.entity("sergey_lavrov").is_none());
        assert!(s.quotes.iter().all(|q| q.speaker.is_none()));
    }

    #[test]
    fn the_exported_file_is_what_story_src_reads() {
        let mut d = draft();
        d.apply(Edit::Reject(Item::Event(0))).unwrap();
        d.apply(Edit::SetSpeaker {
            quote: 1,
            speaker: None,
        })
        .unwrap();
        let packed = read(Kind::Story, d.export().as_bytes()).unwrap();
        assert_eq!(pack::decode(&packed).unwrap(), d.story());
        kuril_core::data::Bundle::from_packed(&packed).unwrap();
    }
}
