//! The map's gestures as one hook: buttons, keys (arrows pan, + and −
//! zoom, 0 resets), Ctrl/⌘ + wheel, double click, one-pointer drag and
//! two-finger pinch, all changing the map's [`View`]. The maths is the
//! core's ([`View`]); this file only reads the pointer and the screen
//! rectangles of the `<svg>` and its frame (which show the stylesheet's
//! crop).

use kuril_core::geo::map::{Frame, View};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Zoom step of the buttons, the keys and a double click.
const ZOOM_STEP: f64 = 1.6;
/// A pointer that moves further than this (CSS px) drags rather than clicks.
const DRAG_PX: f64 = 4.0;

/// A screen rectangle: left, top, width, height in CSS px.
type Screen = (f64, f64, f64, f64);

fn rect(e: &web_sys::Element) -> Screen {
    let r = e.get_bounding_client_rect();
    (r.left(), r.top(), r.width(), r.height())
}

/// The view on screen and the rectangle showing it: the state's view in
/// the `<svg>`'s box; but where a narrow widget's CSS crops the whole map
/// to its narrow view (`styles/widget.css`: the `<svg>` wider than its
/// frame), the view its frame shows. `view` is the state's. Every gesture
/// starts from what it returns, so the first zoom or pan from the narrow
/// view goes on from what is seen.
fn on_screen(svg: &NodeRef, view: View, f: &Frame) -> Option<(View, Screen)> {
    let el = svg.cast::<web_sys::Element>()?;
    let s = rect(&el);
    let p = rect(&el.parent_element()?);
    if s.2 <= p.2 + 1.0 {
        return Some((view, s));
    }
    let (cx, cy) = view.point_at(
        f,
        s,
        (p.0 + p.2 / 2.0, p.1 + p.2 * f.height / f.width / 2.0),
    )?;
    let zoom = s.2 / p.2;
    Some((
        View { cx, cy, zoom }.clamp(f),
        (p.0, p.1, p.2, p.2 * f.height / f.width),
    ))
}

