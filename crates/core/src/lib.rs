//! kuril-core: the pure core of kuril-widget, what every reader's browser
//! runs, with no Yew, web-sys, wasm-bindgen or js-sys.
//!
//! - the story model ([`story`]) and its packed binary form ([`pack`]),
//!   which is how a story reaches the reader's bundle;
//! - text spans and tab-separated data files ([`text`]), dates
//!   ([`date`]);
//! - geography: places ([`gazetteer`]), the projection ([`projection`]),
//!   the map asset and its view ([`map`]), the locator inset
//!   ([`locator`]), who held each place when ([`control`]), borders and
//!   lines of control ([`boundaries`]), proposed transfers ([`proposals`]);
//! - time: context events and eras ([`history`]), the timeline's scale
//!   ([`scale`]);
//! - the widget's state and its transitions ([`state`]), languages
//!   ([`i18n`]), options ([`options`]) and its key in the page address
//!   ([`address`]);
//! - the bundled data files and the [`data::Bundle`] the widget shows.
//!
//! Coordinates are always given longitude first, then latitude, in degrees.

pub mod address;
pub mod boundaries;
pub mod control;
pub mod data;
pub mod date;
pub mod gazetteer;
pub mod history;
pub mod i18n;
pub mod locator;
pub mod map;
pub mod options;
pub mod pack;
pub mod projection;
pub mod proposals;
pub mod scale;
pub mod state;
pub mod story;
pub mod text;
