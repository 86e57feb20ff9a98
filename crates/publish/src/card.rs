//! The social card (1200×675, SVG): the widget's title, the opening event
//! with its date, the map on that date with its legend, and the credit,
//! drawn from the widget's own render (its map's SVG and its texts, in the
//! reader's language) with the colours and strokes of `widget.css`
//! written onto each shape ([`crate::css`]), so that any renderer draws it
//! as the page does: the browser for the studio's PNGs, resvg for the
//! command line's. Every text is set as text.

use crate::css::{Element, Sheet};
use crate::html::{attribute, attributes, end_of, escape, find_class, text, tokens, Token};
use std::collections::BTreeMap;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 675;
/// The map's box in the card.
const MAP: (f64, f64, f64, f64) = (40.0, 140.0, 720.0, 470.0);
/// The fonts, the system's first; Noto covers Cyrillic and Japanese where
/// the system has none of its own (resvg on a server).
pub const FONTS: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK JP', sans-serif";

/// The presentation properties written onto the map's shapes.
const PROPS: [&str; 13] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-linejoin",
    "stroke-linecap",
    "opacity",
    "paint-order",
    "font-size",
    "font-weight",
    "text-decoration",
];

/// How wide a character is, in columns (CJK: two).
fn columns(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115f
        | 0x2e80..=0xa4cf
        | 0xac00..=0xd7a3
        | 0xf900..=0xfaff
        | 0xfe30..=0xfe4f
        | 0xff00..=0xff60
        | 0xffe0..=0xffe6 => 2,
        _ => 1,
    }
}

