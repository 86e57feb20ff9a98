//! The lexicon: what the extractor knows beyond the gazetteer, read from the
//! files in `data/lexicon/`: the events it can recognise and their cues
//! (`events.tsv`), people, media and organisations (`entities.tsv`), the
//! words it reads sentences by (`words.tsv`: speech verbs, pronouns,
//! demonyms, roles) and the positions of each side (`claims.tsv`).

use kuril_core::date::{Date, DateError};
use kuril_core::text::{self, file_table, FileTableError};
use thiserror::Error;

/// When a known event happened.
#[derive(Clone, Debug, PartialEq)]
pub enum EventDate {
    /// A fixed, known date.
    Fixed(Date),
    /// An era, from its start to its end ("1939-09-01..1945-09-02").
    Era(Date, Date),
    /// The article's own occasion: the dateline's date.
    Dateline,
    /// It has not happened (a treaty never signed).
    None,
}

/// Which places an event concerns.
#[derive(Clone, Debug, PartialEq)]
pub enum EventPlaces {
    /// These gazetteer ids.
    Listed(Vec<String>),
    /// Every place the article names (states excepted).
    Mentioned,
}

/// A cue: all of its terms must occur in a sentence; each term is a list of
/// alternative phrases (kept in ASCII lower case: matching ignores case).
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub terms: Vec<Vec<String>>,
}

impl Cue {
    /// Parses `a | b + c` (a or b, and c).
    pub fn parse(src: &str) -> Cue {
        Cue {
            terms: src
                .split(" + ")
                .map(|t| {
                    t.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_ascii_lowercase)
                        .collect()
                })
                .filter(|t: &Vec<String>| !t.is_empty())
                .collect(),
        }
    }
}

/// An event the extractor can recognise.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownEvent {
    pub id: String,
    pub date: EventDate,
    pub cue: Cue,
    /// Title template; see the file header for its placeholders.
    pub title: String,
    pub places: EventPlaces,
    pub source: String,
}

pub use kuril_core::story::EntityKind;

/// A person, medium, programme or organisation the extractor knows.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownEntity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub role: String,
    pub country: String,
}

/// An office and the words that refer back to its holder.
#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub title: String,
    pub references: Vec<String>,
}

/// A position of one side, recognised by its cues.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownClaim {
    pub id: String,
    /// Gazetteer id of the country whose position it is.
    pub side: String,
    pub cue: Cue,
    pub statement: String,
}

/// Why a lexicon file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum LexiconError {
    #[error(transparent)]
    Table(#[from] FileTableError),
    #[error("events.tsv line {line}: {source}")]
    Date { line: usize, source: DateError },
    #[error("{file} line {line}: the cue is empty")]
    EmptyCue { file: &'static str, line: usize },
    #[error("{file} line {line}: unknown kind '{kind}'")]
    Kind {
        file: &'static str,
        line: usize,
        kind: String,
    },
}

/// Everything the extractor knows beyond the gazetteer.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Lexicon {
    pub events: Vec<KnownEvent>,
    pub entities: Vec<KnownEntity>,
    pub verbs: Vec<String>,
    pub pronouns: Vec<String>,
    /// Adjective and the gazetteer country it names.
    pub demonyms: Vec<(String, String)>,
    pub roles: Vec<Role>,
    pub claims: Vec<KnownClaim>,
}

fn cue(src: &str, file: &'static str, line: usize) -> Result<Cue, LexiconError> {
    let cue = Cue::parse(src);
    if cue.terms.is_empty() {
        return Err(LexiconError::EmptyCue { file, line });
    }
    Ok(cue)
}

