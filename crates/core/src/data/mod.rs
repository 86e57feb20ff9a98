//! The data bundled into the widget, all from `data/` (the text files
//! without their comment lines, `build.rs`): the story of the
//! bundled article (extracted at build time and packed, see [`crate::story::pack`]),
//! the gazetteer, the map and locator assets, who held what when, lines,
//! proposals, context events, eras and the interface's words.

use crate::geo::boundaries::{self, Line, LinesError};
use crate::geo::control::{ControlError, ControlTable};
use crate::geo::gazetteer::{Gazetteer, GazetteerError, Place};
use crate::geo::locator::Locator;
use crate::geo::map::{MapAsset, MapError};
use crate::geo::proposals::{self, Proposal, ProposalsError};
use crate::i18n::Texts;
use crate::story::pack::{self, PackError};
use crate::story::{Story, SCHEMA};
use crate::time::history::{self, ContextError, Entry, Era};
use thiserror::Error;

mod files;
pub use files::{Files, LanguageFile, LanguageFileError, LANGUAGE_MAGIC, MAX_LANGUAGE_FILE_BYTES};

/// The story of the bundled TASS article of 11 February 2018, extracted
/// and packed by `cargo xtask story` (a test keeps it current).
pub const STORY: &[u8] = include_bytes!("../../../../data/story/tass-989536.story");
/// The gazetteer, without its aliases (the extractor's matching is the
/// only use of them; `crates/core/build.rs`).
pub const GAZETTEER: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));
/// Who held each place, by period.
pub const CONTROL: &str = include_str!(concat!(env!("OUT_DIR"), "/control.tsv"));
/// Borders and lines of control by era.
pub const LINES: &str = include_str!(concat!(env!("OUT_DIR"), "/lines.tsv"));
/// What events proposed for places (the 1956 declaration).
pub const PROPOSALS: &str = include_str!(concat!(env!("OUT_DIR"), "/proposals.tsv"));
/// Context events for the timeline, with sources.
pub const CONTEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/context.tsv"));
/// Eras, drawn as bands on the timeline.
pub const ERAS: &str = include_str!(concat!(env!("OUT_DIR"), "/eras.tsv"));
/// The widget's own words in English, Russian and Japanese.
pub const UI: &str = include_str!(concat!(env!("OUT_DIR"), "/ui.tsv"));
/// The map asset.
pub const MAP: &str = include_str!(concat!(env!("OUT_DIR"), "/map-kurils.map"));
/// Where the map writes its labels and its tap targets, by language
/// (`cargo xtask labels`, [`crate::geo::labels`]).
pub const LABELS: &str = include_str!(concat!(env!("OUT_DIR"), "/map-labels.tsv"));
/// The locator inset's land.
pub const LOCATOR: &str = include_str!(concat!(env!("OUT_DIR"), "/map-locator.map"));

