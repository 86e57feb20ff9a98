//! The map: land features from the map asset as SVG paths, coloured by
//! who held them on the selected date, the disputed islands named with both
//! sides' names, the selected event's places outlined, and a legend.

mod gestures;
mod land;
mod legend;
mod locator;
mod overlay;

pub use locator::{places_to_mark, LocatorInset, LocatorInsetProps};

use super::context::{svg_int, use_i18n, SharedBundle};
use gestures::{use_map_gestures, was_drag, MapGestures, Zoom};
use kuril_core::geo::labels;
use kuril_core::geo::map::{Frame, View};
use kuril_core::i18n::Words;
use kuril_core::time::date::Date;
use land::Land;
use legend::{use_legend, LegendProps};
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

// Long: one component's hooks and view in one place. Its parts are
// already hooks, helpers and children (use_map_gestures, use_legend,
// overlay's functions, Land, LocatorInset); a further split would be a
// component of its own, about 1 KB of lifecycle code in the reader's wasm,
// whose size must not grow.
#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    let g = &b.gazetteer;
    let f = &b.map.frame;
    let frame = *f;
    let hatch = use_hatch_id();
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
    // The labels and tap targets in the reader's language, as the core
    // laid them out at build time, and the narrow view's zoom, up to
    // which they grow as the map zooms.
    let placed = use_memo((props.bundle.clone(), i18n.lang), |(b, lang)| {
        labels::read(kuril_core::data::LABELS, &b.gazetteer, lang.code())
    });
    let u = labels::unit(view.zoom, placed.1);
    let any_lit = b.map.features.iter().any(|f| lit(&f.id));
    let legend = use_legend(LegendProps {
        bundle: props.bundle.clone(),
        on_date: (*on_date).clone(),
        date: props.date,
        outlined: any_lit,
    });
    let MapGestures {
        zoom,
        pointers: [onpointerdown, onpointermove, end_drag],
        onmouseleave,
        hint,
        ..
    } = gestures;
    let Zoom {
        zoom_in,
        zoom_out,
        reset,
        onkeydown,
        onwheel,
        ondblclick,
    } = zoom;
    let view_box = view_box_attr(&view, f);
    // The story's own places' names keep their size on screen at any zoom.
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
                    { overlay::targets(b, &placed.0, u, &open_place) }
                    <Land bundle={props.bundle.clone()} on_date={(*on_date).clone()}
                        highlight={props.highlight.clone()} hatch={AttrValue::from((*hatch).clone())}
                        on_click={open_place.clone()} on_key={props.on_place.clone()} {on_tip} />
                    { overlay::lines(b, &t, &on_date) }
                    { overlay::labels(b, &t, &lit, &placed.0, u, &open_place) }
                    <g class="kw-labels" font-size={label_size} stroke-width={halo}>{ overlay::points(b, &t, &lit, 1.0 / view.zoom) }</g>
                    { overlay::scale_bar(f, &view, &t) }
                </svg>
                <LocatorInset bundle={props.bundle.clone()} highlight={props.highlight.clone()} />
                { tools(&t, zoomed, [zoom_in, zoom_out, reset]) }
                if hint { <p class="kw-hint-zoom" role="status">{ t.get("ctrl-scroll") }</p> }
                if let Some(name) = (*tip).clone() { <p class="kw-tip" aria-hidden="true">{ name }</p> }
            </div>
            { legend }
            // The map asset's credit, in the reader's language (a test keeps
            // the English form equal to the asset's).
            <figcaption class="kw-attrib">{ t.get("osm-credit") }</figcaption>
        </figure>
    }
}

/// The map's zoom buttons: in, out and the whole map (the last two only
/// when zoomed).
fn tools(
    t: &Words<'_>,
    zoomed: bool,
    [zoom_in, zoom_out, reset]: [Callback<MouseEvent>; 3],
) -> Html {
    html! {
        <div class="kw-map-tools">
            <button type="button" class="kw-tool" aria-label={t.get("zoom-in")} onclick={zoom_in}>{ "+" }</button>
            <button type="button" class="kw-tool" aria-label={t.get("zoom-out")} onclick={zoom_out} disabled={!zoomed}>{ "−" }</button>
            <button type="button" class="kw-tool" aria-label={t.get("whole-map")} onclick={reset} disabled={!zoomed}>{ "⟲" }</button>
        </div>
    }
}

thread_local!(static NEXT_HATCH: Cell<u32> = const { Cell::new(0) });

/// The hatch pattern's id, unique on the page (two widgets may share it).
#[hook]
fn use_hatch_id() -> UseStateHandle<String> {
    use_state(|| format!("kw-hatch-{}", NEXT_HATCH.with(|n| n.replace(n.get() + 1))))
}

/// The ids widgets make count from 0 again on this thread: a build-time
/// render is then the same whatever was rendered before it (the publish
/// module makes one kit after another). Never in a page with widgets.
pub fn restart_ids() {
    NEXT_HATCH.set(0);
}

/// The `viewBox` of the `<svg>` showing `view`, in whole units.
fn view_box_attr(view: &View, f: &Frame) -> String {
    let (x, y, w, h) = view.view_box(f);
    [x, y, w, h].map(svg_int).join(" ")
}
