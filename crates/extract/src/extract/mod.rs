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

mod claims;
mod dates;
mod events;
mod finish;
mod knowledge;
mod named;
mod news;
mod occasion;
mod offices;
mod people;
mod quotes;
mod statements;

pub use knowledge::Knowledge;

use crate::article::Article;
use crate::lexicon::{Cue, EntityKind, EventDate, EventPlaces, KnownEvent};
use crate::names::{begins_with, tokens, Hit, Token};
use kuril_core::i18n::{Lang, Texts};
use kuril_core::story::{
    self, ArticleInfo, Claim, Dateline, Entity, Event, Mention, Quote, Story, Warning, YearSource,
};
use kuril_core::text::{CharIndex, Span};
use kuril_core::time::date::Date;
use std::collections::HashMap;

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
    /// The article's language (`Article::language`, which reads the text:
    /// asked once).
    lang: String,
    text: &'a str,
    toks: Vec<Token>,
    /// Per word of `toks`: whether a speech verb or an office starts there
    /// (asked by several passes; looked up once).
    starts_phrase: Vec<bool>,
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
    /// Whether the article names a place of the dispute: an article that
    /// does not (another dispute, Japan and Russia named in passing) yields
    /// no event and no position, however many cue words it holds ("China
    /// and Japan signed a peace treaty in 1978").
    on_the_islands: bool,
    k: &'a Knowledge,
}

