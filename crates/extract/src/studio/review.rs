//! The studio's review of a draft, as the page renders it: the article cut
//! at every mark's edge into pieces, each with the keys of the items it
//! belongs to (outermost first), and the items themselves, each with what
//! the editor reads about it and the values the editor can correct. The
//! page turns the pieces into text nodes, never markup.

use super::draft::Draft;
use super::edit::Saved;
use super::marks::{marks, Item, Mark};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::story::{EntityKind, Event, Story, Warning};
use kuril_core::text::Span;
use kuril_core::time::date::Date;
use kuril_core::time::history::{self, ContextEvent};
use serde::Serialize;

/// The longest excerpt of the text an item shows in the list.
const EXCERPT_CHARS: usize = 160;
/// The longest a sentence is shown where the editor picks one for a new
/// event.
const SENTENCE_CHARS: usize = 100;

/// The article in pieces: each piece's text and the keys of the items whose
/// marks cover it (none for text no item comes from).
pub fn pieces(story: &Story, marks: &[Mark]) -> Vec<(String, Vec<String>)> {
    let len = story.text.chars().count();
    let mut cuts: Vec<usize> = vec![0, len];
    for m in marks {
        cuts.extend([m.span.start.min(len), m.span.end.min(len)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Marks are in text order: those that may cover a piece starting at
    // `a` start at or before it, so a moving window keeps this linear in
    // practice.
    let mut from = 0;
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while from < marks.len() && marks[from].span.end <= a {
            from += 1;
        }
        let keys = (marks[from..].iter())
            .take_while(|m| m.span.start <= a)
            .filter(|m| m.span.end >= b)
            .map(|m| m.item.key())
            .collect();
        out.push((story.slice(Span { start: a, end: b }).to_string(), keys));
    }
    out
}

/// What identifies an item beyond its index, so that an edit saved with a
/// draft applies after a reload only to the item it was made on: an
/// event's, person's or claim's id, a place's id and the words naming it, a
/// quotation's words, a warning's message.
pub fn anchor(story: &Story, item: Item) -> Option<String> {
    Some(match item {
        Item::Event(i) => story.events.get(i)?.id.clone(),
        Item::Place(i) => {
            let m = story.mentions.get(i)?;
            format!("{} {}", m.place, story.slice(m.span))
        }
        Item::Person(i) => story.entities.get(i)?.id.clone(),
        Item::Quote(i) => story.slice(story.quotes.get(i)?.span).to_string(),
        Item::Claim(i) => story.claims.get(i)?.id.clone(),
        Item::Warning(i) => story.warnings.get(i)?.to_string(),
    })
}

/// The review of a draft, as the page renders it (in JSON, its fields in
/// camelCase). The story file is apart ([`Draft::export`]): the page
/// highlights the article first and takes the file after.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    /// The article in pieces ([`pieces`]), each `[text, keys]`.
    pub pieces: Vec<(String, Vec<String>)>,
    pub items: Vec<ReviewItem>,
    /// The people a quotation may be given to.
    pub people: Vec<Choice>,
    /// The story's events, which the widget may open at.
    pub events: Vec<EventChoice>,
    pub headline: Option<String>,
    pub language: Option<String>,
    /// Whether undo and redo can act.
    pub undo: bool,
    pub redo: bool,
    /// The places an event may be given, as the widget names them.
    pub places: Vec<Choice>,
    /// The bundled history (on every widget's timeline, so the widget may
    /// open at one of its events too).
    pub history: Vec<EventChoice>,
    /// The sentences a new event may come from, cut short.
    pub sentences: Vec<String>,
    /// The id the next event the editor adds will have.
    pub next_event: String,
    /// The id the next person the editor adds will have.
    pub next_person: String,
    /// The edits made, as the page saves them (the session's).
    pub edits: Vec<Saved>,
    /// How many saved edits no longer fit the text (the session's).
    pub dropped: usize,
}

/// An item as the page lists it: its key (the page's name for it, never
/// made by the page) and its index in the story's list of its kind (what
/// an edit names), what the editor reads about it and what the editor can
/// correct.
#[derive(Debug, Default, Serialize)]
pub struct ReviewItem {
    pub key: String,
    pub index: usize,
    pub kind: &'static str,
    pub label: String,
    pub detail: String,
    pub rejected: bool,
    /// The text at its first mark, cut short.
    pub excerpt: Option<String>,
    /// An event's or a person's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// An event's date, ISO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// An event's title in each language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Titles>,
    /// An event's places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub places: Option<Vec<String>>,
    /// A quotation's speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// What the editor can answer to a warning besides "settled".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolve: Option<Resolve>,
}

/// An event's title, each language's own (empty where it has none), by
/// language code.
pub type Titles = std::collections::BTreeMap<&'static str, String>;

/// What a warning may be answered with.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Resolve {
    /// A name read tolerantly: refuse the correction.
    Correction { text: String, resolved: String },
    /// No year: choose one (the worker gives the date it makes,
    /// [`super::Session::published_in`]). An inferred year comes first;
    /// settling the warning confirms it.
    Year {
        #[serde(skip_serializing_if = "Option::is_none")]
        inferred: Option<i32>,
        candidates: Vec<i32>,
    },
}

