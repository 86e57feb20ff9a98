//! The widget's state and its transitions: which event is selected (or
//! which date the map shows when no event is), which island's card is
//! open, which events the timeline shows (all, or those about a place) and
//! which it marks. One reducer owns every rule of it, stepping with a
//! filter and where the widget opens included; the map and the timeline
//! only read it and send [`Action`]s.

use crate::geo::gazetteer::Gazetteer;
use crate::time::date::{Date, DateError};
use crate::time::history::{concerning, Entry};
use std::rc::Rc;
use thiserror::Error;

/// What the reader has selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetState {
    /// Number of events on the timeline.
    pub count: usize,
    /// Index of the selected event, if any.
    pub selected: Option<usize>,
    /// Gazetteer index of the place whose card is open, if any.
    pub island: Option<usize>,
    /// A date chosen without an event (`start-at="1900"`): the map shows
    /// it until an event is selected.
    pub date: Option<Date>,
    /// Gazetteer index of the place the timeline is filtered to, if any.
    pub filter: Option<usize>,
    /// For each gazetteer place (by index), the events that concern it, in
    /// order; empty for a state made from a count alone.
    concerns: Rc<[Vec<usize>]>,
}

/// Something the reader did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Select the event at this index (ignored if out of range).
    Select(usize),
    /// The next event (the first if none is selected); stays on the last.
    Next,
    /// The previous event (the last if none is selected); stays on the first.
    Prev,
    First,
    Last,
    /// Select nothing.
    Clear,
    /// Open the card of the place at this gazetteer index.
    OpenIsland(usize),
    /// Close the place card.
    CloseIsland,
    /// Show only the events about this place (gazetteer index), or all.
    Filter(Option<usize>),
    /// Go where a host asks (an event, or a date with no event selected),
    /// as `start-at` would open it: the `<kuril-widget>` element's
    /// `select()` and the iframe's `kuril-select` message.
    Open(Start),
}

impl WidgetState {
    /// A state with `count` events and `selected` chosen if it is in range.
    pub fn new(count: usize, selected: Option<usize>) -> WidgetState {
        WidgetState {
            count,
            selected: selected.filter(|i| *i < count),
            island: None,
            date: None,
            filter: None,
            concerns: Rc::from(Vec::new()),
        }
    }

    /// The widget's state over a timeline and its gazetteer, opened where
    /// `start` says, else at the event `opening` (the article's own, see
    /// [`crate::data::Bundle::opening`]).
    pub fn open(
        timeline: &[Entry],
        gazetteer: &Gazetteer,
        start: Option<Start>,
        opening: Option<usize>,
    ) -> WidgetState {
        let count = timeline.len();
        let start = start.or(opening.map(Start::Event));
        let concerns: Vec<Vec<usize>> = gazetteer
            .places
            .iter()
            .map(|p| concerning(timeline, &p.id, gazetteer))
            .collect();
        let state = match start {
            Some(s) => WidgetState::starting(count, s),
            None => WidgetState::new(count, None),
        };
        WidgetState {
            concerns: concerns.into(),
            ..state
        }
    }

    /// The events the timeline shows, in order: those about the place it
    /// is filtered to, or all.
    pub fn visible(&self) -> Vec<usize> {
        match self.filter.and_then(|f| self.concerns.get(f)) {
            Some(about) => about.clone(),
            None => (0..self.count).collect(),
        }
    }

