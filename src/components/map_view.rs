//! The map: land features from the map asset as SVG paths, coloured by
//! who held them on the selected date, the disputed islands named with both
//! sides' names, the selected event's places outlined, and a legend.

use super::land::{holder_class, Land};
use super::{svg_int, use_i18n, LocatorInset, SharedBundle};
use kuril_core::geo::boundaries::LineKind;
use kuril_core::geo::map::{Frame, View};
use kuril_core::time::date::Date;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Zoom step of the buttons, the keys and a double click.
const ZOOM_STEP: f64 = 1.6;
/// A pointer that moves further than this (CSS px) drags rather than clicks.
const DRAG_PX: f64 = 4.0;

/// The map point (SVG units) under client coordinates, for an `<svg>` that
/// shows `view` of frame `f`.
fn svg_point(svg: &NodeRef, view: &View, f: &Frame, client: (f64, f64)) -> Option<(f64, f64)> {
    let r = svg.cast::<web_sys::Element>()?.get_bounding_client_rect();
    if r.width() <= 0.0 || r.height() <= 0.0 {
        return None;
    }
    let (x, y, w, h) = view.view_box(f);
    Some((
        x + (client.0 - r.left()) / r.width() * w,
        y + (client.1 - r.top()) / r.height() * h,
    ))
}

/// Map units per CSS pixel for the `<svg>` showing `view`.
fn units_per_px(svg: &NodeRef, view: &View, f: &Frame) -> Option<f64> {
    let r = svg.cast::<web_sys::Element>()?.get_bounding_client_rect();
    (r.width() > 0.0).then(|| view.view_box(f).2 / r.width())
}

/// What the pointers on the map are doing.
#[derive(Default)]
struct Gesture {
    /// Pointers down (id, client x, y).
    pointers: Vec<(i32, (f64, f64))>,
    /// Where a one-pointer drag began and the view then.
    drag: Option<((f64, f64), View)>,
    /// Whether the pointer moved far enough that the click ending it is no
    /// click.
    dragged: bool,
    pinch: Option<Pinch>,
}

impl Gesture {
    /// With two pointers down: their midpoint and their distance.
    fn fingers(&self) -> Option<((f64, f64), f64)> {
        match self.pointers.as_slice() {
            [(_, a), (_, b), ..] => Some((
                ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
                (a.0 - b.0).hypot(a.1 - b.1),
            )),
            _ => None,
        }
    }
}

