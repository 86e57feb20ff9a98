//! What the map draws over and under the land: the borders and lines of
//! control in force on the date, the place labels (both sides' names for
//! the disputed islands) and, under the land, their invisible tap targets
//! and those of small islands (`kuril_core::geo::labels`), and a scale bar
//! that keeps its size on screen at any zoom.

use super::legend::line_class;
use crate::components::context::svg_int;
use kuril_core::data::Bundle;
use kuril_core::geo::colouring::MapOnDate;
use kuril_core::geo::gazetteer::Place;
use kuril_core::geo::labels::{self, Layout, Rect};
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

/// The place labels where the core placed them (`kuril_core::geo::labels`),
/// a disputed island's other name on a second line; `lit` says which are
/// outlined, `u` scales them (`labels::unit`) about their anchors. A tap
/// or click on a label opens its place (`open`), as its land does; the
/// land's button stays the one control for the keyboard and screen
/// readers, so the labels are hidden from them.
pub fn labels(
    b: &Bundle,
    t: &Words<'_>,
    lit: &dyn Fn(&str) -> bool,
    layout: &Layout,
    u: f64,
    open: &Callback<usize>,
) -> Html {
    let g = &b.gazetteer;
    let labels = layout.labels.iter().filter_map(|l| {
        let p = g.places.get(l.place)?;
        let (own, other) = labels::map_name(t, p, g);
        let class = classes!(
            "kw-label",
            g.is_within(&p.id, "disputed")
                .then_some("kw-label-disputed"),
            lit(&p.id).then_some("kw-hl")
        );
        let x = svg_int(l.at.0);
        let index = l.place;
        Some(html! {
            <text class={class} data-place={p.id.clone()} x={x.clone()} y={svg_int(l.at.1)}
                text-anchor={l.anchor} onclick={open.reform(move |_: MouseEvent| index)}>
                { own }
                // Empty where the place has one name.
                <tspan class="kw-label-other" x={x} dy={labels::LINE_DY}>{ other.unwrap_or_default() }</tspan>
            </text>
        })
    });
    html! {
        <g class="kw-labels" aria-hidden="true" font-size={svg_int(labels::FONT * u)} stroke-width={svg_int(28.0 * u)}>
            { for labels }
        </g>
    }
}

/// The invisible tap targets under the land: around each small place
/// (the Habomai islets as one), and around each label; scaled by `u`
/// about what they surround. A tap opens the place (`open`).
pub fn targets(b: &Bundle, layout: &Layout, u: f64, open: &Callback<usize>) -> Html {
    let g = &b.gazetteer;
    let rect = |place: usize, r: &Rect, about: (f64, f64)| {
        let r = r.scaled(u, about);
        let id = g.places.get(place).map(|p| p.id.clone());
        html! {
            <rect class="kw-target" data-place={id} x={svg_int(r.x)} y={svg_int(r.y)}
                width={svg_int(r.w)} height={svg_int(r.h)} onclick={open.reform(move |_: MouseEvent| place)} />
        }
    };
    let centre = |r: &Rect| (r.x + r.w / 2.0, r.y + r.h / 2.0);
    let hits = layout
        .hits
        .iter()
        .map(|h| rect(h.place, &h.area, centre(&h.area)));
    let labels = layout.labels.iter().map(|l| rect(l.place, &l.target, l.at));
    html! { <g class="kw-targets" aria-hidden="true">{ for hits }{ for labels }</g> }
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