/// A person or a place to choose.
#[derive(Debug, Serialize)]
pub struct Choice {
    pub id: String,
    pub name: String,
}

/// An event to open the widget at.
#[derive(Debug, Serialize)]
pub struct EventChoice {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
}

/// The review of a draft (see [`Review`]); the session fills in its edits.
pub fn review(draft: &Draft, gazetteer: &Gazetteer) -> Review {
    let s = draft.edited();
    let all = marks(&s);
    let out = draft.story();
    let people = (out.entities.iter())
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| Choice {
            id: e.id.clone(),
            name: e.name.english().to_owned(),
        });
    let event = |id: &str, title: &str, date: Option<Date>| EventChoice {
        id: id.to_string(),
        title: title.to_string(),
        date: date.map(|d| d.iso()),
    };
    let (undo, redo) = draft.can_undo();
    Review {
        items: items(draft, &s, &all, gazetteer),
        pieces: pieces(&s, &all),
        people: people.collect(),
        events: (out.events.iter())
            .map(|e| event(&e.id, e.title.english(), e.date))
            .collect(),
        headline: s.article.headline.clone(),
        language: s.article.language.clone(),
        undo,
        redo,
        places: places(gazetteer),
        history: (history().iter())
            .map(|c| event(&c.id, c.title.english(), Some(c.date)))
            .collect(),
        sentences: (s.sentences.iter())
            .map(|x| cut(s.slice(*x), SENTENCE_CHARS))
            .collect(),
        next_event: draft.next_event_id(),
        next_person: draft.next_person_id(),
        edits: Vec::new(),
        dropped: 0,
    }
}

