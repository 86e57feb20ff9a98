//! The timeline: a time axis with the eras as bands and a marker per event
//! (events too close to tell apart share a marker that zooms in when
//! clicked), and the events as a list of buttons in date order. Previous
//! and next buttons; arrow keys, Home and End while the list has focus (no
//! document-wide listener, so two widgets on a page never move together).
//! The axis shows true time, zoomable, or even spacing (compact mode).

mod axis;
mod list;

pub use list::key_action;

use crate::components::context::{use_i18n, SharedBundle};
use axis::{use_axis, AxisProps};
use kuril_core::i18n::Words;
use kuril_core::time::scale::TimeScale;
use kuril_core::widget::state::Action;
use list::{use_event_list, EventListProps};
use std::rc::Rc;
use yew::prelude::*;

/// The narrowest span of years the axis zooms to (two weeks: enough to
/// tell apart events a day apart, such as 1 and 2 September 1945).
const MIN_SPAN: f64 = 0.04;
/// Zoom step of the time zoom buttons.
const ZOOM_STEP: f64 = 2.0;

#[derive(Properties, Clone, PartialEq)]
pub struct TimelineProps {
    pub bundle: SharedBundle,
    /// Index into the bundle's timeline.
    pub selected: Option<usize>,
    /// The events shown, in order (all, or those about the filter place).
    pub visible: Rc<Vec<usize>>,
    /// Events about the open place card's place, marked in the list.
    #[prop_or_default]
    pub about: Rc<Vec<usize>>,
    /// The name of the place the list is filtered to, if it is.
    #[prop_or_default]
    pub filter: Option<AttrValue>,
    pub on_action: Callback<Action>,
}

// Long: one component's hooks and view in one place. Its parts are
// already helpers (window_handlers, zoom_buttons, use_axis,
// use_event_list); a further split would be a component of its own, about
// 1 KB of lifecycle code in the reader's wasm, whose size must not grow.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    let all = &b.timeline;
    let shown: Rc<Vec<usize>> = {
        let v = props.visible.clone();
        let n = all.len();
        (*use_memo(v, move |v| {
            Rc::new(v.iter().copied().filter(|&i| i < n).collect::<Vec<_>>())
        }))
        .clone()
    };
    let compact = use_state_eq(|| false);
    // The years in view, when zoomed in time (none: all of them).
    let window = use_state_eq(|| None::<TimeScale>);
    let dates: Vec<_> = shown.iter().map(|&i| all[i].date).collect();
    let full = TimeScale::covering(&dates, 3.0);
    let selected_year = props
        .selected
        .and_then(|i| all.get(i))
        .map(|e| e.date.as_year_fraction());
    // When the selection changes, a zoomed window moves to show it.
    {
        let window = window.clone();
        use_effect_with(selected_year.map(f64::to_bits), move |_| {
            if let (Some(f), Some(w), Some(y)) = (full, *window, selected_year) {
                window.set(Some(w.show(y, 0.05, &f)));
            }
        });
    }
    let view = match (full, *window) {
        (Some(f), Some(w)) => Some(w.inside(&f)),
        (f, _) => f,
    };
    let zoomed = !*compact && window.is_some() && view != full;
    let n = shown.len();
    let (on_zoom_to, on_window) = window_handlers(&window, &compact, full);
    // "3 of 23", or "23 events" with none of them selected.
    let position_text = props
        .selected
        .and_then(|s| shown.iter().position(|&i| i == s))
        .map(|k| {
            t.fill(
                "n-of-m",
                &[("index", &(k + 1).to_string()), ("total", &n.to_string())],
            )
        })
        .unwrap_or_else(|| t.count("n-events", n as u64, &[]));
    let at_first = props.selected.is_some() && props.selected == shown.first().copied();
    let at_last = props.selected.is_some() && props.selected == shown.last().copied();
    let toggle_compact = {
        let compact = compact.clone();
        Callback::from(move |_: MouseEvent| compact.set(!*compact))
    };
    let [zoom_in, zoom_out, all_years] = zoom_buttons(&window, full, view, selected_year);
    let axis = use_axis(AxisProps {
        bundle: props.bundle.clone(),
        shown: shown.clone(),
        selected: props.selected,
        view,
        full,
        compact: *compact,
        window: *window,
        zoomed,
        on_action: props.on_action.clone(),
        on_zoom_to,
        on_window,
    });
    let list = use_event_list(EventListProps {
        bundle: props.bundle.clone(),
        shown: shown.clone(),
        selected: props.selected,
        about: props.about.clone(),
        on_action: props.on_action.clone(),
    });
    let show_all = props.on_action.reform(|_: MouseEvent| Action::Filter(None));
    let can_zoom_in = !*compact && view.is_some_and(|v| v.span() > MIN_SPAN + 1e-9);
    html! {
        <div class="kw-timeline" role="group" aria-label={t.get("timeline")}>
            <div class="kw-tl-tools">
                { step_tools(&t, &props.on_action, position_text, [at_first, at_last]) }
                { zoom_tools(&t, [zoom_in, zoom_out, all_years, toggle_compact], [can_zoom_in, zoomed, *compact]) }
            </div>
            if let Some(place) = props.filter.clone() {
                <p class="kw-filter" role="status">
                    { t.fill("only-about", &[("places", &place)]) }{ " " }
                    <button type="button" class="kw-link" onclick={show_all}>{ t.get("show-all") }</button>
                </p>
            }
            { axis }
            { list }
        </div>
    }
}

