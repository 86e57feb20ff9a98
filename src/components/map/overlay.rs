//! What the map draws over the land: the borders and lines of control in
//! force on the date, the place labels (both sides' names for the disputed
//! islands), and a scale bar that keeps its size on screen at any zoom.

use super::legend::line_class;
use crate::components::context::svg_int;
use kuril_core::data::Bundle;
use kuril_core::geo::colouring::MapOnDate;
use kuril_core::geo::gazetteer::Place;
use kuril_core::geo::map::{Frame, View};
use kuril_core::i18n::Words;
use yew::prelude::*;

/// The borders and lines of control in force on the date.
pub fn lines(b: &Bundle, t: &Words<'_>, on_date: &MapOnDate) -> Html {
    let lines = on_date.lines.iter().filter_map(|&i| b.lines.get(i));
    let polylines = lines.map(|l| {
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
                <title>{ t.own(&l.label) }</title>
            </polyline>
        }
    });
    html! { <g class="kw-lines">{ for polylines }</g> }
}

/// The place labels; `lit` says which are outlined.
pub fn labels(b: &Bundle, t: &Words<'_>, lit: &dyn Fn(&str) -> bool) -> Html {
    let g = &b.gazetteer;
    // The places the gazetteer gives a label (`data/gazetteer.tsv`).
    (g.places.iter())
        .filter_map(|p| {
            let l = p.map_label?;
            let (x, y) = b.map.to_svg(p.point?);
            let (dx, dy, anchor) = (l.dx, l.dy, l.anchor);
            let disputed = g.is_within(&p.id, "disputed");
            let class = classes!(
                "kw-label",
                disputed.then_some("kw-label-disputed"),
                lit(&p.id).then_some("kw-hl")
            );
            Some(html! {
                <text class={class} data-place={p.id.clone()} x={svg_int(x + dx)} y={svg_int(y + dy)}
                    text-anchor={anchor}>{ t.place(p, g) }</text>
            })
        })
        .collect()
}

/// The places the story carries beyond the widget's gazetteer (a port,
/// a town, a strait) that fall on the map: a dot and the name, at the
/// labels' size (`unit`: one SVG unit on screen at the zoom), to the west
/// of the dot. On the disputed islands, whose own labels fill the sea
/// around them, the name shows once the reader zooms in or the selected
/// event concerns the place; the dot always has it as its title.
pub fn points(b: &Bundle, t: &Words<'_>, lit: &dyn Fn(&str) -> bool, unit: f64) -> Html {
    let g = &b.gazetteer;
    (g.places[b.own_places..].iter())
        .filter_map(|p| {
            let (x, y) = b.map.to_svg(p.point.filter(|ll| b.map.shows(*ll))?);
            let named = unit < 0.5 || lit(&p.id) || !g.is_within(&p.id, "disputed");
            let label = named.then_some((x - 55.0 * unit, y + 45.0 * unit, "end"));
            Some(marker(
                "kw-point",
                p,
                lit(&p.id),
                (x, y),
                30.0 * unit,
                label,
                t.place(p, g),
            ))
        })
        .collect()
}

/// A place's dot and its name: `class` the map's or the locator's, `r` the
/// dot's radius, `label` where the name goes and its anchor (none: the
/// dot's title alone).
pub fn marker(
    class: &'static str,
    p: &Place,
    lit: bool,
    (x, y): (f64, f64),
    r: f64,
    label: Option<(f64, f64, &'static str)>,
    name: String,
) -> Html {
    html! {
        <g class={classes!(class, lit.then_some("kw-hl"))} data-place={p.id.clone()}>
            <circle cx={svg_int(x)} cy={svg_int(y)} r={svg_int(r)}><title>{ name.clone() }</title></circle>
            if let Some((lx, ly, anchor)) = label {
                <text class="kw-label" x={svg_int(lx)} y={svg_int(ly)} text-anchor={anchor}>{ name }</text>
            }
        </g>
    }
}

/// A scale bar in the lower right of the view, at most a fifth of it wide,
/// drawn at the same size on screen at any zoom.
pub fn scale_bar(f: &Frame, view: &View, t: &Words<'_>) -> Html {
    let (svx, svy, svw, svh) = view.view_box(f);
    let unit = 1.0 / view.zoom;
    let Some((km, len)) = kuril_core::geo::map::scale_bar(f, svw / 5.0) else {
        return Html::default();
    };
    let (x0, y) = (svx + svw * 0.97 - len, svy + svh * 0.95);
    let (a, b) = (svg_int(x0), svg_int(x0 + len));
    let tick = svg_int(y - 40.0 * unit);
    html! {
        <g class="kw-scale" aria-hidden="true" font-size={svg_int(110.0 * unit)}>
            <line x1={a.clone()} x2={b.clone()} y1={svg_int(y)} y2={svg_int(y)} />
            <line x1={a.clone()} x2={a.clone()} y1={tick.clone()} y2={svg_int(y)} />
            <line x1={b.clone()} x2={b} y1={tick} y2={svg_int(y)} />
            <text x={a} y={svg_int(y - 60.0 * unit)} stroke-width={svg_int(20.0 * unit)}>{ t.fill("km", &[("km", &km.to_string())]) }</text>
        </g>
    }
}
