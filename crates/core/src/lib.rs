//! kuril-core: the pure core of kuril-widget, what every reader's browser
//! runs, with no Yew, web-sys, wasm-bindgen or js-sys. Its rooms, from the
//! bottom up:
//!
//! - [`text`]: spans of a text and tab-separated data files;
//! - [`i18n`]: the three languages, texts of our own in each, plurals;
//! - [`time`]: dates, the timeline's events and eras, its scale;
//! - [`geo`]: places, projection, map asset and view, locator, who held
//!   what when, lines, proposals, the map on a date with its legend;
//! - [`story`]: the story model and its packed binary form, which is how a
//!   story reaches the reader's bundle;
//! - [`widget`]: the widget's state and its one reducer, options, its key
//!   in the page address;
//! - [`data`]: the bundled data files and the [`data::Bundle`] the widget
//!   shows.
//!
//! Coordinates are always given longitude first, then latitude, in degrees.

pub mod data;
pub mod geo;
pub mod i18n;
pub mod story;
pub mod text;
pub mod time;
pub mod widget;
