//! The time axis: the eras as bands, the years as ticks, a marker per
//! event, and events too close to tell apart sharing a marker with their
//! count (a click zooms in on their years, or for one day's events selects
//! the next of them). True time, zoomed and panned by dragging, or even
//! spacing (compact mode).

use crate::components::context::{svg_int, use_i18n, SharedBundle};
use kuril_core::i18n::Words;
use kuril_core::time::date::Date;
use kuril_core::time::history::Era;
use kuril_core::time::scale::{clusters, even_position, TimeScale};
use kuril_core::widget::state::Action;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Width of the axis in SVG units.
const AXIS_W: f64 = 1000.0;
/// Markers closer than this (a fraction of the axis) share one.
const MIN_GAP: f64 = 0.022;

/// What the axis is drawn from.
pub struct AxisProps {
    pub bundle: SharedBundle,
    /// The events shown, in order.
    pub shown: Rc<Vec<usize>>,
    pub selected: Option<usize>,
    /// The years in view, and all of them.
    pub view: Option<TimeScale>,
    pub full: Option<TimeScale>,
    /// Even spacing instead of true time.
    pub compact: bool,
    /// The zoom window, when zoomed in time: a drag pans it.
    pub window: Option<TimeScale>,
    /// Whether the view is narrower than all the years.
    pub zoomed: bool,
    pub on_action: Callback<Action>,
    /// Asked to show these years (a cluster's), in true time.
    pub on_zoom_to: Callback<(f64, f64)>,
    /// Asked to show this window (a drag).
    pub on_window: Callback<TimeScale>,
}

/// The axis, rendered with the timeline (a hook, not a component of its
/// own: a component costs the reader's wasm its own lifecycle code).
#[hook]
pub fn use_axis(props: AxisProps) -> Html {
    let props = &props;
    let (b, all, shown) = (&props.bundle, &props.bundle.timeline, &props.shown);
    let i18n = use_i18n();
    let t = i18n.words();
    let (view, full, compact) = (props.view, props.full, props.compact);
    let dates: Vec<_> = shown.iter().map(|&i| all[i].date).collect();
    let n = shown.len();
    // Each shown event's place on the axis, or none when out of view.
    let position = |k: usize| -> Option<f64> {
        if compact {
            return Some(even_position(k, n));
        }
        let p = view?.position_of_year(dates[k].as_year_fraction());
        let inside = view.is_some_and(|v| (v.start..=v.end).contains(&dates[k].as_year_fraction()));
        inside.then_some(p)
    };
    let placed: Vec<(usize, f64)> = (0..n).filter_map(|k| Some((k, position(k)?))).collect();
    let xs: Vec<f64> = placed.iter().map(|(_, p)| *p).collect();
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
        let on_zoom_to = props.on_zoom_to.clone();
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
                on_zoom_to.emit(years);
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
    let bands = bands(&b.eras, &dates, view, compact, &t);
    let ticks = (!compact).then_some(view).flatten().map(ticks);
    // Dragging the zoomed axis pans it through time.
    let drag = use_mut_ref(|| None::<(f64, TimeScale)>);
    let axis_ref = use_node_ref();
    let (onpointerdown, onpointermove, end_drag) =
        drag_handlers(&drag, &axis_ref, props.window, full, &props.on_window);
    let zoomed = props.zoomed;
    html! {
        <svg class={classes!("kw-axis", zoomed.then_some("kw-axis-zoomed"))} ref={axis_ref}
            viewBox={format!("0 0 {} 60", svg_int(AXIS_W))} aria-hidden="true"
            {onpointerdown} {onpointermove} onpointerup={end_drag.clone()} onpointerleave={end_drag.clone()} onpointercancel={end_drag}>
            { bands }
            <line class="kw-axis-line" x1="0" x2={svg_int(AXIS_W)} y1="30" y2="30" />
            { ticks.unwrap_or_default() }
            { for markers }
        </svg>
    }
}

/// The era bands: by date on the true axis, around their events when
/// compact; each labelled where its label fits.
fn bands(
    eras: &[Era],
    dates: &[Date],
    view: Option<TimeScale>,
    compact: bool,
    t: &Words<'_>,
) -> Html {
    let n = dates.len();
    eras.iter()
        .filter_map(|era| {
            let (x0, x1) = if compact {
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
        })
        .collect()
}

/// The year ticks of the true axis showing `s`.
fn ticks(s: TimeScale) -> Html {
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
}

/// The handlers that pan a zoomed axis by dragging: (down, move, end).
fn drag_handlers(
    drag: &Rc<RefCell<Option<(f64, TimeScale)>>>,
    axis_ref: &NodeRef,
    window: Option<TimeScale>,
    full: Option<TimeScale>,
    on_window: &Callback<TimeScale>,
) -> (
    Callback<PointerEvent>,
    Callback<PointerEvent>,
    Callback<PointerEvent>,
) {
    let onpointerdown = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            *drag.borrow_mut() = window.map(|w| (e.client_x() as f64, w));
        })
    };
    let onpointermove = {
        let (drag, on_window, axis_ref) = (drag.clone(), on_window.clone(), axis_ref.clone());
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
                on_window.emit(start.pan(years, &f));
            }
        })
    };
    let end_drag = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    (onpointerdown, onpointermove, end_drag)
}
