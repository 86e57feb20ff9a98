//! HTML and SVG text: escaping what goes into the kit's pages, and a small
//! reader of the widget's own server-side render (well-formed, every text
//! escaped by Yew), for the card: tags with their attributes and where
//! they are, text between them.

/// `s` safe as an HTML or SVG text or a double-quoted attribute's value
/// (every attribute the kit writes is double-quoted).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Text with its character references decoded (those Yew writes, and
/// numeric ones).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|e| *e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            n => n
                .strip_prefix("#x")
                .or_else(|| n.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A piece of markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>` (`closed`: `<name/>`, or an HTML void element).
    Open {
        name: &'a str,
        attrs: &'a str,
        closed: bool,
    },
    Close(&'a str),
    Text(&'a str),
}

/// HTML's void elements, which have no closing tag.
const VOID: [&str; 8] = ["br", "hr", "img", "input", "link", "meta", "source", "wbr"];

/// The tokens of `html` with the byte offset each starts at, comments
/// left out.
pub fn tokens(html: &str) -> Vec<(usize, Token<'_>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < html.len() {
        let rest = &html[at..];
        if let Some(body) = rest.strip_prefix("<!--") {
            at += 4 + body.find("-->").map_or(body.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('<') {
            // A tag that never ends is the text it is.
            let Some(end) = rest.find('>') else {
                out.push((at, Token::Text(rest)));
                break;
            };
            let inner = &rest[1..end];
            if let Some(name) = inner.strip_prefix('/') {
                out.push((at, Token::Close(name.trim())));
            } else if !inner.starts_with('!') {
                let (inner, slash) = match inner.strip_suffix('/') {
                    Some(i) => (i, true),
                    None => (inner, false),
                };
                let split = inner.find(char::is_whitespace).unwrap_or(inner.len());
                let name = &inner[..split];
                out.push((
                    at,
                    Token::Open {
                        name,
                        attrs: &inner[split..],
                        closed: slash || VOID.contains(&name),
                    },
                ));
            }
            at += end + 1;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push((at, Token::Text(&rest[..end])));
            at += end;
        }
    }
    out
}

/// The attributes of a tag, in order: (name, value unescaped; a bare
/// attribute has an empty value).
pub fn attributes(attrs: &str) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    let mut rest = attrs.trim_start();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let name = &rest[..end];
        rest = rest[end..].trim_start();
        if let Some(v) = rest.strip_prefix('=') {
            let v = v.trim_start();
            let (value, after) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = v[1..].find(q).map_or(v.len(), |c| c + 1);
                    (&v[1..close], v.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let e = v.find(char::is_whitespace).unwrap_or(v.len());
                    (&v[..e], &v[e..])
                }
            };
            out.push((name, unescape(value)));
            rest = after.trim_start();
        } else {
            out.push((name, String::new()));
        }
        if name.is_empty() {
            break;
        }
    }
    out
}

/// The value of the attribute `name`, if the tag has it.
pub fn attribute(attrs: &str, name: &str) -> Option<String> {
    attributes(attrs)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v)
}

/// Whether a tag's `class` holds `class`.
pub fn has_class(attrs: &str, class: &str) -> bool {
    attribute(attrs, "class").is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

/// The token index just past the element that opens at token `open`.
pub fn end_of(tokens: &[(usize, Token<'_>)], open: usize) -> usize {
    let mut depth = 0usize;
    for (i, (_, t)) in tokens.iter().enumerate().skip(open) {
        match t {
            Token::Open { closed: false, .. } => depth += 1,
            Token::Close(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        if i == open && depth == 0 {
            return i + 1;
        }
    }
    tokens.len()
}

/// The index of the first element from token `from` on, before `to`,
/// whose class holds `class`.
pub fn find_class(
    tokens: &[(usize, Token<'_>)],
    from: usize,
    to: usize,
    class: &str,
) -> Option<usize> {
    (from..to.min(tokens.len()))
        .find(|&i| matches!(tokens[i].1, Token::Open { attrs, .. } if has_class(attrs, class)))
}

/// The text inside tokens `from..to`, unescaped, spaces collapsed.
pub fn text(tokens: &[(usize, Token<'_>)], from: usize, to: usize) -> String {
    let raw: String = tokens[from..to.min(tokens.len())]
        .iter()
        .filter_map(|(_, t)| match t {
            Token::Text(s) => Some(unescape(s)),
            _ => None,
        })
        .collect();
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips() {
        let s = "a <b> & \"c\" 'd' — 択捉島";
        assert_eq!(unescape(&escape(s)), s);
        assert_eq!(unescape("&#x41;&#66;&bogus; & x"), "AB&bogus; & x");
    }

    #[test]
    fn reads_tags_texts_and_attributes_and_skips_comments() {
        let html = "<div class=\"a b\" data-x=\"1 &amp; 2\"><!--<[X]>--><p>Hi &lt;you&gt;</p><br><img src=x/></div>";
        let t = tokens(html);
        assert!(matches!(t[0].1, Token::Open { name: "div", .. }));
        let Token::Open { attrs, .. } = t[0].1 else {
            panic!()
        };
        assert_eq!(attribute(attrs, "data-x").as_deref(), Some("1 & 2"));
        assert!(has_class(attrs, "b") && !has_class(attrs, "c"));
        assert_eq!(end_of(&t, 0), t.len());
        let p = find_class(&t, 0, t.len(), "b").unwrap();
        assert_eq!(text(&t, p, end_of(&t, p)), "Hi <you>");
        assert_eq!(
            attributes(" hidden a='x y'"),
            vec![("hidden", String::new()), ("a", "x y".into())]
        );
    }
}
