//! Quotations: where they open and close (curly and straight double quotes,
//! nested quotes, quotes that run on across paragraphs) and the words that
//! attribute them.

use super::Extractor;
use crate::names::tokens;
use kuril_core::story::{Quote, Warning};
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
            skip_first = matches!(block.chars().next(), Some('"' | '“' | '«' | '「'));
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
                '“' | '«' | '「' => true,
                '”' | '»' | '」' => false,
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

/// Whether quoted words are a name or a term rather than a quotation: at
/// most three words and 30 characters, and no sentence end; in Japanese,
/// written without spaces, no clause either (「、」) and no verb's or
/// adjective's ending in kana after six characters (「不法占拠」 and
/// 「えとぴりか」 are terms, 「展望を語れる状況にはない」 is said).
fn is_term(inner: &str) -> bool {
    let hiragana = |c: char| matches!(c as u32, 0x3041..=0x309F);
    let said = inner.chars().any(crate::names::is_cjk)
        && (inner.contains('、')
            || inner.chars().count() > 6 && inner.trim_end().ends_with(hiragana));
    inner.split_whitespace().count() <= 3
        && inner.chars().count() <= 30
        && !inner.contains(['.', '!', '?', '。', '！', '？'])
        && !said
}

/// Quotations with their speakers, in text order.
impl Extractor<'_> {
    pub(super) fn quotes(&mut self) -> Vec<Quote> {
        let (raw, unclosed) = find(self.text, &self.article.blocks);
        self.warnings
            .extend(unclosed.into_iter().map(|at| Warning::UnclosedQuote { at }));
        let mut out: Vec<Quote> = Vec::new();
        for (qi, q) in raw.iter().enumerate() {
            let (before, after) = self.around_quote(&raw, qi);
            // Japanese names the speaker before the quote and the verb after
            // it (ラブロフ外相は「…」と述べた): a verb after with nobody
            // there takes the person named before.
            // Nobody named there either: the person the sentence before
            // speaks of, or named earlier in this one (「林氏は…と強調。
            // 「…」とも述べた」), Japanese leaving out a subject it keeps.
            let ja = self.lang == "ja";
            let found = match self.attribution_in(after, q.open) {
                Some((None, attribution)) => {
                    let topic = || {
                        ja.then(|| self.person_before(self.sentence_before(q.open), q.open))
                            .flatten()
                    };
                    Some((self.person_in(before).or_else(topic), attribution))
                }
                None => self.attribution_in(before, q.open),
                found => found,
            };
            // A few words in quotation marks with nobody saying them are a
            // name or a term («Действующие лица», 「北方領土の日」), not a
            // quotation.
            if (found.is_none() && is_term(q.inner.of(self.text))) || self.is_a_name(q.inner) {
                continue;
            }
            // No attribution: it goes on from the quote before it; a
            // quotation that is a sentence of its own is the person the
            // sentence before speaks of («Путин подхватил его мысль.
            // «Так вот…»).
            let alone = || {
                let bare = |x: Span| !x.of(self.text).contains(char::is_alphanumeric);
                bare(before) && bare(after)
            };
            let (speaker, attribution) = found.unwrap_or_else(|| {
                // Japanese names who speaks before the quote (「Xは「…」と
                // …」) even where the verb is none of ours.
                if let Some(p) = ja.then(|| self.person_in(before)).flatten() {
                    return (Some(p), None);
                }
                let prev = out
                    .last()
                    .filter(|_| qi > 0 && raw[qi - 1].block + 1 >= q.block);
                let speaker = prev.and_then(|p| p.speaker.clone()).or_else(|| {
                    alone()
                        .then(|| self.person_before(self.sentence_before(q.open), q.open))
                        .flatten()
                });
                (speaker, None)
            });
            if speaker.is_none() {
                self.warnings
                    .push(Warning::UnattributedQuote { span: q.inner });
            }
            if let Some(s) = &speaker {
                self.quote_speakers.push((q.end, s.clone()));
            }
            out.push(Quote {
                span: q.inner,
                speaker,
                attribution,
            });
        }
        out
    }

    /// The text before quotation `qi` of `raw` back to the end of a
    /// sentence (`Lavrov noted: "`), and after it up to the end of one or
    /// the next quotation (`," he said.`).
    fn around_quote(&self, raw: &[RawQuote], qi: usize) -> (Span, Span) {
        let q = &raw[qi];
        let (block, open_block) = (
            self.article.blocks[q.block],
            self.article.blocks[q.open_block],
        );
        let stop = |c: char| matches!(c, '.' | '!' | '?' | '"' | '“' | '«' | '「' | '。');
        let part = |a: usize, b: usize| self.text.get(a..b).unwrap_or("");
        // After the quote: `," he said.`
        let next_open = raw
            .get(qi + 1)
            .filter(|n| n.open_block == q.block)
            .map_or(block.end, |n| n.open)
            .max(q.end);
        let after_end = part(q.end, next_open)
            .find(stop)
            .map_or(next_open, |i| q.end + i);
        let after = Span {
            start: q.end,
            end: after_end,
        };
        // Before it: `Lavrov noted: "`.
        let start = open_block.start.min(q.open);
        let before_start = part(start, q.open)
            .rfind(stop)
            .map_or(start, |i| start + i + 1);
        let before = Span {
            start: before_start,
            end: q.open,
        };
        (before, after)
    }

    /// Where the sentence before the one that holds byte `at` starts (the
    /// text's start for the first two).
    fn sentence_before(&self, at: usize) -> usize {
        let sentences = &self.article.sentences;
        let i = sentences.partition_point(|s| s.start <= at);
        sentences.get(i.saturating_sub(2)).map_or(0, |s| s.start)
    }

    /// Whether the quoted words are all one name the extractor knows
    /// («Действующие лица», «Россия-1»): a title, not a quotation.
    fn is_a_name(&self, inner: Span) -> bool {
        let quoted = inner.of(self.text);
        let edge = |c: char| !c.is_alphanumeric();
        let words = quoted.trim_start_matches(edge);
        let start = inner.start + quoted.len() - words.len();
        let end = start + words.trim_end_matches(edge).len();
        super::hits_starting_at(&self.hits, start).any(|h| h.span.end == end)
    }

    /// The attribution in `clause` ("he said", "Lavrov noted"), if a speech
    /// verb is there: who it names, resolved at the quote's opening `open`,
    /// and the words' span.
    fn attribution_in(&self, clause: Span, open: usize) -> Option<(Option<String>, Option<Span>)> {
        let (vi, vlen) = self.verb_in(clause)?;
        let vspan = Span {
            start: self.toks[vi].span.start,
            end: self.toks[vi + vlen - 1].span.end,
        };
        let subject = Span {
            start: clause.start,
            end: vspan.start,
        };
        let object = Span {
            start: vspan.end,
            end: clause.end,
        };
        let phrase = if subject
            .of(self.text)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
        {
            object
        } else {
            subject
        };
        let words = tokens(phrase.of(self.text));
        let attribution = match (words.first(), words.last()) {
            (Some(f), Some(l)) => Span {
                start: (phrase.start + f.span.start).min(vspan.start),
                end: (phrase.start + l.span.end).max(vspan.end),
            },
            _ => vspan,
        };
        Some((self.resolve(phrase, open), Some(attribution)))
    }
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
    fn guillemets_and_japanese_brackets() {
        let (q, u) = quoted("«Мы готовы», — заявил Лавров. 外相は「結果を認めよ」と述べた。");
        assert_eq!(q, ["Мы готовы", "結果を認めよ"]);
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
