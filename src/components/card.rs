//! The event card: the selected event's date (with its precision), title,
//! summary and places; where the article mentions it, the article's own
//! sentences with the words that name the event marked, each quote with its
//! speaker; and the context's source. All rendered as text.

use super::context::{filled, use_i18n, SharedBundle};
use kuril_core::data::Bundle;
use kuril_core::i18n::{Lang, Words};
use kuril_core::story::Event;
use kuril_core::widget::state::Action;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// A horizontal swipe at least this long (CSS px) steps to the next or
/// previous event.
const SWIPE_PX: i32 = 50;

#[derive(Properties, Clone, PartialEq)]
pub struct EventCardProps {
    pub bundle: SharedBundle,
    /// Index into the bundle's timeline.
    pub selected: Option<usize>,
    /// Where a swipe on a touch screen sends next and previous.
    #[prop_or_default]
    pub on_action: Callback<Action>,
}

#[component]
pub fn EventCard(props: &EventCardProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    // The article's and the context's texts keep their language.
    let src_lang = b.text_lang();
    // A swipe left shows the next event, a swipe right the previous one.
    let touch = use_mut_ref(|| Cell::new(None::<(i32, i32)>));
    let (onpointerdown, onpointerup) = swipe_handlers(&touch, &props.on_action);
    let Some(entry) = props.selected.and_then(|i| b.timeline.get(i)) else {
        return html! {
            <article class="kw-card" aria-live="polite">
                <p class="kw-hint">{ t.get("choose-event") }</p>
            </article>
        };
    };
    let article = entry.article.and_then(|i| b.story.events.get(i));
    // The article's own news or statement: its words, not our history.
    let own_words = article.is_some_and(|e| e.titled_in_article_words());
    let places: Vec<String> = entry
        .places
        .iter()
        .filter_map(|id| b.gazetteer.get(id))
        .map(|p| t.place(p, &b.gazetteer))
        .collect();
    let list = t.list(&places);
    let quotes = article
        .map(|e| quotations(b, &t, e, &src_lang))
        .unwrap_or_default();
    // Quotations stay as published: a reader of another language is told.
    let quoted = (article.is_some_and(|e| !e.evidence.is_empty()) && src_lang != t.lang.code())
        .then(|| {
            let lang = t.of_lang("in-lang", Lang::from_code(&src_lang).unwrap_or_default());
            t.fill("quoted", &[("lang", &lang)])
        });
    let in_article = article.map(|_| {
        b.story
            .article
            .publisher_in(t.lang)
            .map(|p| t.fill("in-article-by", &[("publisher", p)]))
            .unwrap_or_else(|| t.get("in-article"))
    });
    html! {
        <article class="kw-card kw-event-card" aria-live="polite" {onpointerdown} {onpointerup}>
            if let Some(from) = entry.start {
                <p class="kw-date">{ filled(&t, "date-range", &|place| {
                    let d = if place == "from" { from } else { entry.date };
                    html! { <time datetime={d.iso()}>{ t.date(d) }</time> }
                }) }</p>
            } else {
                <p class="kw-date"><time datetime={entry.date.iso()}>{ t.date(entry.date) }</time></p>
            }
            if own_words {
                <h3 class="kw-card-title"><q lang={src_lang.clone()}>{ t.own(&entry.title) }</q></h3>
            } else {
                <h3 class="kw-card-title">{ t.own(&entry.title) }</h3>
            }
            if own_words { <p class="kw-note">{ t.get("article-words") }</p> }
            if let Some(label) = in_article { <p class="kw-badge">{ label }</p> }
            if !entry.summary.english().is_empty() { <p class="kw-summary">{ t.own(&entry.summary) }</p> }
            if !places.is_empty() {
                <p class="kw-places">{ t.fill("places", &[("places", &list)]) }</p>
            }
            { quotes }
            if let Some(note) = quoted { <p class="kw-note kw-quoted">{ note }</p> }
            if let Some(note) = article.and_then(|e| e.date_note.as_ref()) {
                <p class="kw-note">{ t.fill("date-from", &[("note", &t.own(note))]) }</p>
            }
            if let Some(src) = &entry.source {
                <p class="kw-source">{ t.fill("source", &[("source", &t.own(src))]) }</p>
            }
        </article>
    }
}

/// The article's sentences about `e`, the words that name it marked, each
/// with its speaker when it is a quote, in the article's language.
fn quotations(b: &Bundle, t: &Words<'_>, e: &Event, src_lang: &str) -> Html {
    e.evidence
        .iter()
        .enumerate()
        .map(|(i, span)| {
            let who = b.story.speaker_of(*span).map(|e| match &e.role {
                Some(role) => t.fill(
                    "said-by",
                    &[("name", &t.own(&e.name)), ("office", &t.own(role))],
                ),
                None => format!("— {}", t.own(&e.name)),
            });
            let [before, mark, after] = match e.passages.get(i) {
                Some(p) => b.story.around(*span, *p),
                None => [b.story.slice(*span), "", ""],
            };
            html! {
                <blockquote class="kw-quote" lang={src_lang.to_string()}>
                    <p>{ before }if !mark.is_empty() { <mark>{ mark }</mark> }{ after }</p>
                    if let Some(who) = who { <footer class="kw-cite">{ who }</footer> }
                </blockquote>
            }
        })
        .collect()
}

/// Where a touch began (client px), while it lasts.
type Touch = Rc<RefCell<Cell<Option<(i32, i32)>>>>;

/// A swipe on a touch screen: left shows the next event, right the
/// previous one; (down, up).
fn swipe_handlers(
    touch: &Touch,
    on_action: &Callback<Action>,
) -> (Callback<PointerEvent>, Callback<PointerEvent>) {
    let onpointerdown = {
        let touch = touch.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() == "touch" {
                touch.borrow().set(Some((e.client_x(), e.client_y())));
            }
        })
    };
    let onpointerup = {
        let (touch, on_action) = (touch.clone(), on_action.clone());
        Callback::from(move |e: PointerEvent| {
            let Some((x0, y0)) = touch.borrow().take() else {
                return;
            };
            let (dx, dy) = (e.client_x() - x0, e.client_y() - y0);
            if dx.abs() >= SWIPE_PX && dx.abs() > 2 * dy.abs() {
                on_action.emit(if dx < 0 { Action::Next } else { Action::Prev });
            }
        })
    };
    (onpointerdown, onpointerup)
}