thread_local! {
    /// The zoom of the narrow view the stylesheet crops the map to at rest
    /// (`styles/widget.css`), once a gesture has started from it; 0 before.
    static CROP: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// A new zoom: where the map is cropped at rest, a view showing more than
/// the narrow view is the map at rest (which shows the narrow view), so
/// zooming out ends there rather than show more and then snap back.
fn settle(v: View, f: &Frame) -> View {
    if v.zoom < CROP.get() - 1e-3 {
        View::whole(f)
    } else {
        v
    }
}

/// The view on screen (see [`on_screen`]).
fn shown(svg: &NodeRef, view: View, f: &Frame) -> View {
    on_screen(svg, view, f).map_or(view, |s| s.0)
}

/// The map point (SVG units) under client coordinates.
fn svg_point(svg: &NodeRef, view: &View, f: &Frame, client: (f64, f64)) -> Option<(f64, f64)> {
    let (v, r) = on_screen(svg, *view, f)?;
    v.point_at(f, r, client)
}

/// Map units per CSS pixel for the `<svg>` showing `view`.
fn units_per_px(svg: &NodeRef, view: &View, f: &Frame) -> Option<f64> {
    let (v, r) = on_screen(svg, *view, f)?;
    v.units_per_px(f, r.2)
}

/// What the pointers on the map are doing.
#[derive(Default)]
pub struct Gesture {
    /// Pointers down (id, client x, y).
    pointers: Vec<(i32, (f64, f64))>,
    /// Where a one-pointer drag began, the view on screen then and its
    /// map units per CSS px.
    drag: Option<((f64, f64), View, f64)>,
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

/// The map's view and the handlers that change it.
pub struct MapGestures {
    pub view: UseStateHandle<View>,
    /// Whether to show the "Ctrl + scroll" hint.
    pub hint: bool,
    pub zoom: Zoom,
    /// Pointers on the map: (down, move, up/cancel/leave).
    pub pointers: [Callback<PointerEvent>; 3],
    pub onmouseleave: Callback<MouseEvent>,
    /// The pointers' state, for [`MapGestures::was_drag`].
    pub gesture: Rc<RefCell<Gesture>>,
}

/// Whether the click now ending a press ends a drag (asked once per click:
/// it forgets the drag).
pub fn was_drag(gesture: &Rc<RefCell<Gesture>>) -> bool {
    std::mem::take(&mut gesture.borrow_mut().dragged)
}

/// The map's gestures over `frame`, for the `<svg>` at `svg`.
#[hook]
pub fn use_map_gestures(frame: Frame, svg: NodeRef) -> MapGestures {
    let view = use_state(|| View::whole(&frame));
    let hint = use_state_eq(|| false);
    let gesture = use_mut_ref(Gesture::default);
    let zoom = zoom_handlers(frame, &view, &svg, &hint);
    let (down, moved, end) = pointer_handlers(frame, &view, &svg, &gesture);
    let onmouseleave = {
        let hint = hint.clone();
        Callback::from(move |_: MouseEvent| hint.set(false))
    };
    MapGestures {
        view,
        hint: *hint,
        zoom,
        pointers: [down, moved, end],
        onmouseleave,
        gesture,
    }
}

/// The handlers that zoom and pan by buttons, keys, wheel and double click.
pub struct Zoom {
    pub zoom_in: Callback<MouseEvent>,
    pub zoom_out: Callback<MouseEvent>,
    pub reset: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    pub onwheel: Callback<WheelEvent>,
    pub ondblclick: Callback<MouseEvent>,
}

// Long: one callback per input (buttons, keys, wheel, double click), each
// a few lines over the same view and frame; split, the set would be
// scattered, and each piece would be code of its own in the reader's
// wasm, whose size must not grow.
fn zoom_handlers(
    frame: Frame,
    view: &UseStateHandle<View>,
    svg: &NodeRef,
    hint: &UseStateHandle<bool>,
) -> Zoom {
    let zoom_by = {
        let (view, svg) = (view.clone(), svg.clone());
        move |factor: f64| {
            let v = shown(&svg, *view, &frame);
            view.set(settle(v.zoom_at(&frame, factor, (v.cx, v.cy)), &frame));
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
        let (view, z, svg) = (view.clone(), zoom_by.clone(), svg.clone());
        Callback::from(move |e: KeyboardEvent| {
            let v = shown(&svg, *view, &frame);
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
            let factor = if e.delta_y() < 0.0 {
                ZOOM_STEP
            } else {
                1.0 / ZOOM_STEP
            };
            zoom_about(
                &svg,
                &view,
                frame,
                (e.client_x() as f64, e.client_y() as f64),
                factor,
            );
        })
    };
    let ondblclick = {
        let (view, svg) = (view.clone(), svg.clone());
        Callback::from(move |e: MouseEvent| {
            zoom_about(
                &svg,
                &view,
                frame,
                (e.client_x() as f64, e.client_y() as f64),
                ZOOM_STEP,
            );
        })
    };
    Zoom {
        zoom_in,
        zoom_out,
        reset,
        onkeydown,
        onwheel,
        ondblclick,
    }
}

/// Zooms the view on screen by `factor` about the map point under the
/// screen point `client` (its centre where there is none).
fn zoom_about(
    svg: &NodeRef,
    view: &UseStateHandle<View>,
    f: Frame,
    client: (f64, f64),
    factor: f64,
) {
    let v = shown(svg, **view, &f);
    let at = svg_point(svg, view, &f, client).unwrap_or((v.cx, v.cy));
    view.set(settle(v.zoom_at(&f, factor, at), &f));
}

/// The handlers of pointers on the map: one drags, two pinch; (down, move,
/// end).
// Long: three callbacks over one gesture state, each a few lines; split,
// each would be code of its own in the reader's wasm.
fn pointer_handlers(
    frame: Frame,
    view: &UseStateHandle<View>,
    svg: &NodeRef,
    gesture: &Rc<RefCell<Gesture>>,
) -> (
    Callback<PointerEvent>,
    Callback<PointerEvent>,
    Callback<PointerEvent>,
) {
    // Pointers down on the map: one drags, two pinch.
    let onpointerdown = {
        let (view, svg, gesture) = (view.clone(), svg.clone(), gesture.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            let at = (e.client_x() as f64, e.client_y() as f64);
            let g = &mut *gesture.borrow_mut();
            // A primary pointer starts afresh: one whose end the map
            // missed (its target re-rendered) is no finger still down.
            if e.is_primary() {
                g.pointers.clear();
            }
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.pointers.push((e.pointer_id(), at));
            g.dragged = false;
            g.drag = None;
            match g.fingers() {
                None => {
                    let k = units_per_px(&svg, &view, &frame).unwrap_or(1.0);
                    g.drag = Some((at, shown(&svg, *view, &frame), k));
                }
                Some((mid, spread)) => {
                    // A second finger: the drag becomes a pinch.
                    g.pinch = svg_point(&svg, &view, &frame, mid)
                        .zip(units_per_px(&svg, &view, &frame))
                        .map(|(at, units_per_px)| Pinch {
                            view: shown(&svg, *view, &frame),
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
        let (view, gesture) = (view.clone(), gesture.clone());
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
                view.set(settle(
                    p.view.pinch(&frame, p.at, ratio, shift, p.units_per_px),
                    &frame,
                ));
                return;
            }
            let Some(((x0, y0), start, k)) = g.drag else {
                return;
            };
            let (dx, dy) = (at.0 - x0, at.1 - y0);
            if dx.hypot(dy) < DRAG_PX && !g.dragged {
                return;
            }
            g.dragged = true;
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
    (onpointerdown, onpointermove, end_drag)
}
