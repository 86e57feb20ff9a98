//! The studio's review of a draft, as the page renders it: the article cut
//! at every mark's edge into pieces, each with the keys of the items it
//! belongs to (outermost first), and the items themselves, each with what
//! the editor reads about it and the values the editor can correct. The
//! page turns the pieces into text nodes, never markup.

use super::draft::Draft;
use super::marks::{marks, Item, Mark};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::story::{EntityKind, Story, Warning};
use kuril_core::text::Span;
use kuril_core::time::history::{self, ContextEvent};
use serde_json::{json, Value};

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

/// The review of a draft (see the module's documentation), with the people
/// a quotation may be given to, the events the widget may open at, whether
/// undo and redo can act, the places an event may be given, the
/// sentences a new event may come from, and the bundled history (on every
/// widget's timeline, so the widget may open at one of its events too). The story file is apart ([`Draft::export`]): the
/// page highlights the article first and takes the file after.
pub fn review(draft: &Draft, gazetteer: &Gazetteer) -> Value {
    let s = draft.edited();
    let rejected = draft.rejected();
    // The edited story's marks: an event the editor added is marked at
    // its sentence.
    let all = marks(&s);
    let excerpt = |span: Span| cut(s.slice(span), EXCERPT_CHARS);
    let first_mark = |item: Item| all.iter().find(|m| m.item == item).map(|m| m.span);
    let person = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| s.entity(id))
            .map(|e| e.name.english().to_owned())
    };
    let place_name = |id: &str| {
        gazetteer
            .get(id)
            .map_or(id.to_string(), |p| p.label(gazetteer))
    };
    let mut items = Vec::new();
    let mut add = |item: Item, label: String, detail: String, extra: Value| {
        let (kind, _) = item.kind_index();
        let mut v = json!({
            "key": item.key(),
            "kind": kind,
            "label": label,
            "detail": detail,
            "rejected": rejected.contains(&item),
            "excerpt": first_mark(item).map(excerpt),
        });
        if let (Value::Object(o), Value::Object(x)) = (&mut v, extra) {
            o.extend(x);
        }
        items.push(v);
    };
    for (i, e) in s.events.iter().enumerate() {
        let date = e.date.map(|d| d.iso());
        let known = history().iter().any(|c| c.id == e.id);
        let mut detail = date.clone().unwrap_or_else(|| "no date".into());
        if known {
            detail += " · in the bundled history, which shows its checked date";
        }
        let title = (e.title.iter())
            .map(|(l, t)| (l.code().to_string(), json!(t)))
            .collect::<serde_json::Map<_, _>>();
        let extra = json!({ "date": date, "title": title, "id": e.id, "history": known, "places": e.places });
        add(Item::Event(i), e.title.english().to_owned(), detail, extra);
    }
    for (i, m) in s.mentions.iter().enumerate() {
        let name = place_name(&m.place);
        let tolerant = if m.exact { "" } else { ", read tolerantly" };
        let detail = format!("as “{}”{tolerant}", s.slice(m.span));
        add(Item::Place(i), name, detail, json!({}));
    }
    for (i, e) in s.entities.iter().enumerate() {
        if e.kind == EntityKind::Person {
            let role = e.role.as_ref().map(|r| r.english().to_owned());
            let detail = role.unwrap_or_else(|| "no role found".into());
            add(
                Item::Person(i),
                e.name.english().to_owned(),
                detail,
                json!({ "id": e.id }),
            );
        }
    }
    for (i, q) in s.quotes.iter().enumerate() {
        let who = person(&q.speaker).unwrap_or_else(|| "no speaker found".into());
        let extra = json!({ "speaker": q.speaker });
        add(
            Item::Quote(i),
            excerpt(q.span),
            format!("said by {who}"),
            extra,
        );
    }
    for (i, c) in s.claims.iter().enumerate() {
        let by = person(&c.reported_by).map_or(String::new(), |p| format!(", as {p} put it"));
        let detail = format!("{} position{by}", side_name(&c.side));
        add(
            Item::Claim(i),
            c.statement.english().to_owned(),
            detail,
            json!({}),
        );
    }
    let dateline = s.article.dateline.as_ref();
    for (i, w) in s.warnings.iter().enumerate() {
        // What the editor can answer besides "settled".
        let resolve = match w {
            Warning::Corrected { text, resolved, .. } => {
                json!({ "kind": "correction", "text": text, "resolved": place_name(resolved) })
            }
            Warning::NoYear { candidates } => json!({
                "kind": "year", "candidates": candidates,
                "month": dateline.map(|d| d.month), "day": dateline.map(|d| d.day),
            }),
            // The inferred year first; settling the warning confirms it.
            Warning::YearInferred { year, candidates } => json!({
                "kind": "year", "inferred": year,
                "candidates": std::iter::once(year).chain(candidates.iter().filter(|c| *c != year)).collect::<Vec<_>>(),
                "month": dateline.map(|d| d.month), "day": dateline.map(|d| d.day),
            }),
            _ => Value::Null,
        };
        let extra = json!({ "resolve": resolve });
        add(Item::Warning(i), w.to_string(), "warning".into(), extra);
    }
    let out = draft.story();
    let people: Vec<Value> = (out.entities.iter())
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| json!({ "id": e.id, "name": e.name.english() }))
        .collect();
    let events: Vec<Value> = (out.events.iter())
        .map(|e| json!({ "id": e.id, "title": e.title.english(), "date": e.date.map(|d| d.iso()) }))
        .collect();
    let (undo, redo) = draft.can_undo();
    json!({
        "pieces": pieces(&s, &all).into_iter().map(|(t, k)| json!([t, k])).collect::<Vec<_>>(),
        "items": items,
        "people": people,
        "events": events,
        "headline": s.article.headline,
        "language": s.article.language,
        "undo": undo,
        "redo": redo,
        "places": places(gazetteer),
        "history": (history().iter())
            .map(|c| json!({ "id": c.id, "title": c.title.english(), "date": c.date.iso() }))
            .collect::<Vec<_>>(),
        "sentences": (s.sentences.iter()).map(|x| cut(s.slice(*x), SENTENCE_CHARS)).collect::<Vec<_>>(),
    })
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
fn places(gazetteer: &Gazetteer) -> Vec<Value> {
    (gazetteer.places.iter())
        .map(|p| json!({ "id": p.id, "name": p.label(gazetteer) }))
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

    #[test]
    fn a_warning_says_what_the_editor_can_answer() {
        let k = Knowledge::load().unwrap();
        let text = "TOKYO, March 3. /Kyodo/. Drills were held on Kunahsir, the ministry said.";
        let story = crate::extract(
            &crate::article::Article::new(text, crate::article::Meta::default()),
            &k,
        );
        let v = review(&Draft::new(story), &k.gazetteer);
        let resolve = |kind: &str| {
            (v["items"].as_array().unwrap().iter())
                .map(|i| &i["resolve"])
                .find(|r| r["kind"] == kind)
                .cloned()
        };
        let year = resolve("year").expect("a dateline without a year");
        assert_eq!(
            (year["month"].as_u64(), year["day"].as_u64()),
            (Some(3), Some(3))
        );
        let typo = resolve("correction").expect("a name read tolerantly");
        assert_eq!(typo["text"], "Kunahsir");
        assert!(typo["resolved"].as_str().unwrap().starts_with("Kunashir"));
        // The year warning is marked at the dateline.
        let year_item = (v["items"].as_array().unwrap().iter())
            .find(|i| i["resolve"]["kind"] == "year")
            .unwrap();
        assert_eq!(year_item["excerpt"], "TOKYO, March 3. /Kyodo/.");

        // A year the text allows, inferred: said, and first of the choices.
        let text = "TOKYO, March 3. /Kyodo/. The minister said on Sunday that the talks begun in 2018 would go on.";
        let story = crate::extract(
            &crate::article::Article::new(text, crate::article::Meta::default()),
            &k,
        );
        let inferred = (story.warnings.iter()).find_map(|w| match w {
            Warning::YearInferred { year, .. } => Some(*year),
            _ => None,
        });
        let year = inferred.expect("the year is inferred and the editor told");
        let v = review(&Draft::new(story), &k.gazetteer);
        let choices = (v["items"].as_array().unwrap().iter())
            .find(|i| i["resolve"]["kind"] == "year")
            .map(|i| i["resolve"]["candidates"][0].clone());
        assert_eq!(choices, Some(year.into()));
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
        let v = review(&draft, &k.gazetteer);
        let items = v["items"].as_array().unwrap();
        let quote = items.iter().find(|i| i["key"] == "quote-0").unwrap();
        assert_eq!(quote["rejected"], true);
        assert!(quote["detail"]
            .as_str()
            .unwrap()
            .starts_with("said by Sergey Lavrov"));
        let moscow = items.iter().find(|i| i["label"] == "Moscow").unwrap();
        assert_eq!(moscow["kind"], "place");
        let event = items.iter().find(|i| i["kind"] == "event").unwrap();
        assert!(["en", "ru", "ja"]
            .iter()
            .all(|l| event["title"][l].as_str().is_some_and(|t| !t.is_empty())));
        let iturup = (v["places"].as_array().unwrap().iter()).find(|p| p["id"] == "iturup");
        assert_eq!(iturup.unwrap()["name"], "Iturup / Etorofu");
        assert!(event["places"].is_array());
        assert_eq!(v["undo"], true);
        assert_eq!(v["redo"], false);
        let exported =
            crate::newsroom::read(crate::newsroom::Kind::Story, draft.export().as_bytes());
        assert!(exported.is_ok());
    }
}
