//! The data bundled into the widget: the article and its metadata, the
//! gazetteer, the event lexicon and the map asset, all from `data/`, and the
//! story extracted from them.

use crate::article::{Article, Meta, MetaError};
use crate::extract::extract;
use crate::gazetteer::{Gazetteer, GazetteerError};
use crate::lexicon::{Lexicon, LexiconError};
use crate::map::{MapAsset, MapError};
use crate::story::Story;
use thiserror::Error;

/// The TASS article of 11 February 2018, exactly as published.
pub const ARTICLE: &str = include_str!("../data/article/tass-989536.txt");
/// Its metadata.
pub const ARTICLE_META: &str = include_str!("../data/article/tass-989536.meta");
/// The gazetteer.
pub const GAZETTEER: &str = include_str!("../data/gazetteer.tsv");
/// The event lexicon.
pub const EVENTS: &str = include_str!("../data/lexicon/events.tsv");
/// The map asset.
pub const MAP: &str = include_str!("../data/map/kurils.map");

/// Any data file that could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum DataError {
    #[error(transparent)]
    Meta(#[from] MetaError),
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error(transparent)]
    Map(#[from] MapError),
}

/// Everything the widget shows, read and extracted once.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub story: Story,
    pub gazetteer: Gazetteer,
    pub map: MapAsset,
}

impl Bundle {
    /// Reads the given data files and extracts the story from the article.
    pub fn from_sources(
        article: &str,
        meta: &str,
        gazetteer: &str,
        events: &str,
        map: &str,
    ) -> Result<Bundle, DataError> {
        let gazetteer = Gazetteer::parse(gazetteer)?;
        let lexicon = Lexicon::parse(events)?;
        let map = MapAsset::parse(map)?;
        let article = Article::new(article, Meta::parse(meta)?);
        let story = extract(&article, &lexicon, &gazetteer);
        Ok(Bundle {
            story,
            gazetteer,
            map,
        })
    }

    /// The bundled data.
    pub fn load() -> Result<Bundle, DataError> {
        Bundle::from_sources(ARTICLE, ARTICLE_META, GAZETTEER, EVENTS, MAP)
    }
}
