//! The timeline: a time axis with the eras as bands and a marker per event
//! (events too close to tell apart share a marker that zooms in when
//! clicked), and the events as a list of buttons in date order. Previous
//! and next buttons; arrow keys, Home and End while the list has focus (no
//! document-wide listener, so two widgets on a page never move together).
//! The axis shows true time, zoomable, or even spacing (compact mode).

use super::context::{svg_int, use_i18n, SharedBundle};
use kuril_core::time::scale::{clusters, even_position, TimeScale};
use kuril_core::widget::state::Action;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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

/// Width of the axis in SVG units.
const AXIS_W: f64 = 1000.0;
/// Markers closer than this (a fraction of the axis) share one.
const MIN_GAP: f64 = 0.022;
/// The narrowest span of years the axis zooms to (two weeks: enough to
/// tell apart events a day apart, such as 1 and 2 September 1945).
const MIN_SPAN: f64 = 0.04;
/// Zoom step of the time zoom buttons.
const ZOOM_STEP: f64 = 2.0;

/// The action a key stands for on the timeline, if any.
pub fn key_action(key: &str) -> Option<Action> {
    match key {
        "ArrowRight" | "ArrowDown" => Some(Action::Next),
        "ArrowLeft" | "ArrowUp" => Some(Action::Prev),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        _ => None,
    }
}

