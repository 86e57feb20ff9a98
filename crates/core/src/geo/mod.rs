//! Geography: places and their names ([`gazetteer`]), the projection
//! ([`projection`]), the map asset and its view ([`map`]), the locator
//! inset ([`locator`]), who held each place when ([`control`]), borders and
//! lines of control ([`boundaries`]), proposed transfers ([`proposals`]),
//! and the map on a date with its legend ([`colouring`]).

pub mod boundaries;
pub mod colouring;
pub mod control;
pub mod gazetteer;
pub mod labels;
pub mod locator;
pub mod map;
pub mod projection;
pub mod proposals;
