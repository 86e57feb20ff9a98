//! Where the map writes its labels and where a finger can open a place:
//! every labelled place's name placed so that no two labels' boxes meet,
//! and an invisible tap target of at least [`TARGET`] units around each
//! place too small to tap, laid out once for all widths.
//!
//! Everything here is in the map's SVG units, in which labels and targets
//! are drawn, so a layout that holds at one width holds at every width.
//! The smallest scale a reader meets is a phone's 320 px, where the map
//! frames [`narrow_view`] (the CSS crops the whole map to it,
//! `styles/widget.css`): there [`TARGET`] units are at least 24 CSS px
//! (WCAG 2.5.8), and every label of a place inside that view stays in it.
//! Zooming in never makes two boxes meet: the map scales labels and
//! targets by [`unit`], which grows no faster than the zoom.
//!
//! The layout runs natively: `cargo xtask labels` writes it for every
//! language as a table ([`table`], `data/map/labels.tsv`, kept current by
//! a test), which the map reads ([`read`]); the layout's code is not in
//! the reader's wasm.

mod rect;
mod table;

use crate::geo::gazetteer::Gazetteer;
use crate::geo::map::{rings, Frame, MapAsset, View};
pub use rect::Rect;
pub use table::{read, table};

/// A label's font size in SVG units (the map's labels at zoom 1).
pub const FONT: f64 = 150.0;
/// The side of a tap target, in SVG units: over 24 CSS px at the smallest
/// scale, a 302 px wide map (320 px widget) framing [`narrow_view`]
/// (24 × 6220 / 1.383 / 302 = 357).
pub const TARGET: f64 = 370.0;
/// The places the narrow view frames, with [`MARGIN`] units of sea around
/// them and room for labels east of the islands.
const FRAMED: [&str; 2] = ["hokkaido", "urup"];
const MARGIN: f64 = 150.0;
const EAST: f64 = 700.0;

/// The box of a feature's land, from its path data.
fn path_box(path: &str) -> Option<Rect> {
    let pts = rings(path).into_iter().flatten();
    pts.map(|(x, y)| Rect {
        x,
        y,
        w: 0.0,
        h: 0.0,
    })
    .reduce(Rect::union)
}

/// The box of a place's land: its feature's, or for a group (the Habomai
/// islets) its members' together.
pub fn land_box(map: &MapAsset, g: &Gazetteer, id: &str) -> Option<Rect> {
    (map.features.iter())
        .filter(|f| f.id == id || g.places.iter().any(|p| p.id == f.id && p.parent == id))
        .filter_map(|f| path_box(&f.path))
        .reduce(Rect::union)
}

/// The view a narrow widget opens on: Hokkaido to Urup, with sea around
/// them and room east of the islands for their labels, at the frame's
/// shape; the whole map if the asset lacks them.
pub fn narrow_view(map: &MapAsset, g: &Gazetteer) -> View {
    let f = &map.frame;
    let Some(b) = FRAMED
        .iter()
        .filter_map(|id| land_box(map, g, id))
        .reduce(Rect::union)
    else {
        return View::whole(f);
    };
    let w = b.w + 2.0 * MARGIN + EAST;
    let h = (b.h + 2.0 * MARGIN).max(w * f.height / f.width);
    let zoom = (f.width / w).min(f.height / h);
    View {
        cx: b.x - MARGIN + w / 2.0,
        cy: b.y + b.h / 2.0,
        zoom,
    }
    .clamp(f)
}

/// How much the labels and targets drawn at `zoom` are scaled (1 at the
/// whole map): they grow with the first steps of zoom up to the narrow
/// view's zoom, the size a phone shows them at, and then keep their size
/// on screen.
pub fn unit(zoom: f64, narrow: f64) -> f64 {
    // `within`, not `f64::clamp`, whose panic message would bring float
    // formatting into the reader's wasm.
    crate::text::within(zoom, 1.0, narrow.max(1.0)) / zoom.max(1.0)
}

/// A label to place: the gazetteer index of its place, its text, the
/// other side's name for a second line, and whether it is bold (a
/// disputed island's; its second line is not).
pub struct Name {
    pub place: usize,
    pub text: String,
    pub other: Option<String>,
    pub bold: bool,
}

/// The step from a label's first line to its second, in ems, and as the
/// map writes it (no float formatting in the reader's wasm).
pub const LINE: f64 = 1.15;
pub const LINE_DY: &str = "1.15em";

/// A placed label: its place, its first line's anchor point and
/// `text-anchor`, and its tap target (its text's box grown to [`TARGET`]
/// each way).
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub place: usize,
    pub at: (f64, f64),
    pub anchor: &'static str,
    pub target: Rect,
}

/// An invisible tap target around a place's small land.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub place: usize,
    pub area: Rect,
}