/// `text` in lines of at most `width` columns: at spaces where there are
/// some, anywhere in text without them (Japanese).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w: usize = word.chars().map(columns).sum();
        if used > 0 && used + 1 + w <= width {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            if used + columns(c) > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += columns(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A length in CSS pixels as a number (`0.6px` is 0.6).
fn number(v: &str) -> Option<f64> {
    v.trim().trim_end_matches("px").parse().ok()
}

/// The map's SVG (`<svg …>…</svg>` from the render) with every shape's
/// style written on, placed in the card's map box.
fn map_svg(svg: &str, sheet: &Sheet) -> String {
    let toks = tokens(svg);
    let (mut vw, mut vh) = (1.0, 1.0);
    if let Some((_, Token::Open { attrs, .. })) = toks.first() {
        let vb: Vec<f64> = attribute(attrs, "viewBox")
            .unwrap_or_default()
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        if let [_, _, w, h] = vb[..] {
            (vw, vh) = (w, h);
        }
    }
    // A stroke that keeps its width on screen keeps it on the card.
    let scale = (MAP.2 / vw).min(MAP.3 / vh);
    let mut out = String::with_capacity(svg.len());
    let mut stack: Vec<(String, Vec<String>)> = Vec::new();
    let mut hidden_until: Option<usize> = None;
    for (i, (_, t)) in toks.iter().enumerate() {
        if hidden_until.is_some_and(|h| i < h) {
            continue;
        }
        match t {
            Token::Open {
                name,
                attrs,
                closed,
            } => {
                let classes: Vec<String> = attribute(attrs, "class")
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(String::from)
                    .collect();
                let mut path: Vec<Element<'_>> =
                    vec![(name, classes.iter().map(String::as_str).collect())];
                path.extend(
                    stack
                        .iter()
                        .rev()
                        .map(|(n, c)| (n.as_str(), c.iter().map(String::as_str).collect())),
                );
                let style = sheet.style(&path);
                if style.get("display").is_some_and(|d| d == "none") {
                    hidden_until = Some(end_of(&toks, i));
                    continue;
                }
                let kept = shape_attributes(attrs, &style, scale, i == 0);
                out.push('<');
                out.push_str(name);
                for (k, v) in &kept {
                    out.push_str(&format!(" {k}=\"{}\"", escape(v)));
                }
                out.push_str(if *closed { "/>" } else { ">" });
                if !closed {
                    stack.push((name.to_string(), classes));
                }
            }
            Token::Close(name) => {
                stack.pop();
                out.push_str(&format!("</{name}>"));
            }
            Token::Text(s) => out.push_str(s),
        }
    }
    out
}

/// A shape's attributes on the card: its own, less the page's
/// (classes, roles, `aria-` and `data-`), with its style's presentation
/// properties written on (a stroke that keeps its width on screen, at
/// `scale`, keeps it on the card); the map's root (`root`) placed in the
/// card's map box.
fn shape_attributes(
    attrs: &str,
    style: &BTreeMap<String, String>,
    scale: f64,
    root: bool,
) -> Vec<(String, String)> {
    let mut kept: Vec<(String, String)> = attributes(attrs)
        .into_iter()
        .filter(|(n, _)| {
            !matches!(*n, "class" | "tabindex" | "role")
                && !n.starts_with("aria-")
                && !n.starts_with("data-")
        })
        .map(|(n, v)| (n.to_string(), v))
        .collect();
    let fixed = style
        .get("vector-effect")
        .is_some_and(|v| v == "non-scaling-stroke");
    for p in PROPS {
        let Some(v) = style.get(p) else { continue };
        let v = match (p, number(v)) {
            ("stroke-width", Some(n)) if fixed => format!("{:.2}", n / scale),
            ("stroke-width" | "font-size", Some(n)) => format!("{n}"),
            _ => v.clone(),
        };
        kept.retain(|(n, _)| n != p);
        kept.push((p.to_string(), v));
    }
    if root {
        kept.retain(|(n, _)| {
            !matches!(
                n.as_str(),
                "x" | "y" | "width" | "height" | "preserveAspectRatio"
            )
        });
        let (x, y, w, h) = MAP;
        for (k, v) in [("x", x), ("y", y), ("width", w), ("height", h)] {
            kept.push((k.into(), format!("{v}")));
        }
        kept.push(("preserveAspectRatio".into(), "xMidYMid meet".into()));
    }
    kept
}

/// A text element.
fn text_el(x: f64, y: f64, size: u32, bold: bool, fill: &str, s: &str) -> String {
    let weight = if bold { " font-weight=\"700\"" } else { "" };
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{weight} fill=\"{}\">{}</text>",
        escape(fill),
        escape(s)
    )
}

/// The swatch of a legend key, drawn as its classes style it on the page.
fn swatch(classes: &[&str], sheet: &Sheet, x: f64, y: f64) -> String {
    let style = sheet.style(&[("span", classes.to_vec())]);
    // `border: 2px dashed #0072b2`, `border-top: …`, then `border-color`.
    let border = style
        .get("border-top")
        .or(style.get("border"))
        .cloned()
        .unwrap_or_default();
    let mut parts = border.split_whitespace();
    let width = parts.next().and_then(number).unwrap_or(0.0);
    let dashed = parts.next().is_some_and(|s| s == "dashed" || s == "dotted");
    let colour = style
        .get("border-color")
        .cloned()
        .or_else(|| parts.next().map(String::from))
        .unwrap_or_default();
    let dash = if dashed {
        " stroke-dasharray=\"6 4\""
    } else {
        ""
    };
    if classes.contains(&"kw-swatch-line") {
        return format!(
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\"{dash}/>",
            y - 6.0,
            x + 28.0,
            y - 6.0,
            escape(&colour)
        );
    }
    let background = style.get("background").cloned().unwrap_or_default();
    // A pattern (the proposal's hatching) is shown as its colour, light.
    let fill = match background.as_str() {
        b if b.starts_with('#') || b.starts_with("rgb") => format!("fill=\"{}\"", escape(b)),
        "transparent" | "" => "fill=\"none\"".to_string(),
        _ => format!("fill=\"{}\" fill-opacity=\"0.35\"", escape(&colour)),
    };
    let stroke = if width > 0.0 && !colour.is_empty() {
        format!(
            " stroke=\"{}\" stroke-width=\"{}\"{dash}",
            escape(&colour),
            width.max(1.0)
        )
    } else {
        String::new()
    };
    format!(
        "<rect x=\"{x}\" y=\"{}\" width=\"28\" height=\"18\" {fill}{stroke}/>",
        y - 16.0
    )
}

/// A card: its SVG, and what it shows in words (its `alt`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub svg: String,
    pub alt: String,
}