/// The time zoom buttons' handlers: zoom in and out around the selected
/// event (or the middle of the view), and back to all the years.
fn zoom_buttons(
    window: &UseStateHandle<Option<TimeScale>>,
    full: Option<TimeScale>,
    view: Option<TimeScale>,
    selected_year: Option<f64>,
) -> [Callback<MouseEvent>; 3] {
    let zoom_in = {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Some(f), Some(v)) = (full, view) {
                let at = selected_year.unwrap_or((v.start + v.end) / 2.0);
                window.set(Some(v.zoom_at(ZOOM_STEP, at, &f, MIN_SPAN)));
            }
        })
    };
    let zoom_out = {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Some(f), Some(v)) = (full, view) {
                let at = selected_year.unwrap_or((v.start + v.end) / 2.0);
                let w = v.zoom_at(1.0 / ZOOM_STEP, at, &f, MIN_SPAN);
                window.set((w != f).then_some(w));
            }
        })
    };
    let all_years = {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(None))
    };
    [zoom_in, zoom_out, all_years]
}

/// The handlers that set the time window: to a cluster's years in true
/// time (leaving compact mode), and to a window the axis was dragged to.
fn window_handlers(
    window: &UseStateHandle<Option<TimeScale>>,
    compact: &UseStateHandle<bool>,
    full: Option<TimeScale>,
) -> (Callback<(f64, f64)>, Callback<TimeScale>) {
    // A cluster's years, in true time.
    let on_zoom_to = {
        let (window, compact) = (window.clone(), compact.clone());
        Callback::from(move |years: (f64, f64)| {
            compact.set(false);
            if let Some(f) = full {
                let mid = (years.0 + years.1) / 2.0;
                let span = (years.1 - years.0).max(MIN_SPAN) * 1.6;
                let w = TimeScale {
                    start: mid - span / 2.0,
                    end: mid + span / 2.0,
                };
                window.set(Some(w.zoom_at(1.0, mid, &f, MIN_SPAN)));
            }
        })
    };
    let on_window = {
        let window = window.clone();
        Callback::from(move |w: TimeScale| window.set(Some(w)))
    };
    (on_zoom_to, on_window)
}

/// Previous, next and where the selection is among the events shown.
fn step_tools(
    t: &Words<'_>,
    on_action: &Callback<Action>,
    position: String,
    [at_first, at_last]: [bool; 2],
) -> Html {
    let prev = on_action.reform(|_: MouseEvent| Action::Prev);
    let next = on_action.reform(|_: MouseEvent| Action::Next);
    html! {
        <>
            <button type="button" class="kw-tool" aria-label={t.get("prev")} onclick={prev} disabled={at_first}>{ "‹" }</button>
            <button type="button" class="kw-tool" aria-label={t.get("next")} onclick={next} disabled={at_last}>{ "›" }</button>
            <span class="kw-tl-count">{ position }</span>
        </>
    }
}

/// The time zoom: in, out, all the years, and even spacing.
fn zoom_tools(
    t: &Words<'_>,
    [zoom_in, zoom_out, all_years, toggle_compact]: [Callback<MouseEvent>; 4],
    [can_zoom_in, zoomed, compact]: [bool; 3],
) -> Html {
    html! {
        <>
            <span class="kw-tl-spacer"></span>
            <button type="button" class="kw-tool" aria-label={t.get("zoom-years")} onclick={zoom_in} disabled={!can_zoom_in}>{ "+" }</button>
            <button type="button" class="kw-tool" aria-label={t.get("zoom-out")} onclick={zoom_out} disabled={!zoomed}>{ "−" }</button>
            <button type="button" class="kw-tool kw-tool-text" onclick={all_years} disabled={!zoomed}>{ t.get("all-years") }</button>
            <button type="button" class="kw-tool kw-tool-text" aria-pressed={if compact { "true" } else { "false" }} onclick={toggle_compact}>{ t.get("even") }</button>
        </>
    }
}