/// A two-finger gesture as it began: the view, the map point under the
/// fingers' midpoint, the midpoint (client px), the fingers' distance and
/// the view's scale.
#[derive(Clone, Copy)]
struct Pinch {
    view: View,
    at: (f64, f64),
    mid: (f64, f64),
    spread: f64,
    units_per_px: f64,
}

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
    let view = use_state(|| View::whole(&frame));
    let svg = use_node_ref();
    let hint = use_state_eq(|| false);
    // The name of the island under the pointer or with focus.
    let tip = use_state_eq(|| None::<AttrValue>);
    let gesture = use_mut_ref(Gesture::default);
    let zoom_by = {
        let view = view.clone();
        move |factor: f64| {
            let v = *view;
            view.set(v.zoom_at(&frame, factor, (v.cx, v.cy)));
        }
    };
    let zoom_in = {
        let z = zoom_by.clone();
        Callback::from(move |_: MouseEvent| z(ZOOM_STEP))
    };
    let zoom_out = {
        let z = zoom_by.clone();
        Callback::from(move |_: MouseEvent| z(1.0 / ZOOM_STEP))
    };
    let reset = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(View::whole(&frame)))
    };
    let onkeydown = {
        let (view, z) = (view.clone(), zoom_by.clone());
        Callback::from(move |e: KeyboardEvent| {
            let v = *view;
            let step = v.view_box(&frame).2 / 10.0;
            match e.key().as_str() {
                "ArrowLeft" => view.set(v.pan(&frame, -step, 0.0)),
                "ArrowRight" => view.set(v.pan(&frame, step, 0.0)),
                "ArrowUp" => view.set(v.pan(&frame, 0.0, -step)),
                "ArrowDown" => view.set(v.pan(&frame, 0.0, step)),
                "+" | "=" => z(ZOOM_STEP),
                "-" | "_" => z(1.0 / ZOOM_STEP),
                "0" => view.set(View::whole(&frame)),
                _ => return,
            }
            e.prevent_default();
        })
    };
    // The wheel zooms only with Ctrl or ⌘ held, so the page still scrolls.
    let onwheel = {
        let (view, svg, hint) = (view.clone(), svg.clone(), hint.clone());
        Callback::from(move |e: WheelEvent| {
            if !(e.ctrl_key() || e.meta_key()) {
                hint.set(true);
                return;
            }
            e.prevent_default();
            hint.set(false);
            let v = *view;
            let at = svg_point(&svg, &v, &frame, (e.client_x() as f64, e.client_y() as f64))
                .unwrap_or((v.cx, v.cy));
            let factor = if e.delta_y() < 0.0 {
                ZOOM_STEP
            } else {
                1.0 / ZOOM_STEP
            };
            view.set(v.zoom_at(&frame, factor, at));
        })
    };
    let ondblclick = {
        let (view, svg) = (view.clone(), svg.clone());
        Callback::from(move |e: MouseEvent| {
            let v = *view;
            let at = svg_point(&svg, &v, &frame, (e.client_x() as f64, e.client_y() as f64))
                .unwrap_or((v.cx, v.cy));
            view.set(v.zoom_at(&frame, ZOOM_STEP, at));
        })
    };
    // Pointers down on the map: one drags, two pinch.
    let onpointerdown = {
        let (view, svg, gesture) = (view.clone(), svg.clone(), gesture.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let at = (e.client_x() as f64, e.client_y() as f64);
            let g = &mut *gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.pointers.push((e.pointer_id(), at));
            g.dragged = false;
            g.drag = None;
            match g.fingers() {
                None => g.drag = Some((at, *view)),
                Some((mid, spread)) => {
                    // A second finger: the drag becomes a pinch.
                    let v = *view;
                    g.pinch = svg_point(&svg, &v, &frame, mid)
                        .zip(units_per_px(&svg, &v, &frame))
                        .map(|(at, units_per_px)| Pinch {
                            view: v,
                            at,
                            mid,
                            spread,
                            units_per_px,
                        });
                }
            }
        })
    };
    let onpointermove = {
        let (view, svg, gesture) = (view.clone(), svg.clone(), gesture.clone());
        Callback::from(move |e: PointerEvent| {
            let at = (e.client_x() as f64, e.client_y() as f64);
            let g = &mut *gesture.borrow_mut();
            if let Some(p) = g.pointers.iter_mut().find(|(id, _)| *id == e.pointer_id()) {
                p.1 = at;
            }
            if let (Some(p), Some((mid, spread))) = (g.pinch, g.fingers()) {
                e.prevent_default();
                g.dragged = true;
                let ratio = spread / p.spread.max(1.0);
                let shift = (mid.0 - p.mid.0, mid.1 - p.mid.1);
                view.set(p.view.pinch(&frame, p.at, ratio, shift, p.units_per_px));
                return;
            }
            let Some(((x0, y0), start)) = g.drag else {
                return;
            };
            let (dx, dy) = (at.0 - x0, at.1 - y0);
            if dx.hypot(dy) < DRAG_PX && !g.dragged {
                return;
            }
            g.dragged = true;
            let k = units_per_px(&svg, &start, &frame).unwrap_or(1.0);
            view.set(start.pan(&frame, -dx * k, -dy * k));
        })
    };
    let end_drag = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            let g = &mut *gesture.borrow_mut();
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.drag = None;
            g.pinch = None;
        })
    };
    let onmouseleave = {
        let hint = hint.clone();
        Callback::from(move |_: MouseEvent| hint.set(false))
    };
    let lit = |id: &str| props.highlight.iter().any(|h| g.is_within(id, h));
    // The map on the date, once for the land and its legend.
    let on_date = use_memo((props.date, props.event.clone()), |(date, event)| {
        Rc::new(b.map_on(*date, event.as_deref()))
    });
    let (shown, claimed) = (&on_date.legend.holders, on_date.legend.claimed);
    let proposed = on_date
        .legend
        .proposals
        .iter()
        .filter_map(|&i| b.proposals.get(i));
    // Opening a place: not by the click that ends a drag.
    let open_place = {
        let gesture = gesture.clone();
        use_callback(props.on_place.clone(), move |i: usize, on_place| {
            if !std::mem::take(&mut gesture.borrow_mut().dragged) {
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
                <title>{ t.own(&l.label) }</title>
            </polyline>
        }
    });
    let line_items = lines.iter().map(|l| {
        html! { <li><span class={classes!("kw-swatch-line", line_class(l.kind))}></span>{ t.own(&l.label) }</li> }
    });
    let any_lit = b.map.features.iter().any(|f| lit(&f.id));
    let legend = props.date.filter(|_| !shown.is_empty()).map(|d| {
        let items = shown.iter().map(|h| {
            html! { <li><span class={classes!("kw-swatch", holder_class(*h))}></span>{ t.get(h.key(d)) }</li> }
        });
        html! {
            <div class="kw-legend">
                <p class="kw-legend-title">{ t.fill(if d.precision() == kuril_core::time::date::Precision::Day { "held-on" } else { "held-in" }, &[&t.date(d)]) }</p>
                <ul>
                    { for items }
                    if claimed { <li><span class="kw-swatch kw-claimed"></span>{ t.get("claimed-japan") }</li> }
                    { for line_items }
                    for p in proposed {
                        <li><span class={classes!("kw-swatch", "kw-swatch-proposed")}></span>{ t.own(&p.label) }</li>
                    }
                    if any_lit { <li><span class="kw-swatch kw-swatch-hl"></span>{ t.get("outlined") }</li> }
                </ul>
                <p class="kw-legend-note">{ t.get("grey") }</p>
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
                if *hint { <p class="kw-hint-zoom" role="status">{ t.get("ctrl-scroll") }</p> }
                if let Some(name) = (*tip).clone() { <p class="kw-tip" aria-hidden="true">{ name }</p> }
            </div>
            { legend.unwrap_or_default() }
            // The map asset's credit, in the reader's language (a test keeps
            // the English form equal to the asset's).
            <figcaption class="kw-attrib">{ t.get("osm-credit") }</figcaption>
        </figure>
    }
}
