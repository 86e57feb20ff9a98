//! The timeline's events as a list of buttons in date order: the selected
//! one pressed and scrolled into view inside the list (never the page),
//! those about the open place marked; arrow keys, Home and End while the
//! list has focus (no document-wide listener, so two widgets on a page
//! never move together), focus following the selection they make.

use crate::components::context::{use_i18n, SharedBundle};
use kuril_core::widget::state::Action;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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

/// What the list is drawn from.
pub struct EventListProps {
    pub bundle: SharedBundle,
    /// The events shown, in order.
    pub shown: Rc<Vec<usize>>,
    pub selected: Option<usize>,
    /// Events about the open place card's place, in order.
    pub about: Rc<Vec<usize>>,
    pub on_action: Callback<Action>,
}

/// The list, rendered with the timeline (a hook, not a component of its
/// own: a component costs the reader's wasm its own lifecycle code).
#[hook]
pub fn use_event_list(props: EventListProps) -> Html {
    let props = &props;
    let (all, shown) = (&props.bundle.timeline, &props.shown);
    let i18n = use_i18n();
    let t = i18n.words();
    let list = use_node_ref();
    // Set by a key press so that focus follows the selection after render.
    let focus_pending = use_mut_ref(|| Cell::new(false));
    {
        let (list, focus_pending) = (list.clone(), focus_pending.clone());
        use_effect_with((props.selected, props.shown.clone()), move |_| {
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
    // Once, not per item: a render stays linear in the number of events.
    let selected_shown = shown.iter().any(|s| Some(*s) == props.selected);
    // An event titled in the article's words keeps its language.
    let own_words = |e: &kuril_core::time::history::Entry| {
        let event = e.article.and_then(|a| props.bundle.story.events.get(a));
        event
            .is_some_and(|x| x.titled_in_article_words())
            .then(|| props.bundle.text_lang())
    };
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
                    <span class="kw-event-title" lang={own_words(e)}>{ t.own(&e.title) }</span>
                    if e.article.is_some() { <span class="kw-tag">{ t.get("in-article") }</span> }
                </button>
            </li>
        }
    });
    html! {
        <ol class="kw-events" ref={list} {onkeydown}>{ for items }</ol>
    }
}
