//! The article's own dated statements: a sentence about the dispute (it
//! names a place of it, or a word of `topic` in `words.tsv`: "islands",
//! «мирный договор», 「領土」) that writes a date, absolute ("in 1855", "in
//! February 2019", «в 2014 году», 「1946年」) or against the article's day
//! ("last year", "in July", "on Tuesday", 「昨年」, 「21日」), becomes a
//! timeline item of its own when no event of the story is of that date:
//! one per date, id `statement-DATE`, at the precision written, its
//! sentences as evidence, the first of them (cut short) as its title in
//! the article's language. Conservative: a number is a year only where a
//! word makes it one; no date after the article's day, nor before 1800,
//! nor one an event of the story falls in ("in 1956" beside the 1956
//! declaration), nor one of the year of an event its sentence names (a
//! misdated event) is a statement; the widget marks them as the article's,
//! not the checked history, and an editor may leave any out.

use super::dates;
use super::news::{short, TITLE_CHARS};
use super::*;

/// The earliest year a statement may be of (the dispute's history begins
/// with the 1855 treaty; a number before is no year of it).
const EARLIEST: i32 = 1800;

/// Whether a date written at its precision holds the day `known`: "2018"
/// holds 14 November 2018, "2018-11" too.
fn holds(written: Date, known: Date) -> bool {
    written.year == known.year
        && (written.month == 0 || written.month == known.month)
        && (written.day == 0 || written.day == known.day)
}

