//! The map: land features from the map asset as SVG paths, coloured by
//! who held them on the selected date, the disputed islands named with both
//! sides' names, the selected event's places outlined, and a legend.

mod gestures;
mod land;
mod legend;
mod locator;

pub use locator::{places_to_mark, LocatorInset, LocatorInsetProps};

use super::context::{svg_int, use_i18n, SharedBundle};
use gestures::{use_map_gestures, was_drag, MapGestures};
use kuril_core::time::date::Date;
use land::Land;
use legend::{line_class, Legend};
use std::cell::Cell;
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
    /// The selected event's id: what it proposed for places is hatched.
    #[prop_or_default]
    pub event: Option<AttrValue>,
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
    ("sakhalin", 0.0, 1400.0, "middle"),
    ("kamchatka", -120.0, 120.0, "end"),
    ("urup", 0.0, -200.0, "middle"),
];

#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    let g = &b.gazetteer;
    let f = &b.map.frame;
    let frame = *f;
    // The hatch pattern's id, unique on the page (two widgets may share it).
    let hatch = use_state(|| {
        thread_local!(static NEXT: Cell<u32> = const { Cell::new(0) });
        format!("kw-hatch-{}", NEXT.with(|n| n.replace(n.get() + 1)))
    });
    let svg = use_node_ref();
    let gestures = use_map_gestures(frame, svg.clone());
    let view = *gestures.view;
    // The name of the island under the pointer or with focus.
    let tip = use_state_eq(|| None::<AttrValue>);
    let lit = |id: &str| props.highlight.iter().any(|h| g.is_within(id, h));
    // The map on the date, once for the land and its legend.
    let on_date = use_memo((props.date, props.event.clone()), |(date, event)| {
        Rc::new(b.map_on(*date, event.as_deref()))
    });
    // Opening a place: not by the click that ends a drag.
    let open_place = {
        let gesture = gestures.gesture.clone();
        use_callback(props.on_place.clone(), move |i: usize, on_place| {
            if !was_drag(&gesture) {
                on_place.emit(i);
            }
        })
    };
    let on_tip = {
        let tip = tip.clone();
        use_callback((), move |name: Option<AttrValue>, _| tip.set(name))
    };
    // Borders and lines of control in force on the date.
    let lines: Vec<_> = props
        .date
        .map(|d| b.lines.iter().filter(|l| l.in_force(d)).collect())
        .unwrap_or_default();
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
                <title>{ t.own(&l.label) }</title>
            </polyline>
        }
    });
    let any_lit = b.map.features.iter().any(|f| lit(&f.id));
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
                text-anchor={anchor}>{ t.place(p, g) }</text>
        })
    });
    // A scale bar in the lower right of the view, at most a fifth of it
    // wide, drawn at the same size on screen at any zoom.
    let (svx, svy, svw, svh) = view.view_box(f);
    let unit = 1.0 / view.zoom;
    let scale = kuril_core::geo::map::scale_bar(f, svw / 5.0).map(|(km, len)| {
        let (x0, y) = (svx + svw * 0.97 - len, svy + svh * 0.95);
        let (a, b) = (svg_int(x0), svg_int(x0 + len));
        let tick = svg_int(y - 40.0 * unit);
        html! {
            <g class="kw-scale" aria-hidden="true" font-size={svg_int(110.0 * unit)}>
                <line x1={a.clone()} x2={b.clone()} y1={svg_int(y)} y2={svg_int(y)} />
                <line x1={a.clone()} x2={a.clone()} y1={tick.clone()} y2={svg_int(y)} />
                <line x1={b.clone()} x2={b} y1={tick} y2={svg_int(y)} />
                <text x={a} y={svg_int(y - 60.0 * unit)} stroke-width={svg_int(20.0 * unit)}>{ t.fill("km", &[&km.to_string()]) }</text>
            </g>
        }
    });
    let MapGestures {
        zoom_in,
        zoom_out,
        reset,
        onkeydown,
        onwheel,
        ondblclick,
        onpointerdown,
        onpointermove,
        end_drag,
        onmouseleave,
        hint,
        ..
    } = gestures;
    let (vx, vy, vw, vh) = view.view_box(f);
    let view_box = format!(
        "{} {} {} {}",
        svg_int(vx),
        svg_int(vy),
        svg_int(vw),
        svg_int(vh)
    );
    // Labels keep their size on screen at any zoom.
    let label_size = svg_int(150.0 / view.zoom);
    let halo = svg_int(28.0 / view.zoom);
    let zoomed = view.zoom > 1.0;
    html! {
        <figure class="kw-map">
            <div class={classes!("kw-map-frame", zoomed.then_some("kw-zoomed"))} tabindex="0" {onkeydown} {onwheel} {onmouseleave}
                aria-label={t.get("map-keys")}>
                <svg viewBox={view_box} ref={svg} role="group" preserveAspectRatio="xMidYMid meet"
                    aria-label={t.get("map")}
                    {ondblclick} {onpointerdown} {onpointermove} onpointerup={end_drag.clone()} onpointercancel={end_drag.clone()} onpointerleave={end_drag}>
                    <rect class="kw-sea" x="0" y="0" width={svg_int(f.width)} height={svg_int(f.height)} />
                    <defs>
                        <pattern id={(*hatch).clone()} width="60" height="60" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <line class="kw-hatch-line" x1="0" y1="0" x2="0" y2="60" />
                        </pattern>
                    </defs>
                    <Land bundle={props.bundle.clone()} on_date={(*on_date).clone()}
                        highlight={props.highlight.clone()} hatch={AttrValue::from((*hatch).clone())}
                        on_click={open_place} on_key={props.on_place.clone()} {on_tip} />
                    <g class="kw-lines">{ for polylines }</g>
                    <g class="kw-labels" font-size={label_size} stroke-width={halo}>{ for labels }</g>
                    { scale.unwrap_or_default() }
                </svg>
                <LocatorInset bundle={props.bundle.clone()} highlight={props.highlight.clone()} />
                <div class="kw-map-tools">
                    <button type="button" class="kw-tool" aria-label={t.get("zoom-in")} onclick={zoom_in}>{ "+" }</button>
                    <button type="button" class="kw-tool" aria-label={t.get("zoom-out")} onclick={zoom_out} disabled={!zoomed}>{ "−" }</button>
                    <button type="button" class="kw-tool" aria-label={t.get("whole-map")} onclick={reset} disabled={!zoomed}>{ "⟲" }</button>
                </div>
                if hint { <p class="kw-hint-zoom" role="status">{ t.get("ctrl-scroll") }</p> }
                if let Some(name) = (*tip).clone() { <p class="kw-tip" aria-hidden="true">{ name }</p> }
            </div>
            if let Some(date) = props.date {
                <Legend bundle={props.bundle.clone()} on_date={(*on_date).clone()} {date} outlined={any_lit} />
            }
            // The map asset's credit, in the reader's language (a test keeps
            // the English form equal to the asset's).
            <figcaption class="kw-attrib">{ t.get("osm-credit") }</figcaption>
        </figure>
    }
}