    /// The events about the place whose card is open, marked on the
    /// timeline (none when no card is open).
    pub fn about(&self) -> &[usize] {
        self.island
            .and_then(|i| self.concerns.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// A state that opens where `start` says.
    pub fn starting(count: usize, start: Start) -> WidgetState {
        match start {
            Start::Event(i) => WidgetState::new(count, Some(i)),
            Start::Date(d) => WidgetState {
                date: Some(d),
                ..WidgetState::new(count, None)
            },
        }
    }

    /// The date the map shows: the chosen date, else the selected event's.
    pub fn date_in(&self, timeline: &[Entry]) -> Option<Date> {
        self.date
            .or_else(|| Some(timeline.get(self.selected?)?.date))
    }

    /// The state after `action`. Stepping (next, previous, first, last)
    /// moves among the events the timeline shows ([`WidgetState::visible`]).
    pub fn apply(&self, action: Action) -> WidgetState {
        let this = self.clone();
        match action {
            Action::OpenIsland(i) => {
                return WidgetState {
                    island: Some(i),
                    ..this
                }
            }
            Action::CloseIsland => {
                return WidgetState {
                    island: None,
                    ..this
                }
            }
            Action::Filter(filter) => return WidgetState { filter, ..this },
            Action::Open(Start::Date(d)) => {
                return WidgetState {
                    selected: None,
                    island: None,
                    date: Some(d),
                    ..this
                }
            }
            _ => {}
        }
        let selected = match action {
            Action::Select(i) | Action::Open(Start::Event(i)) if i < self.count => Some(i),
            Action::Select(_) | Action::Open(_) => return this,
            Action::Next | Action::Prev | Action::First | Action::Last => {
                match step(&self.visible(), self.selected, action) {
                    Some(i) => Some(i),
                    // Nothing to step to (no event shown): nothing changes.
                    None => return this,
                }
            }
            Action::Clear | Action::OpenIsland(_) | Action::CloseIsland | Action::Filter(_) => None,
        };
        // Choosing an event puts its card back in place of a place card,
        // and the map follows the event rather than a chosen date.
        WidgetState {
            selected,
            island: None,
            date: None,
            ..this
        }
    }
}

/// Where a stepping action (next, previous, first, last) leads among the
/// `visible` events (indices in order): the index to select, or `None` to
/// stay. From an event not among them, next goes to the first visible one
/// after it and previous to the last one before it.
pub fn step(visible: &[usize], selected: Option<usize>, action: Action) -> Option<usize> {
    let (first, last) = (visible.first().copied(), visible.last().copied());
    match (action, selected) {
        (Action::First, _) => first,
        (Action::Last, _) => last,
        (Action::Next, None) => first,
        (Action::Prev, None) => last,
        (Action::Next, Some(s)) => visible.iter().copied().find(|&i| i > s).or(Some(s)),
        (Action::Prev, Some(s)) => visible.iter().rev().copied().find(|&i| i < s).or(Some(s)),
        _ => None,
    }
}

/// Where the widget opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// The event at this index.
    Event(usize),
    /// This date, with no event selected.
    Date(Date),
}

/// Why a `start-at` value names nothing.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum StartError {
    #[error("start-at '{0}' is neither an event id nor a date (YYYY, YYYY-MM or YYYY-MM-DD)")]
    Unknown(String),
    #[error("start-at '{value}': {source}")]
    Date { value: String, source: DateError },
}

