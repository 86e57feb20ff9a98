//! The layout as a data file, `data/map/labels.tsv`: [`table`] writes
//! every language's (natively, `cargo xtask labels`), [`read`] reads one
//! language's back (the map, in the reader's wasm).

use super::{layout, map_name, names, narrow_view, others, Hit, Layout, Placed, Rect};
use crate::geo::gazetteer::Gazetteer;
use crate::geo::map::MapAsset;

/// The head of `data/map/labels.tsv`.
const HEAD: &str = "# Where the map writes its labels and its invisible tap targets, in SVG
# units, laid out by kuril_core::geo::labels from gazetteer.tsv, ui.tsv and
# the map asset. Written by `cargo xtask labels`; do not edit (a test keeps
# it current). The reader's wasm reads this table rather than lay out.
# narrow: the narrow view's zoom, in thousandths.
# hit: a place's target around its small land: x y width height.
# label: a language's label of a place: its anchor x y and text-anchor,
# then its target: x y width height.
kind\tplace\tat\ttarget
";

/// The layout of every language, as `data/map/labels.tsv` holds it
/// (whole units; the tap targets are the same in every language).
pub fn table(map: &MapAsset, g: &Gazetteer, ui: &crate::i18n::Strings) -> String {
    use std::fmt::Write;
    let r = |v: f64| v.round() as i64;
    let mut out = String::from(HEAD);
    let narrow = narrow_view(map, g).zoom;
    let _ = writeln!(out, "narrow\t\t{}\t", r(narrow * 1000.0));
    let id = |place: usize| &g.places[place].id;
    let mut labelled = Vec::new(); // the same places in every language
    let laid: Vec<(crate::i18n::Lang, Layout)> = (crate::i18n::Lang::ALL.into_iter())
        .map(|lang| {
            let t = ui.at(lang);
            let n = names(g, |p| map_name(&t, p, g));
            let l = layout(map, g, &n);
            labelled = n;
            (lang, l)
        })
        .collect();
    // The targets are the same in every language: the labelled places',
    // then the others' where they meet no language's labels.
    let mut hits = laid.first().map(|l| l.1.hits.clone()).unwrap_or_default();
    let taken: Vec<Rect> = (laid
        .iter()
        .flat_map(|l| l.1.labels.iter().map(|p| p.target)))
    .chain(hits.iter().map(|h| h.area))
    .collect();
    hits.extend(others(map, g, &labelled, &taken));
    for h in &hits {
        let a = h.area;
        let _ = writeln!(
            out,
            "hit\t{}\t\t{} {} {} {}",
            id(h.place),
            r(a.x),
            r(a.y),
            r(a.w),
            r(a.h)
        );
    }
    for (lang, l) in &laid {
        for p in &l.labels {
            let a = p.target;
            let _ = writeln!(
                out,
                "label {}\t{}\t{} {} {}\t{} {} {} {}",
                lang.code(),
                id(p.place),
                r(p.at.0),
                r(p.at.1),
                p.anchor,
                r(a.x),
                r(a.y),
                r(a.w),
                r(a.h)
            );
        }
    }
    out
}

/// The layout for the language `code` read from a table written by
/// [`table`], and the narrow view's zoom (1 if it lacks one). A row it
/// cannot read, or of a place the gazetteer lacks, is left out: the map
/// then lacks that label or target, and shows everything else.
pub fn read(table: &str, g: &Gazetteer, code: &str) -> (Layout, f64) {
    let mut out = Layout::default();
    let mut narrow = 1.0;
    let num = |f: Option<&str>| f.and_then(crate::text::decimal);
    let rect = |f: &str| {
        let mut n = f.split(' ');
        let [x, y, w, h] = [(); 4].map(|_| num(n.next()));
        Some(Rect {
            x: x?,
            y: y?,
            w: w?,
            h: h?,
        })
    };
    for row in crate::text::tsv(table).1 {
        let [kind, place, at, target] = row.fields[..] else {
            continue;
        };
        let place = g.places.iter().position(|p| p.id == place);
        let mut at = at.split(' ');
        match (kind, place, rect(target)) {
            ("narrow", _, _) => narrow = num(at.next()).map_or(1.0, |z| z / 1000.0),
            ("hit", Some(place), Some(area)) => out.hits.push(Hit { place, area }),
            (k, Some(place), Some(target)) if k.strip_prefix("label ") == Some(code) => {
                let (x, y) = (num(at.next()), num(at.next()));
                let anchor = match at.next() {
                    Some("middle") => "middle",
                    Some("end") => "end",
                    _ => "start",
                };
                if let (Some(x), Some(y)) = (x, y) {
                    out.labels.push(Placed {
                        place,
                        at: (x, y),
                        anchor,
                        target,
                    });
                }
            }
            _ => {}
        }
    }
    (out, narrow)
}
