//! The locator inset: a small polar view of the northern hemisphere with
//! the main map's area outlined and the other places the article names
//! (Moscow, Tokyo, the United States) marked, so a reader sees where the
//! islands lie in the world.

use crate::components::context::{svg_int, use_i18n, SharedBundle};
use kuril_core::geo::gazetteer::Place;
use kuril_core::geo::locator::label_places;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct LocatorInsetProps {
    pub bundle: SharedBundle,
    /// Gazetteer ids the selected event concerns: their markers stand out.
    pub highlight: Rc<Vec<String>>,
}

/// The places to mark: named in the article, with a point that the main
/// map does not show but the inset does.
pub fn places_to_mark(b: &kuril_core::data::Bundle) -> Vec<&Place> {
    b.gazetteer
        .places
        .iter()
        .filter(|p| b.story.mentions.iter().any(|m| m.place == p.id))
        .filter(|p| {
            p.point
                .is_some_and(|ll| !b.map.shows(ll) && b.locator.shows(ll))
        })
        .collect()
}

#[component]
pub fn LocatorInset(props: &LocatorInsetProps) -> Html {
    let b = &props.bundle;
    let i18n = use_i18n();
    let t = i18n.words();
    let l = &b.locator;
    let size = svg_int(l.size);
    let c = l.size / 2.0;
    // The main map's outline, its edges sampled (they curve in this view).
    let outline = use_memo(props.bundle.clone(), |b| {
        let f = &b.map.frame;
        let edge = |i: u32| {
            let t = i as f64 / 8.0;
            [
                (f.width * t, 0.0),
                (f.width, f.height * t),
                (f.width * (1.0 - t), f.height),
                (0.0, f.height * (1.0 - t)),
            ]
        };
        let mut pts: Vec<(f64, f64)> = Vec::new();
        for side in 0..4 {
            pts.extend((0..8).map(|i| edge(i)[side]));
        }
        pts.iter()
            .map(|&p| {
                let (x, y) = b.locator.to_svg(b.map.from_svg(p));
                format!("{},{}", svg_int(x), svg_int(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    });
    let places = places_to_mark(b);
    let names: Vec<String> = places.iter().map(|p| t.place(p, &b.gazetteer)).collect();
    // Names towards the middle, a line apart where markers are close (two
    // ems: Firefox boxes a Japanese name that tall).
    let points: Vec<(f64, f64)> = places
        .iter()
        .map(|p| l.to_svg(p.point.unwrap_or_default()))
        .collect();
    let at = label_places(&points, c, 54.0);
    let markers = (0..places.len()).map(|i| {
        let p = places[i];
        let lit = props
            .highlight
            .iter()
            .any(|h| b.gazetteer.is_within(&p.id, h));
        super::overlay::marker(
            "kw-locator-place",
            p,
            lit,
            points[i],
            5.0,
            Some(at[i]),
            names[i].clone(),
        )
    });
    let label = if names.is_empty() {
        t.get("locator")
    } else {
        t.fill("locator-with", &[("places", &t.list(&names))])
    };
    html! {
        <svg class="kw-locator" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={label}>
            <circle class="kw-locator-sea" cx={svg_int(c)} cy={svg_int(c)} r={svg_int(c)} />
            <path class="kw-locator-land" d={l.land.clone()} />
            <polygon class="kw-locator-area" points={(*outline).clone()} />
            <g font-size="26">{ for markers }</g>
        </svg>
    }
}
