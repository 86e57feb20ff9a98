//! The map: land features from the map asset as SVG paths, the disputed
//! islands named with both sides' names, and the selected event's places
//! highlighted.

use super::{svg_int, SharedBundle};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct MapViewProps {
    pub bundle: SharedBundle,
    /// Gazetteer ids to highlight; a group highlights its members.
    pub highlight: Rc<Vec<String>>,
}

/// Places labelled on the map, with the label's offset from the place's
/// point in SVG units and its anchor. Disputed islands are labelled out at
/// sea to the east, the Habomai islets below Shikotan's label, so that the
/// small islands stay visible and no two labels overlap.
const LABELS: &[(&str, f64, f64, &str)] = &[
    ("iturup", 180.0, 0.0, "start"),
    ("kunashir", 180.0, 0.0, "start"),
    ("shikotan", 180.0, 0.0, "start"),
    ("habomai", 100.0, 230.0, "start"),
    ("hokkaido", 0.0, 0.0, "middle"),
    ("sakhalin", 0.0, 0.0, "middle"),
    ("kamchatka", 0.0, 0.0, "middle"),
    ("urup", 0.0, -200.0, "middle"),
];

#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let b = &props.bundle;
    let g = &b.gazetteer;
    let f = &b.map.frame;
    let lit = |id: &str| props.highlight.iter().any(|h| g.is_within(id, h));
    let paths = b.map.features.iter().map(|feat| {
        let disputed = g.is_within(&feat.id, "disputed");
        let name = g.get(&feat.id).map(|p| p.label(g));
        let class = classes!(
            "kw-land",
            disputed.then_some("kw-disputed"),
            lit(&feat.id).then_some("kw-hl")
        );
        html! {
            <path class={class} data-place={feat.id.clone()} d={feat.path.clone()}>
                if let Some(n) = name { <title>{ n }</title> }
            </path>
        }
    });
    let labels = LABELS.iter().filter_map(|&(id, dx, dy, anchor)| {
        let p = g.get(id)?;
        let (x, y) = b.map.to_svg(p.point?);
        let disputed = g.is_within(&p.id, "disputed");
        let class = classes!(
            "kw-label",
            disputed.then_some("kw-label-disputed"),
            lit(&p.id).then_some("kw-hl")
        );
        Some(html! {
            <text class={class} data-place={p.id.clone()} x={svg_int(x + dx)} y={svg_int(y + dy)}
                text-anchor={anchor}>{ p.label(g) }</text>
        })
    });
    let view_box = format!("0 0 {} {}", svg_int(f.width), svg_int(f.height));
    html! {
        <figure class="kw-map">
            <svg viewBox={view_box} role="img" aria-label="Map of Hokkaido, the Kuril Islands, southern Sakhalin and Kamchatka; the four disputed islands are Iturup, Kunashir, Shikotan and the Habomai islets" preserveAspectRatio="xMidYMid meet">
                <rect class="kw-sea" x="0" y="0" width={svg_int(f.width)} height={svg_int(f.height)} />
                { for paths }
                <g class="kw-labels">{ for labels }</g>
            </svg>
            <figcaption class="kw-attrib">{ b.map.attribution.clone() }</figcaption>
        </figure>
    }
}