/// The legend of the render's tokens `toks` drawn onto `out` in the
/// card's right column, each key with its swatch: its title (empty: no
/// legend).
fn draw_legend(toks: &[(usize, Token<'_>)], sheet: &Sheet, ink: &str, out: &mut String) -> String {
    let n = toks.len();
    let mut y = 160.0;
    let mut legend = String::new();
    if let Some(l) = find_class(toks, 0, n, "kw-legend") {
        let end = end_of(toks, l);
        legend = find_class(toks, l, end, "kw-legend-title")
            .map(|i| text(toks, i, end_of(toks, i)))
            .unwrap_or_default();
        for line in wrap(&legend, 34) {
            *out += &text_el(790.0, y, 18, true, ink, &line);
            y += 24.0;
        }
        y += 8.0;
        let mut i = l;
        while let Some(li) = (i..end).find(|&k| matches!(toks[k].1, Token::Open { name: "li", .. }))
        {
            let li_end = end_of(toks, li);
            let classes = (li..li_end).find_map(|k| match toks[k].1 {
                Token::Open {
                    name: "span",
                    attrs,
                    ..
                } => attribute(attrs, "class"),
                _ => None,
            });
            if let Some(c) = classes {
                *out += &swatch(&c.split_whitespace().collect::<Vec<_>>(), sheet, 790.0, y);
            }
            for line in wrap(&text(toks, li, li_end), 30) {
                *out += &text_el(830.0, y, 16, false, ink, &line);
                y += 22.0;
            }
            y += 8.0;
            i = li_end;
        }
    }
    legend
}

/// The card of a render (`html`, the widget's root), in the render's own
/// language, with `credit` (the article: headline and publisher) in its
/// last line.
pub fn card(html: &str, credit: &str) -> Card {
    let sheet = Sheet::widget();
    let toks = tokens(html);
    let n = toks.len();
    let text_of = |from: usize, to: usize, class: &str| {
        find_class(&toks, from, to, class)
            .map(|i| text(&toks, i, end_of(&toks, i)))
            .unwrap_or_default()
    };
    let ink = sheet.var("--_ink").unwrap_or("#1b1b1b").to_string();
    let bg = sheet.var("--_bg").unwrap_or("#fff").to_string();
    let lang = find_class(&toks, 0, n, "kw-frame")
        .and_then(|i| match toks[i].1 {
            Token::Open { attrs, .. } => attribute(attrs, "lang"),
            _ => None,
        })
        .unwrap_or_else(|| "en".into());
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         font-family=\"{}\" lang=\"{}\"><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{}\"/>",
        escape(FONTS),
        escape(&lang),
        escape(&bg)
    );
    let title = text_of(0, n, "kw-title");
    out += &text_el(40.0, 58.0, 32, true, &ink, &title);
    // The opening event: its date and title, from its card.
    let card = find_class(&toks, 0, n, "kw-event-card");
    let sub = card.map_or(String::new(), |c| {
        let end = end_of(&toks, c);
        [text_of(c, end, "kw-date"), text_of(c, end, "kw-card-title")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(": ")
    });
    for (i, line) in wrap(&sub, 95).iter().take(2).enumerate() {
        out += &text_el(40.0, 92.0 + 24.0 * i as f64, 20, false, &ink, line);
    }
    // The map, as the widget draws it on the opening date.
    if let Some(m) = find_class(&toks, 0, n, "kw-map") {
        let end = end_of(&toks, m);
        if let Some(s) = (m..end).find(|&i| matches!(toks[i].1, Token::Open { name: "svg", .. })) {
            let stop = end_of(&toks, s);
            let to = toks.get(stop).map_or(html.len(), |(at, _)| *at);
            out += &map_svg(&html[toks[s].0..to], &sheet);
        }
    }
    // The legend, each key with its swatch.
    let legend = draw_legend(&toks, &sheet, &ink, &mut out);
    for (i, line) in wrap(credit, 130).iter().take(2).enumerate() {
        out += &text_el(40.0, 636.0 + 20.0 * i as f64, 14, false, &ink, line);
    }
    let alt = [title, sub, legend]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(". ");
    Card {
        svg: out + "</svg>",
        alt,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_inside_japanese() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(
            wrap("択捉島国後島色丹島", 6),
            ["択捉島", "国後島", "色丹島"]
        );
        assert!(wrap("", 5).is_empty());
    }

    #[test]
    fn the_maps_shapes_get_the_widgets_colours_and_lose_their_interaction() {
        let svg = "<svg viewBox=\"0 0 6220 4830\" role=\"group\" aria-label=\"Map\"><rect class=\"kw-sea\" width=\"1\"></rect>\
                   <path class=\"kw-land kw-held-russia kw-claimed\" tabindex=\"0\" role=\"button\" d=\"M0 0\"><title>Kunashir</title></path></svg>";
        let out = map_svg(svg, &Sheet::widget());
        assert!(out.contains("fill=\"#dce8f2\""), "{out}");
        assert!(out.contains("fill=\"#f5c97a\"") && out.contains("stroke=\"#0072b2\""));
        // 1.2 px on screen at the card's scale of the map.
        let scale = (720.0f64 / 6220.0).min(470.0 / 4830.0);
        assert!(
            out.contains(&format!("stroke-width=\"{:.2}\"", 1.2 / scale)),
            "{out}"
        );
        assert!(!out.contains("class=") && !out.contains("tabindex") && !out.contains("role="));
        assert!(out.starts_with("<svg viewBox=\"0 0 6220 4830\" x=\"40\" y=\"140\""));
        assert!(out.contains("<title>Kunashir</title>"));
    }
}