/// Reads a `start-at` value: the id of an event on the timeline, or an ISO
/// date. A date on which an event falls selects that event.
pub fn resolve_start(timeline: &[Entry], value: &str) -> Result<Start, StartError> {
    let value = value.trim();
    let dated = timeline;
    if let Some(i) = dated.iter().position(|e| e.id == value) {
        return Ok(Start::Event(i));
    }
    if !value.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(StartError::Unknown(value.into()));
    }
    let date = Date::parse(value).map_err(|source| StartError::Date {
        value: value.into(),
        source,
    })?;
    Ok(dated
        .iter()
        .position(|e| e.date == date)
        .map_or(Start::Date(date), Start::Event))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_opens_an_event_or_a_date_as_start_at_would() {
        let d = Date::year(1900);
        let s = WidgetState::new(3, Some(1)).apply(Action::OpenIsland(4));
        let at = s.apply(Action::Open(Start::Event(2)));
        assert_eq!((at.selected, at.island, at.date), (Some(2), None, None));
        let on = at.apply(Action::Open(Start::Date(d)));
        assert_eq!((on.selected, on.island, on.date), (None, None, Some(d)));
        assert_eq!(on, WidgetState::starting(3, Start::Date(d)));
        assert_eq!(on.apply(Action::Open(Start::Event(9))), on);
    }

    #[test]
    fn steps_and_stops_at_the_ends() {
        let s = WidgetState::new(3, Some(1));
        assert_eq!(s.apply(Action::Next).selected, Some(2));
        assert_eq!(s.apply(Action::Next).apply(Action::Next).selected, Some(2));
        assert_eq!(s.apply(Action::Prev).apply(Action::Prev).selected, Some(0));
        assert_eq!(s.apply(Action::Last).selected, Some(2));
        assert_eq!(s.apply(Action::First).selected, Some(0));
        assert_eq!(s.apply(Action::Clear).selected, None);
    }

    #[test]
    fn from_nothing_selected() {
        let s = WidgetState::new(3, None);
        assert_eq!(s.apply(Action::Next).selected, Some(0));
        assert_eq!(s.apply(Action::Prev).selected, Some(2));
        assert_eq!(s.apply(Action::Select(7)).selected, None);
        assert_eq!(s.apply(Action::Select(2)).selected, Some(2));
        assert_eq!(WidgetState::new(3, Some(9)).selected, None);
    }

    #[test]
    fn a_place_card_opens_closes_and_gives_way_to_events() {
        let s = WidgetState::new(3, Some(1)).apply(Action::OpenIsland(4));
        assert_eq!(
            (s.selected, s.island),
            (Some(1), Some(4)),
            "the event stays selected"
        );
        assert_eq!(s.apply(Action::CloseIsland).island, None);
        assert_eq!(s.apply(Action::CloseIsland).selected, Some(1));
        let next = s.apply(Action::Next);
        assert_eq!((next.selected, next.island), (Some(2), None));
    }

    #[test]
    fn stepping_among_the_visible_events() {
        let v = [2, 5, 9];
        assert_eq!(step(&v, Some(5), Action::Next), Some(9));
        assert_eq!(
            step(&v, Some(9), Action::Next),
            Some(9),
            "stays on the last"
        );
        assert_eq!(step(&v, Some(5), Action::Prev), Some(2));
        assert_eq!(
            step(&v, Some(2), Action::Prev),
            Some(2),
            "stays on the first"
        );
        assert_eq!(
            step(&v, Some(6), Action::Next),
            Some(9),
            "from a hidden one"
        );
        assert_eq!(step(&v, Some(6), Action::Prev), Some(5));
        assert_eq!(step(&v, None, Action::Next), Some(2));
        assert_eq!(step(&v, None, Action::Prev), Some(9));
        assert_eq!(step(&v, Some(5), Action::First), Some(2));
        assert_eq!(step(&v, Some(5), Action::Last), Some(9));
        assert_eq!(step(&[], Some(5), Action::Next), Some(5));
        assert_eq!(step(&[], None, Action::First), None);
        assert_eq!(step(&v, Some(5), Action::Clear), None);
    }

    #[test]
    fn a_filter_stays_while_events_are_chosen() {
        let s = WidgetState::new(9, Some(1)).apply(Action::Filter(Some(4)));
        assert_eq!(s.filter, Some(4));
        let s = s.apply(Action::Select(3)).apply(Action::OpenIsland(2));
        assert_eq!((s.filter, s.selected), (Some(4), Some(3)));
        assert_eq!(s.apply(Action::Filter(None)).filter, None);
    }

    #[test]
    fn no_events_selects_nothing() {
        let s = WidgetState::new(0, None);
        for a in [
            Action::Next,
            Action::Prev,
            Action::First,
            Action::Last,
            Action::Select(0),
        ] {
            assert_eq!(s.apply(a).selected, None, "{a:?}");
        }
    }
}