/// Puts events in a story's order: the dated ones first, by date (then
/// id), then the undated ones by id.
pub(crate) fn order_events(events: &mut [Event]) {
    events.sort_by(|a, b| match (a.date, b.date) {
        (Some(x), Some(y)) => x
            .as_year_fraction()
            .total_cmp(&y.as_year_fraction())
            .then(a.id.cmp(&b.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    });
}

/// The places whose naming makes an article one about the dispute (with
/// everything within them).
const DISPUTE_PLACES: [&str; 3] = ["disputed", "kurils", "sakhalin"];

fn words_of(s: &str) -> Vec<String> {
    tokens(s).into_iter().map(|t| t.folded).collect()
}

/// Whether the folded words `w` occur in `toks` starting at `i`.
fn words_at(toks: &[Token], i: usize, w: &[String]) -> bool {
    let words = toks.get(i..).unwrap_or_default();
    begins_with(words.iter().map(|t| t.folded.as_str()), w)
}

/// Whether the folded words `words` start with the folded words `w`.
fn words_at_words(words: &[String], w: &[String]) -> bool {
    begins_with(words.iter().map(String::as_str), w)
}

/// Puts hits in text order (one sort for every pass that adds names: one
/// copy of its code in the newsroom module).
fn sort_hits(hits: &mut [Hit]) {
    hits.sort_by_key(|h| h.span);
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
        let starts_phrase = toks.iter().map(|t| k.starts_phrase(&t.folded)).collect();
        Extractor {
            article,
            lang: article.language(),
            text,
            toks,
            starts_phrase,
            hits,
            actors: Vec::new(),
            actor_at: HashMap::new(),
            warnings: Vec::new(),
            speakers: Vec::new(),
            quote_speakers: Vec::new(),
            role_mentions: Vec::new(),
            cue_hits,
            on_the_islands: false,
            k,
        }
    }

    /// Whether one of `mentions` is of the Kuril Islands, the four islands
    /// or Sakhalin (whose history the dispute's events share).
    fn names_the_islands(&self, mentions: &[Mention]) -> bool {
        let g = &self.k.gazetteer;
        mentions
            .iter()
            .any(|m| DISPUTE_PLACES.iter().any(|p| g.is_within(&m.place, p)))
    }

    /// The article's own date: the dateline's, else the metadata's.
    fn article_date(&self, dateline: Option<&Dateline>) -> Option<Date> {
        dateline
            .and_then(|d| d.date)
            .or(self.article.meta.published)
    }

    /// The words that lie wholly inside `span`.
    fn toks_in(&self, span: Span) -> &[Token] {
        let from = self.toks.partition_point(|t| t.span.start < span.start);
        let to = self.toks.partition_point(|t| t.span.end <= span.end);
        &self.toks[from..to.max(from)]
    }

    fn actor_mut(&mut self, id: &str) -> Option<&mut Actor> {
        self.actor_at.get(id).map(|&i| &mut self.actors[i])
    }

    fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_at.get(id).map(|&i| &self.actors[i])
    }

    /// Adds each hit's span to its entity's mentions (later mentions of a
    /// person found by surname).
    fn mention_all(&mut self, hits: &[Hit]) {
        for h in hits {
            if let Some(a) = self.actor_mut(&h.id[2..]) {
                a.entity.mentions.push(h.span);
            }
        }
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

    fn run(mut self) -> Story {
        let mentions = self.names();
        self.on_the_islands = self.names_the_islands(&mentions);
        let dateline = self.dateline();
        self.dated_roles(dateline.as_ref());
        self.roles();
        self.office_people();
        self.local_roles();
        self.index_roles();
        self.speech_subjects();
        let quotes = self.quotes();
        let events = self.events(dateline.as_ref(), &mentions);
        let claims = self.claims(&quotes);
        let found = Found {
            mentions,
            dateline,
            events,
            quotes,
            claims,
        };
        self.into_story(found)
    }
}

/// What the passes found, in byte offsets.
struct Found {
    mentions: Vec<Mention>,
    dateline: Option<Dateline>,
    events: Vec<Event>,
    quotes: Vec<Quote>,
    claims: Vec<Claim>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Meta;
    use crate::lexicon::Lexicon;
    use kuril_core::geo::gazetteer::Gazetteer;

    fn knowledge(events: &str) -> Knowledge {
        let gazetteer = Gazetteer::parse(
            "id\tparent\tkind\tlon\tlat\tname_en\tname_ru\tname_ja\tromaji\taliases\tarea_km2\tother_ru\tother_ja\tother_en\tlabel\n\
             kurils\t\tgroup\t150\t46\tKurils\t\t\t\t\t\t\t\t\t\n",
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
            "A declaration. It was 1956. The 1956 Statement stands. Japan’s 1956 declaration. The Kurils.";
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
            &Article::new(
                "In 1956 Ann Lee signed a treaty. The Kurils.",
                Meta::default(),
            ),
            &k,
        );
        assert_eq!(story.events[0].title.english(), "With Ann Lee");
        // A template with no Japanese form gives none: English shows.
        assert_eq!(story.events[0].title.own(Lang::Ru), "С Ann Lee");
        assert_eq!(story.events[0].title.own(Lang::Ja), "");
    }

    #[test]
    fn an_article_that_names_no_place_of_the_dispute_yields_no_event() {
        let k = knowledge("t\t1956-10-19\ttreaty\tT\t\t\t\ts\n");
        let about = |text: &str| {
            extract(&Article::new(text, Meta::default()), &k)
                .events
                .len()
        };
        assert_eq!(about("China and Japan signed a treaty."), 0);
        assert_eq!(about("China and Japan signed a treaty. The Kurils."), 1);
        // With a date, the article's own news too.
        let dated = |text: &str| {
            let meta = Meta::parse("published: 2020-02-02").unwrap();
            extract(&Article::new(text, meta), &k).events.len()
        };
        assert_eq!(dated("China and Japan signed a treaty on Sunday."), 0);
        assert_eq!(
            dated("China and Japan signed a treaty on Sunday. The Kurils."),
            2
        );
    }

    /// The places of `data/places.tsv`: found in three languages, and
    /// carried by the story that names them.
    #[test]
    fn places_beyond_the_gazetteer_are_found_and_carried() {
        let k = Knowledge::load().unwrap();
        let places = |text: &str| {
            let s = extract(&Article::new(text, Meta::default()), &k);
            let mut named: Vec<String> = s.mentions.iter().map(|m| m.place.clone()).collect();
            named.dedup();
            let carried: Vec<String> = s.places.iter().map(|p| p.id.clone()).collect();
            (named, carried)
        };
        let (named, carried) = places(
            "A fishing boat from Nemuro was taken to Yuzhno-Kurilsk on Kunashir. The Kurils are disputed.",
        );
        assert_eq!(named, ["nemuro", "yuzhno_kurilsk", "kunashir", "kurils"]);
        assert_eq!(carried, ["nemuro", "yuzhno_kurilsk"]);
        // «курильских» is the Kurils' adjective, not the town of Kurilsk.
        let (named, carried) = places(
            "Шхуну из Немуро доставили в Южно-Курильске. Судьба курильских рыбаков. Порт Курильска.",
        );
        assert_eq!(named, ["nemuro", "yuzhno_kurilsk", "kurilsk"]);
        assert_eq!(carried, ["nemuro", "yuzhno_kurilsk", "kurilsk"]);
        let (named, _) =
            places("根室市の漁船が国後島の古釜布に連行された。根室海峡で操業していた。");
        assert_eq!(
            named,
            ["nemuro", "kunashir", "yuzhno_kurilsk", "nemuro_strait"]
        );
        // The carried place is what the widget draws: its point and names.
        let s = extract(&Article::new("Boats from Nemuro.", Meta::default()), &k);
        assert_eq!(s.places[0].point, (145.575, 43.32361));
        assert_eq!(s.places[0].name.own(Lang::Ja), "根室");
        assert!(s.places[0].source.starts_with("GeoNames"));
    }
}
