//! The map's land: one SVG path per feature, coloured by who held it on the
//! date, the selected event's places outlined, what it proposed hatched.
//!
//! Each feature is a [`Shape`] of its own whose props are its class, its
//! name and callbacks that live as long as the widget: a step to another
//! event re-renders only the shapes whose colour or outline changes, and
//! the long path data is never compared or copied again. Panning and
//! zooming, which change only the map's view box, do not reach the land.

use crate::components::context::{use_i18n, SharedBundle};
use kuril_core::geo::colouring::MapOnDate;
use kuril_core::geo::control::Holder;
use std::rc::Rc;
use yew::prelude::*;

/// The CSS class of a holder's colour (the land and the legend's swatch).
pub fn holder_class(h: Holder) -> &'static str {
    match h {
        Holder::Japan => "kw-held-japan",
        Holder::Russia => "kw-held-russia",
        Holder::Shared => "kw-held-shared",
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct LandProps {
    pub bundle: SharedBundle,
    /// Who held each feature on the date, the claims and the proposals
    /// (computed once by the map, which also draws the legend from it).
    pub on_date: Rc<MapOnDate>,
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
    let shapes = b.map.features.iter().enumerate().map(|(feature, feat)| {
        let on = props.on_date.features.get(feature).cloned().unwrap_or_default();
        let place = g.places.iter().position(|p| p.id == feat.id);
        // An islet of a group: at rest, a tap on it is the group's.
        let islet = place.is_some_and(|i| g.places[i].kind == "islet");
        let class = classes!(
            "kw-land",
            g.is_within(&feat.id, "disputed").then_some("kw-disputed"),
            islet.then_some("kw-islet"),
            on.holder.map(holder_class),
            on.claimed.then_some("kw-claimed"),
            lit(&feat.id).then_some("kw-hl")
        );
        let name = place.map(|i| AttrValue::from(t.place(&g.places[i], g)));
        let label = name.as_ref().map(|n| AttrValue::from(t.fill("open-card", &[("place", n)])));
        html! {
            <Shape key={feature} bundle={props.bundle.clone()} {feature} {place}
                class={AttrValue::from(class.to_string())} {name} {label}
                on_click={props.on_click.clone()} on_key={props.on_key.clone()} on_tip={props.on_tip.clone()} />
        }
    });
    // What the selected event proposed, hatched over the land.
    let hatched = b.map.features.iter().enumerate().filter_map(|(i, feat)| {
        props.on_date.features.get(i)?.proposal?;
        Some(html! {
            <path class="kw-proposed" data-proposed={feat.id.clone()}
                d={feat.path.clone()} fill={format!("url(#{})", props.hatch)} />
        })
    });
    html! {
        <>
            { for shapes }
            <g class="kw-proposals" aria-hidden="true">{ for hatched }</g>
        </>
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct ShapeProps {
    pub bundle: SharedBundle,
    /// Index of the feature in the map asset.
    pub feature: usize,
    /// Gazetteer index of the place it shows, if it is a named place.
    pub place: Option<usize>,
    pub class: AttrValue,
    /// The place's name in the reader's language, and the button's label.
    pub name: Option<AttrValue>,
    pub label: Option<AttrValue>,
    pub on_click: Callback<usize>,
    pub on_key: Callback<usize>,
    pub on_tip: Callback<Option<AttrValue>>,
}

/// One land feature: a button that opens its place's card when it is a
/// named place, plain land otherwise.
#[component]
fn Shape(props: &ShapeProps) -> Html {
    let Some(feat) = props.bundle.map.features.get(props.feature) else {
        return Html::default();
    };
    let (Some(index), Some(name)) = (props.place, props.name.clone()) else {
        return html! { <path class={props.class.clone()} data-place={feat.id.clone()} d={feat.path.clone()} /> };
    };
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
        <path class={props.class.clone()} data-place={feat.id.clone()} d={feat.path.clone()} tabindex="0" role="button"
            aria-label={props.label.clone()} {onclick} {onkeydown}
            onfocus={Callback::from(move |_: FocusEvent| show())} onblur={Callback::from(move |_: FocusEvent| hide())}
            onmouseenter={Callback::from(move |_: MouseEvent| s1())} onmouseleave={Callback::from(move |_: MouseEvent| h1())}>
            <title>{ name }</title>
        </path>
    }
}
