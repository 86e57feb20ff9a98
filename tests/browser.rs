//! Browser tests of the wasm build (wasm-bindgen-test in headless Chromium):
//! the widget mounted in a real DOM, driven by clicks and key presses.

#![cfg(target_arch = "wasm32")]

use kuril_widget::components::App;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Yew render and run its effects (generously: a debug build of the
/// whole widget can take tens of milliseconds to render).
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(100)).await;
}

async fn mount() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    yew::Renderer::<App>::with_root(div.clone()).render();
    settle().await;
    div
}

fn find(root: &Element, css: &str) -> HtmlElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .unwrap()
}

fn find_svg(root: &Element, css: &str) -> web_sys::SvgElement {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .dyn_into()
        .unwrap()
}

/// A click as a reader's would be: it bubbles to Yew's listener.
fn click(target: &web_sys::EventTarget) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("click", &init).unwrap())
        .unwrap();
}

fn selected(root: &Element) -> String {
    find(root, ".kw-event[aria-pressed='true']")
        .dataset()
        .get("event")
        .unwrap()
}

async fn press(target: &web_sys::EventTarget, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_selection_and_focus_follows() {
    let w = mount().await;
    let b = find(&w, ".kw-event[data-event='joint-declaration-1956']");
    b.click();
    b.focus().unwrap();
    settle().await;
    press(&b, "ArrowRight").await;
    assert_eq!(selected(&w), "joint-declaration-in-force-1956");
    let active = document().active_element().unwrap();
    assert_eq!(
        active.get_attribute("data-event").as_deref(),
        Some("joint-declaration-in-force-1956")
    );
    press(&active.dyn_into().unwrap(), "Home").await;
    assert_eq!(selected(&w), "shimoda-1855");
    let active: HtmlElement = document().active_element().unwrap().dyn_into().unwrap();
    press(&active, "ArrowLeft").await;
    assert_eq!(selected(&w), "shimoda-1855", "stays on the first event");
    press(&active, "x").await;
    assert_eq!(selected(&w), "shimoda-1855", "other keys do nothing");
    press(&active, "End").await;
    assert_eq!(selected(&w), "talks-suspended-2022");
    // The previous and next buttons step too.
    find(&w, ".kw-tool[aria-label='Previous event']").click();
    settle().await;
    assert_eq!(selected(&w), "singapore-2018");
    find(&w, ".kw-tool[aria-label='Next event']").click();
    settle().await;
    assert_eq!(selected(&w), "talks-suspended-2022");
    assert!(find(&w, ".kw-tool[aria-label='Next event']").has_attribute("disabled"));
    w.remove();
}

#[wasm_bindgen_test]
async fn two_widgets_on_one_page_are_independent() {
    let (a, b) = (mount().await, mount().await);
    find(&a, ".kw-event[data-event='un-charter-1945']").click();
    settle().await;
    let key_target = find(&b, ".kw-event[aria-pressed='true']");
    press(&key_target, "Home").await;
    assert_eq!(selected(&a), "un-charter-1945");
    assert_eq!(selected(&b), "shimoda-1855");
    press(&find(&a, ".kw-event[aria-pressed='true']"), "End").await;
    assert_eq!(selected(&a), "talks-suspended-2022");
    assert_eq!(
        selected(&b),
        "shimoda-1855",
        "a key in one widget moved the other"
    );
    a.remove();
    b.remove();
}

#[wasm_bindgen_test]
async fn a_place_opens_its_card_by_click_or_key_and_closes() {
    let w = mount().await;
    click(&find_svg(&w, ".kw-map path[data-place='kunashir']"));
    settle().await;
    let card = find(&w, ".kw-island").text_content().unwrap();
    assert!(
        card.contains("Кунашир") && card.contains("国後島"),
        "{card}"
    );
    assert!(
        w.query_selector(".kw-card:not(.kw-island)")
            .unwrap()
            .is_none(),
        "the event card gives way"
    );
    find(&w, ".kw-close").click();
    settle().await;
    assert!(w.query_selector(".kw-island").unwrap().is_none());
    // The keyboard: focus shows the name as a tooltip; Enter opens the card.
    let iturup = find_svg(&w, ".kw-map path[data-place='iturup']");
    iturup.focus().unwrap();
    settle().await;
    assert_eq!(
        find(&w, ".kw-tip").text_content().unwrap(),
        "Iturup / Etorofu"
    );
    press(&iturup, "Enter").await;
    assert!(find(&w, ".kw-island")
        .text_content()
        .unwrap()
        .contains("Итуруп"));
    // Choosing an event brings its card back.
    find(&w, ".kw-event[data-event='un-charter-1945']").click();
    settle().await;
    assert!(w.query_selector(".kw-island").unwrap().is_none());
    w.remove();
}

/// The map's viewBox as numbers.
fn view_box(root: &Element) -> Vec<f64> {
    let svg = root.query_selector(".kw-map svg").unwrap().unwrap();
    svg.get_attribute("viewBox")
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn the_map_zooms_pans_and_resets_by_buttons_keys_and_wheel() {
    let w = mount().await;
    let whole = view_box(&w);
    let out = find(&w, ".kw-tool[aria-label='Zoom out']");
    assert!(
        out.has_attribute("disabled"),
        "nothing to zoom out of at first"
    );
    find(&w, ".kw-tool[aria-label='Zoom in']").click();
    settle().await;
    let zoomed = view_box(&w);
    assert!(zoomed[2] < whole[2] * 0.7, "{zoomed:?} vs {whole:?}");
    // Keys on the focused map: an arrow pans, 0 resets.
    let frame = find(&w, ".kw-map-frame");
    frame.focus().unwrap();
    press(&frame, "ArrowRight").await;
    let panned = view_box(&w);
    assert!(panned[0] > zoomed[0] && (panned[2] - zoomed[2]).abs() < 1.0);
    press(&frame, "0").await;
    assert_eq!(view_box(&w), whole);
    press(&frame, "+").await;
    assert!(view_box(&w)[2] < whole[2]);
    press(&frame, "0").await;
    // The wheel: alone it only shows a hint (the page scrolls); with Ctrl it zooms.
    let wheel = |ctrl: bool| {
        let init = web_sys::WheelEventInit::new();
        init.set_delta_y(-100.0);
        init.set_ctrl_key(ctrl);
        init.set_bubbles(true);
        init.set_cancelable(true);
        web_sys::WheelEvent::new_with_event_init_dict("wheel", &init).unwrap()
    };
    let svg = find_svg(&w, ".kw-map svg");
    svg.dispatch_event(&wheel(false)).unwrap();
    settle().await;
    assert_eq!(view_box(&w), whole);
    assert!(find(&w, ".kw-hint-zoom")
        .text_content()
        .unwrap()
        .contains("Ctrl + scroll"));
    svg.dispatch_event(&wheel(true)).unwrap();
    settle().await;
    assert!(view_box(&w)[2] < whole[2]);
    w.remove();
}

/// A pointer event of `kind` for pointer `id` at client `(x, y)`.
fn pointer(kind: &str, id: i32, touch: bool, (x, y): (f64, f64)) -> web_sys::PointerEvent {
    let init = web_sys::PointerEventInit::new();
    init.set_pointer_id(id);
    init.set_pointer_type(if touch { "touch" } else { "mouse" });
    init.set_is_primary(id == 1);
    init.set_client_x(x as i32);
    init.set_client_y(y as i32);
    init.set_bubbles(true);
    init.set_cancelable(true);
    web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap()
}

#[wasm_bindgen_test]
async fn two_fingers_pinch_to_zoom_and_one_pointer_drags() {
    let w = mount().await;
    let whole = view_box(&w);
    let svg = find_svg(&w, ".kw-map svg");
    let r = svg.get_bounding_client_rect();
    let (cx, cy) = (r.left() + r.width() / 2.0, r.top() + r.height() / 2.0);
    let send = |e: web_sys::PointerEvent| svg.dispatch_event(&e).unwrap();
    assert!(!find(&w, ".kw-map-frame").class_name().contains("kw-zoomed"));
    // Two fingers 100 px apart spread to 200 px: twice the zoom.
    send(pointer("pointerdown", 1, true, (cx - 50.0, cy)));
    send(pointer("pointerdown", 2, true, (cx + 50.0, cy)));
    send(pointer("pointermove", 2, true, (cx + 150.0, cy)));
    send(pointer("pointerup", 2, true, (cx + 150.0, cy)));
    send(pointer("pointerup", 1, true, (cx - 50.0, cy)));
    settle().await;
    let pinched = view_box(&w);
    assert!(
        (pinched[2] - whole[2] / 2.0).abs() <= 2.0,
        "{pinched:?} vs {whole:?}"
    );
    // Zoomed in, one finger pans the map rather than the page.
    assert!(find(&w, ".kw-map-frame").class_name().contains("kw-zoomed"));
    // A mouse drag to the left moves the view to the right.
    send(pointer("pointerdown", 1, false, (cx, cy)));
    send(pointer("pointermove", 1, false, (cx - 60.0, cy)));
    send(pointer("pointerup", 1, false, (cx - 60.0, cy)));
    settle().await;
    let dragged = view_box(&w);
    assert!(
        dragged[0] > pinched[0] && dragged[2] == pinched[2],
        "{dragged:?}"
    );
    w.remove();
}

#[wasm_bindgen_test]
async fn a_place_filters_the_timeline_and_its_events_select() {
    let w = mount().await;
    click(&find_svg(&w, ".kw-map path[data-place='kunashir']"));
    settle().await;
    // The open place's events are marked on the timeline.
    assert!(find(&w, ".kw-event[data-event='kunashir-shikotan-1945']")
        .class_name()
        .contains("kw-about"));
    find(&w, ".kw-toggle").click();
    settle().await;
    let listed: Vec<String> = (0..w.query_selector_all(".kw-event").unwrap().length())
        .filter_map(|i| w.query_selector_all(".kw-event").unwrap().item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok()?.get_attribute("data-event"))
        .collect();
    assert!(listed.contains(&"kunashir-shikotan-1945".to_string()));
    assert!(
        !listed.contains(&"joint-declaration-1956".to_string()),
        "{listed:?}"
    );
    assert!(find(&w, ".kw-filter")
        .text_content()
        .unwrap()
        .contains("Kunashir"));
    // An event from the place card: selected, and the map follows its date.
    find(&w, ".kw-about-list [data-event='kunashir-shikotan-1945']").click();
    settle().await;
    assert_eq!(selected(&w), "kunashir-shikotan-1945");
    assert!(find_svg(&w, ".kw-map path[data-place='kunashir']")
        .get_attribute("class")
        .unwrap()
        .contains("kw-held-russia"));
    // Next stays among Kunashir's events.
    find(&w, ".kw-tool[aria-label='Next event']").click();
    settle().await;
    let next = selected(&w);
    assert!(
        listed.contains(&next) && next != "kunashir-shikotan-1945",
        "{next}"
    );
    find(&w, ".kw-filter .kw-link").click();
    settle().await;
    assert!(w.query_selector(".kw-filter").unwrap().is_none());
    assert!(w
        .query_selector(".kw-event[data-event='joint-declaration-1956']")
        .unwrap()
        .is_some());
    w.remove();
}

/// The computed `flex-direction` of an element.
fn flex_direction(el: &Element) -> String {
    web_sys::window()
        .unwrap()
        .get_computed_style(el)
        .unwrap()
        .unwrap()
        .get_property_value("flex-direction")
        .unwrap()
}

#[wasm_bindgen_test]
async fn at_320_px_the_events_are_a_vertical_list_without_side_scroll() {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../styles/widget.css")));
    document().head().unwrap().append_child(&style).unwrap();
    let host = document().create_element("div").unwrap();
    host.set_attribute("style", "width: 320px").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let div = document().create_element("div").unwrap();
    host.append_child(&div).unwrap();
    yew::Renderer::<App>::with_root(div.clone()).render();
    settle().await;
    let list = find(&div, ".kw-events");
    // Rendering and its effects may take a few frames on a busy machine.
    for _ in 0..50 {
        if list.scroll_top() > 0 {
            break;
        }
        settle().await;
    }
    assert_eq!(flex_direction(&list), "column");
    let widget = find(&div, ".kw");
    assert!(
        widget.scroll_width() <= widget.client_width() + 1,
        "{} > {}",
        widget.scroll_width(),
        widget.client_width()
    );
    // The selected event is scrolled into the list's view.
    let sel = find(&div, ".kw-event[aria-pressed='true']");
    let (l, s) = (
        list.get_bounding_client_rect(),
        sel.get_bounding_client_rect(),
    );
    assert!(
        s.top() >= l.top() - 1.0 && s.bottom() <= l.bottom() + 1.0,
        "list {}..{} scrolled {}, selected {}..{}",
        l.top(),
        l.bottom(),
        list.scroll_top(),
        s.top(),
        s.bottom()
    );
    // Wide, the list scrolls sideways inside the widget; nothing grows
    // wider than the host (a long list once stretched the map).
    host.set_attribute("style", "width: 900px").unwrap();
    settle().await;
    assert_eq!(flex_direction(&list), "row");
    for part in [".kw", ".kw-map svg", ".kw-events"] {
        let w = div
            .query_selector(part)
            .unwrap()
            .unwrap()
            .get_bounding_client_rect()
            .width();
        assert!(w <= 900.0, "{part} is {w} px wide");
    }
    assert!(
        list.scroll_width() > list.client_width(),
        "the list scrolls"
    );
    host.remove();
    style.remove();
}

/// How many events the axis shows with a marker of their own.
fn single_markers(w: &Element) -> u32 {
    w.query_selector_all(".kw-axis circle[data-event]")
        .unwrap()
        .length()
}

/// How many events each cluster marker on the axis stands for.
fn cluster_counts(w: &Element) -> Vec<u32> {
    let c = w.query_selector_all(".kw-cluster").unwrap();
    (0..c.length())
        .filter_map(|i| {
            c.item(i)?
                .dyn_into::<Element>()
                .ok()?
                .get_attribute("data-count")?
                .parse()
                .ok()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn crowded_years_expand_and_even_spacing_separates_every_event() {
    let w = mount().await;
    let before = single_markers(&w);
    let crowded = w
        .query_selector(".kw-cluster[data-count='10']")
        .unwrap()
        .expect("1945 is one marker of ten events");
    assert!(
        find(&w, ".kw-tool-text").has_attribute("disabled"),
        "All years: nothing to undo"
    );
    click(&crowded);
    settle().await;
    assert!(!find(&w, ".kw-tool-text").has_attribute("disabled"));
    // The cluster opened: its events spread over several markers.
    let opened = cluster_counts(&w);
    assert!(opened.iter().all(|&c| c < 10), "{opened:?}");
    assert!(
        single_markers(&w) as usize + opened.len() >= 3,
        "{opened:?}"
    );
    // Opening the clusters in turn parts the 1945 events down to the day:
    // what still shares a marker then is one day's events, and a click on
    // it selects them in turn.
    for _ in 0..6 {
        match w.query_selector(".kw-cluster:not([data-day])").unwrap() {
            Some(c) => click(&c),
            None => break,
        }
        settle().await;
    }
    assert!(w
        .query_selector(".kw-cluster:not([data-day])")
        .unwrap()
        .is_none());
    {
        let c = w
            .query_selector(".kw-cluster")
            .unwrap()
            .expect("the end of the war and the surrender share 2 September 1945");
        assert_eq!(c.get_attribute("data-day").as_deref(), Some("1945-09-02"));
        click(&c);
        settle().await;
        let first = selected(&w);
        click(&w.query_selector(".kw-cluster").unwrap().unwrap());
        settle().await;
        let second = selected(&w);
        let mut both = [first, second];
        both.sort();
        assert_eq!(both, ["surrender-1945", "world-war-ii"]);
    }
    assert!(w
        .query_selector(".kw-axis circle[data-event='habomai-1945']")
        .unwrap()
        .is_some());
    find(&w, ".kw-tool-text").click();
    settle().await;
    assert_eq!(single_markers(&w), before, "all years again");
    // Even spacing: every event its own marker.
    let even = find(&w, ".kw-tool-text[aria-pressed]");
    even.click();
    settle().await;
    assert_eq!(even.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(w.query_selector(".kw-cluster").unwrap().is_none());
    let all = w.query_selector_all(".kw-event").unwrap().length();
    assert_eq!(single_markers(&w), all);
    // A marker selects its event.
    click(&find_svg(
        &w,
        ".kw-axis circle[data-event='portsmouth-1905']",
    ));
    settle().await;
    assert_eq!(selected(&w), "portsmouth-1905");
    w.remove();
}

#[wasm_bindgen_test]
async fn a_swipe_on_the_card_steps_and_a_drag_pans_the_zoomed_axis() {
    let w = mount().await;
    let card = find(&w, ".kw-event-card");
    let r = card.get_bounding_client_rect();
    let (x, y) = (r.left() + r.width() / 2.0, r.top() + 20.0);
    // Right to left: the next event; a short or vertical move does nothing.
    card.dispatch_event(&pointer("pointerdown", 1, true, (x, y)))
        .unwrap();
    card.dispatch_event(&pointer("pointerup", 1, true, (x - 120.0, y + 10.0)))
        .unwrap();
    settle().await;
    assert_eq!(selected(&w), "singapore-2018");
    let card = find(&w, ".kw-event-card");
    card.dispatch_event(&pointer("pointerdown", 1, true, (x, y)))
        .unwrap();
    card.dispatch_event(&pointer("pointerup", 1, true, (x + 20.0, y + 90.0)))
        .unwrap();
    settle().await;
    assert_eq!(selected(&w), "singapore-2018");
    card.dispatch_event(&pointer("pointerdown", 1, true, (x, y)))
        .unwrap();
    card.dispatch_event(&pointer("pointerup", 1, true, (x + 120.0, y)))
        .unwrap();
    settle().await;
    assert_eq!(selected(&w), "interview");
    // Zoom in on the years, then drag the axis to the right: earlier years.
    find(&w, ".kw-tool[aria-label='Zoom in on the years']").click();
    settle().await;
    let first_tick = |w: &Element| -> i32 {
        w.query_selector(".kw-tick text")
            .unwrap()
            .and_then(|t| t.text_content())
            .and_then(|t| t.parse().ok())
            .unwrap_or(0)
    };
    let before = first_tick(&w);
    let axis = find_svg(&w, ".kw-axis");
    let a = axis.get_bounding_client_rect();
    let mid = (a.left() + a.width() / 2.0, a.top() + a.height() / 2.0);
    axis.dispatch_event(&pointer("pointerdown", 1, false, mid))
        .unwrap();
    axis.dispatch_event(&pointer(
        "pointermove",
        1,
        false,
        (mid.0 + a.width() / 2.0, mid.1),
    ))
    .unwrap();
    axis.dispatch_event(&pointer(
        "pointerup",
        1,
        false,
        (mid.0 + a.width() / 2.0, mid.1),
    ))
    .unwrap();
    settle().await;
    let after = first_tick(&w);
    assert!(after < before, "ticks from {before} to {after}");
    w.remove();
}

/// The widget counts with the CLDR rules of `kuril_core::i18n`, natively
/// the same in the build-time render: they agree with the browser's own
/// `Intl.PluralRules` for every number a test cares about.
#[wasm_bindgen_test]
fn plural_rules_agree_with_the_browsers() {
    use kuril_core::i18n::{Lang, Plural};
    for lang in [Lang::En, Lang::Ru, Lang::Ja] {
        let locales = js_sys::Array::of1(&lang.code().into());
        let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
        for n in (0..=130).chain([1001, 1021, 1_000_000]) {
            let theirs = rules.select(n as f64).as_string().unwrap();
            let ours = match lang.plural(n) {
                Plural::One => "one",
                Plural::Few => "few",
                Plural::Many => "many",
                Plural::Other => "other",
            };
            assert_eq!(ours, theirs, "{} {n}", lang.code());
        }
    }
}
