//! Time: dates at their precision ([`date`]), the timeline's events and
//! eras ([`history`]) and its scale ([`scale`]).

pub mod date;
pub mod history;
pub mod scale;
