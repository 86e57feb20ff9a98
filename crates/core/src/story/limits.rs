//! The limits within which a story is shown: they keep every render and
//! look-up of a story from a file quick, whatever the file holds.

use super::Story;
use thiserror::Error;

/// The longest article text a story may carry, in bytes (2 MiB). The
/// bundled article has 4 KB; a long feature has 50 KB.
pub const MAX_TEXT_BYTES: usize = 2 << 20;
/// The largest story file the widget reads, in bytes (4 MiB).
pub const MAX_STORY_FILE_BYTES: usize = 4 << 20;
/// The most events a story may have: the timeline draws each one, and
/// 10,000 of them held the page for 3 to 7 s in the browsers (500, a few
/// hundred milliseconds). The bundled story has 14.
pub const MAX_EVENTS: usize = 500;
/// The most places a story may carry beyond the widget's gazetteer
/// (`Story::places`): each is a look-up of every mention.
pub const MAX_PLACES: usize = 200;
/// The longest headline, title, name or role, in characters: the widget
/// shows them whole, and a title of a megabyte held the page for a second.
pub const MAX_LABEL_CHARS: usize = 1_000;
/// The most spans (sentences, mentions, evidence, quotes…) a story may
/// hold in all: what 2 MiB of text can give, and no more.
pub const MAX_SPANS: usize = 2_000_000;

/// Why a file is refused for its size, in the words the browser's capped
/// fetch uses too.
pub fn file_too_large(len: usize, max: usize) -> String {
    format!("the file is larger than {} MB ({len} bytes)", max >> 20)
}

/// A story beyond one of the limits above.
#[derive(Clone, Debug, PartialEq, Error)]
#[error("the story is too large for the widget: {count} {what}, at most {max}")]
pub struct TooLarge {
    pub what: &'static str,
    pub count: usize,
    pub max: usize,
}

impl Story {
    /// Whether the story is within the widget's limits, which keep every
    /// render and look-up of a story from a file quick.
    pub fn check_size(&self) -> Result<(), TooLarge> {
        let spans = self.sentences.len()
            + self.mentions.len()
            + self.quotes.len()
            + self
                .entities
                .iter()
                .map(|e| e.mentions.len())
                .sum::<usize>()
            + self
                .events
                .iter()
                .map(|e| e.evidence.len() + e.passages.len())
                .sum::<usize>()
            + self.claims.iter().map(|c| c.evidence.len()).sum::<usize>();
        let texts = self
            .events
            .iter()
            .flat_map(|e| std::iter::once(&e.title).chain(&e.date_note))
            .chain(
                self.entities
                    .iter()
                    .flat_map(|e| std::iter::once(&e.name).chain(&e.role)),
            )
            .chain(self.claims.iter().map(|c| &c.statement))
            .chain(self.places.iter().map(|p| &p.name));
        let labels = self
            .article
            .headline
            .iter()
            .map(String::as_str)
            .chain(texts.flat_map(|t| t.iter().map(|(_, s)| s)));
        // Counting stops past the limit: a label of a megabyte costs no more.
        let longest = labels
            .map(|l| l.chars().take(MAX_LABEL_CHARS + 1).count())
            .max()
            .unwrap_or(0);
        for (what, count, max) in [
            ("bytes of text", self.text.len(), MAX_TEXT_BYTES),
            ("events", self.events.len(), MAX_EVENTS),
            ("places", self.places.len(), MAX_PLACES),
            ("spans of text", spans, MAX_SPANS),
            ("characters in a title or name", longest, MAX_LABEL_CHARS),
        ] {
            if count > max {
                return Err(TooLarge { what, count, max });
            }
        }
        Ok(())
    }
}
