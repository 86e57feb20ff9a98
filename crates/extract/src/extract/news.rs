//! The article's own news: the occasion it reports, when no kind of event
//! the lexicon knows is dated by the article (`@dateline`: an interview).
//! Its id is `news`; its title the headline (else the lead), in the
//! article's language, as published; its date the dateline's or the
//! publication's day, moved back to the day the lead names
//! ([`Extractor::occasion`]); its places those the headline and the lead
//! name; its evidence the lead. The widget opens there.

use super::*;

/// The longest title taken from a lead, in characters.
pub(super) const TITLE_CHARS: usize = 110;

/// `text` cut to at most `max` characters, at a word's end where there are
/// spaces (else anywhere, as Japanese has none), with "…" when cut.
pub(super) fn short(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at = match cut.rfind(' ') {
        Some(i) if i > max / 2 => i,
        _ => cut.len(),
    };
    format!(
        "{}…",
        cut[..at].trim_end_matches([',', ';', ':', ' ', '、'])
    )
}

impl Extractor<'_> {
    /// The lead: the first sentence after the headline that is more than
    /// a dateline (a few words, or in Japanese a few characters, beyond
    /// it).
    fn lead(&self) -> Option<Span> {
        let after = self.article.headline.map_or(0, |h| h.end);
        let dateline = self.article.dateline.as_ref().map(|d| d.span);
        self.article.sentences.iter().copied().find(|s| {
            if s.start < after {
                return false;
            }
            let body = match dateline.filter(|d| s.contains(*d) || d.contains(*s)) {
                Some(d) if d.end >= s.end => return false,
                Some(d) => &self.text[d.end.max(s.start)..s.end],
                None => s.of(self.text),
            };
            body.split_whitespace().count() >= 3
                || body.chars().filter(|c| crate::names::is_cjk(*c)).count() >= 6
        })
    }

    /// The article's own news event, if it has a lead and a date (an
    /// explainer without either reports no news).
    pub(super) fn news(
        &mut self,
        dateline: Option<&Dateline>,
        mentions: &[Mention],
    ) -> Option<Event> {
        let lead = self.lead()?;
        let (date, date_note) = self.occasion(dateline, lead)?;
        let headline = self
            .article
            .headline
            .map(|h| h.of(self.text).trim())
            .filter(|h| !h.is_empty());
        let title = match headline {
            Some(h) => h.to_string(),
            None => {
                // Without the dateline it may begin with.
                let from = (self.article.dateline.as_ref())
                    .map(|d| d.span.end)
                    .filter(|e| lead.contains(Span { start: *e, end: *e }))
                    .unwrap_or(lead.start);
                short(
                    self.text[from..lead.end].trim_start_matches([' ', '-', '—', '–']),
                    TITLE_CHARS,
                )
            }
        };
        let head = self.article.headline;
        let mut places: Vec<String> = Vec::new();
        for m in mentions {
            let here = lead.contains(m.span) || head.is_some_and(|h| h.contains(m.span));
            let country = self
                .k
                .gazetteer
                .get(&m.place)
                .is_some_and(|p| p.kind == "country");
            if here && !country && !places.contains(&m.place) {
                places.push(m.place.clone());
            }
        }
        Some(Event {
            id: "news".into(),
            date: Some(date),
            start: None,
            title: Texts::en(title),
            places,
            evidence: vec![lead],
            passages: vec![lead],
            date_note: Some(date_note),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Meta;

    fn story(text: &str, meta: &str) -> Story {
        let k = Knowledge::load().unwrap();
        extract(&Article::new(text, Meta::parse(meta).unwrap()), &k)
    }

    #[test]
    fn an_article_without_a_dateline_has_its_news_with_its_headline_and_day() {
        let s = story(
            "ロシア、国後島と択捉島に地対艦ミサイル配備\n\nロシア国防省は22日、北方領土の国後島と択捉島に地対艦ミサイルを配備したと発表した。",
            "published: 2016-11-23",
        );
        let news = s.events.iter().find(|e| e.id == "news").expect("the news");
        assert_eq!(
            news.title.english(),
            "ロシア、国後島と択捉島に地対艦ミサイル配備"
        );
        assert_eq!(news.date.map(|d| d.iso()).as_deref(), Some("2016-11-22"));
        assert_eq!(news.places, ["kunashir", "iturup", "disputed"]);
        assert!(s.slice(news.evidence[0]).starts_with("ロシア国防省は22日"));
        assert!(news
            .date_note
            .as_ref()
            .unwrap()
            .own(Lang::Ja)
            .contains("22日"));
        assert_eq!(
            s.article.headline.as_deref(),
            Some("ロシア、国後島と択捉島に地対艦ミサイル配備")
        );
    }

    #[test]
    fn the_news_is_dated_by_the_dateline_and_the_weekday_the_lead_names() {
        let s = story(
            "Japan protests drills on Kunashir\n\nTOKYO, March 26 (Jiji Press) -- Japan on Monday protested Russian drills on Kunashir and Iturup.",
            "published: 2024-03-26",
        );
        let news = s.events.iter().find(|e| e.id == "news").unwrap();
        assert_eq!(news.date.map(|d| d.iso()).as_deref(), Some("2024-03-25"));
        assert_eq!(news.title.english(), "Japan protests drills on Kunashir");
        assert!(news
            .date_note
            .as_ref()
            .unwrap()
            .english()
            .contains("\"on Monday\""));
    }

    #[test]
    fn no_news_where_the_lexicon_dates_the_occasion_nor_without_a_lead_title() {
        // The bundled interview is the lexicon's `interview`.
        let k = Knowledge::load().unwrap();
        let bundled = crate::bundled_story().unwrap();
        assert!(bundled.events.iter().all(|e| e.id != "news"));
        // Without a headline, the lead (less its dateline) is the title,
        // cut at a word.
        let long = format!(
            "MOSCOW, March 3. /Interfax/. Russia said the Kurils {} stay Russian.",
            "and the islands ".repeat(12)
        );
        let s = extract(
            &Article::new(&long, Meta::parse("published: 2021-03-03").unwrap()),
            &k,
        );
        let news = s.events.iter().find(|e| e.id == "news").unwrap();
        assert!(
            news.title.english().starts_with("Russia said the Kurils")
                && news.title.english().ends_with('…')
        );
        assert!(news.title.english().chars().count() <= TITLE_CHARS + 1);
        assert_eq!(short("択捉島国後島", 3), "択捉島…");
    }
}
