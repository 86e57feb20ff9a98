//! Pulls a [`Story`] out of an [`Article`]: the events of the lexicon that
//! the article's sentences mention, with their dates and places, each tied to
//! the sentences it comes from.
//!
//! This is the first, rule-based engine: it recognises the lexicon's events
//! by their cues, dates the article's own occasion from its dateline and the
//! weekday it names, and finds places by the gazetteer's names and aliases.

use crate::article::Article;
use crate::date::{weekday_from_name, Date, WEEKDAYS};
use crate::gazetteer::Gazetteer;
use crate::lexicon::{EventDate, EventPlaces, KnownEvent, Lexicon};
use crate::story::{Event, Story, Warning};
use crate::text::{find_words, Span};

/// Extracts the story from an article. Never fails: what it cannot settle
/// becomes a [`Warning`].
pub fn extract(article: &Article, lexicon: &Lexicon, gazetteer: &Gazetteer) -> Story {
    let text = &article.text;
    let mentions = gazetteer.mentions(text);
    let mut warnings = Vec::new();
    let mut events = Vec::new();

    for known in &lexicon.events {
        let hits: Vec<(Span, Span)> = article
            .sentences
            .iter()
            .filter_map(|s| known.cue.find(s.of(text)).map(|h| (*s, h)))
            .collect();
        let Some(&(first, cue_hit)) = hits.first() else {
            continue;
        };
        let (date, date_note) = match &known.date {
            EventDate::Fixed(d) => (*d, None),
            EventDate::Dateline => match occasion_date(article, first, &mut warnings) {
                Some(found) => found,
                None => continue,
            },
        };
        let places = match &known.places {
            EventPlaces::Listed(ids) => {
                for id in ids.iter().filter(|id| gazetteer.get(id).is_none()) {
                    warnings.push(Warning::UnknownPlace {
                        event: known.id.clone(),
                        place: id.clone(),
                    });
                }
                ids.clone()
            }
            EventPlaces::Mentioned => {
                // States named as actors ("Japan's relations") are not places
                // the event concerns; islands and cities are.
                let mut ids: Vec<String> = Vec::new();
                for m in &mentions {
                    let country = gazetteer.get(&m.place).is_some_and(|p| p.kind == "country");
                    if !country && !ids.contains(&m.place) {
                        ids.push(m.place.clone());
                    }
                }
                ids
            }
        };
        events.push(Event {
            id: known.id.clone(),
            date,
            title: title(known, article, first.of(text), cue_hit),
            places,
            evidence: hits.iter().map(|(s, _)| *s).collect(),
            date_note,
        });
    }
    events.sort_by(|a, b| {
        a.date
            .as_year_fraction()
            .total_cmp(&b.date.as_year_fraction())
            .then(a.id.cmp(&b.id))
    });

    Story {
        headline: article.headline.map(|h| h.of(text).to_string()),
        publisher: article.meta.publisher.clone(),
        text: text.clone(),
        events,
        mentions,
        warnings,
    }
}

/// The date of the article's own occasion: the dateline's month and day in
/// the publication year, moved back to the weekday the sentence names ("on
/// Sunday") when it names one.
fn occasion_date(
    article: &Article,
    sentence: Span,
    warnings: &mut Vec<Warning>,
) -> Option<(Date, Option<String>)> {
    let Some(dl) = &article.dateline else {
        warnings.push(Warning::NoDateline);
        return None;
    };
    let Some(published) = article.meta.published else {
        warnings.push(Warning::NoYear);
        return None;
    };
    let dateline_text = format!("{} {}", dl.day, crate::date::MONTHS[dl.month as usize - 1]);
    let Ok(day) = Date::ymd(published.year, dl.month, dl.day) else {
        warnings.push(Warning::DatelineMismatch {
            dateline: dateline_text,
            published,
        });
        return None;
    };
    if published.precision() == crate::date::Precision::Day && published != day {
        warnings.push(Warning::DatelineMismatch {
            dateline: dateline_text.clone(),
            published,
        });
    }
    let s = sentence.of(&article.text);
    let named = WEEKDAYS
        .iter()
        .find(|w| !find_words(s, &format!("on {w}")).is_empty())
        .and_then(|w| weekday_from_name(w).map(|n| (w, n)));
    Some(match named {
        Some((name, wd)) => {
            let back = (day.weekday() as i64 - wd as i64).rem_euclid(7);
            let date = day.add_days(-back);
            let how = if back == 0 {
                format!("the dateline ({dateline_text}) with the publication year; \"on {name}\" is the same day")
            } else {
                format!("the {name} before the dateline ({dateline_text}), as the article says \"on {name}\"")
            };
            (date, Some(how))
        }
        None => (
            day,
            Some(format!(
                "the dateline ({dateline_text}) with the publication year"
            )),
        ),
    })
}

