//! The widget's behaviour without a screen: its state and the one reducer
//! that owns every rule of it ([`state`]), its options ([`options`]), its
//! key in the page address ([`address`]) and what a build-time render of
//! it holds ([`holds`]).

pub mod address;
pub mod holds;
pub mod options;
pub mod state;
