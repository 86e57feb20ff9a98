//! The map's land: one SVG path per feature, coloured by who held it on the
//! date, the selected event's places outlined, what it proposed hatched.
//! A component of its own so that panning and zooming, which change only
//! the map's view box, do not rebuild these paths: its props stay equal.

use super::{use_i18n, SharedBundle};
use kuril_core::date::Date;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct LandProps {
    pub bundle: SharedBundle,
    pub date: Option<Date>,
    pub event: Option<AttrValue>,
    pub highlight: Rc<Vec<String>>,
    /// The id of the hatch pattern for proposals.
    pub hatch: AttrValue,
    /// A click on a place (the map ignores the click that ends a drag).
    pub on_click: Callback<usize>,
    /// Enter or Space on a focused place.
    pub on_key: Callback<usize>,
    /// The name to show as a tooltip, or none.
    pub on_tip: Callback<Option<AttrValue>>,
}

#[component]
pub fn Land(props: &LandProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    let g = &b.gazetteer;
    let lit = |id: &str| props.highlight.iter().any(|h| g.is_within(id, h));
    let paths = b.map.features.iter().map(|feat| {
        let held = props.date.and_then(|d| b.control.at(&feat.id, d, g));
        let class = classes!(
            "kw-land",
            g.is_within(&feat.id, "disputed").then_some("kw-disputed"),
            held.as_ref().map(|c| c.holder.class()),
            held.as_ref()
                .and_then(|c| c.claimed_by.as_ref())
                .map(|_| "kw-claimed"),
            lit(&feat.id).then_some("kw-hl")
        );
        let Some(index) = g.places.iter().position(|p| p.id == feat.id) else {
            return html! { <path class={class} data-place={feat.id.clone()} d={feat.path.clone()} /> };
        };
        let name = AttrValue::from(t.place(&g.places[index], g));
        let onclick = props.on_click.reform(move |_: MouseEvent| index);
        let on_key = props.on_key.clone();
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if matches!(e.key().as_str(), "Enter" | " ") {
                e.prevent_default();
                on_key.emit(index);
            }
        });
        // The name shows as a tooltip on hover and on keyboard focus.
        let show = {
            let (tip, name) = (props.on_tip.clone(), name.clone());
            move || tip.emit(Some(name.clone()))
        };
        let hide = {
            let tip = props.on_tip.clone();
            move || tip.emit(None)
        };
        let (s1, h1) = (show.clone(), hide.clone());
        html! {
            <path class={class} data-place={feat.id.clone()} d={feat.path.clone()} tabindex="0" role="button"
                aria-label={t.fill("open-card", &[&name])} {onclick} {onkeydown}
                onfocus={Callback::from(move |_: FocusEvent| show())} onblur={Callback::from(move |_: FocusEvent| hide())}
                onmouseenter={Callback::from(move |_: MouseEvent| s1())} onmouseleave={Callback::from(move |_: MouseEvent| h1())}>
                <title>{ name }</title>
            </path>
        }
    });
    // What the selected event proposed, hatched over the land.
    let hatched = b.map.features.iter().filter_map(|feat| {
        let e = props.event.as_deref()?;
        kuril_core::proposals::for_place(&b.proposals, e, &feat.id, g)?;
        Some(html! {
            <path class="kw-proposed" data-proposed={feat.id.clone()}
                d={feat.path.clone()} fill={format!("url(#{})", props.hatch)} />
        })
    });
    html! {
        <>
            { for paths }
            <g class="kw-proposals" aria-hidden="true">{ for hatched }</g>
        </>
    }
}