#[cfg(test)]
mod start_tests {
    use super::*;
    use crate::data::Bundle;

    #[test]
    fn start_at_takes_an_event_id_or_a_date() {
        let story = Bundle::load().unwrap().timeline;
        let i56 = story
            .iter()
            .position(|e| e.id == "joint-declaration-1956")
            .unwrap();
        assert_eq!(
            resolve_start(&story, "joint-declaration-1956"),
            Ok(Start::Event(i56))
        );
        // The declaration's date selects it; another date shows the map then.
        // A context event is a start too.
        assert!(matches!(
            resolve_start(&story, "singapore-2018"),
            Ok(Start::Event(_))
        ));
        assert_eq!(resolve_start(&story, "1956-10-19"), Ok(Start::Event(i56)));
        let y1900 = Date::parse("1900").unwrap();
        assert_eq!(resolve_start(&story, " 1900 "), Ok(Start::Date(y1900)));
        assert!(matches!(
            resolve_start(&story, "no-such-event"),
            Err(StartError::Unknown(_))
        ));
        assert!(matches!(
            resolve_start(&story, "1956-13-40"),
            Err(StartError::Date { .. })
        ));
        // The undated peace treaty is no place to start.
        assert!(resolve_start(&story, "peace-treaty").is_err());
    }

    #[test]
    fn the_reducer_steps_among_the_events_shown_and_marks_those_about_a_place() {
        let b = Bundle::load().unwrap();
        let s = b.open_state(None);
        // It opens on the article's occasion, the interview.
        assert_eq!(b.timeline[s.selected.unwrap()].id, "interview");
        let place = |id: &str| b.gazetteer.places.iter().position(|p| p.id == id).unwrap();
        let at = |id: &str| b.timeline.iter().position(|e| e.id == id).unwrap();
        // Filtered to Shikotan, next and previous skip what it does not
        // concern (the 1993 declaration names the four islands: it does).
        let s = s.apply(Action::Filter(Some(place("shikotan"))));
        let shown = s.visible();
        assert!(shown.len() < b.timeline.len() && shown.contains(&at("joint-declaration-1956")));
        let from56 = s.apply(Action::Select(at("joint-declaration-1956")));
        let next = from56.apply(Action::Next).selected.unwrap();
        assert_eq!(
            next,
            *shown
                .iter()
                .find(|&&i| i > at("joint-declaration-1956"))
                .unwrap()
        );
        assert_eq!(s.apply(Action::First).selected, shown.first().copied());
        assert_eq!(s.apply(Action::Last).selected, shown.last().copied());
        // The card of Kunashir marks its events; closing it, none.
        let open = s.apply(Action::OpenIsland(place("kunashir")));
        assert!(open.about().contains(&at("kunashir-shikotan-1945")));
        assert!(!open.about().contains(&at("joint-declaration-1956")));
        assert!(open.apply(Action::CloseIsland).about().is_empty());
        // Unfiltered, every event is shown.
        assert_eq!(
            s.apply(Action::Filter(None)).visible().len(),
            b.timeline.len()
        );
        // A start wins over the occasion.
        let y1900 = Date::parse("1900").unwrap();
        assert_eq!(b.open_state(Some(Start::Date(y1900))).selected, None);
    }

    #[test]
    fn a_chosen_date_shows_until_an_event_is_selected() {
        let story = Bundle::load().unwrap().timeline;
        let y1900 = Date::parse("1900").unwrap();
        let s = WidgetState::starting(story.len(), Start::Date(y1900));
        assert_eq!((s.selected, s.date_in(&story)), (None, Some(y1900)));
        // Opening a place card keeps the date.
        assert_eq!(s.apply(Action::OpenIsland(2)).date_in(&story), Some(y1900));
        let next = s.apply(Action::Next);
        assert_eq!(next.selected, Some(0));
        assert_eq!(next.date_in(&story), Some(story[0].date));
    }
}