impl Extractor<'_> {
    /// Whether sentence `s` is about the dispute: it names a place of it or
    /// holds a topic word.
    fn about_the_dispute(&self, s: Span, mentions: &[Mention]) -> bool {
        let g = &self.k.gazetteer;
        // Mentions are in text order: those of the sentence by a search.
        let from = mentions.partition_point(|m| m.span.start < s.start);
        let place = mentions[from..]
            .iter()
            .take_while(|m| m.span.start < s.end)
            .any(|m| s.contains(m.span) && DISPUTE_PLACES.iter().any(|p| g.is_within(&m.place, p)));
        place
            || self.k.topic_phrases.iter().any(|&p| {
                let hits = &self.cue_hits[p];
                hits[hits.partition_point(|h| h.start < s.start)..]
                    .iter()
                    .take_while(|h| h.start < s.end)
                    .any(|h| s.contains(*h))
            })
    }

    /// The dates sentence `s` writes, with their spans: written dates,
    /// years a word marks, and dates against the article's day `on`.
    fn stated_dates(&self, s: Span, on: Option<Date>) -> Vec<(Span, Date)> {
        let toks = self.toks_in(s);
        let mut out = dates::written_dates(self.text, toks);
        let years = dates::marked_years(
            self.text,
            toks,
            &out,
            &self.k.year_before,
            &self.k.year_after,
        );
        out.extend(years);
        out.extend(dates::relative_years(self.text, toks, on.map(|d| d.year)));
        if let Some(day) = on.filter(|d| d.day != 0) {
            out.extend(dates::relative_dates(self.text, toks, day));
        }
        out
    }

    /// The statements of the article, given the events already found.
    pub(super) fn statements(
        &mut self,
        events: &[Event],
        dateline: Option<&Dateline>,
        mentions: &[Mention],
    ) -> Vec<Event> {
        let on = self.article_date(dateline);
        let head = self.article.headline;
        // (date, [(sentence, the date's words)]), in the order first met.
        let mut by_date: Vec<(Date, Vec<(Span, Span)>)> = Vec::new();
        let sentences = self.article.sentences.clone();
        for s in sentences {
            if head.is_some_and(|h| h.contains(s)) || !self.about_the_dispute(s, mentions) {
                continue;
            }
            // The events this sentence names: a date it writes of their
            // year is theirs, written right or wrong ("signed on October
            // 16, 1956" is the declaration, misdated).
            let named: Vec<i32> = (events.iter())
                .filter(|e| e.evidence.contains(&s))
                .filter_map(|e| Some(e.date?.year))
                .collect();
            for (span, date) in self.stated_dates(s, on) {
                let late = on.is_some_and(|o| date.as_year_fraction() > o.as_year_fraction());
                let known = events
                    .iter()
                    .any(|e| e.date.is_some_and(|k| holds(date, k)))
                    || named.contains(&date.year);
                if date.year < EARLIEST || late || known {
                    continue;
                }
                match by_date.iter_mut().find(|(d, _)| *d == date) {
                    Some((_, list)) if list.iter().any(|(x, _)| *x == s) => {}
                    Some((_, list)) => list.push((s, span)),
                    None => by_date.push((date, vec![(s, span)])),
                }
            }
        }
        let g = &self.k.gazetteer;
        by_date
            .into_iter()
            .map(|(date, found)| {
                let first = found[0].0;
                // Without the dateline it may begin with.
                let from = (self.article.dateline.as_ref())
                    .map(|d| d.span.end)
                    .filter(|e| first.start < *e && *e < first.end)
                    .unwrap_or(first.start);
                let title = short(
                    self.text[from..first.end].trim_start_matches([' ', '-', '—', '–']),
                    TITLE_CHARS,
                );
                let mut places: Vec<String> = Vec::new();
                for m in mentions {
                    let here = found.iter().any(|(s, _)| s.contains(m.span));
                    let country = g.get(&m.place).is_some_and(|p| p.kind == "country");
                    if here && !country && !places.contains(&m.place) {
                        places.push(m.place.clone());
                    }
                }
                Event {
                    id: format!("statement-{}", date.iso()),
                    date: Some(date),
                    start: None,
                    title: Texts::en(title),
                    places,
                    evidence: found.iter().map(|(s, _)| *s).collect(),
                    passages: found.iter().map(|(_, p)| *p).collect(),
                    date_note: None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, Meta};
    use crate::{extract, Knowledge};

    /// The statements of an article, in date order: (id, the words that
    /// date it).
    fn statements(text: &str, meta: &str) -> Vec<(String, String)> {
        let k = Knowledge::load().unwrap();
        let s = extract(&Article::new(text, Meta::parse(meta).unwrap()), &k);
        (s.events.iter())
            .filter(|e| e.id.starts_with("statement-"))
            .map(|e| (e.id.clone(), s.slice(e.passages[0]).to_string()))
            .collect()
    }

    fn ids(found: &[(String, String)]) -> Vec<&str> {
        found.iter().map(|(i, _)| i.as_str()).collect()
    }

    #[test]
    fn years_named_in_passing_in_three_languages() {
        let en = statements(
            "Japan has claimed the islands since 1855. Soviet troops took them in 1945, and in February 2019 the talks on Kunashir stalled. About 1000 people live on Shikotan.",
            "published: 2024-03-26",
        );
        assert_eq!(
            ids(&en),
            ["statement-1855", "statement-1945", "statement-2019-02"],
            "{en:?}"
        );
        assert_eq!(en[2].1, "February 2019");
        let ru = statements("Пограничники задержали шхуну у Кунашира в 2014 году. Острова отошли к СССР в 1946 году.", "published: 2020-01-01");
        assert_eq!(ids(&ru), ["statement-1946", "statement-2014"], "{ru:?}");
        let ja = statements(
            "北方領土では2016年11月にミサイルが配備された。元島民は1946年に島を追われた。",
            "published: 2020-01-01",
        );
        assert_eq!(ids(&ja), ["statement-1946", "statement-2016-11"], "{ja:?}");
    }

    #[test]
    fn dates_against_the_articles_day() {
        // 26 March 2024 was a Tuesday; Monday is the news's day.
        let found = statements(
            "Drills on Iturup began on Monday. Border guards seized a fishing boat last month, and another in July. Last year the islands saw more troops. On Sunday, Japan protested the drills on Kunashir.",
            "published: 2024-03-26",
        );
        assert_eq!(
            ids(&found),
            [
                "statement-2023",
                "statement-2023-07",
                "statement-2024-02",
                "statement-2024-03-24"
            ],
            "{found:?}"
        );
        let ja = statements(
            "ロシア国防省は25日、演習を始めた。国後島周辺で21日、漁船が拿捕された。",
            "published: 2024-03-26",
        );
        assert_eq!(ids(&ja), ["statement-2024-03-21"], "{ja:?}");
    }

    #[test]
    fn a_month_and_a_day_without_a_year_and_days_of_month() {
        let found = statements(
            "Cable to the Kurils\n\nA cable will link Sakhalin and the islands. On June 5, Russia said works on Kunashir would begin. The islands were visited on 29 December.",
            "published: 2018-06-10",
        );
        assert_eq!(
            ids(&found),
            ["statement-2017-12-29", "statement-2018-06-05"],
            "{found:?}"
        );
        let ru = statements("Кабель на Курилы\n\nКабель свяжет Сахалин и острова. 5 июня Россия уведомила Японию о работах у Курил.", "published: 2018-06-10");
        assert_eq!(ids(&ru), ["statement-2018-06-05"], "{ru:?}");
        // 「4日間」 is a span of days; 「10月11日」 and 「8日」 are days.
        let ja = statements(
            "北方領土ツアー\n\n一行が出発した。国後島と択捉島で計4日間観光する。当初は10月11日に国後島へ向かう予定だったが、ロシア側が8日に延期を通告した。",
            "published: 2019-10-29",
        );
        assert_eq!(
            ids(&ja),
            ["statement-2019-10-08", "statement-2019-10-11"],
            "{ja:?}"
        );
    }

    #[test]
    fn no_statement_off_the_dispute_in_the_future_or_of_a_known_event() {
        let found = statements(
            "The economy grew in 2019. The Kurils will host a forum in 2030. Under the 1956 declaration, Shikotan was to go to Japan. The islands were discussed in 1956 too.",
            "published: 2024-03-26",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
