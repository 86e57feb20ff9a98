//! The widget as text: the four islands with their names, areas and status
//! on the article's date, and every event with its date, summary and
//! source, as lists under their headings. The live widget gives them to
//! screen readers beside the map and the timeline; in the build-time render
//! (`cargo xtask fallback`) they are there before any script runs.

use super::context::{filled, use_i18n, SharedBundle};
use super::island_card::{area_text, status_text};
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct TextListsProps {
    pub bundle: SharedBundle,
}

/// The four islands and every event as lists, under their headings: the
/// heart of the text version, and what the live widget gives screen
/// readers beside the map and the timeline.
#[component]
pub fn TextLists(props: &TextListsProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    let g = &b.gazetteer;
    // The status on the date the widget opens at (the article's occasion).
    let on = b.opening().and_then(|i| b.timeline.get(i)).map(|e| e.date);
    let islands = g.places.iter().filter(|p| p.parent == "disputed").map(|p| {
        let mut line = t.place_title(p, g);
        if let Some(a) = p.area_km2 {
            line = t.fill(
                "island-area",
                &[("place", &line), ("area", &area_text(&t, a))],
            );
        }
        if let Some(status) = on.and_then(|d| status_text(&t, b, &p.id, d)) {
            line = t.fill("island-status", &[("place", &line), ("status", &status)]);
        }
        html! { <li>{ line }</li> }
    });
    let events = b.timeline.iter().map(|e| {
        let date = match e.start {
            Some(from) => t.fill(
                "date-range",
                &[("from", &t.date(from)), ("to", &t.date(e.date))],
            ),
            None => t.date(e.date),
        };
        let line = filled(&t, "dated-event", &|place| match place {
            "date" => html! { <time datetime={e.date.iso()}>{ date.clone() }</time> },
            _ => html! { <strong>{ t.own(&e.title) }</strong> },
        });
        html! {
            <li>
                { line }
                if e.article.is_some() { { " " }<span class="kw-tag">{ t.get("in-article") }</span> }
                if !e.summary.english().is_empty() { { " " }<span>{ t.own(&e.summary) }</span> }
                if let Some(src) = &e.source { <br /><small>{ t.fill("source", &[("source", &t.own(src))]) }</small> }
            </li>
        }
    });
    html! {
        <>
            if let Some(d) = on {
                <h3 class="kw-card-title">{ t.fill("text-islands", &[("date", &t.date(d))]) }</h3>
            }
            <ul class="kw-static-islands">{ for islands }</ul>
            <h3 class="kw-card-title">{ t.get("text-events") }</h3>
            <ol class="kw-static-events">{ for events }</ol>
        </>
    }
}