/// The map's labels and tap targets for one language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub labels: Vec<Placed>,
    pub hits: Vec<Hit>,
    /// Labels with no place free of the others, left out (the least
    /// important first: never a disputed island's while the data allows).
    pub dropped: Vec<usize>,
}

/// A text's width in ems as a sans-serif font sets it, erring wide: a
/// CJK character or full-width sign is one em, a space a third, anything
/// else 0.62 (0.68 bold).
pub fn width_em(text: &str, bold: bool) -> f64 {
    text.chars()
        .map(|c| match c {
            ' ' => 0.33,
            '\u{2E80}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
            _ if bold => 0.68,
            _ => 0.62,
        })
        .sum()
}

/// The box of a label set at `at` with `anchor`, `em` wide, of one or
/// two lines.
fn text_box((x, y): (f64, f64), anchor: &str, em: f64, two: bool) -> Rect {
    let w = em * FONT;
    let x = match anchor {
        "middle" => x - w / 2.0,
        "end" => x - w,
        _ => x,
    };
    Rect {
        x,
        y: y - 0.95 * FONT,
        w,
        h: (1.3 + if two { LINE } else { 0.0 }) * FONT,
    }
}

/// Lays out `names` (most important first) over `map`: the tap targets
/// of the small places, then each label at the first of its candidate
/// places (the gazetteer's, then shifted up or down, then beside its land
/// on each side) whose target meets no other label's target and no other
/// place's, and stays in the frame and, for a place inside
/// [`narrow_view`], in that view. Targets lie under the land, so a label's
/// may cover another place's land: a tap on that land opens that place.
pub fn layout(map: &MapAsset, g: &Gazetteer, names: &[Name]) -> Layout {
    let f = &map.frame;
    let narrow = view_rect(&narrow_view(map, g), f);
    let frame = Rect {
        x: 0.0,
        y: 0.0,
        w: f.width,
        h: f.height,
    };
    let labelled: Vec<(usize, Option<Rect>)> = (names.iter())
        .map(|n| (n.place, land_box(map, g, &g.places[n.place].id)))
        .collect();
    let mut out = Layout {
        hits: targets(&labelled, &[]),
        ..Layout::default()
    };
    let lands = &labelled;
    for n in names {
        let p = &g.places[n.place];
        let (Some(label), Some(point)) = (p.map_label, p.point) else {
            continue;
        };
        let (x, y) = map.to_svg(point);
        let land = lands.iter().find(|l| l.0 == n.place).and_then(|l| l.1);
        let inside = if narrow.holds(&Rect {
            x,
            y,
            w: 0.0,
            h: 0.0,
        }) {
            narrow
        } else {
            frame
        };
        let second = n.other.as_deref().map(|o| width_em(o, false));
        let em = width_em(&n.text, n.bold).max(second.unwrap_or(0.0));
        let free = |t: &Rect| {
            inside.holds(t)
                && !out.labels.iter().any(|o| o.target.meets(t))
                && !out
                    .hits
                    .iter()
                    .any(|h| h.place != n.place && h.area.meets(t))
        };
        let placed = candidates((x, y), (label.dx, label.dy, label.anchor), land)
            .map(|(at, anchor)| {
                let text = text_box(at, anchor, em, second.is_some());
                (at, anchor, text.at_least(TARGET))
            })
            .find(|c| free(&c.2));
        match placed {
            Some((at, anchor, target)) => out.labels.push(Placed {
                place: n.place,
                at,
                anchor,
                target,
            }),
            None => out.dropped.push(n.place),
        }
    }
    out
}

/// The targets of every other place the map draws than those `names`
/// labels (the chain's small islands), where one meets nothing `taken`
/// (the labels' targets in every language, the labelled places').
fn others(map: &MapAsset, g: &Gazetteer, names: &[Name], taken: &[Rect]) -> Vec<Hit> {
    let others: Vec<(usize, Option<Rect>)> = (0..g.places.len())
        .filter(|&i| !names.iter().any(|n| n.place == i))
        .filter(|&i| map.features.iter().any(|f| f.id == g.places[i].id))
        .map(|i| (i, land_box(map, g, &g.places[i].id)))
        .collect();
    targets(&others, taken)
}

/// The box `view` shows.
fn view_rect(v: &View, f: &Frame) -> Rect {
    let (x, y, w, h) = v.view_box(f);
    Rect { x, y, w, h }
}