impl Review {
    /// The review as the page reads it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Every item of the edited story `s`, in the order the page lists them.
// Long: one short loop per kind of item, in the page's order, all through
// the one `add`; split, the order and the shared fields would scatter.
fn items(draft: &Draft, s: &Story, all: &[Mark], gazetteer: &Gazetteer) -> Vec<ReviewItem> {
    let rejected = draft.rejected();
    let excerpt = |span: Span| cut(s.slice(span), EXCERPT_CHARS);
    let person = |id: &Option<String>| {
        (id.as_deref().and_then(|id| s.entity(id))).map(|e| e.name.english().to_owned())
    };
    let place_name = |id: &str| {
        gazetteer
            .get(id)
            .map_or(id.to_string(), |p| p.label(gazetteer))
    };
    let mut items = Vec::new();
    let mut add = |item: Item, label: String, detail: String, more: ReviewItem| {
        let (kind, index) = item.kind_index();
        let first = all.iter().find(|m| m.item == item);
        items.push(ReviewItem {
            key: item.key(),
            index,
            kind,
            label,
            detail,
            rejected: rejected.contains(&item),
            excerpt: first.map(|m| excerpt(m.span)),
            ..more
        });
    };
    for (i, e) in s.events.iter().enumerate() {
        let (detail, more) = event_item(e);
        add(Item::Event(i), e.title.english().to_owned(), detail, more);
    }
    for (i, m) in s.mentions.iter().enumerate() {
        let tolerant = if m.exact { "" } else { ", read tolerantly" };
        let detail = format!("as “{}”{tolerant}", s.slice(m.span));
        add(
            Item::Place(i),
            place_name(&m.place),
            detail,
            ReviewItem::default(),
        );
    }
    for (i, e) in s.entities.iter().enumerate() {
        if e.kind == EntityKind::Person {
            let role = e.role.as_ref().map(|r| r.english().to_owned());
            let detail = role.unwrap_or_else(|| "no role found".into());
            let more = ReviewItem {
                id: Some(e.id.clone()),
                ..ReviewItem::default()
            };
            add(Item::Person(i), e.name.english().to_owned(), detail, more);
        }
    }
    for (i, q) in s.quotes.iter().enumerate() {
        let who = person(&q.speaker).unwrap_or_else(|| "no speaker found".into());
        let more = ReviewItem {
            speaker: q.speaker.clone(),
            ..ReviewItem::default()
        };
        add(
            Item::Quote(i),
            excerpt(q.span),
            format!("said by {who}"),
            more,
        );
    }
    for (i, c) in s.claims.iter().enumerate() {
        let by = person(&c.reported_by).map_or(String::new(), |p| format!(", as {p} put it"));
        let detail = format!("{} position{by}", side_name(&c.side));
        let more = ReviewItem::default();
        add(
            Item::Claim(i),
            c.statement.english().to_owned(),
            detail,
            more,
        );
    }
    for (i, w) in s.warnings.iter().enumerate() {
        let more = ReviewItem {
            resolve: resolve(w, &place_name),
            ..ReviewItem::default()
        };
        add(Item::Warning(i), w.to_string(), "warning".into(), more);
    }
    items
}

/// An event's detail (its date, and whether the bundled history has it)
/// and what the editor can correct of it.
fn event_item(e: &Event) -> (String, ReviewItem) {
    let date = e.date.map(|d| d.iso());
    let mut detail = date.clone().unwrap_or_else(|| "no date".into());
    if history().iter().any(|c| c.id == e.id) {
        detail += " · in the bundled history, which shows its checked date";
    }
    let title: Titles = (e.title.iter())
        .map(|(l, t)| (l.code(), t.to_string()))
        .collect();
    let more = ReviewItem {
        id: Some(e.id.clone()),
        date,
        title: Some(title),
        places: Some(e.places.clone()),
        ..ReviewItem::default()
    };
    (detail, more)
}

/// What a warning may be answered with besides "settled", if anything.
fn resolve(w: &Warning, place_name: &impl Fn(&str) -> String) -> Option<Resolve> {
    match w {
        Warning::Corrected { text, resolved, .. } => Some(Resolve::Correction {
            text: text.clone(),
            resolved: place_name(resolved),
        }),
        Warning::NoYear { candidates } => Some(Resolve::Year {
            inferred: None,
            candidates: candidates.clone(),
        }),
        Warning::YearInferred { year, candidates } => Some(Resolve::Year {
            inferred: Some(*year),
            candidates: (std::iter::once(year).chain(candidates.iter().filter(|c| *c != year)))
                .copied()
                .collect(),
        }),
        _ => None,
    }
}

/// The bundled history (`data/context.tsv`), read once: an event with a
/// row there is shown by the widget at that row's checked date, whatever
/// the article says (`history::merge`).
fn history() -> &'static [ContextEvent] {
    static HISTORY: std::sync::OnceLock<Vec<ContextEvent>> = std::sync::OnceLock::new();
    HISTORY.get_or_init(|| history::parse(kuril_core::data::CONTEXT).unwrap_or_default())
}

/// A text trimmed and cut to at most `most` characters and an ellipsis.
fn cut(text: &str, most: usize) -> String {
    let t = text.trim();
    match t.char_indices().nth(most) {
        Some((at, _)) => format!("{}…", &t[..at]),
        None => t.to_string(),
    }
}

/// The places an event may be given, as the widget names them (a
/// disputed island by both sides' names).
fn places(gazetteer: &Gazetteer) -> Vec<Choice> {
    (gazetteer.places.iter())
        .map(|p| Choice {
            id: p.id.clone(),
            name: p.label(gazetteer),
        })
        .collect()
}

