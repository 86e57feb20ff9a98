//! The widget: the map, the timeline and the cards, linked by one
//! selection. [`Widget`] holds the reducer ([`Selection`], a Yew wrapper
//! around the core's `WidgetState`, which owns every rule); its children
//! only read the state and send actions up.

use super::card::EventCard;
use super::context::{filled, use_i18n, SharedBundle};
use super::island_card::IslandCard;
use super::map::MapView;
use super::text_lists::TextLists;
use super::timeline::Timeline;
use kuril_core::data::Bundle;
use kuril_core::i18n::Words;
use kuril_core::widget::state::{Action, Start, WidgetState};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

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
    /// A host's numbered request to go to an event or a date.
    #[prop_or_default]
    pub open: Option<(u32, AttrValue)>,
}

/// The map and the timeline, linked by one selection.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let bundle = props.bundle.clone();
    // The reducer owns every rule: where it opens, what is shown, stepping.
    let selection = {
        let (bundle, start) = (bundle.clone(), props.start);
        use_reducer(move || Selection(bundle.open_state(start)))
    };
    let state = &selection.0;
    let selected = state.selected;
    // Shared with the timeline and the card without copying on each render.
    let visible = use_memo((state.count, state.filter), {
        let state = state.clone();
        move |_| Rc::new(state.visible())
    });
    let about = use_memo(state.island, {
        let state = state.clone();
        move |_| Rc::new(state.about().to_vec())
    });
    // Whether the reader has chosen anything yet: the page address is only
    // rewritten after that.
    let acted = use_mut_ref(|| false);
    let on_action = {
        let (dispatch, acted) = (selection.dispatcher(), acted.clone());
        use_callback((), move |a: Action, _| {
            *acted.borrow_mut() = true;
            dispatch.dispatch(a)
        })
    };
    // The selected event's id and ISO date.
    let chosen = selected
        .and_then(|i| bundle.timeline.get(i))
        .map(|e| (AttrValue::from(e.id.clone()), AttrValue::from(e.date.iso())));
    use_report_selection(chosen.clone(), acted.clone(), props.on_select.clone());
    use_host_request(props.open.clone(), bundle.clone(), on_action.clone());
    let highlight = use_memo((bundle.clone(), selected), |(b, s)| places_of(b, *s));
    let date = state.date_in(&bundle.timeline);
    let event = chosen.map(|(id, _)| id);
    let on_place = (*use_memo(on_action.clone(), |a| a.reform(Action::OpenIsland))).clone();
    let filter = state
        .filter
        .and_then(|i| bundle.gazetteer.places.get(i))
        .map(|p| AttrValue::from(p.label(&bundle.gazetteer)));
    let i18n = use_i18n();
    let t = i18n.words();
    // Escape closes the place card wherever focus is in the widget.
    let onkeydown = escape_closes(&on_action, state.island.is_some());
    html! {
        // An article, not a region landmark: a page may carry several
        // widgets, and landmarks must have names of their own.
        <article class="kw" aria-label={t.get("widget")} {onkeydown}>
            { header(&bundle, &t) }
            // For screen readers: what the widget shows, and the same as
            // lists (the visible map and timeline follow).
            <div class="kw-sr">
                <p>{ summary(&bundle, &t) }</p>
                <TextLists bundle={bundle.clone()} />
            </div>
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
        </article>
    }
}

/// The title, and the article the widget is drawn from (its headline
/// quoted in its own language).
fn header(bundle: &Bundle, t: &Words<'_>) -> Html {
    // The headline, else the title of the article's news (its lead, cut
    // short); neither, and no quotation at all.
    let story = &bundle.story;
    let news = || {
        story
            .events
            .iter()
            .find(|e| e.id == "news")
            .map(|e| e.title.english().to_owned())
    };
    let headline = story
        .article
        .headline
        .clone()
        .or_else(news)
        .filter(|h| !h.trim().is_empty());
    let publisher = story.article.publisher_in(t.lang);
    let key = match (&headline, publisher) {
        (Some(_), Some(_)) => "from-article-title-by",
        (Some(_), None) => "from-article-title",
        (None, Some(_)) => "from-article-by",
        (None, None) => "from-article",
    };
    // The template puts the quoted headline and the publisher where the
    // language's grammar wants them.
    let sub = filled(t, key, &|place| match (place, &headline) {
        ("title", Some(h)) => html! { <q lang={bundle.text_lang()}>{ h.clone() }</q> },
        ("publisher", _) => html! { { publisher.unwrap_or_default().to_string() } },
        _ => html! {},
    });
    html! {
        <header class="kw-head">
            <h2 class="kw-title">{ t.get("title") }</h2>
            <p class="kw-sub">{ sub }</p>
        </header>
    }
}

/// What the widget shows, in a sentence, for screen readers.
fn summary(bundle: &Bundle, t: &Words<'_>) -> String {
    match (bundle.timeline.first(), bundle.timeline.last()) {
        (Some(a), Some(z)) => t.count(
            "sr-summary",
            bundle.timeline.len() as u64,
            &[
                ("from", &a.date.year.to_string()),
                ("to", &z.date.year.to_string()),
            ],
        ),
        _ => String::new(),
    }
}

/// Once the reader has chosen, the host hears of each selection (and,
/// where the host asked for it, the page address follows: `src/host/`).
#[hook]
fn use_report_selection(
    chosen: Option<(AttrValue, AttrValue)>,
    acted: Rc<RefCell<bool>>,
    on_select: Callback<(AttrValue, AttrValue)>,
) {
    use_effect_with(chosen, move |chosen| {
        if let Some(c) = chosen.as_ref().filter(|_| *acted.borrow()) {
            on_select.emit(c.clone());
        }
    });
}

/// A host's request to go somewhere is an action like the reader's (the
/// host hears of it as of any selection); one that names nothing is
/// reported on the console and changes nothing.
#[hook]
fn use_host_request(
    open: Option<(u32, AttrValue)>,
    bundle: SharedBundle,
    on_action: Callback<Action>,
) {
    use_effect_with(open, move |open| {
        let Some((_, value)) = open else { return };
        match kuril_core::widget::state::resolve_start(&bundle.timeline, value) {
            Ok(start) => on_action.emit(Action::Open(start)),
            Err(e) => web_sys::console::warn_1(&format!("kuril-widget: {e}").into()),
        }
    });
}

/// Escape closes the place card, when one is open.
fn escape_closes(on_action: &Callback<Action>, open: bool) -> Callback<KeyboardEvent> {
    let on_action = on_action.clone();
    Callback::from(move |e: KeyboardEvent| {
        if open && e.key() == "Escape" {
            on_action.emit(Action::CloseIsland);
        }
    })
}