/// Where a label may go, in order: the gazetteer's offset from the point,
/// that shifted down and up by half a target at a time, then beside the
/// place's land to the east, west, south and north.
fn candidates(
    (x, y): (f64, f64),
    (dx, dy, anchor): (f64, f64, &'static str),
    land: Option<Rect>,
) -> impl Iterator<Item = ((f64, f64), &'static str)> {
    let shifts = [0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0];
    let given = shifts.map(move |k| ((x + dx, y + dy + k * TARGET / 2.0), anchor));
    let l = land.unwrap_or(Rect {
        x,
        y,
        w: 0.0,
        h: 0.0,
    });
    let gap = FONT / 2.0;
    let mid = l.y + l.h / 2.0 + FONT / 3.0;
    let beside = [
        ((l.x + l.w + gap, mid), "start"),
        ((l.x - gap, mid), "end"),
        ((l.x + l.w / 2.0, l.y + l.h + gap + FONT), "middle"),
        ((l.x + l.w / 2.0, l.y - gap), "middle"),
    ];
    given.into_iter().chain(beside)
}

/// A target of [`TARGET`] units around each place whose land is smaller
/// both ways, holding its land, placed so that it meets no other place's
/// target nor anything `taken`: slid within its slack away from the other
/// small places first, then centred or the other way; none where no place
/// is free (its label carries its target, or a neighbour's is there).
fn targets(lands: &[(usize, Option<Rect>)], taken: &[Rect]) -> Vec<Hit> {
    let small: Vec<(usize, Rect)> = (lands.iter())
        .filter_map(|&(place, l)| Some((place, l.filter(|l| l.w < TARGET && l.h < TARGET)?)))
        .collect();
    let centre = |r: &Rect| (r.x + r.w / 2.0, r.y + r.h / 2.0);
    let mut hits: Vec<Hit> = Vec::new();
    for &(place, l) in &small {
        let (cx, cy) = centre(&l);
        // Away from the other small places near it.
        let (mut ax, mut ay) = (0.0, 0.0);
        for (_, o) in small.iter().filter(|(p, _)| *p != place) {
            let (ox, oy) = centre(o);
            if (ox - cx).hypot(oy - cy) < 2.0 * TARGET {
                (ax, ay) = (ax + cx - ox, ay + cy - oy);
            }
        }
        let area = l.at_least(TARGET);
        let (sx, sy) = ((area.w - l.w) / 2.0, (area.h - l.h) / 2.0);
        let steps = |a: f64| {
            let s = if a < 0.0 { -1.0 } else { 1.0 };
            [s, s / 2.0, 0.0, -s / 2.0, -s]
        };
        let tries = steps(ax)
            .into_iter()
            .flat_map(|kx| steps(ay).map(move |ky| (kx, ky)));
        let free = tries
            .map(|(kx, ky)| Rect {
                x: area.x + kx * sx,
                y: area.y + ky * sy,
                ..area
            })
            .find(|a| !hits.iter().any(|h| h.area.meets(a)) && !taken.iter().any(|t| t.meets(a)));
        if let Some(area) = free {
            hits.push(Hit { place, area });
        }
    }
    hits
}

/// A place's name as the map's label writes it: its own name, and the
/// other side's on a second line (`place-other`).
pub fn map_name(
    t: &crate::i18n::Words<'_>,
    p: &crate::geo::gazetteer::Place,
    g: &Gazetteer,
) -> (String, Option<String>) {
    let (own, other) = t.place_lines(p, g);
    (own, other.map(|o| t.fill("place-other", &[("other", &o)])))
}

/// The names the map labels, most important first: the disputed places,
/// then the others, each as `name` gives it.
pub fn names(
    g: &Gazetteer,
    name: impl Fn(&crate::geo::gazetteer::Place) -> (String, Option<String>),
) -> Vec<Name> {
    let labelled = |disputed: bool| {
        let name = &name;
        (g.places.iter().enumerate())
            .filter(move |(_, p)| {
                p.map_label.is_some() && g.is_within(&p.id, "disputed") == disputed
            })
            .map(move |(place, p)| {
                let (text, other) = name(p);
                Name {
                    place,
                    text,
                    other,
                    bold: disputed,
                }
            })
    };
    labelled(true).chain(labelled(false)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Bundle, Files};
    use crate::i18n::Lang;

    /// The layout of the bundled map's labels in `lang`, as the map draws
    /// them (`src/components/map/overlay.rs`).
    /// The layout in `lang` as the map reads it, from the committed table.
    fn laid_out(lang: Lang) -> (Bundle, Layout) {
        let b = Bundle::with_files(&Files::ALL, Bundle::load().unwrap().story).unwrap();
        let (l, _) = read(crate::data::LABELS, &b.gazetteer, lang.code());
        (b, l)
    }

    #[test]
    fn the_committed_table_is_the_layout_of_today() {
        let b = Bundle::load().unwrap();
        let ui = crate::i18n::Strings::parse(crate::data::UI).unwrap();
        assert!(
            table(&b.map, &b.gazetteer, &ui) == include_str!("../../../../../data/map/labels.tsv"),
            "data/map/labels.tsv is stale: run `cargo xtask labels`"
        );
        let (en, narrow) = read(crate::data::LABELS, &b.gazetteer, "en");
        assert!((narrow - narrow_view(&b.map, &b.gazetteer).zoom).abs() < 1e-3);
        assert!(en.labels.len() >= 8 && en.hits.len() >= 2, "{en:?}");
        // A row it cannot read is left out, the rest read.
        let (bad, _) = read("kind\tplace\tat\ttarget\nlabel en\titurup\tx y start\t1 2 3 4\nhit\tnowhere\t\t1 2 3 4\nhit\tshikotan\t\t1 2 3 4\n", &b.gazetteer, "en");
        assert_eq!((bad.labels.len(), bad.hits.len()), (0, 1));
    }

    #[test]
    fn no_two_labels_or_targets_meet_in_any_language() {
        for lang in Lang::ALL {
            let (b, l) = laid_out(lang);
            let g = &b.gazetteer;
            let id = |i: usize| g.places[i].id.as_str();
            for (i, a) in l.labels.iter().enumerate() {
                for c in &l.labels[i + 1..] {
                    assert!(
                        !a.target.meets(&c.target),
                        "{lang:?}: {} meets {}",
                        id(a.place),
                        id(c.place)
                    );
                }
                for h in l.hits.iter().filter(|h| h.place != a.place) {
                    assert!(
                        !a.target.meets(&h.area),
                        "{lang:?}: {} covers {}'s target",
                        id(a.place),
                        id(h.place)
                    );
                }
            }
            for (i, h) in l.hits.iter().enumerate() {
                assert!(h.area.w >= TARGET && h.area.h >= TARGET);
                assert!(l.hits[i + 1..].iter().all(|o| !o.area.meets(&h.area)));
            }
            // Every disputed place's label is there, inside the narrow view.
            let narrow = view_rect(&narrow_view(&b.map, g), &b.map.frame);
            for d in ["iturup", "kunashir", "shikotan", "habomai"] {
                let p = l.labels.iter().find(|p| id(p.place) == d);
                let p = p.unwrap_or_else(|| panic!("{lang:?}: no label for {d}: {l:?}"));
                assert!(
                    narrow.holds(&p.target),
                    "{lang:?}: {d} outside the narrow view"
                );
            }
            assert!(
                l.dropped.is_empty(),
                "{lang:?}: dropped {:?}",
                l.dropped.iter().map(|&i| id(i)).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_small_islands_get_targets_the_large_ones_do_not() {
        let (b, l) = laid_out(Lang::En);
        let ids: Vec<&str> = l
            .hits
            .iter()
            .map(|h| b.gazetteer.places[h.place].id.as_str())
            .collect();
        assert!(
            ids.contains(&"shikotan") && ids.contains(&"habomai"),
            "{ids:?}"
        );
        assert!(
            !ids.contains(&"iturup") && !ids.contains(&"hokkaido"),
            "{ids:?}"
        );
        // Each target holds its place's land.
        for h in &l.hits {
            let land = land_box(&b.map, &b.gazetteer, &b.gazetteer.places[h.place].id).unwrap();
            assert!(h.area.holds(&land));
        }
    }

    #[test]
    fn the_narrow_view_frames_hokkaido_to_urup() {
        let b = Bundle::load().unwrap();
        let v = narrow_view(&b.map, &b.gazetteer);
        let shown = view_rect(&v, &b.map.frame);
        for id in ["hokkaido", "urup", "iturup", "shikotan"] {
            assert!(
                shown.holds(&land_box(&b.map, &b.gazetteer, id).unwrap()),
                "{id}"
            );
        }
        assert!(v.zoom > 1.3, "{v:?}");
        assert!(!shown.holds(&land_box(&b.map, &b.gazetteer, "kamchatka").unwrap()));
    }

    #[test]
    fn unit_grows_with_zoom_up_to_the_narrow_view_then_holds_the_screen_size() {
        assert_eq!(unit(1.0, 1.5), 1.0);
        assert!((unit(1.2, 1.5) - 1.0).abs() < 1e-9);
        assert!((unit(3.0, 1.5) * 3.0 - 1.5).abs() < 1e-9);
        assert_eq!(unit(f64::NAN, 1.5), 1.0);
    }

    #[test]
    fn the_second_lines_step_is_written_as_it_is_computed() {
        assert_eq!(LINE_DY, format!("{LINE}em"));
    }

    #[test]
    fn widths_err_wide_for_each_script() {
        assert_eq!(width_em("色丹島", false), 3.0);
        assert!(width_em("Shikotan", true) > width_em("Shikotan", false));
        assert!((width_em("a b", false) - 1.57).abs() < 1e-9);
    }
}
