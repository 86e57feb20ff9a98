//! The widget's style sheet (`styles/widget.css`), read for the card: the
//! light scheme's default colours (its first `.kw { --_name: var(--kw-name,
//! DEFAULT) }` block) and the rules whose selectors are plain classes and
//! tags (`.kw-land.kw-claimed`, `.kw-scale line`), so that the card's
//! shapes get the colours and strokes the widget gives them on the page.
//! What the browser's `getComputedStyle` does for the studio's picture,
//! for a page of our own whose selectors are this simple; rules with
//! anything else (`:focus`, `[role=button]`, `@media`) are left out.

use std::collections::BTreeMap;

/// The widget's style sheet.
pub const WIDGET_CSS: &str = include_str!("../../../styles/widget.css");

/// One compound of a selector: a tag (or any) and classes.
#[derive(Clone, Debug, PartialEq)]
struct Compound {
    tag: Option<String>,
    classes: Vec<String>,
}

/// A rule: its selector's compounds (descendants, left to right), its
/// declarations, and its place in the sheet.
#[derive(Clone, Debug)]
struct Rule {
    selector: Vec<Compound>,
    declarations: Vec<(String, String)>,
    order: usize,
}

/// The rules and colours of a style sheet.
#[derive(Clone, Debug)]
pub struct Sheet {
    vars: BTreeMap<String, String>,
    rules: Vec<Rule>,
}

/// An element as selectors see it: its tag and classes.
pub type Element<'a> = (&'a str, Vec<&'a str>);

/// Reads a compound such as `path.kw-land.kw-hl`; `None` for anything
/// this reader does not match.
fn compound(s: &str) -> Option<Compound> {
    if s.is_empty() || s.contains([':', '[', '>', '*', '+', '~', '#']) {
        return None;
    }
    let mut parts = s.split('.');
    let tag = parts.next().filter(|t| !t.is_empty()).map(String::from);
    let classes: Vec<String> = parts.map(String::from).collect();
    if classes.iter().any(String::is_empty) {
        return None;
    }
    Some(Compound { tag, classes })
}

/// `text` without its comments.
fn uncommented(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(a) = rest.find("/*") {
        out.push_str(&rest[..a]);
        rest = rest[a + 2..].split_once("*/").map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out
}

impl Sheet {
    /// Reads a sheet: the top-level rules (blocks inside `@` rules are
    /// skipped) and the first `.kw` block's colour defaults.
    pub fn parse(css: &str) -> Sheet {
        let css = uncommented(css);
        let mut vars = BTreeMap::new();
        let mut rules = Vec::new();
        let mut rest = css.as_str();
        while let Some(open) = rest.find('{') {
            let head = rest[..open].trim();
            // The block's end, nested blocks included.
            let mut depth = 0;
            let mut close = rest.len();
            for (i, c) in rest[open..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            close = open + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let body = &rest[open + 1..close.min(rest.len())];
            rest = rest.get(close + 1..).unwrap_or("");
            if head.starts_with('@') {
                continue;
            }
            let declarations: Vec<(String, String)> = body
                .split(';')
                .filter_map(|d| d.split_once(':'))
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .collect();
            if head == ".kw" && vars.is_empty() {
                for (k, v) in &declarations {
                    // `--_ink: var(--kw-ink, #1b1b1b)`: the default.
                    if let Some(d) = v.strip_prefix("var(").and_then(|v| v.strip_suffix(')')) {
                        if let Some((_, default)) = d.split_once(',') {
                            vars.insert(k.clone(), default.trim().to_string());
                        }
                    }
                }
            }
            for sel in head.split(',') {
                let compounds: Option<Vec<Compound>> =
                    sel.split_whitespace().map(compound).collect();
                if let Some(selector) = compounds.filter(|c| !c.is_empty()) {
                    rules.push(Rule {
                        selector,
                        declarations: declarations.clone(),
                        order: rules.len(),
                    });
                }
            }
        }
        Sheet { vars, rules }
    }

    /// The widget's sheet.
    pub fn widget() -> Sheet {
        Sheet::parse(WIDGET_CSS)
    }

    /// A colour default by its name (`--_japan`).
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// `value` with every `var(--_name)` replaced by its default.
    fn resolve(&self, value: &str) -> String {
        let mut out = value.to_string();
        while let Some(a) = out.find("var(") {
            let Some(len) = out[a..].find(')') else { break };
            let name = out[a + 4..a + len].split(',').next().unwrap_or("").trim();
            let v = self.vars.get(name).cloned().unwrap_or_default();
            out.replace_range(a..a + len + 1, &v);
        }
        out
    }

    /// The declarations that apply to the element `path[0]` inside
    /// `path[1..]` (innermost first), by specificity then order, each
    /// property's last value kept, colours resolved.
    pub fn style(&self, path: &[Element<'_>]) -> BTreeMap<String, String> {
        let matches = |c: &Compound, (tag, classes): &Element<'_>| {
            c.tag.as_deref().is_none_or(|t| t == *tag)
                && c.classes.iter().all(|k| classes.contains(&k.as_str()))
        };
        let mut hits: Vec<&Rule> = self
            .rules
            .iter()
            .filter(|r| {
                let (last, before) = r.selector.split_last().expect("not empty");
                let Some((me, up)) = path.split_first() else {
                    return false;
                };
                if !matches(last, me) {
                    return false;
                }
                // Each earlier compound matches some ancestor, in order.
                let mut up = up.iter();
                before.iter().rev().all(|c| up.any(|a| matches(c, a)))
            })
            .collect();
        let weight = |r: &Rule| {
            let classes: usize = r.selector.iter().map(|c| c.classes.len()).sum();
            let tags = r.selector.iter().filter(|c| c.tag.is_some()).count();
            (classes, tags, r.order)
        };
        hits.sort_by_key(|r| weight(r));
        let mut out = BTreeMap::new();
        for r in hits {
            for (k, v) in &r.declarations {
                out.insert(k.clone(), self.resolve(v));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widgets_colours_and_simple_rules_are_read() {
        let s = Sheet::widget();
        assert_eq!(s.var("--_japan"), Some("#a6d4f2"));
        assert_eq!(s.var("--_bg"), Some("#fff"));
        let land = s.style(&[("path", vec!["kw-land", "kw-held-japan", "kw-claimed"])]);
        assert_eq!(land["fill"], "#a6d4f2");
        assert_eq!(land["stroke"], "#0072b2");
        assert_eq!(land["stroke-dasharray"], "3 2");
        // The outline of the selected event's places wins over the claim's.
        let lit = s.style(&[("path", vec!["kw-land", "kw-claimed", "kw-hl"])]);
        assert_eq!(lit["stroke-dasharray"], "none");
        // A descendant rule.
        let scale = s.style(&[("line", vec![]), ("g", vec!["kw-scale"])]);
        assert_eq!(scale["stroke"], "#333");
        assert!(!s.style(&[("line", vec![])]).contains_key("stroke"));
    }

    #[test]
    fn at_rules_comments_and_other_selectors_are_left_out() {
        let s = Sheet::parse(
            "/* x { fill: red } */ .kw { --_a: var(--kw-a, #123); } @media print { .a { fill: red; } } \
             .a:focus, .b[x] { fill: blue; } .a { fill: var(--_a); }",
        );
        assert_eq!(s.style(&[("path", vec!["a"])])["fill"], "#123");
        assert!(s.style(&[("path", vec!["b"])]).is_empty());
    }
}
