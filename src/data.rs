//! The data bundled into the widget: the article and its metadata, the
//! gazetteer, the lexicon and the map asset, all from `data/`, and the story
//! extracted from them.

use crate::article::{Article, ArticleError, Meta, MetaError};
use crate::boundaries::{self, Line, LinesError};
use crate::control::{ControlError, ControlTable};
use crate::extract::extract;
use crate::gazetteer::{Gazetteer, GazetteerError};
use crate::history::{self, ContextError, Entry, Era};
use crate::lexicon::{Lexicon, LexiconError};
use crate::locator::Locator;
use crate::map::{MapAsset, MapError};
use crate::proposals::{self, Proposal, ProposalsError};
use crate::story::{Story, SCHEMA};
use thiserror::Error;

/// The TASS article of 11 February 2018, exactly as published.
pub const ARTICLE: &str = include_str!("../data/article/tass-989536.txt");
/// Its metadata.
pub const ARTICLE_META: &str = include_str!("../data/article/tass-989536.meta");
/// The gazetteer.
pub const GAZETTEER: &str = include_str!("../data/gazetteer.tsv");
/// The lexicon files.
pub const EVENTS: &str = include_str!("../data/lexicon/events.tsv");
pub const ENTITIES: &str = include_str!("../data/lexicon/entities.tsv");
pub const WORDS: &str = include_str!("../data/lexicon/words.tsv");
pub const CLAIMS: &str = include_str!("../data/lexicon/claims.tsv");
/// Who held each place, by period.
pub const CONTROL: &str = include_str!("../data/control.tsv");
/// Borders and lines of control by era.
pub const LINES: &str = include_str!("../data/lines.tsv");
/// What events proposed for places (the 1956 declaration).
pub const PROPOSALS: &str = include_str!("../data/proposals.tsv");
/// Context events for the timeline, with sources.
pub const CONTEXT: &str = include_str!("../data/context.tsv");
/// Eras, drawn as bands on the timeline.
pub const ERAS: &str = include_str!("../data/eras.tsv");
/// The widget's own words in English, Russian and Japanese.
pub const UI: &str = include_str!("../data/ui.tsv");
/// The map asset.
pub const MAP: &str = include_str!("../data/map/kurils.map");
/// The locator inset's land.
pub const LOCATOR: &str = include_str!("../data/map/locator.map");

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
    #[error(transparent)]
    Control(#[from] ControlError),
    #[error(transparent)]
    Lines(#[from] LinesError),
    #[error(transparent)]
    Proposals(#[from] ProposalsError),
    #[error(transparent)]
    Context(#[from] ContextError),
    #[error(transparent)]
    Article(#[from] ArticleError),
    #[error("the story file is not a kuril story: {0}")]
    StoryJson(String),
    #[error("the story file has schema '{0}'; this widget reads '{SCHEMA}'")]
    Schema(String),
    #[error("the story file is an HTML page, not a story")]
    StoryHtml,
}

pub use crate::extract::Knowledge;

impl Knowledge {
    /// The bundled gazetteer and lexicon.
    pub fn load() -> Result<Knowledge, DataError> {
        Ok(Knowledge::new(
            Gazetteer::parse(GAZETTEER)?,
            Lexicon::parse(EVENTS, ENTITIES, WORDS, CLAIMS)?,
        ))
    }
}

/// Everything the widget shows, read and extracted once.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    pub story: Story,
    pub gazetteer: Gazetteer,
    pub map: MapAsset,
    pub locator: Locator,
    pub control: ControlTable,
    pub lines: Vec<Line>,
    pub proposals: Vec<Proposal>,
    /// The timeline: the article's dated events and the context events,
    /// merged, in date order.
    pub timeline: Vec<Entry>,
    pub eras: Vec<Era>,
}

impl Bundle {
    /// Extracts the story from `article` (with its metadata) using the
    /// bundled knowledge and map.
    pub fn from_article(article: &str, meta: &str) -> Result<Bundle, DataError> {
        let k = Knowledge::load()?;
        let article = Article::new(article, Meta::parse(meta)?);
        let story = extract(&article, &k);
        Bundle::with_story(story, k)
    }

    /// Extracts the story from an article text fetched from elsewhere (the
    /// `article-src` attribute): bytes that are not plain text are refused.
    pub fn from_article_bytes(bytes: &[u8]) -> Result<Bundle, DataError> {
        let k = Knowledge::load()?;
        let article = Article::from_bytes(bytes, Meta::default())?;
        let story = extract(&article, &k);
        Bundle::with_story(story, k)
    }

    /// Shows a story file (the `story-src` attribute): a story as the
    /// `extract` CLI writes it, perhaps edited since.
    #[cfg(feature = "serde")]
    pub fn from_story_json(json: &str) -> Result<Bundle, DataError> {
        if crate::article::looks_like_html(json) {
            return Err(DataError::StoryHtml);
        }
        if !json.trim_start().starts_with('{') {
            return Err(DataError::StoryJson("it is not a JSON object".into()));
        }
        let story: Story =
            serde_json::from_str(json).map_err(|e| DataError::StoryJson(e.to_string()))?;
        if story.schema != SCHEMA {
            return Err(DataError::Schema(story.schema.chars().take(40).collect()));
        }
        Bundle::with_story(story, Knowledge::load()?)
    }

    /// The bundle around a story.
    fn with_story(story: Story, k: Knowledge) -> Result<Bundle, DataError> {
        let map = MapAsset::parse(MAP)?;
        let locator = Locator::parse(LOCATOR)?;
        let control = ControlTable::parse(CONTROL)?;
        let lines = boundaries::parse(LINES)?;
        let proposals = proposals::parse(PROPOSALS)?;
        let timeline = history::merge(&story, &history::parse(CONTEXT)?);
        let eras = history::parse_eras(ERAS)?;
        Ok(Bundle {
            story,
            gazetteer: k.gazetteer,
            map,
            locator,
            control,
            lines,
            proposals,
            timeline,
            eras,
        })
    }

    /// The language of the article's and the context's texts (`lang`
    /// attribute value): the article's, else English.
    pub fn text_lang(&self) -> String {
        self.story
            .article
            .language
            .clone()
            .unwrap_or_else(|| "en".into())
    }

    /// The bundled data.
    pub fn load() -> Result<Bundle, DataError> {
        Bundle::from_article(ARTICLE, ARTICLE_META)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_loads() {
        let b = Bundle::load().unwrap();
        assert!(b.story.dated_count() >= 5);
        assert!(!b.map.features.is_empty());
    }
}