/// Scrolls the list (not the page) so that its selected button shows.
fn reveal_selected(list: &NodeRef) {
    let Some(list) = list.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let Some(button) = list
        .query_selector("[aria-pressed='true']")
        .ok()
        .flatten()
        .and_then(|e| e.parent_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // The list is the buttons' offset parent (position: relative).
    let left = button.offset_left() - (list.client_width() - button.offset_width()) / 2;
    let top = button.offset_top() - (list.client_height() - button.offset_height()) / 2;
    list.set_scroll_left(left.max(0));
    list.set_scroll_top(top.max(0));
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    let all = &b.timeline;
    let shown: Vec<usize> = props
        .visible
        .iter()
        .copied()
        .filter(|&i| i < all.len())
        .collect();
    let list = use_node_ref();
    let compact = use_state_eq(|| false);
    // The years in view, when zoomed in time (none: all of them).
    let window = use_state_eq(|| None::<TimeScale>);
    // Set by a key press so that focus follows the selection after render.
    let focus_pending = use_mut_ref(|| Cell::new(false));
    {
        let (list, focus_pending) = (list.clone(), focus_pending.clone());
        use_effect_with((props.selected, props.visible.clone()), move |_| {
            reveal_selected(&list);
            if focus_pending.borrow().replace(false) {
                let button = list
                    .cast::<web_sys::Element>()
                    .and_then(|l| l.query_selector("[aria-pressed='true']").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(b) = button {
                    let _ = b.focus();
                }
            }
        });
    }
    let onkeydown = {
        let (on_action, focus_pending) = (props.on_action.clone(), focus_pending.clone());
        Callback::from(move |e: KeyboardEvent| {
            if let Some(a) = key_action(&e.key()) {
                e.prevent_default();
                focus_pending.borrow().set(true);
                on_action.emit(a);
            }
        })
    };

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
    // Each shown event's place on the axis, or none when out of view.
    let position = |k: usize| -> Option<f64> {
        if *compact {
            return Some(even_position(k, n));
        }
        let p = view?.position_of_year(dates[k].as_year_fraction());
        let inside = view.is_some_and(|v| (v.start..=v.end).contains(&dates[k].as_year_fraction()));
        inside.then_some(p)
    };
    let placed: Vec<(usize, f64)> = (0..n).filter_map(|k| Some((k, position(k)?))).collect();
    let xs: Vec<f64> = placed.iter().map(|(_, p)| *p).collect();
    let zoom_to = |years: (f64, f64)| {
        let (window, full) = (window.clone(), full);
        move || {
            if let Some(f) = full {
                let mid = (years.0 + years.1) / 2.0;
                let span = (years.1 - years.0).max(MIN_SPAN) * 1.6;
                let w = TimeScale {
                    start: mid - span / 2.0,
                    end: mid + span / 2.0,
                };
                window.set(Some(w.zoom_at(1.0, mid, &f, MIN_SPAN)));
            }
        }
    };
    let markers = clusters(&xs, MIN_GAP).into_iter().map(|(range, x)| {
        let members: Vec<usize> = placed[range].iter().map(|(k, _)| shown[*k]).collect();
        let sel = props.selected.is_some_and(|s| members.contains(&s));
        let cx = svg_int(x * AXIS_W);
        let class = classes!(
            "kw-dot",
            sel.then_some("kw-sel"),
            members.iter().any(|m| all[*m].article.is_some()).then_some("kw-dot-article")
        );
        if let [only] = members[..] {
            let onclick = props.on_action.reform(move |_: MouseEvent| Action::Select(only));
            return html! { <circle class={class} cx={cx} cy="30" r="7" data-event={all[only].id.clone()} {onclick} /> };
        }
        // A cluster: its count; a click zooms in on its years, or, for
        // events of one day that no zoom can part, selects the next of them.
        let years = (
            all[members[0]].date.as_year_fraction(),
            all[*members.last().unwrap_or(&members[0])].date.as_year_fraction(),
        );
        let zoom = zoom_to(years);
        let compact = compact.clone();
        let same_day = all[members[0]].date == all[*members.last().unwrap_or(&members[0])].date;
        let next = props
            .selected
            .and_then(|s| members.iter().position(|m| *m == s))
            .map_or(members[0], |k| members[(k + 1) % members.len()]);
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if same_day {
                on_action.emit(Action::Select(next));
            } else {
                compact.set(false);
                zoom();
            }
        });
        html! {
            <g class="kw-cluster" data-count={members.len().to_string()}
                data-day={same_day.then(|| all[members[0]].date.iso())} {onclick}>
                <circle class={class} cx={cx.clone()} cy="30" r="11" />
                <text x={cx} y="35" text-anchor="middle">{ members.len() }</text>
            </g>
        }
    });
    // Era bands: by date on the true axis, around their events when compact.
    let bands = b.eras.iter().filter_map(|era| {
        let (x0, x1) = if *compact {
            let inside: Vec<f64> = (0..n)
                .filter(|&k| dates[k] >= era.from && era.to.is_none_or(|t| dates[k] < t))
                .map(|k| even_position(k, n))
                .collect();
            let half = 0.5 / n.max(1) as f64;
            (*inside.first()? - half, *inside.last()? + half)
        } else {
            let v = view?;
            let x0 = v.position(&era.from);
            let x1 = era.to.map_or(1.0, |t| v.position(&t));
            (x0, x1)
        };
        (x1 > x0).then(|| {
            let w = (x1 - x0) * AXIS_W;
            // A label only where it fits (about 9 units a character).
            let label = t.own(&era.label);
            let fits = w > label.chars().count() as f64 * 9.0 + 12.0;
            html! {
                <g class="kw-era" data-era={era.id.clone()}>
                    <rect x={svg_int(x0 * AXIS_W)} y="0" width={svg_int(w)} height="60" />
                    <title>{ label.clone() }</title>
                    if fits { <text x={svg_int(x0 * AXIS_W + 6.0)} y="14">{ label }</text> }
                </g>
            }
        })
    });
    let ticks = (!*compact).then_some(view).flatten().map(|s| {
        s.ticks(8)
            .into_iter()
            // A label cut off at either end would read as another year.
            .filter(|y| (0.03..=0.97).contains(&s.position_of_year(*y as f64)))
            .map(|y| {
                let x = svg_int(s.position_of_year(y as f64) * AXIS_W);
                html! {
                    <g class="kw-tick">
                        <line x1={x.clone()} x2={x.clone()} y1="30" y2="36" />
                        <text x={x} y="49" text-anchor="middle">{ y }</text>
                    </g>
                }
            })
            .collect::<Html>()
    });
    // Dragging the zoomed axis pans it through time.
    let drag = use_mut_ref(|| None::<(f64, TimeScale)>);
    let axis_ref = use_node_ref();
    let onpointerdown = {
        let (drag, window) = (drag.clone(), window.clone());
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = window.map(|w| (e.client_x() as f64, w));
        })
    };
    let onpointermove = {
        let (drag, window, axis_ref) = (drag.clone(), window.clone(), axis_ref.clone());
        Callback::from(move |e: PointerEvent| {
            let (Some((x0, start)), Some(f)) = (*drag.borrow(), full) else {
                return;
            };
            let width = axis_ref
                .cast::<web_sys::Element>()
                .map(|a| a.get_bounding_client_rect().width())
                .unwrap_or(0.0);
            if width > 0.0 {
                let years = (x0 - e.client_x() as f64) / width * start.span();
                window.set(Some(start.pan(years, &f)));
            }
        })
    };
    let end_drag = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let axis = html! {
        <svg class={classes!("kw-axis", zoomed.then_some("kw-axis-zoomed"))} ref={axis_ref}
            viewBox={format!("0 0 {} 60", svg_int(AXIS_W))} aria-hidden="true"
            {onpointerdown} {onpointermove} onpointerup={end_drag.clone()} onpointerleave={end_drag.clone()} onpointercancel={end_drag}>
            { for bands }
            <line class="kw-axis-line" x1="0" x2={svg_int(AXIS_W)} y1="30" y2="30" />
            { ticks.unwrap_or_default() }
            { for markers }
        </svg>
    };

    // Once, not per item: a render stays linear in the number of events.
    let selected_shown = shown.iter().any(|s| Some(*s) == props.selected);
    let items = shown.iter().map(|&i| {
        let e = &all[i];
        let sel = props.selected == Some(i);
        let onclick = props.on_action.reform(move |_: MouseEvent| Action::Select(i));
        let first = shown.first() == Some(&i);
        let focusable = sel || (!selected_shown && first);
        html! {
            <li>
                <button type="button"
                    class={classes!("kw-event", sel.then_some("kw-sel"), e.article.map(|_| "kw-in-article"),
                        // In order (history::concerning): a binary search.
                        props.about.binary_search(&i).is_ok().then_some("kw-about"))}
                    data-event={e.id.clone()} aria-pressed={if sel { "true" } else { "false" }}
                    tabindex={if focusable { "0" } else { "-1" }}
                    {onclick}>
                    <span class="kw-year">{ e.date.year }</span>
                    <span class="kw-event-title">{ t.own(&e.title) }</span>
                    if e.article.is_some() { <span class="kw-tag">{ t.get("in-article") }</span> }
                </button>
            </li>
        }
    });
    let position_text = props
        .selected
        .and_then(|s| shown.iter().position(|&i| i == s))
        .map(|k| t.fill("n-of-m", &[&(k + 1).to_string(), &n.to_string()]))
        .unwrap_or_else(|| t.count("n-events", n as u64, &[]));
    let at_first = props.selected.is_some() && props.selected == shown.first().copied();
    let at_last = props.selected.is_some() && props.selected == shown.last().copied();
    let prev = props.on_action.reform(|_: MouseEvent| Action::Prev);
    let next = props.on_action.reform(|_: MouseEvent| Action::Next);
    let toggle_compact = {
        let compact = compact.clone();
        Callback::from(move |_: MouseEvent| compact.set(!*compact))
    };
    let zoom_in = {
        let (window, full, view) = (window.clone(), full, view);
        Callback::from(move |_: MouseEvent| {
            if let (Some(f), Some(v)) = (full, view) {
                let at = selected_year.unwrap_or((v.start + v.end) / 2.0);
                window.set(Some(v.zoom_at(ZOOM_STEP, at, &f, MIN_SPAN)));
            }
        })
    };
    let zoom_out = {
        let (window, full, view) = (window.clone(), full, view);
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
    let show_all = props.on_action.reform(|_: MouseEvent| Action::Filter(None));
    let can_zoom_in = !*compact && view.is_some_and(|v| v.span() > MIN_SPAN + 1e-9);
    html! {
        <div class="kw-timeline" role="group" aria-label={t.get("timeline")}>
            <div class="kw-tl-tools">
                <button type="button" class="kw-tool" aria-label={t.get("prev")} onclick={prev} disabled={at_first}>{ "‹" }</button>
                <button type="button" class="kw-tool" aria-label={t.get("next")} onclick={next} disabled={at_last}>{ "›" }</button>
                <span class="kw-tl-count">{ position_text }</span>
                <span class="kw-tl-spacer"></span>
                <button type="button" class="kw-tool" aria-label={t.get("zoom-years")} onclick={zoom_in} disabled={!can_zoom_in}>{ "+" }</button>
                <button type="button" class="kw-tool" aria-label={t.get("zoom-out")} onclick={zoom_out} disabled={!zoomed}>{ "−" }</button>
                <button type="button" class="kw-tool kw-tool-text" onclick={all_years} disabled={!zoomed}>{ t.get("all-years") }</button>
                <button type="button" class="kw-tool kw-tool-text" aria-pressed={if *compact { "true" } else { "false" }} onclick={toggle_compact}>{ t.get("even") }</button>
            </div>
            if let Some(place) = props.filter.clone() {
                <p class="kw-filter" role="status">
                    { t.fill("only-about", &[&place]) }{ " " }
                    <button type="button" class="kw-link" onclick={show_all}>{ t.get("show-all") }</button>
                </p>
            }
            { axis }
            <ol class="kw-events" ref={list} {onkeydown}>{ for items }</ol>
        </div>
    }
}
