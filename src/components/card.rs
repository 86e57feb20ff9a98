//! The event card: the selected event's date, title and places, and the
//! article's own sentences about it, rendered as text.

use super::SharedBundle;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct EventCardProps {
    pub bundle: SharedBundle,
    pub selected: Option<usize>,
}

#[component]
pub fn EventCard(props: &EventCardProps) -> Html {
    let b = &props.bundle;
    let Some(event) = props.selected.and_then(|i| b.story.events.get(i)) else {
        return html! {
            <article class="kw-card" aria-live="polite">
                <p class="kw-hint">{ "Choose an event on the timeline." }</p>
            </article>
        };
    };
    let places: Vec<String> = event
        .places
        .iter()
        .filter_map(|id| b.gazetteer.get(id))
        .map(|p| p.label(&b.gazetteer))
        .collect();
    // The article's sentences, each with its speaker when it is a quote.
    let quotes = event.evidence.iter().map(|span| {
        let who = b.story.speaker_of(*span).map(|e| match &e.role {
            Some(role) => format!("— {}, {role}", e.name),
            None => format!("— {}", e.name),
        });
        html! {
            <blockquote class="kw-quote">
                <p>{ b.story.slice(*span) }</p>
                if let Some(who) = who { <footer class="kw-cite">{ who }</footer> }
            </blockquote>
        }
    });
    let source = b
        .story
        .article
        .publisher
        .clone()
        .map(|p| format!("In this article ({p})"))
        .unwrap_or("In this article".into());
    html! {
        <article class="kw-card" aria-live="polite">
            if let (Some(from), Some(to)) = (event.start, event.date) {
                <p class="kw-date">
                    <time datetime={from.iso()}>{ from.to_string() }</time>{ " – " }
                    <time datetime={to.iso()}>{ to.to_string() }</time>
                </p>
            } else if let Some(d) = event.date {
                <p class="kw-date"><time datetime={d.iso()}>{ d.to_string() }</time></p>
            }
            <h3 class="kw-card-title">{ event.title.clone() }</h3>
            if !places.is_empty() {
                <p class="kw-places">{ "Places: " }{ places.join("; ") }</p>
            }
            <p class="kw-source">{ source }</p>
            { for quotes }
            if let Some(note) = &event.date_note {
                <p class="kw-note">{ format!("Date from {note}.") }</p>
            }
        </article>
    }
}
