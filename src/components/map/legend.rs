//! The map's legend on a date: who held the land (the holders the map
//! shows, named as on that date: the Soviet Union from 1922 to 1991), the
//! claim, the borders and lines of control in force, what the selected
//! event proposed, the outline of its places, and the grey of land outside
//! the story. It explains exactly what [`MapOnDate`] colours.

use super::land::holder_class;
use crate::components::context::{use_i18n, SharedBundle};
use kuril_core::geo::boundaries::LineKind;
use kuril_core::geo::colouring::MapOnDate;
use kuril_core::time::date::{Date, Precision};
use std::rc::Rc;
use yew::prelude::*;

/// The CSS class of a line's stroke (the map's line and the legend's
/// swatch).
pub fn line_class(k: LineKind) -> &'static str {
    match k {
        LineKind::Border => "kw-line-border",
        LineKind::Control => "kw-line-control",
    }
}

/// What the legend is drawn from.
pub struct LegendProps {
    pub bundle: SharedBundle,
    pub on_date: Rc<MapOnDate>,
    /// None: no date, no legend.
    pub date: Option<Date>,
    /// Whether any place is outlined (the selected event's).
    pub outlined: bool,
}

/// The legend, rendered with the map (a hook, not a component of its own:
/// it has no state, and a component costs the reader's wasm its own
/// lifecycle code).
#[hook]
pub fn use_legend(props: LegendProps) -> Html {
    let i18n = use_i18n();
    let t = i18n.words();
    let (b, legend) = (&props.bundle, &props.on_date.legend);
    let Some(d) = props.date.filter(|_| !legend.holders.is_empty()) else {
        return html! {};
    };
    let holders = legend.holders.iter().map(|h| {
        html! { <li><span class={classes!("kw-swatch", holder_class(*h))}></span>{ t.get(h.key(d)) }</li> }
    });
    let lines = props.on_date.lines.iter().filter_map(|&i| b.lines.get(i)).map(|l| {
        html! { <li><span class={classes!("kw-swatch-line", line_class(l.kind))}></span>{ t.own(&l.label) }</li> }
    });
    let proposed = legend.proposals.iter().filter_map(|&i| b.proposals.get(i));
    let title = if d.precision() == Precision::Day {
        "held-on"
    } else {
        "held-in"
    };
    html! {
        <div class="kw-legend">
            <p class="kw-legend-title">{ t.fill(title, &[("date", &t.date(d))]) }</p>
            <ul>
                { for holders }
                if legend.claimed { <li><span class="kw-swatch kw-claimed"></span>{ t.get("claimed-japan") }</li> }
                { for lines }
                for p in proposed {
                    <li><span class={classes!("kw-swatch", "kw-swatch-proposed")}></span>{ t.own(&p.label) }</li>
                }
                if props.outlined { <li><span class="kw-swatch kw-swatch-hl"></span>{ t.get("outlined") }</li> }
            </ul>
            <p class="kw-legend-note">{ t.get("grey") }</p>
        </div>
    }
}
