//! kuril-extract: the newsroom's extractor, from an article's text to a
//! kuril story in which every item carries the spans of the sentences it
//! comes from. It depends on the pure core only; the reader's bundle never
//! carries it (`cargo xtask story` runs it at build time, and the newsroom
//! module runs it in a Web Worker for `article-src`).
//!
//! - [`article`]: article text, metadata, blocks, sentences, dateline;
//! - [`names`]: words, accent folding, tolerant multi-word name matching;
//! - [`lexicon`]: events and their cues, entities, words, positions;
//! - [`extract`]: names, roles, speakers, quotes, dates, events, positions;
//! - [`score`]: expected facts of test articles, precision and recall;
//! - [`studio`]: the studio's marks in the text and the editor's draft.

pub mod article;
pub mod extract;
pub mod lexicon;
pub mod names;
pub mod newsroom;
pub mod score;
pub mod studio;

pub use extract::{extract, Knowledge};

use article::{Article, ArticleError, Meta, MetaError};
use kuril_core::data::DataError;
use kuril_core::geo::gazetteer::{Gazetteer, GazetteerError};
use kuril_core::story::Story;
use lexicon::{Lexicon, LexiconError};
use thiserror::Error;

/// The TASS article of 11 February 2018, exactly as published.
pub const ARTICLE: &str = include_str!("../../../data/article/tass-989536.txt");
/// Its metadata.
pub const ARTICLE_META: &str = include_str!("../../../data/article/tass-989536.meta");
/// The gazetteer with its aliases (the core's copy, which the reader
/// bundles, leaves them out: only the extractor matches names).
pub const GAZETTEER: &str = include_str!("../../../data/gazetteer.tsv");
/// The places of the dispute's news beyond the gazetteer, with their
/// sources: the extractor knows them, and a story carries those it names.
pub const PLACES: &str = include_str!("../../../data/places.tsv");
/// The lexicon files.
pub const EVENTS: &str = include_str!("../../../data/lexicon/events.tsv");
pub const ENTITIES: &str = include_str!("../../../data/lexicon/entities.tsv");
pub const WORDS: &str = include_str!("../../../data/lexicon/words.tsv");
pub const CLAIMS: &str = include_str!("../../../data/lexicon/claims.tsv");
pub const ROLES: &str = include_str!("../../../data/lexicon/roles.tsv");

/// Why no story could be extracted (the data, or the article itself).
#[derive(Debug, Error, PartialEq)]
pub enum ExtractError {
    #[error(transparent)]
    Meta(#[from] MetaError),
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error(transparent)]
    Article(#[from] ArticleError),
    #[error(transparent)]
    Data(#[from] DataError),
}

impl Knowledge {
    /// The bundled gazetteer and lexicon.
    pub fn load() -> Result<Knowledge, ExtractError> {
        let mut lexicon = Lexicon::parse(EVENTS, ENTITIES, WORDS, CLAIMS)?;
        lexicon.add_roles(ROLES)?;
        let (gazetteer, beyond) = wider_gazetteer(GAZETTEER, PLACES)?;
        let mut k = Knowledge::new(gazetteer, lexicon);
        k.beyond = beyond;
        Ok(k)
    }
}

/// The gazetteer with the places of `places` (`data/places.tsv`: the
/// gazetteer's columns, then `source`) after its own, and those places as
/// a story carries them.
pub fn wider_gazetteer(
    gazetteer: &str,
    places: &str,
) -> Result<(Gazetteer, Vec<kuril_core::story::StoryPlace>), GazetteerError> {
    let mut g = Gazetteer::parse(gazetteer)?;
    let first = g.places.len();
    g.extend("places.tsv", places)?;
    let sources = kuril_core::text::file_table("places.tsv", places, ["source"])?;
    let sources = sources.into_iter().map(|(_, [source])| source.to_string());
    let beyond = (g.places[first..].iter().zip(sources))
        .map(|(p, source)| kuril_core::story::StoryPlace {
            id: p.id.clone(),
            parent: p.parent.clone(),
            kind: p.kind.clone(),
            point: p.point.unwrap_or_default(),
            name: p.name.clone(),
            romaji: p.romaji.clone(),
            source,
        })
        .collect();
    Ok((g, beyond))
}

/// The story of `article` with its metadata (`key: value` lines).
pub fn story_of(article: &str, meta: &str) -> Result<Story, ExtractError> {
    let k = Knowledge::load()?;
    Ok(extract(&Article::new(article, Meta::parse(meta)?), &k))
}

/// The story of an article fetched from elsewhere (`article-src`): bytes
/// that are not plain text are refused.
pub fn story_of_bytes(bytes: &[u8]) -> Result<Story, ExtractError> {
    let k = Knowledge::load()?;
    Ok(extract(&Article::from_bytes(bytes, Meta::default())?, &k))
}

/// The story of the bundled article, as `cargo xtask story` packs it.
pub fn bundled_story() -> Result<Story, ExtractError> {
    story_of(ARTICLE, ARTICLE_META)
}
