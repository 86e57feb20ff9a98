//! WCAG AA contrast of the widget's default colours, in the light and the
//! dark scheme, read from `styles/widget.css` (where each `--_name` has a
//! `light-dark(light, dark)` default).

use std::collections::HashMap;

/// name -> (light, dark) as RGB.
fn palette() -> HashMap<String, ([f64; 3], [f64; 3])> {
    let css = std::fs::read_to_string("styles/widget.css").unwrap();
    let mut out = HashMap::new();
    for line in css.lines() {
        let Some(rest) = line.trim().strip_prefix("--_") else {
            continue;
        };
        let Some((name, value)) = rest.split_once(':') else {
            continue;
        };
        let Some(inner) = value.split("light-dark(").nth(1) else {
            continue;
        };
        let inner = inner.trim_end_matches([')', ';', ' ']);
        // rgba() colours (halos, overlays) are not text colours: skipped.
        if inner.contains("rgba") {
            continue;
        }
        let (l, d) = inner.split_once(',').unwrap();
        out.insert(name.to_string(), (hex(l.trim()), hex(d.trim())));
    }
    out
}

fn hex(s: &str) -> [f64; 3] {
    let h = s.trim_start_matches('#');
    let h: String = if h.len() == 3 {
        h.chars().flat_map(|c| [c, c]).collect()
    } else {
        h.into()
    };
    let v = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap() as f64 / 255.0;
    [v(0), v(2), v(4)]
}

fn luminance(c: [f64; 3]) -> f64 {
    let lin = |v: f64| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

fn ratio(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_contrast_formula_matches_known_pairs() {
    assert!((ratio(hex("#000"), hex("#fff")) - 21.0).abs() < 1e-9);
    assert!((ratio(hex("#777777"), hex("#fff")) - 4.48).abs() < 0.01);
}

#[test]
fn text_colours_meet_wcag_aa_on_their_backgrounds_in_both_schemes() {
    let p = palette();
    assert!(p.len() > 25, "read {} colours", p.len());
    // (text, background) as the stylesheet pairs them.
    let pairs = [
        ("ink", "bg"),
        ("muted", "bg"),
        ("accent", "bg"),
        ("ink", "chip"),
        ("ink", "sel-bg"),
        ("ink", "card"),
        ("muted", "card"),
        ("accent", "card"),
        ("tag", "chip"),
        ("tag", "sel-bg"),
        ("ink", "mark"),
        ("ink", "pressed"),
        ("era-text", "era"),
        ("era-text", "era-alt"),
        ("error-text", "bg"),
        ("locator-text", "locator-sea"),
    ];
    let mut failures = Vec::new();
    for (fg, bg) in pairs {
        let (f, b) = (p[fg], p[bg]);
        for (scheme, x, y) in [("light", f.0, b.0), ("dark", f.1, b.1)] {
            let r = ratio(x, y);
            if r < 4.5 {
                failures.push(format!("{fg} on {bg} ({scheme}): {r:.2}"));
            }
        }
    }
    assert!(failures.is_empty(), "below 4.5:1: {failures:?}");
}
