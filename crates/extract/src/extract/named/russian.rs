//! People the lexicon lacks in Russian news: an office, then one to
//! three capitalised words («посол России в Японии Михаил Галузин»).

use super::*;

impl Extractor<'_> {
    /// The name an office introduces in Russian, from word `j` on: the
    /// office runs on over lower-case words, abbreviations («ДФО»), names
    /// in quotation marks («Ростелекома»), places and single capitalised
    /// words («Сахалинской области»), at most eight words, to two or three
    /// capitalised words in one run of text (a longer run ends with the
    /// name: «Дальнего Востока Александр Галушка»), within the sentence.
    fn russian_name_from(&self, mut j: usize) -> Option<Span> {
        let acronym = |t: &Token| {
            let w = t.span.of(self.text);
            w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase())
        };
        let word = |t: &Token| t.capitalised && !acronym(t) && t.folded.starts_with(is_cyrillic);
        let mut quoted = false;
        for _ in 0..8 {
            let t = self.toks.get(j)?;
            let gap = &self.text[self.toks[j - 1].span.end..t.span.start];
            if gap.contains(['.', '!', '?', ':', ';', '—', '(', ')', '"', '“', '„']) {
                return None;
            }
            quoted = (quoted || gap.contains('«')) && !gap.contains('»');
            if quoted
                || !word(t)
                || hits_starting_at(&self.hits, t.span.start).any(|h| h.id.starts_with("p:"))
            {
                j += 1;
                continue;
            }
            let run = 1
                + (self.toks[j..].windows(2))
                    .take_while(|p| {
                        word(&p[1])
                            && self.text[p[0].span.end..p[1].span.start]
                                .chars()
                                .all(|c| c == ' ')
                    })
                    .count();
            if run < 2 {
                j += 1;
                continue;
            }
            // The name: the last two words, three with a patronymic.
            let patronymic = |t: &Token| {
                ["ович", "евич", "ич", "овна", "евна", "ична"]
                    .iter()
                    .any(|e| t.folded.ends_with(e))
            };
            let end = j + run;
            let start = if run >= 3 && patronymic(&self.toks[end - 2]) {
                end - 3
            } else {
                end - 2
            };
            let span = Span {
                start: self.toks[start].span.start,
                end: self.toks[end - 1].span.end,
            };
            return (!self.named_at(span)).then_some(span);
        }
        None
    }

    /// The new people of an article in Russian: capitalised names after
    /// offices.
    pub(super) fn russian_people(&self) -> Vec<Found> {
        let mut out = Vec::new();
        for i in 0..self.toks.len() {
            if !self.toks[i].folded.starts_with(is_cyrillic) {
                continue;
            }
            let Some((len, role)) = self.office_at(i) else {
                continue;
            };
            let Some(span) = self.russian_name_from(i + len) else {
                continue;
            };
            // The office as written, up to the name.
            let office =
                self.text[self.toks[i].span.start..span.start].trim_end_matches([' ', ',']);
            out.push(Found {
                span,
                role,
                office: office.to_string(),
            });
        }
        out
    }
}