/// A side's name in our words.
fn side_name(side: &str) -> &str {
    match side {
        "russia" => "Russia's",
        "japan" => "Japan's",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::studio::Edit;
    use crate::Knowledge;

    fn read(text: &str, k: &Knowledge) -> Story {
        let article = crate::article::Article::new(text, crate::article::Meta::default());
        crate::extract(&article, k)
    }

    #[test]
    fn a_warning_says_what_the_editor_can_answer() {
        let k = Knowledge::load().unwrap();
        let text = "TOKYO, March 3. /Kyodo/. Drills were held on Kunahsir, the ministry said.";
        let r = review(&Draft::new(read(text, &k)), &k.gazetteer);
        let item = |kind: &str| {
            (r.items.iter()).find(|i| match &i.resolve {
                Some(Resolve::Year { .. }) => kind == "year",
                Some(Resolve::Correction { .. }) => kind == "correction",
                None => false,
            })
        };
        let year = item("year").expect("a dateline without a year");
        // The year warning is marked at the dateline.
        assert_eq!(year.excerpt.as_deref(), Some("TOKYO, March 3. /Kyodo/."));
        let typo = item("correction").expect("a name read tolerantly");
        let Some(Resolve::Correction { text, resolved }) = &typo.resolve else {
            unreachable!()
        };
        assert_eq!(text, "Kunahsir");
        assert!(resolved.starts_with("Kunashir"));
        let json = serde_json::to_value(typo).unwrap();
        assert_eq!(json["resolve"]["kind"], "correction");

        // A year the text allows, inferred: said, and first of the choices.
        let text = "TOKYO, March 3. /Kyodo/. The minister said on Sunday that the talks begun in 2018 would go on.";
        let story = read(text, &k);
        let inferred = (story.warnings.iter()).find_map(|w| match w {
            Warning::YearInferred { year, .. } => Some(*year),
            _ => None,
        });
        let year = inferred.expect("the year is inferred and the editor told");
        let r = review(&Draft::new(story), &k.gazetteer);
        let json = serde_json::to_value(&r).unwrap();
        let resolve = (json["items"].as_array().unwrap().iter())
            .map(|i| &i["resolve"])
            .find(|r| r["kind"] == "year")
            .unwrap();
        assert_eq!(resolve["candidates"][0], year);
        assert_eq!(resolve["inferred"], year);
    }

    #[test]
    fn the_pieces_are_the_text_and_each_item_is_listed_with_its_marks() {
        let story = crate::bundled_story().unwrap();
        let all = marks(&story);
        let pieces = pieces(&story, &all);
        let joined: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, story.text);
        // Every mark's text is the run of pieces that carry its key.
        for m in &all {
            let key = m.item.key();
            let run: String = (pieces.iter())
                .filter(|(_, k)| k.contains(&key))
                .map(|(t, _)| t.as_str())
                .collect();
            assert!(run.contains(story.slice(m.span)), "{key}");
        }
        let k = Knowledge::load().unwrap();
        let mut draft = Draft::new(story);
        draft.apply(Edit::Reject(Item::Quote(0))).unwrap();
        let r = review(&draft, &k.gazetteer);
        let quote = r.items.iter().find(|i| i.key == "quote-0").unwrap();
        assert!(quote.rejected);
        assert!(quote.detail.starts_with("said by Sergey Lavrov"));
        let moscow = r.items.iter().find(|i| i.label == "Moscow").unwrap();
        assert_eq!(moscow.kind, "place");
        let event = r.items.iter().find(|i| i.kind == "event").unwrap();
        let t = event.title.as_ref().unwrap();
        let codes: Vec<&str> = kuril_core::i18n::Lang::ALL
            .iter()
            .map(|l| l.code())
            .collect();
        assert_eq!(t.keys().copied().collect::<Vec<_>>().len(), codes.len());
        assert!(codes
            .iter()
            .all(|c| t.get(c).is_some_and(|t| !t.is_empty())));
        assert!(event.places.is_some());
        let iturup = r.places.iter().find(|p| p.id == "iturup");
        assert_eq!(iturup.unwrap().name, "Iturup / Etorofu");
        assert!(r.undo && !r.redo);
        // In JSON: the pieces as [text, keys], the names in camelCase.
        let json = serde_json::to_value(&r).unwrap();
        assert!(json["pieces"][0][0].is_string() && json["pieces"][0][1].is_array());
        assert_eq!(json["nextEvent"], "editor-1");
        let exported =
            crate::newsroom::read(crate::newsroom::Kind::Story, draft.export().as_bytes());
        assert!(exported.is_ok());
    }

    #[test]
    fn each_item_comes_with_its_key_and_index_and_an_edit_on_that_index_is_on_that_item() {
        let k = Knowledge::load().unwrap();
        let draft = Draft::new(crate::bundled_story().unwrap());
        let r = review(&draft, &k.gazetteer);
        let kinds = ["event", "place", "person", "quote", "claim", "warning"];
        for kind in kinds {
            let of: Vec<_> = r.items.iter().filter(|i| i.kind == kind).collect();
            assert!(!of.is_empty() || kind == "warning", "no {kind}");
            for i in of {
                let item = Item::from_key(&i.key).unwrap();
                assert_eq!(item.kind_index(), (kind, i.index), "{}", i.key);
                // Leaving the item out by its index leaves out this one.
                let mut d = draft.clone();
                d.apply(Edit::Reject(item)).unwrap();
                let again = review(&d, &k.gazetteer);
                let same = again.items.iter().find(|x| x.key == i.key).unwrap();
                assert!(same.rejected && same.label == i.label, "{}", i.key);
                assert_eq!(again.items.iter().filter(|x| x.rejected).count(), 1);
            }
        }
        // Events by index: the story's own, not sorted anew.
        for (n, e) in draft.edited().events.iter().enumerate() {
            let i = r.items.iter().find(|i| i.id.as_deref() == Some(&e.id));
            assert_eq!(i.map(|i| (i.kind, i.index)), Some(("event", n)));
        }
    }

    #[test]
    fn the_review_names_the_ids_the_next_added_event_and_person_will_have() {
        let k = Knowledge::load().unwrap();
        let mut d = Draft::new(crate::bundled_story().unwrap());
        let r = review(&d, &k.gazetteer);
        assert_eq!(
            (r.next_event.as_str(), r.next_person.as_str()),
            ("editor-1", "editor-person-1")
        );
        let person = Edit::AddPerson {
            name: "Asker-zade".into(),
            office: String::new(),
            side: None,
        };
        d.apply(person.clone()).unwrap();
        // A person added does not move the next event's id.
        let r = review(&d, &k.gazetteer);
        assert_eq!(
            (r.next_event.as_str(), r.next_person.as_str()),
            ("editor-1", "editor-person-2")
        );
        let promised = r.next_person.clone();
        assert!(r
            .items
            .iter()
            .any(|i| i.kind == "person" && i.id.as_deref() == Some("editor-person-1")));
        d.apply(person).unwrap();
        let r = review(&d, &k.gazetteer);
        assert!(r
            .items
            .iter()
            .any(|i| i.id.as_deref() == Some(promised.as_str())));
        for n in 1..=2 {
            let promised = review(&d, &k.gazetteer).next_event;
            let sentence = d.extracted().sentences.len() - n;
            d.apply(Edit::AddEvent {
                sentence,
                date: None,
                title: format!("Talks {n}"),
            })
            .unwrap();
            let r = review(&d, &k.gazetteer);
            let added = r
                .items
                .iter()
                .find(|i| i.id.as_deref() == Some(promised.as_str()));
            assert_eq!(added.map(|i| i.label.clone()), Some(format!("Talks {n}")));
        }
        // Leaving one out keeps its id taken; undoing it frees it.
        let last = d.edited().events.len() - 1;
        d.apply(Edit::Reject(Item::Event(last))).unwrap();
        assert_eq!(review(&d, &k.gazetteer).next_event, "editor-3");
        assert!(d.undo() && d.undo());
        assert_eq!(review(&d, &k.gazetteer).next_event, "editor-2");
    }
}