impl Lexicon {
    /// Parses the four lexicon files.
    pub fn parse(
        events: &str,
        entities: &str,
        words: &str,
        claims: &str,
    ) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon {
            events: Self::parse_events(events)?,
            ..Lexicon::default()
        };
        for (line, [id, kind, name, aliases, role, country]) in file_table(
            "entities.tsv",
            entities,
            ["id", "kind", "name", "aliases", "role", "country"],
        )? {
            let kind = match kind {
                "person" => EntityKind::Person,
                "media" => EntityKind::Media,
                "programme" => EntityKind::Programme,
                "organisation" => EntityKind::Organisation,
                other => {
                    return Err(LexiconError::Kind {
                        file: "entities.tsv",
                        line,
                        kind: other.into(),
                    })
                }
            };
            lex.entities.push(KnownEntity {
                id: id.into(),
                kind,
                name: name.into(),
                aliases: text::list(aliases),
                role: role.into(),
                country: country.into(),
            });
        }
        for (line, [kind, word, value]) in
            file_table("words.tsv", words, ["kind", "word", "value"])?
        {
            match kind {
                "verb" => lex.verbs.push(word.into()),
                "pronoun" => lex.pronouns.push(word.into()),
                "demonym" => lex.demonyms.push((word.into(), value.into())),
                "role" => lex.roles.push(Role {
                    title: word.into(),
                    references: text::list(value),
                }),
                other => {
                    return Err(LexiconError::Kind {
                        file: "words.tsv",
                        line,
                        kind: other.into(),
                    })
                }
            }
        }
        for (line, [id, side, cues, statement]) in
            file_table("claims.tsv", claims, ["id", "side", "cues", "statement"])?
        {
            lex.claims.push(KnownClaim {
                id: id.into(),
                side: side.into(),
                cue: cue(cues, "claims.tsv", line)?,
                statement: statement.into(),
            });
        }
        Ok(lex)
    }

    /// Parses the event lexicon alone.
    pub fn parse_events(src: &str) -> Result<Vec<KnownEvent>, LexiconError> {
        let mut events = Vec::new();
        for (line, [id, date, cues, title, places, source]) in file_table(
            "events.tsv",
            src,
            ["id", "date", "cues", "title", "places", "source"],
        )? {
            let date = match date {
                "@dateline" => EventDate::Dateline,
                "@none" => EventDate::None,
                d => {
                    let date = |x: &str| {
                        Date::parse(x).map_err(|source| LexiconError::Date { line, source })
                    };
                    match d.split_once("..") {
                        Some((from, to)) => EventDate::Era(date(from)?, date(to)?),
                        None => EventDate::Fixed(date(d)?),
                    }
                }
            };
            let places = match places {
                "@mentioned" => EventPlaces::Mentioned,
                p => EventPlaces::Listed(text::list(p)),
            };
            events.push(KnownEvent {
                id: id.into(),
                date,
                cue: cue(cues, "events.tsv", line)?,
                title: title.into(),
                places,
                source: source.into(),
            });
        }
        Ok(events)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_terms_are_lower_case_alternatives() {
        let cue = Cue::parse("Declaration | Statement + 1956 |  + ");
        assert_eq!(
            cue.terms,
            [
                vec!["declaration".to_string(), "statement".into()],
                vec!["1956".into()]
            ]
        );
        assert!(Cue::parse(" | ").terms.is_empty());
    }

    const EV: &str = "id\tdate\tcues\ttitle\tplaces\tsource\n";

    #[test]
    fn parses_event_rows_and_reports_errors() {
        let l = Lexicon::parse_events(&format!(
            "{EV}a\t@dateline\tx\tT\t@mentioned\ts\nb\t1956-10-19\ty\tU\tp; q\ts\nc\t@none\tz\tV\t\ts\nd\t1939..1945-09\tw\tW\t\ts\n"
        ))
        .unwrap();
        assert_eq!(l[0].date, EventDate::Dateline);
        assert_eq!(l[0].places, EventPlaces::Mentioned);
        assert_eq!(
            l[1].places,
            EventPlaces::Listed(vec!["p".into(), "q".into()])
        );
        assert_eq!(l[2].date, EventDate::None);
        assert_eq!(
            l[3].date,
            EventDate::Era(Date::year(1939), Date::parse("1945-09").unwrap())
        );
        assert!(matches!(
            Lexicon::parse_events("x\n"),
            Err(LexiconError::Table(FileTableError::Header { .. }))
        ));
        assert!(matches!(
            Lexicon::parse_events(&format!("{EV}a\t1956-02-30\tx\tT\t\ts\n")),
            Err(LexiconError::Date { line: 2, .. })
        ));
        assert!(matches!(
            Lexicon::parse_events(&format!("{EV}a\t1956\t \tT\t\ts\n")),
            Err(LexiconError::EmptyCue { line: 2, .. })
        ));
        assert!(matches!(
            Lexicon::parse_events(&format!("{EV}a\tb\n")),
            Err(LexiconError::Table(FileTableError::Fields {
                found: 2,
                expected: 6,
                ..
            }))
        ));
    }

    #[test]
    fn parses_entities_words_and_claims() {
        let l = Lexicon::parse(
            EV,
            "id\tkind\tname\taliases\trole\tcountry\nx\tperson\tAnn Lee\tLee\tFox\tjapan\n",
            "kind\tword\tvalue\nverb\tsaid\t\nrole\tFox\tfox; vixen\ndemonym\tJapanese\tjapan\npronoun\tshe\t\n",
            "id\tside\tcues\tstatement\nc\tjapan\tunfair\tS\n",
        )
        .unwrap();
        assert_eq!(l.entities[0].kind, EntityKind::Person);
        assert_eq!(l.entities[0].aliases, ["Lee"]);
        assert_eq!(l.verbs, ["said"]);
        assert_eq!(l.roles[0].references, ["fox", "vixen"]);
        assert_eq!(l.demonyms, [("Japanese".to_string(), "japan".to_string())]);
        assert_eq!(l.claims[0].side, "japan");
        let bad = Lexicon::parse(
            EV,
            "id\tkind\tname\taliases\trole\tcountry\nx\trobot\tA\t\t\t\n",
            "kind\tword\tvalue\n",
            "id\tside\tcues\tstatement\n",
        );
        assert!(matches!(bad, Err(LexiconError::Kind { kind, .. }) if kind == "robot"));
    }
}
