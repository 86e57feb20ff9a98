//! Fuzzes the story loader: any bytes given as a story file (`story-src`)
//! must give a bundle or a clear error, never a panic. For a bundle that
//! loads, everything the widget derives from it is exercised too: the
//! texts behind every span, who held each place on each event's date, the
//! events and sentences about each place, and every reducer action.

#![no_main]

use kuril_core::data::Bundle;
use kuril_core::widget::state::{Action, WidgetState};
use kuril_extract::newsroom::{self, Kind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // As in the browser: the newsroom module reads the file and hands the
    // widget the packed story, which the widget unpacks.
    let Ok(packed) = newsroom::read(Kind::Story, data) else {
        return;
    };
    let Ok(b) = Bundle::from_packed(&packed) else {
        return;
    };
    let story = &b.story;
    let mut spans: Vec<_> = story.events.iter().flat_map(|e| e.evidence.iter().chain(e.passages.iter())).copied().collect();
    spans.extend(story.quotes.iter().flat_map(|q| std::iter::once(q.span).chain(q.attribution)));
    spans.extend(story.sentences.iter().copied().chain(story.mentions.iter().map(|m| m.span)));
    for span in spans {
        let _ = story.slice(span);
    }
    for q in &story.quotes {
        let _ = story.speaker_of(q.span);
    }
    for entry in &b.timeline {
        for place in &entry.places {
            let _ = b.control.at(place, entry.date, &b.gazetteer);
            let _ = story.events_concerning(place, &b.gazetteer);
            let _ = story.sentences_naming(place, &b.gazetteer);
        }
    }
    let n = b.timeline.len();
    let mut state = WidgetState::new(n, Some(0));
    for action in [Action::Last, Action::Prev, Action::Next, Action::First, Action::Select(n / 2), Action::Filter(Some(0)), Action::Next, Action::OpenIsland(1), Action::Clear] {
        state = state.apply(action);
        let _ = state.date_in(&b.timeline);
    }
});
