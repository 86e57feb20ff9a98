//! The map: land features from the map asset as SVG paths, coloured by
//! who held them on the selected date, the disputed islands named with both
//! sides' names, the selected event's places outlined, and a legend.

use super::{svg_int, SharedBundle};
use crate::boundaries::LineKind;
use crate::control::Holder;
use crate::date::Date;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct MapViewProps {
    pub bundle: SharedBundle,
    /// Gazetteer ids to highlight; a group highlights its members.
    pub highlight: Rc<Vec<String>>,
    /// The date whose control the land shows (none: no colouring).
    #[prop_or_default]
    pub date: Option<Date>,
    /// Called with a place's gazetteer index when the reader opens it
    /// (click, or Enter or Space on the focused shape).
    #[prop_or_default]
    pub on_place: Callback<usize>,
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
    let control = |id: &str| props.date.and_then(|d| b.control.at(id, d, g));
    // The holders shown, for the legend, in first-seen order.
    let mut shown: Vec<Holder> = Vec::new();
    let mut claimed = false;
    let paths: Vec<Html> = b
        .map
        .features
        .iter()
        .map(|feat| {
            let disputed = g.is_within(&feat.id, "disputed");
            let name = g.get(&feat.id).map(|p| p.label(g));
            let held = control(&feat.id);
            if let Some(c) = &held {
                if !shown.contains(&c.holder) {
                    shown.push(c.holder);
                }
                claimed |= c.claimed_by.is_some();
            }
            let class = classes!(
                "kw-land",
                disputed.then_some("kw-disputed"),
                held.as_ref().map(|c| c.holder.class()),
                held.as_ref()
                    .and_then(|c| c.claimed_by.as_ref())
                    .map(|_| "kw-claimed"),
                lit(&feat.id).then_some("kw-hl")
            );
            let Some(index) = g.places.iter().position(|p| p.id == feat.id) else {
                return html! { <path class={class} data-place={feat.id.clone()} d={feat.path.clone()} /> };
            };
            let onclick = props.on_place.reform(move |_: MouseEvent| index);
            let on_place = props.on_place.clone();
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if matches!(e.key().as_str(), "Enter" | " ") {
                    e.prevent_default();
                    on_place.emit(index);
                }
            });
            let name = name.unwrap_or_default();
            html! {
                <path class={class} data-place={feat.id.clone()} d={feat.path.clone()} tabindex="0" role="button"
                    aria-label={format!("{name}: open its card")} {onclick} {onkeydown}>
                    <title>{ name }</title>
                </path>
            }
        })
        .collect();
    // Borders and lines of control in force on the date.
    let lines: Vec<_> = props
        .date
        .map(|d| b.lines.iter().filter(|l| l.in_force(d)).collect())
        .unwrap_or_default();
    let line_class = |k: LineKind| match k {
        LineKind::Border => "kw-line-border",
        LineKind::Control => "kw-line-control",
    };
    let polylines = lines.iter().map(|l| {
        let points: Vec<String> = l
            .points
            .iter()
            .map(|p| {
                let (x, y) = b.map.to_svg(*p);
                format!("{},{}", svg_int(x), svg_int(y))
            })
            .collect();
        html! {
            <polyline class={classes!("kw-line", line_class(l.kind))} data-line={l.id.clone()} points={points.join(" ")}>
                <title>{ l.label.clone() }</title>
            </polyline>
        }
    });
    let line_items = lines.iter().map(|l| {
        html! { <li><span class={classes!("kw-swatch-line", line_class(l.kind))}></span>{ l.label.clone() }</li> }
    });
    let any_lit = b.map.features.iter().any(|f| lit(&f.id));
    let legend = props.date.filter(|_| !shown.is_empty()).map(|d| {
        let items = shown.iter().map(|h| {
            html! { <li><span class={classes!("kw-swatch", h.class())}></span>{ h.name(d) }</li> }
        });
        html! {
            <div class="kw-legend">
                <p class="kw-legend-title">{ format!("Who held the land on {d}") }</p>
                <ul>
                    { for items }
                    if claimed { <li><span class="kw-swatch kw-claimed"></span>{ "Claimed by Japan" }</li> }
                    { for line_items }
                    if any_lit { <li><span class="kw-swatch kw-swatch-hl"></span>{ "Outlined: places the selected event concerns" }</li> }
                </ul>
                <p class="kw-legend-note">{ "Grey: not coloured on this map yet (the smaller islands of the chain, the mainland)." }</p>
            </div>
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
    // A scale bar in the lower right, over open sea, at most a fifth of
    // the map wide.
    let scale = crate::map::scale_bar(f, f.width / 5.0).map(|(km, len)| {
        let (x0, y) = (f.width * 0.97 - len, f.height * 0.95);
        let (a, b) = (svg_int(x0), svg_int(x0 + len));
        html! {
            <g class="kw-scale" aria-hidden="true">
                <line x1={a.clone()} x2={b.clone()} y1={svg_int(y)} y2={svg_int(y)} />
                <line x1={a.clone()} x2={a.clone()} y1={svg_int(y - 40.0)} y2={svg_int(y)} />
                <line x1={b.clone()} x2={b} y1={svg_int(y - 40.0)} y2={svg_int(y)} />
                <text x={a} y={svg_int(y - 60.0)}>{ format!("{km} km") }</text>
            </g>
        }
    });
    let view_box = format!("0 0 {} {}", svg_int(f.width), svg_int(f.height));
    html! {
        <figure class="kw-map">
            <svg viewBox={view_box} role="img" aria-label="Map of Hokkaido, the Kuril Islands, southern Sakhalin and Kamchatka; the four disputed islands are Iturup, Kunashir, Shikotan and the Habomai islets" preserveAspectRatio="xMidYMid meet">
                <rect class="kw-sea" x="0" y="0" width={svg_int(f.width)} height={svg_int(f.height)} />
                { for paths }
                <g class="kw-lines">{ for polylines }</g>
                <g class="kw-labels">{ for labels }</g>
                { scale.unwrap_or_default() }
            </svg>
            { legend.unwrap_or_default() }
            <figcaption class="kw-attrib">{ b.map.attribution.clone() }</figcaption>
        </figure>
    }
}
