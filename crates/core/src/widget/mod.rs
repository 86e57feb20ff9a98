//! The widget's behaviour without a screen: its state and the one reducer
//! that owns every rule of it ([`state`]), its options ([`options`]) and
//! its key in the page address ([`address`]).

pub mod address;
pub mod options;
pub mod state;
