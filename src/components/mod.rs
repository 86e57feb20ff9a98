//! The Yew layer: thin function components over the pure core.
//!
//! [`App`] reads the bundled data once and shows either the [`Widget`] or a
//! message inside the widget's box. [`Widget`] owns the one reducer
//! ([`Selection`]); [`MapView`], [`Timeline`] and [`EventCard`] only read it
//! and send [`Action`]s up through callbacks.

mod card;
mod island_card;
mod land;
mod locator;
mod map_view;
mod timeline;

pub use card::{EventCard, EventCardProps};
pub use island_card::{area_text, IslandCard, IslandCardProps};
pub use locator::{places_to_mark, LocatorInset, LocatorInsetProps};
pub use map_view::{MapView, MapViewProps};
pub use timeline::{key_action, Timeline, TimelineProps};

use crate::data::Bundle;
use crate::history::concerning;
use crate::state::{resolve_start, step, Action, Start, WidgetState};
use std::rc::Rc;
use yew::prelude::*;

/// The bundle shared by every component. Two are equal only when they are
/// the same allocation, so Yew's props and memo comparisons cost nothing
/// instead of comparing the whole article and map.
#[derive(Clone, Debug)]
pub struct SharedBundle(pub Rc<Bundle>);

impl PartialEq for SharedBundle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedBundle {
    type Target = Bundle;
    fn deref(&self) -> &Bundle {
        &self.0
    }
}

impl From<Bundle> for SharedBundle {
    fn from(b: Bundle) -> Self {
        SharedBundle(Rc::new(b))
    }
}

/// The widget's reducer: a Yew wrapper around [`WidgetState`].
#[derive(Clone, Debug, PartialEq)]
pub struct Selection(pub WidgetState);

impl Reducible for Selection {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Selection(next))
        }
    }
}

