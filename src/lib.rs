//! kuril-widget: an embeddable map and timeline of the Kuril Islands dispute,
//! driven by data pulled from a news article.
//!
//! The crate has two layers:
//! - a pure core (this crate without the `ui` feature): the article model and
//!   sentence splitter, the lexicon and gazetteer, extraction of the story,
//!   dates, map projection and asset, timeline scale and the widget's state
//!   reducer. It has no Yew or web-sys dependency and is tested natively.
//! - [`components`] (feature `ui`, on by default): thin Yew function
//!   components over that core.
//!
//! Coordinates are always given longitude first, then latitude, in degrees.

pub mod article;
pub mod boundaries;
pub mod control;
pub mod data;
pub mod date;
pub mod extract;
pub mod gazetteer;
pub mod history;
pub mod i18n;
pub mod lexicon;
pub mod locator;
pub mod map;
pub mod names;
pub mod options;
pub mod projection;
pub mod proposals;
pub mod scale;
pub mod state;
pub mod story;
pub mod text;

#[cfg(feature = "ui")]
pub mod components;