/// Fills the title template: `{speaker}` is the run of capitalised words just
/// before the cue, `{agency}` the dateline's agency (or the publisher).
fn title(known: &KnownEvent, article: &Article, sentence: &str, cue_hit: Span) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in sentence[..cue_hit.start].split_whitespace().rev() {
        // A word ending in punctuation closes an earlier clause ("States,").
        if w.ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
        let clean = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if !clean.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words.push(clean);
        // An opening quote or bracket starts the name.
        if clean.len() != w.len() {
            break;
        }
    }
    words.reverse();
    let speaker = if words.is_empty() {
        "a speaker".to_string()
    } else {
        words.join(" ")
    };
    let agency = article
        .dateline
        .as_ref()
        .and_then(|d| d.agency)
        .map(|a| a.of(&article.text).to_string())
        .or_else(|| article.meta.publisher.clone())
        .unwrap_or_else(|| "the press".into());
    known
        .title
        .replace("{speaker}", &speaker)
        .replace("{agency}", &agency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Meta;

    fn lexicon() -> Lexicon {
        Lexicon::parse(
            "id\tdate\tcues\ttitle\tplaces\tsource\n\
             decl\t1956-10-19\tdeclaration + 1956\tDeclaration\tshikotan; atlantis\ts\n\
             talk\t@dateline\tsaid in an interview\tInterview with {speaker} ({agency})\t@mentioned\ts\n",
        )
        .unwrap()
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::parse(
            "id\tparent\tkind\tlon\tlat\tname_en\tname_ru\tname_ja\tromaji\taliases\n\
             shikotan\t\tisland\t146.75\t43.8\tShikotan\t\t\t\t\n\
             tokyo\t\tcity\t\t\tTokyo\t\t\t\t\n\
             japan\t\tcountry\t\t\tJapan\t\t\t\t\n",
        )
        .unwrap()
    }

    fn meta(published: &str) -> Meta {
        Meta {
            published: Some(Date::parse(published).unwrap()),
            ..Meta::default()
        }
    }

    const TEXT: &str = "MOSCOW, February 13. /TASS/. Talks with Tokyo and Japan stall, Foreign Minister Ann Lee said in \
                        an interview on Sunday. \"The 1956 declaration stands,\" she said.";

    #[test]
    fn dates_the_occasion_from_dateline_and_weekday() {
        // 13 Feb 2018 was a Tuesday: "on Sunday" means 11 February.
        let story = extract(
            &Article::new(TEXT, meta("2018-02-13")),
            &lexicon(),
            &gazetteer(),
        );
        let talk = story.events.iter().find(|e| e.id == "talk").unwrap();
        assert_eq!(talk.date.iso(), "2018-02-11");
        assert_eq!(talk.title, "Interview with Foreign Minister Ann Lee (TASS)");
        assert_eq!(talk.places, ["tokyo"]);
        assert!(talk.date_note.as_deref().unwrap().contains("Sunday before"));
        assert_eq!(story.events[0].id, "decl", "events are in date order");
        assert_eq!(
            story.evidence_text(&story.events[0]),
            ["\"The 1956 declaration stands,\" she said."]
        );
        assert_eq!(
            story.warnings,
            [Warning::UnknownPlace {
                event: "decl".into(),
                place: "atlantis".into()
            }]
        );
    }

    #[test]
    fn warns_instead_of_guessing_a_year() {
        let story = extract(
            &Article::new(TEXT, Meta::default()),
            &lexicon(),
            &gazetteer(),
        );
        assert!(story.events.iter().all(|e| e.id != "talk"));
        assert!(story.warnings.contains(&Warning::NoYear));
    }

    #[test]
    fn reports_a_dateline_that_disagrees_with_the_metadata() {
        let story = extract(
            &Article::new(TEXT, meta("2018-03-01")),
            &lexicon(),
            &gazetteer(),
        );
        assert!(story
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::DatelineMismatch { .. })));
        let no_dateline = extract(
            &Article::new("Lee said in an interview.", meta("2018-03-01")),
            &lexicon(),
            &gazetteer(),
        );
        assert_eq!(no_dateline.warnings, [Warning::NoDateline]);
        assert!(no_dateline.events.is_empty());
    }
}
