//! The widget's state and its transitions: which event is selected and
//! which island's card is open. One reducer owns this; the map and the
//! timeline only read it.

/// What the reader has selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WidgetState {
    /// Number of events on the timeline.
    pub count: usize,
    /// Index of the selected event, if any.
    pub selected: Option<usize>,
    /// Gazetteer index of the place whose card is open, if any.
    pub island: Option<usize>,
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
}

impl WidgetState {
    /// A state with `count` events and `selected` chosen if it is in range.
    pub fn new(count: usize, selected: Option<usize>) -> WidgetState {
        WidgetState {
            count,
            selected: selected.filter(|i| *i < count),
            island: None,
        }
    }

    /// The state after `action`.
    pub fn apply(self, action: Action) -> WidgetState {
        match action {
            Action::OpenIsland(i) => {
                return WidgetState {
                    island: Some(i),
                    ..self
                }
            }
            Action::CloseIsland => {
                return WidgetState {
                    island: None,
                    ..self
                }
            }
            _ => {}
        }
        let last = self.count.checked_sub(1);
        let selected = match action {
            Action::Select(i) if i < self.count => Some(i),
            Action::Select(_) => self.selected,
            Action::Next => self
                .selected
                .map_or(last.map(|_| 0), |i| last.map(|l| (i + 1).min(l))),
            Action::Prev => self.selected.map_or(last, |i| Some(i.saturating_sub(1))),
            Action::First => last.map(|_| 0),
            Action::Last => last,
            Action::Clear | Action::OpenIsland(_) | Action::CloseIsland => None,
        };
        // Choosing an event puts its card back in place of a place card.
        WidgetState {
            selected,
            island: None,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