/// Any data file that could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum DataError {
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
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
    Pack(#[from] PackError),
    #[error("the story file is not a kuril story: {0}")]
    StoryJson(String),
    #[error("the story file has schema '{0}'; this widget reads '{SCHEMA}'")]
    Schema(String),
    #[error("the story file is an HTML page, not a story")]
    StoryHtml,
    #[error(transparent)]
    TooLarge(#[from] crate::story::TooLarge),
    #[error(transparent)]
    Language(#[from] LanguageFileError),
}

/// Everything the widget shows, read once.
#[derive(Clone, Debug, PartialEq)]
pub struct Bundle {
    /// The story, its places moved into the gazetteer (`places` is empty).
    pub story: Story,
    /// The bundled gazetteer, then the places the story carries.
    pub gazetteer: Gazetteer,
    /// Where the story's own places start in `gazetteer.places`.
    pub own_places: usize,
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
    /// The bundled story and data.
    pub fn load() -> Result<Bundle, DataError> {
        Bundle::from_packed(STORY)
    }

    /// The bundle around a packed story (the bundled one, or one the
    /// newsroom module extracted or read).
    pub fn from_packed(bytes: &[u8]) -> Result<Bundle, DataError> {
        Bundle::with_story(pack::decode(bytes)?)
    }

    /// The bundle around a packed story, read from these files.
    pub fn packed_with(files: &Files, bytes: &[u8]) -> Result<Bundle, DataError> {
        Bundle::with_files(files, pack::decode(bytes)?)
    }

    /// Reads a story file (the `story-src` attribute): a story as the
    /// `extract` CLI writes it, perhaps edited since.
    #[cfg(feature = "serde")]
    pub fn story_from_json(json: &str) -> Result<Story, DataError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if crate::text::looks_like_html(json) {
            return Err(DataError::StoryHtml);
        }
        if !json.trim_start().starts_with('{') {
            return Err(DataError::StoryJson("it is not a JSON object".into()));
        }
        let story: Story =
            serde_json::from_str(json).map_err(|e| DataError::StoryJson(e.to_string()))?;
        if story.schema != SCHEMA {
            return Err(DataError::Schema(crate::text::quoted_back(&story.schema)));
        }
        story.check_size()?;
        Ok(story)
    }

    /// The bundle around a story, with every language's texts.
    pub fn with_story(story: Story) -> Result<Bundle, DataError> {
        Bundle::with_files(&Files::ALL, story)
    }

    /// The bundle around a story, read from these files.
    pub fn with_files(files: &Files, mut story: Story) -> Result<Bundle, DataError> {
        story.check_size()?;
        let mut gazetteer = Gazetteer::parse(&files.gazetteer)?;
        let own_places = gazetteer.places.len();
        // The places the story carries that the gazetteer lacks (one off
        // the globe is left out); a parent it lacks too is dropped (the
        // place then stands alone).
        for p in std::mem::take(&mut story.places) {
            let (lon, lat) = p.point;
            if gazetteer.get(&p.id).is_some() || !(lon.abs() <= 180.0 && lat.abs() <= 90.0) {
                continue;
            }
            let parent = match gazetteer.get(&p.parent) {
                Some(_) => p.parent,
                None => String::new(),
            };
            gazetteer.places.push(Place {
                id: p.id,
                parent,
                kind: p.kind,
                point: Some(p.point),
                name: p.name,
                romaji: p.romaji,
                aliases: Vec::new(),
                area_km2: None,
                other: Texts::default(),
                map_label: None,
            });
        }
        let map = MapAsset::parse(&files.map)?;
        let locator = Locator::parse(&files.locator)?;
        let control = ControlTable::parse(&files.control)?;
        let lines = boundaries::parse(&files.lines)?;
        let proposals = proposals::parse(&files.proposals)?;
        let timeline = history::merge(&story, &history::parse(&files.context)?);
        let eras = history::parse_eras(&files.eras)?;
        Ok(Bundle {
            story,
            gazetteer,
            own_places,
            map,
            locator,
            control,
            lines,
            proposals,
            timeline,
            eras,
        })
    }

    /// The timeline entry of the article's own occasion (the event the
    /// extractor dated from the dateline, which carries a note saying so),
    /// where the widget opens by default.
    pub fn occasion(&self) -> Option<usize> {
        self.timeline.iter().position(|e| {
            e.article
                .and_then(|i| self.story.events.get(i))
                .is_some_and(|a| a.date_note.is_some())
        })
    }

    /// The map on `date` with `event` selected: who held each feature, the
    /// claims, what the event proposed, and the legend for exactly these.
    pub fn map_on(
        &self,
        date: Option<crate::time::date::Date>,
        event: Option<&str>,
    ) -> crate::geo::colouring::MapOnDate {
        crate::geo::colouring::map_on(
            &self.map,
            &self.gazetteer,
            &self.control,
            &self.proposals,
            &self.lines,
            date,
            event,
        )
    }

    /// The event the widget opens at when nothing else is asked for: the
    /// article's occasion, else the latest event.
    pub fn opening(&self) -> Option<usize> {
        self.occasion().or(self.timeline.len().checked_sub(1))
    }

    /// The widget's state when it opens: at `start`, else at the article's
    /// occasion, else at the latest event.
    pub fn open_state(
        &self,
        start: Option<crate::widget::state::Start>,
    ) -> crate::widget::state::WidgetState {
        crate::widget::state::WidgetState::open(
            &self.timeline,
            &self.gazetteer,
            start,
            self.opening(),
        )
    }

    /// The language of the article (`lang` attribute value of its quoted
    /// sentences and headline): its own, else English.
    pub fn text_lang(&self) -> String {
        self.story
            .article
            .language
            .clone()
            .unwrap_or_else(|| "en".into())
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

    /// A story's own places join the gazetteer: one it already has, one
    /// off the globe, and an unknown parent are left out.
    #[test]
    fn a_storys_places_join_the_gazetteer() {
        let mut story = Bundle::load().unwrap().story;
        let place = |id: &str, parent: &str, point| crate::story::StoryPlace {
            id: id.into(),
            parent: parent.into(),
            kind: "town".into(),
            point,
            name: crate::i18n::Texts::en(id.to_string()),
            romaji: String::new(),
            source: "test".into(),
        };
        story.places = vec![
            place("nemuro", "hokkaido", (145.575, 43.32361)),
            place("iturup", "", (1.0, 1.0)),
            place("nowhere", "atlantis", (10.0, 10.0)),
            place("off", "", (500.0, 10.0)),
        ];
        let g = Bundle::with_story(story).unwrap().gazetteer;
        assert!(g.is_within("nemuro", "japan"));
        assert_eq!(g.get("iturup").unwrap().point, Some((147.62, 45.03)));
        assert_eq!(g.get("nowhere").unwrap().parent, "");
        assert!(g.get("off").is_none());
    }
}
