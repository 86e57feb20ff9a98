//! The place card: a place's names in English, Russian and Japanese, its
//! area, who held it on the selected date, the events that concern it and
//! the article's sentences that name it.

use super::context::{filled, use_i18n, SharedBundle};
use kuril_core::data::Bundle;
use kuril_core::i18n::{Lang, Words};
use kuril_core::time::date::Date;
use kuril_core::widget::state::Action;
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
pub fn area_text(t: &Words<'_>, km2: f64) -> String {
    if km2 < 1.0 {
        return t.get("area-small");
    }
    t.fill("area-km2", &[("area", &t.lang.number(km2.round() as u64))])
}

/// Who held a place on a date, and who claimed it: "held by Russia;
/// claimed by Japan" (none where the control table has no period).
pub fn status_text(t: &Words<'_>, b: &Bundle, place: &str, on: Date) -> Option<String> {
    let g = &b.gazetteer;
    let c = b.control.at(place, on, g)?;
    let key = c.holder.key(on);
    // Shared land had no one's administration: its own words, no holder.
    if key == "holder-shared" {
        return Some(t.get("held-shared"));
    }
    let holder = t.get(key);
    Some(match c.claimed_by.as_ref().and_then(|id| g.get(id)) {
        Some(claim) => t.fill(
            "held-claimed",
            &[("holder", &holder), ("claimant", &t.place(claim, g))],
        ),
        None => t.fill("held-by", &[("holder", &holder)]),
    })
}

// Long: one component's hooks and view in one place: the card's facts
// (reading, holder, group, area) are each a few lines feeding its one
// html! block; a split would be a component of its own, about 1 KB of
// lifecycle code in the reader's wasm, whose size must not grow.
#[component]
pub fn IslandCard(props: &IslandCardProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    let g = &b.gazetteer;
    let Some(p) = g.places.get(props.place) else {
        return html! {};
    };
    // The Japanese name's reading: in Cyrillic on a Russian card where the
    // gazetteer has it («択捉島 (Эторофу)»), else in Latin letters; none on
    // a Japanese card, whose reader reads the name itself.
    let reading = match p.other.own(t.lang) {
        _ if t.lang == Lang::Ja => "",
        "" => &p.romaji,
        other => other,
    };
    let reading = (!reading.is_empty()).then(|| t.fill("reading", &[("reading", reading)]));
    let held = props
        .date
        .and_then(|d| Some((d, status_text(&t, b, &p.id, d)?)));
    // Each kind of parent takes a label of its own, so the row reads in
    // every language («Группа островов», «Страна»). A country row would
    // say whose land it is where the control row says
    // who held it on the date («Страна: Россия» for the Kurils, which Japan
    // calls undetermined): a place with a control row shows that alone.
    let parent = (g.places.iter().enumerate())
        .find(|(_, q)| q.id == p.parent)
        .filter(|(_, q)| q.kind != "country" || held.is_none())
        .map(|(i, q)| {
            let label = match q.kind.as_str() {
                "country" => "part-of-country",
                "island" => "part-of-island",
                "peninsula" => "part-of-peninsula",
                "region" => "part-of-region",
                _ => "part-of-group",
            };
            // The parent's card (the Habomai islets' group's) opens from
            // here: the keyboard's way to a group with no land of its own.
            let open = props
                .on_action
                .reform(move |_: MouseEvent| Action::OpenIsland(i));
            (t.get(label), t.place(q, g), open)
        });
    let events = props
        .about
        .iter()
        .filter_map(|&i| Some((i, b.timeline.get(i)?)));
    let src_lang = b.text_lang();
    let sentences = b.story.sentences_naming(&p.id, g);
    let onclick = props.on_action.reform(|_: MouseEvent| Action::CloseIsland);
    let index = props.place;
    let filtered = props.filtered;
    let toggle_filter = props
        .on_action
        .reform(move |_: MouseEvent| Action::Filter((!filtered).then_some(index)));
    html! {
        <article class="kw-card kw-island" data-place={p.id.clone()} aria-live="polite" aria-labelledby="kw-island-title">
            <h3 class="kw-card-title" id="kw-island-title">{ t.place_title(p, g) }</h3>
            <dl class="kw-names">
                { for Lang::ALL.into_iter().map(|l| html! { <>
                    <dt>{ t.of_lang("name", l) }</dt>
                    <dd><span lang={ l.code() }>{ p.name.own(l).to_owned() }</span>
                    if l == Lang::Ja { { reading.clone() } }</dd>
                </> }) }
                if let Some(a) = p.area_km2 { <dt>{ t.get("area") }</dt><dd>{ area_text(&t, a) }</dd> }
                if let Some((label, parent, onclick)) = parent {
                    <dt>{ label }</dt><dd><button type="button" class="kw-link" {onclick}>{ parent }</button></dd>
                }
                if let Some((d, status)) = held {
                    <dt>{ t.fill("on-date", &[("date", &t.date(d))]) }</dt>
                    <dd>{ status }</dd>
                }
            </dl>
            if !props.about.is_empty() {
                <p class="kw-places">{ t.get("events-about") }</p>
                <ul class="kw-about-list">
                    { for events.map(|(i, e)| {
                        let onclick = props.on_action.reform(move |_: MouseEvent| Action::Select(i));
                        html! {
                            <li><button type="button" class="kw-link" data-event={e.id.clone()} {onclick}>
                                { filled(&t, "year-event", &|place| match place {
                                    "year" => html! { { e.date.year } },
                                    _ => html! { <span>{ t.own(&e.title) }</span> },
                                }) }
                            </button></li>
                        }
                    }) }
                </ul>
                <button type="button" class="kw-toggle" aria-pressed={if filtered { "true" } else { "false" }} onclick={toggle_filter}>
                    { t.get("only-these") }
                </button>
            }
            if !sentences.is_empty() {
                <p class="kw-source">{ t.get("in-article-colon") }</p>
                { for sentences.iter().map(|s| html! { <blockquote class="kw-quote" lang={src_lang.clone()}><p>{ b.story.slice(*s) }</p></blockquote> }) }
            }
            <button type="button" class="kw-close" {onclick}>{ t.get("back") }</button>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kuril_core::i18n::Lang;

    #[test]
    fn areas_read_like_numbers() {
        let ui = kuril_core::i18n::Strings::parse(kuril_core::data::UI).unwrap();
        let (en, ru, ja) = (ui.at(Lang::En), ui.at(Lang::Ru), ui.at(Lang::Ja));
        assert_eq!(area_text(&en, 3166.6), "3,167 km²");
        assert_eq!(area_text(&en, 95.0), "95 km²");
        assert_eq!(area_text(&en, 1234567.0), "1,234,567 km²");
        assert_eq!(area_text(&en, 0.0007), "under 1 km²");
        assert_eq!(area_text(&ru, 72492.0), "72\u{a0}492\u{a0}км²");
        assert_eq!(area_text(&ja, 0.5), "1 km²未満");
    }
}
