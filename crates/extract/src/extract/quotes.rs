//! Quotations: where they open and close (curly and straight double quotes,
//! nested quotes, quotes that run on across paragraphs) and the words that
//! attribute them.

use kuril_core::text::Span;

/// A top-level quotation found in the text (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct RawQuote {
    /// The opening mark.
    pub open: usize,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// Just after the closing mark (or the block end if never closed).
    pub end: usize,
    /// Index of the block the quote ends in.
    pub block: usize,
    /// Index of the block the quote opens in (earlier if it runs on).
    pub open_block: usize,
}

fn is_opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | ':' | '“' | '"'))
}

/// Every top-level quotation, and the byte offsets of marks never closed.
/// A quote still open at the end of a paragraph runs on when the next
/// paragraph starts with an opening mark (the usual convention); otherwise
/// it is closed there and reported.
pub fn find(text: &str, blocks: &[Span]) -> (Vec<RawQuote>, Vec<usize>) {
    let mut quotes = Vec::new();
    let mut unclosed = Vec::new();
    // Opening offsets; the first is the top-level quote's.
    let mut stack: Vec<usize> = Vec::new();
    let mut open_block = 0;
    for (bi, b) in blocks.iter().enumerate() {
        // One walk over the block, with the characters either side: no
        // copy of the text (a copy per block cost memory and time).
        let block = b.of(text);
        let mut skip_first = false;
        if !stack.is_empty() {
            // Running on from the previous paragraph: this opening mark
            // continues the quote rather than nesting a new one.
            skip_first = matches!(block.chars().next(), Some('"' | '“'));
            if !skip_first {
                unclosed.push(stack[0]);
                stack.clear();
            }
        }
        let mut iter = block.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = iter.next() {
            let at = b.start + i;
            let next = iter.peek().map(|x| x.1);
            let before = prev.replace(c);
            if skip_first && i == 0 {
                continue;
            }
            let prev = before;
            let opening = match c {
                '“' => true,
                '”' => false,
                '"' => {
                    let opens =
                        is_opening_context(prev) && next.is_some_and(|n| !n.is_whitespace());
                    let closes = prev.is_some_and(|p| !p.is_whitespace());
                    match (opens, closes) {
                        (true, false) => true,
                        (false, true) => false,
                        // Ambiguous: close what is open, else open.
                        _ => stack.is_empty(),
                    }
                }
                _ => continue,
            };
            if opening {
                if stack.is_empty() {
                    open_block = bi;
                }
                stack.push(at);
            } else if let Some(open) = stack.pop() {
                if stack.is_empty() {
                    let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
                    quotes.push(RawQuote {
                        open,
                        inner: Span {
                            start: inner_start,
                            end: at,
                        },
                        end: at + c.len_utf8(),
                        block: bi,
                        open_block,
                    });
                }
            }
        }
    }
    if let Some(&open) = stack.first() {
        unclosed.push(open);
    }
    (quotes, unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Meta};

    fn quoted(text: &str) -> (Vec<String>, Vec<usize>) {
        let a = Article::new(text, Meta::default());
        let (q, u) = find(&a.text, &a.blocks);
        (
            q.iter().map(|q| q.inner.of(&a.text).to_string()).collect(),
            u,
        )
    }

    #[test]
    fn straight_and_curly_quotes_with_a_nested_term() {
        let (q, u) = quoted(
            "\"We are convinced that the islands they call \"Northern territories,\" which are ours, matter,\" he said. “Done,” she added.",
        );
        assert_eq!(q, ["We are convinced that the islands they call \"Northern territories,\" which are ours, matter,", "Done,"]);
        assert!(u.is_empty());
    }

    #[test]
    fn a_quote_runs_on_across_paragraphs() {
        let (q, u) = quoted("“First part.\n\n“Second part,” he said.\n\n“Next.”");
        assert_eq!(q.len(), 2);
        assert!(q[0].starts_with("First part.") && q[0].ends_with("Second part,"));
        assert_eq!(q[1], "Next.");
        assert!(u.is_empty());
    }

    #[test]
    fn reports_marks_never_closed() {
        let (q, u) = quoted("He said: “never closed.\n\nA new paragraph.");
        assert!(q.is_empty());
        assert_eq!(u.len(), 1);
        let (q, u) = quoted("6\" tall and \"odd");
        assert!(q.is_empty() || u.len() <= 1);
    }
}