/// An SVG coordinate rounded to a whole unit. Whole numbers keep the markup
/// short and keep float formatting (about 10 KB of code) out of the wasm.
pub(crate) fn svg_int(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// The event to select first: the article's own occasion when there is one,
/// else the latest event.
pub fn start_index(bundle: &Bundle) -> Option<usize> {
    let events = &bundle.timeline;
    events
        .iter()
        .position(|e| e.id == "interview")
        .or(events.len().checked_sub(1))
}

/// The place ids an event concerns (empty when nothing is selected).
fn places_of(bundle: &Bundle, selected: Option<usize>) -> Rc<Vec<String>> {
    Rc::new(
        selected
            .and_then(|i| bundle.timeline.get(i))
            .map(|e| e.places.clone())
            .unwrap_or_default(),
    )
}

#[derive(Properties, Clone, PartialEq)]
pub struct WidgetProps {
    pub bundle: SharedBundle,
    /// Where to open; by default the article's own occasion.
    #[prop_or_default]
    pub start: Option<Start>,
    /// Told the id and ISO date of each event the reader selects.
    #[prop_or_default]
    pub on_select: Callback<(AttrValue, AttrValue)>,
}

/// The map and the timeline, linked by one selection.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let bundle = props.bundle.clone();
    let count = bundle.timeline.len();
    let start = props
        .start
        .or_else(|| start_index(&bundle).map(Start::Event));
    let selection = use_reducer(move || {
        Selection(match start {
            Some(s) => WidgetState::starting(count, s),
            None => WidgetState::new(count, None),
        })
    });
    let state = selection.0;
    let selected = state.selected;
    // The events the timeline shows: all, or those about the filter place.
    let visible = use_memo((bundle.clone(), state.filter), |(b, f)| {
        Rc::new(match f.and_then(|i| b.gazetteer.places.get(i)) {
            Some(p) => concerning(&b.timeline, &p.id, &b.gazetteer),
            None => (0..b.timeline.len()).collect::<Vec<_>>(),
        })
    });
    // The events about the place whose card is open, marked on the timeline.
    let about = use_memo((bundle.clone(), state.island), |(b, i)| {
        Rc::new(
            i.and_then(|i| b.gazetteer.places.get(i))
                .map(|p| concerning(&b.timeline, &p.id, &b.gazetteer))
                .unwrap_or_default(),
        )
    });
    // Whether the reader has chosen anything yet: the page address is only
    // rewritten after that.
    let acted = use_mut_ref(|| false);
    let on_action = {
        let (selection, visible, acted) = (selection.clone(), visible.clone(), acted.clone());
        Callback::from(move |a: Action| {
            *acted.borrow_mut() = true;
            // Stepping moves among the events shown.
            let a = match a {
                Action::Next | Action::Prev | Action::First | Action::Last => {
                    match step(&visible, selection.0.selected, a) {
                        Some(i) => Action::Select(i),
                        None => return,
                    }
                }
                other => other,
            };
            selection.dispatch(a)
        })
    };
    // The selected event's id and ISO date.
    let chosen = selected
        .and_then(|i| bundle.timeline.get(i))
        .map(|e| (AttrValue::from(e.id.clone()), AttrValue::from(e.date.iso())));
    {
        // Once the reader has chosen: a link reopens the selected event
        // (`#start-at=<id>` in the page's address, the embed's inside an
        // iframe, without a history entry), and the host hears of it.
        let (acted, on_select) = (acted.clone(), props.on_select.clone());
        use_effect_with(chosen.clone(), move |chosen| {
            let Some(c) = chosen.as_ref().filter(|_| *acted.borrow()) else {
                return;
            };
            #[cfg(target_arch = "wasm32")]
            if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = h.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&format!("#start-at={}", c.0)),
                );
            }
            on_select.emit(c.clone());
        });
    }
    let highlight = use_memo((bundle.clone(), selected), |(b, s)| places_of(b, *s));
    let date = state.date_in(&bundle.timeline);
    let event = chosen.map(|(id, _)| id);
    let on_place = on_action.reform(Action::OpenIsland);
    let filter = state
        .filter
        .and_then(|i| bundle.gazetteer.places.get(i))
        .map(|p| AttrValue::from(p.label(&bundle.gazetteer)));
    let headline = bundle.story.article.headline.clone().unwrap_or_default();
    let publisher = bundle.story.article.publisher.clone().unwrap_or_default();
    html! {
        <section class="kw" aria-label="Map and timeline of the Kuril Islands dispute">
            <header class="kw-head">
                <h2 class="kw-title">{ "The Kuril Islands dispute" }</h2>
                <p class="kw-sub">
                    { "Events and places from the article " }
                    <q>{ headline }</q>
                    if !publisher.is_empty() { { format!(" ({publisher})") } }
                </p>
            </header>
            <div class="kw-body">
                <MapView bundle={bundle.clone()} highlight={(*highlight).clone()} {date} {event} {on_place} />
                <div class="kw-side">
                    <Timeline bundle={bundle.clone()} {selected} visible={(*visible).clone()}
                        about={(*about).clone()} {filter} on_action={on_action.clone()} />
                    if let Some(place) = state.island {
                        <IslandCard bundle={bundle.clone()} {place} {date} about={(*about).clone()}
                            filtered={state.filter == Some(place)} on_action={on_action.clone()} />
                    } else {
                        <EventCard bundle={bundle.clone()} {selected} {on_action} />
                    }
                </div>
            </div>
        </section>
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct ErrorBoxProps {
    pub message: AttrValue,
}

/// A clear message inside the widget's box when something is wrong.
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    html! {
        <section class="kw kw-error" role="alert">
            <p class="kw-title">{ "The map and timeline could not be shown." }</p>
            <p class="kw-detail">{ props.message.clone() }</p>
        </section>
    }
}

#[derive(Properties, Clone, PartialEq, Default)]
pub struct AppProps {
    /// Where to open: an event id or a date (`1900`, `1956-10-19`). A
    /// value that names nothing is shown as an error in the box.
    #[prop_or_default]
    pub start_at: Option<AttrValue>,
    /// Told the id and ISO date of each event the reader selects.
    #[prop_or_default]
    pub on_select: Callback<(AttrValue, AttrValue)>,
}

/// The widget over the bundled data, or the reason it cannot be shown.
#[component]
pub fn App(props: &AppProps) -> Html {
    let bundle = use_memo((), |_| Bundle::load().map(SharedBundle::from));
    let b = match &*bundle {
        Ok(b) => b.clone(),
        Err(e) => return html! { <ErrorBox message={AttrValue::from(e.to_string())} /> },
    };
    match props
        .start_at
        .as_deref()
        .map(|s| resolve_start(&b.timeline, s))
        .transpose()
    {
        // A new start-at opens a new widget state.
        Ok(start) => {
            html! { <Widget key={props.start_at.clone().unwrap_or_default().to_string()} bundle={b} {start} on_select={props.on_select.clone()} /> }
        }
        Err(e) => html! { <ErrorBox message={AttrValue::from(e.to_string())} /> },
    }
}
