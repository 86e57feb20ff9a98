//! The timeline: a true time axis with a dot per event, and the events as a
//! list of buttons in date order. Arrow keys, Home and End move the
//! selection while the list has focus (no document-wide listener, so two
//! widgets on a page never move together).

use super::{svg_int, SharedBundle};
use crate::scale::TimeScale;
use crate::state::Action;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct TimelineProps {
    pub bundle: SharedBundle,
    pub selected: Option<usize>,
    pub on_action: Callback<Action>,
}

/// Width of the axis in SVG units.
const AXIS_W: f64 = 1000.0;

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

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let dated: Vec<(&crate::history::Entry, crate::date::Date)> =
        props.bundle.timeline.iter().map(|e| (e, e.date)).collect();
    let list = use_node_ref();
    // Set by a key press so that focus follows the selection after render.
    let focus_pending = use_mut_ref(|| Cell::new(false));
    {
        let (list, focus_pending) = (list.clone(), focus_pending.clone());
        use_effect_with(props.selected, move |_| {
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

    let dates: Vec<_> = dated.iter().map(|(_, d)| *d).collect();
    let scale = TimeScale::covering(&dates, 5.0);
    let axis = scale.map(|s| {
        let ticks = s.ticks(8).into_iter().map(|y| {
            let x = svg_int(s.position_of_year(y as f64) * AXIS_W);
            html! {
                <g class="kw-tick">
                    <line x1={x.clone()} x2={x.clone()} y1="26" y2="32" />
                    <text x={x} y="46" text-anchor="middle">{ y }</text>
                </g>
            }
        });
        let dots = dated.iter().enumerate().map(|(i, (_, d))| {
            let x = svg_int(s.position(d) * AXIS_W);
            let class = classes!("kw-dot", (props.selected == Some(i)).then_some("kw-sel"));
            html! { <circle class={class} cx={x} cy="18" r="7" /> }
        });
        html! {
            <svg class="kw-axis" viewBox={format!("0 0 {} 52", svg_int(AXIS_W))} aria-hidden="true">
                <line class="kw-axis-line" x1="0" x2={svg_int(AXIS_W)} y1="26" y2="26" />
                { for ticks }
                { for dots }
            </svg>
        }
    });

    let items = dated.iter().enumerate().map(|(i, (e, d))| {
        let sel = props.selected == Some(i);
        let onclick = props
            .on_action
            .reform(move |_: MouseEvent| Action::Select(i));
        html! {
            <li>
                <button type="button" class={classes!("kw-event", sel.then_some("kw-sel"), e.article.map(|_| "kw-in-article"))}
                    data-event={e.id.clone()} aria-pressed={if sel { "true" } else { "false" }}
                    tabindex={if sel || (props.selected.is_none() && i == 0) { "0" } else { "-1" }}
                    {onclick}>
                    <span class="kw-year">{ d.year }</span>
                    <span class="kw-event-title">{ e.title.clone() }</span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="kw-timeline" aria-label="Timeline of events; use the arrow keys to move">
            { axis.unwrap_or_default() }
            <ol class="kw-events" ref={list} {onkeydown}>{ for items }</ol>
        </nav>
    }
}
