//! The place card: a place's names in English, Russian and Japanese, its
//! area, who held it on the selected date, the events that concern it and
//! the article's sentences that name it.

use super::SharedBundle;
use crate::date::Date;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct IslandCardProps {
    pub bundle: SharedBundle,
    /// Gazetteer index of the place.
    pub place: usize,
    /// The date whose control the card reports.
    #[prop_or_default]
    pub date: Option<Date>,
    /// Indices of the timeline's events that concern the place.
    #[prop_or_default]
    pub about: Rc<Vec<usize>>,
    /// Whether the timeline shows only those events.
    #[prop_or_default]
    pub filtered: bool,
    /// Close, select one of its events, filter the timeline.
    pub on_action: Callback<Action>,
}

/// An area in square kilometres for people: "3,167 km²", "under 1 km²".
pub fn area_text(km2: f64) -> String {
    if km2 < 1.0 {
        return "under 1 km²".into();
    }
    let digits = (km2.round() as u64).to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out + " km²"
}

#[component]
pub fn IslandCard(props: &IslandCardProps) -> Html {
    let b = &props.bundle;
    let g = &b.gazetteer;
    let Some(p) = g.places.get(props.place) else {
        return html! {};
    };
    let parent = g.get(&p.parent).map(|q| q.label(g));
    let held = props
        .date
        .and_then(|d| b.control.at(&p.id, d, g).map(|c| (d, c)));
    let events = props
        .about
        .iter()
        .filter_map(|&i| Some((i, b.timeline.get(i)?)));
    let sentences = b.story.sentences_naming(&p.id, g);
    let onclick = props.on_action.reform(|_: MouseEvent| Action::CloseIsland);
    let index = props.place;
    let filtered = props.filtered;
    let toggle_filter = props
        .on_action
        .reform(move |_: MouseEvent| Action::Filter((!filtered).then_some(index)));
    html! {
        <article class="kw-card kw-island" aria-live="polite" aria-labelledby="kw-island-title">
            <h3 class="kw-card-title" id="kw-island-title">{ p.label(g) }</h3>
            <dl class="kw-names">
                <dt>{ "English" }</dt><dd>{ p.name_en.clone() }</dd>
                <dt>{ "Russian" }</dt><dd lang="ru">{ p.name_ru.clone() }</dd>
                <dt>{ "Japanese" }</dt><dd><span lang="ja">{ p.name_ja.clone() }</span>{ format!(" ({})", p.romaji) }</dd>
                if let Some(a) = p.area_km2 { <dt>{ "Area" }</dt><dd>{ area_text(a) }</dd> }
                if let Some(parent) = parent { <dt>{ "Part of" }</dt><dd>{ parent }</dd> }
                if let Some((d, c)) = held {
                    <dt>{ format!("On {d}") }</dt>
                    <dd>
                        { format!("held by {}", c.holder.name(d)) }
                        if let Some(claim) = c.claimed_by.as_ref().and_then(|id| g.get(id)) {
                            { format!("; claimed by {}", claim.name_en) }
                        }
                    </dd>
                }
            </dl>
            if !props.about.is_empty() {
                <p class="kw-places">{ "Events that concern it:" }</p>
                <ul class="kw-about-list">
                    { for events.map(|(i, e)| {
                        let onclick = props.on_action.reform(move |_: MouseEvent| Action::Select(i));
                        html! {
                            <li><button type="button" class="kw-link" data-event={e.id.clone()} {onclick}>
                                { format!("{}: {}", e.date.year, e.title) }
                            </button></li>
                        }
                    }) }
                </ul>
                <button type="button" class="kw-toggle" aria-pressed={if filtered { "true" } else { "false" }} onclick={toggle_filter}>
                    { "Only these events on the timeline" }
                </button>
            }
            if !sentences.is_empty() {
                <p class="kw-source">{ "In this article:" }</p>
                { for sentences.iter().map(|s| html! { <blockquote class="kw-quote"><p>{ b.story.slice(*s) }</p></blockquote> }) }
            }
            <button type="button" class="kw-close" {onclick}>{ "Back to the event" }</button>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_read_like_numbers() {
        assert_eq!(area_text(3166.6), "3,167 km²");
        assert_eq!(area_text(95.0), "95 km²");
        assert_eq!(area_text(72492.0), "72,492 km²");
        assert_eq!(area_text(1234567.0), "1,234,567 km²");
        assert_eq!(area_text(0.0007), "under 1 km²");
    }
}
