//! The article's dateline (its place and, when it can be known, its
//! year) and the date of its own occasion, with a note in three
//! languages on how it was found.

use super::*;

impl Extractor<'_> {
    /// The dateline, with its place and, when it can be known, its year.
    pub(super) fn dateline(&mut self) -> Option<Dateline> {
        let Some(dl) = &self.article.dateline else {
            self.warnings.push(Warning::NoDateline);
            return None;
        };
        let place = self
            .hits
            .iter()
            .find(|h| dl.place.contains(h.span) && h.id.starts_with("p:"))
            .map(|h| h.id[2..].to_string());
        let place_text = dl.place.of(self.text).to_string();
        if place.is_none() {
            self.warnings.push(Warning::UnresolvedPlace {
                text: place_text.clone(),
            });
        }
        let published = self.article.meta.published;
        let mut candidate_years = Vec::new();
        let (year, year_source) = if let Some(y) = dl.year {
            (Some(y), YearSource::Text)
        } else if let Some(p) = published {
            (Some(p.year), YearSource::Metadata)
        } else {
            let weekday = self
                .article
                .sentences
                .iter()
                .find_map(|s| dates::named_weekday(s.of(self.text)));
            if let Some((_, wd)) = weekday {
                candidate_years =
                    dates::candidate_years(self.text, &self.toks, dl.month, dl.day, wd);
            }
            match dates::choose_year(dates::latest_year(self.text, &self.toks), &candidate_years) {
                Some(y) => {
                    // A guess, however good: the editor is told.
                    self.warnings.push(Warning::YearInferred {
                        year: y,
                        candidates: candidate_years.clone(),
                    });
                    (Some(y), YearSource::Inferred)
                }
                None => {
                    self.warnings.push(Warning::NoYear {
                        candidates: candidate_years.clone(),
                    });
                    (None, YearSource::Unknown)
                }
            }
        };
        let date = year.and_then(|y| Date::ymd(y, dl.month, dl.day).ok());
        if let (Some(p), Some(d)) = (published, date) {
            if p.precision() == kuril_core::time::date::Precision::Day && p != d {
                self.warnings.push(Warning::DatelineMismatch {
                    dateline: d.to_string(),
                    published: p,
                });
            }
        }
        Some(Dateline {
            span: dl.span,
            place_text,
            place,
            agency: dl.agency.map(|a| a.of(self.text).to_string()),
            date,
            month: dl.month,
            day: dl.day,
            year_source,
            candidate_years,
        })
    }

    /// The date of the article's occasion: the dateline's date, else the
    /// publication date's (to the day), moved back to the day the
    /// sentence names for it (a weekday, "on Sunday", «в воскресенье»; in
    /// Japanese the day of the month, 「21日」), with a note in three
    /// languages on how it was found.
    pub(super) fn occasion(
        &mut self,
        dateline: Option<&Dateline>,
        sentence: Span,
    ) -> Option<(Date, Texts)> {
        let words = &self.k.words;
        let (day, how) = match dateline.and_then(|dl| Some((dl, dl.date?))) {
            Some((dl, day)) => (
                day,
                Texts::each(|l| {
                    words
                        .at(l)
                        .fill("note-dateline", &[("date", &l.day_month(dl.month, dl.day))])
                }),
            ),
            None => {
                let p = (self.article.meta.published)
                    .filter(|p| p.precision() == kuril_core::time::date::Precision::Day)?;
                (
                    p,
                    Texts::each(|l| words.at(l).fill("note-published", &[("date", &l.date(p))])),
                )
            }
        };
        let (said, back) = match dates::named_day(sentence.of(self.text)) {
            Some(dates::NamedDay::Weekday(said, wd)) => {
                let back = (day.weekday() as i64 - wd as i64).rem_euclid(7);
                if back != 0 {
                    self.warnings.push(Warning::WeekdayMismatch {
                        weekday: said.trim_start_matches("on ").into(),
                        date: day,
                    });
                }
                (said, back)
            }
            // The day of this month, else of the month before.
            Some(dates::NamedDay::OfMonth(said, d)) => {
                let (y, m) = match (d <= day.day, day.month) {
                    (true, m) => (day.year, m),
                    (false, 1) => (day.year - 1, 12),
                    (false, m) => (day.year, m - 1),
                };
                match Date::ymd(y, m, d) {
                    Ok(then) => (said, day.days_since_epoch() - then.days_since_epoch()),
                    Err(_) => return Some((day, how)),
                }
            }
            None => return Some((day, how)),
        };
        let key = if back == 0 {
            "note-same-day"
        } else {
            "note-day-before"
        };
        let note = Texts::each(|l| {
            words
                .at(l)
                .fill(key, &[("how", how.get(l)), ("said", &said)])
        });
        Some((day.add_days(-back), note))
    }
}
