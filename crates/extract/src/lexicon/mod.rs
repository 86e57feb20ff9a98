//! The lexicon: what the extractor knows beyond the gazetteer, read from the
//! files in `data/lexicon/`: the events it can recognise and their cues
//! (`events.tsv`), people, media and organisations (`entities.tsv`), the
//! words it reads sentences by (`words.tsv`: speech verbs, pronouns,
//! demonyms, roles), the positions of each side (`claims.tsv`) and the
//! offices people held, with their dates (`roles.tsv`). Every text of the
//! project's own that a story carries (event titles, names, roles,
//! statements) is given in every language of the widget.

mod cue;

pub use cue::Cue;
use kuril_core::i18n::Texts;
use kuril_core::text::{self, file_table, FileTableError};
use kuril_core::time::date::{in_period, Date, DateError};
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
    /// A kind of event that recurs (a summit): each mention is dated by the
    /// date its sentence writes next to the cue ("met in December 2016",
    /// 「2016年」, "last year"), to the day, month or year it gives.
    Written,
}

/// Which places an event concerns.
#[derive(Clone, Debug, PartialEq)]
pub enum EventPlaces {
    /// These gazetteer ids.
    Listed(Vec<String>),
    /// Every place the article names (states excepted).
    Mentioned,
}

/// An event the extractor can recognise.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownEvent {
    pub id: String,
    pub date: EventDate,
    pub cue: Cue,
    /// Title template in three languages; see the file header for its
    /// placeholders.
    pub title: Texts,
    pub places: EventPlaces,
    pub source: String,
}

pub use kuril_core::story::EntityKind;

/// A person, medium, programme or organisation the extractor knows.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownEntity {
    pub id: String,
    pub kind: EntityKind,
    /// The English name is the one matched in the text.
    pub name: Texts,
    pub aliases: Vec<String>,
    pub country: String,
    /// The offices held, from `roles.tsv`.
    pub roles: Vec<DatedRole>,
}

/// An office held for a period.
#[derive(Clone, Debug, PartialEq)]
pub struct DatedRole {
    /// `None`: since before any article we read.
    pub from: Option<Date>,
    /// Exclusive; `None` for an office still held.
    pub to: Option<Date>,
    pub title: Texts,
}

impl KnownEntity {
    /// The office held on `date`: an article's date picks the role (Fumio
    /// Kishida was Foreign Minister in 2017 and Prime Minister from 2021).
    /// Without a date, none: a role is only shown when it is right.
    pub fn role_on(&self, date: Option<Date>) -> Option<&Texts> {
        let date = date?;
        self.roles
            .iter()
            .find(|r| in_period(r.from.unwrap_or(Date::year(1)), r.to, date))
            .map(|r| &r.title)
    }
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
    /// Whether a sentence counts only where the cue's subject is the side
    /// (a verb: "do not recognise"), not whoever writes the words (a name:
    /// "Northern Territories").
    pub by_subject: bool,
    pub cue: Cue,
    pub statement: Texts,
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
    #[error("{file} line {line}: no English text")]
    NoEnglish { file: &'static str, line: usize },
    #[error("roles.tsv line {line}: unknown person '{person}'")]
    Person { line: usize, person: String },
    #[error("roles.tsv line {line}: {source}")]
    RoleDate { line: usize, source: DateError },
}

/// A row's text in every language; English is required.
fn texts(file: &'static str, line: usize, text: Texts) -> Result<Texts, LexiconError> {
    text.with_english()
        .ok_or(LexiconError::NoEnglish { file, line })
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
    /// A Russian or Japanese office as written by a name and the English
    /// role it is («министр иностранных дел», 「外相」: Foreign Minister).
    pub titles: Vec<(String, String)>,
    pub roles: Vec<Role>,
    pub claims: Vec<KnownClaim>,
    /// Words that make a sentence one about the dispute ("islands",
    /// «мирный договор», 「領土」), for the article's dated statements.
    pub topics: Vec<String>,
    /// Words that make a number a year: before it ("in", «в») or after it
    /// («году», 「年」); `true` for after.
    pub year_words: Vec<(String, bool)>,
    /// Japanese honorifics after a name (「氏」).
    pub honorifics: Vec<String>,
    /// Words of offices the role table lacks ("adviser", «полпред»,
    /// 「組合長」).
    pub offices: Vec<String>,
}

fn cue(src: &str, file: &'static str, line: usize) -> Result<Cue, LexiconError> {
    let cue = Cue::parse(src);
    if cue.alternatives.is_empty() {
        return Err(LexiconError::EmptyCue { file, line });
    }
    Ok(cue)
}

impl Lexicon {
    /// The names in three languages of the medium the metadata names as
    /// the publisher ("TASS", "ТАСС", "共同通信", an alias), if the lexicon
    /// knows it.
    pub fn publisher(&self, name: &str) -> Option<Texts> {
        let name = name.trim();
        let same = |a: &str| !a.is_empty() && a.trim().eq_ignore_ascii_case(name);
        self.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Media)
            .find(|e| {
                (e.name.iter().map(|(_, n)| n))
                    .chain(e.aliases.iter().map(String::as_str))
                    .any(same)
            })
            .map(|e| e.name.clone())
    }

    /// Parses the four lexicon files.
    pub fn parse(
        events: &str,
        entities: &str,
        words: &str,
        claims: &str,
    ) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon {
            events: Self::parse_events(events)?,
            entities: Self::parse_entities(entities)?,
            claims: Self::parse_claims(claims)?,
            ..Lexicon::default()
        };
        lex.add_words(words)?;
        Ok(lex)
    }

    /// Parses `entities.tsv` (offices come later, from `roles.tsv`).
    fn parse_entities(src: &str) -> Result<Vec<KnownEntity>, LexiconError> {
        let mut out = Vec::new();
        let header = ["id", "kind", "aliases", "country"];
        for (line, [id, kind, aliases, country], [name]) in
            Texts::table("entities.tsv", src, header, ["name"])?
        {
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
            out.push(KnownEntity {
                id: id.into(),
                kind,
                name: texts("entities.tsv", line, name)?,
                aliases: text::list(aliases),
                country: country.into(),
                roles: Vec::new(),
            });
        }
        Ok(out)
    }

    /// Adds the words of `words.tsv`: speech verbs, pronouns, demonyms and
    /// role words.
    fn add_words(&mut self, src: &str) -> Result<(), LexiconError> {
        let lex = self;
        for (line, [kind, word, value]) in file_table("words.tsv", src, ["kind", "word", "value"])?
        {
            match kind {
                "verb" => lex.verbs.push(word.into()),
                "pronoun" => lex.pronouns.push(word.into()),
                "demonym" => lex.demonyms.push((word.into(), value.into())),
                "title" => lex.titles.push((word.into(), value.into())),
                "topic" => lex.topics.push(word.into()),
                "honorific" => lex.honorifics.push(word.into()),
                "office" => lex.offices.push(word.into()),
                "year" => lex.year_words.push((word.into(), value == "after")),
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
        Ok(())
    }

    /// Parses `claims.tsv`.
    fn parse_claims(src: &str) -> Result<Vec<KnownClaim>, LexiconError> {
        let mut out = Vec::new();
        let header = ["id", "side", "by", "cues"];
        for (line, [id, side, by, cues], [statement]) in
            Texts::table("claims.tsv", src, header, ["statement"])?
        {
            let by_subject = match by {
                "subject" => true,
                "term" => false,
                other => {
                    return Err(LexiconError::Kind {
                        file: "claims.tsv",
                        line,
                        kind: other.into(),
                    })
                }
            };
            out.push(KnownClaim {
                id: id.into(),
                side: side.into(),
                by_subject,
                cue: cue(cues, "claims.tsv", line)?,
                statement: texts("claims.tsv", line, statement)?,
            });
        }
        Ok(out)
    }

    /// Adds the offices of `roles.tsv` to the people of `entities.tsv`.
    pub fn add_roles(&mut self, src: &str) -> Result<(), LexiconError> {
        let header = ["person", "from", "to", "source"];
        for (line, [person, from, to, _source], [title]) in
            Texts::table("roles.tsv", src, header, ["role"])?
        {
            let date = |s: &str| {
                (!s.is_empty())
                    .then(|| Date::parse(s))
                    .transpose()
                    .map_err(|source| LexiconError::RoleDate { line, source })
            };
            let role = DatedRole {
                from: date(from)?,
                to: date(to)?,
                title: texts("roles.tsv", line, title)?,
            };
            match self.entities.iter_mut().find(|e| e.id == person) {
                Some(e) => e.roles.push(role),
                None => {
                    return Err(LexiconError::Person {
                        line,
                        person: person.into(),
                    })
                }
            }
        }
        Ok(())
    }

    /// Parses the event lexicon alone.
    pub fn parse_events(src: &str) -> Result<Vec<KnownEvent>, LexiconError> {
        let mut events = Vec::new();
        let header = ["id", "date", "cues", "places", "source"];
        for (line, [id, date, cues, places, source], [title]) in
            Texts::table("events.tsv", src, header, ["title"])?
        {
            let date = match date {
                "@dateline" => EventDate::Dateline,
                "@none" => EventDate::None,
                "@written" => EventDate::Written,
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
                title: texts("events.tsv", line, title)?,
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
        let cue = Cue::parse("Declaration | Statement + 1956 |  +  ; Декларация ; ");
        assert_eq!(
            cue.alternatives,
            [
                vec![
                    vec!["declaration".to_string(), "statement".into()],
                    vec!["1956".into()]
                ],
                vec![vec!["декларация".to_string()]]
            ]
        );
        assert!(Cue::parse(" | ").alternatives.is_empty());
    }

    const EV: &str = "id\tdate\tcues\ttitle\ttitle_ru\ttitle_ja\tplaces\tsource\n";

    #[test]
    fn parses_event_rows_and_reports_errors() {
        let l = Lexicon::parse_events(&format!(
            "{EV}a\t@dateline\tx\tT\t\t\t@mentioned\ts\nb\t1956-10-19\ty\tU\tУ\tウ\tp; q\ts\nc\t@none\tz\tV\t\t\t\ts\nd\t1939..1945-09\tw\tW\t\t\t\ts\n"
        ))
        .unwrap();
        assert_eq!(l[0].date, EventDate::Dateline);
        assert_eq!(l[0].places, EventPlaces::Mentioned);
        assert_eq!(
            l[1].places,
            EventPlaces::Listed(vec!["p".into(), "q".into()])
        );
        assert_eq!(l[1].title.get(kuril_core::i18n::Lang::Ja), "ウ");
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
            Lexicon::parse_events(&format!("{EV}a\t1956-02-30\tx\tT\t\t\t\ts\n")),
            Err(LexiconError::Date { line: 2, .. })
        ));
        assert!(matches!(
            Lexicon::parse_events(&format!("{EV}a\t1956\t \tT\t\t\t\ts\n")),
            Err(LexiconError::EmptyCue { line: 2, .. })
        ));
        assert!(matches!(
            Lexicon::parse_events(&format!("{EV}a\tb\n")),
            Err(LexiconError::Table(FileTableError::Fields {
                found: 2,
                expected: 8,
                ..
            }))
        ));
    }

    const ENT: &str = "id\tkind\tname\tname_ru\tname_ja\taliases\tcountry\n";
    const CL: &str = "id\tside\tby\tcues\tstatement\tstatement_ru\tstatement_ja\n";
    const RO: &str = "person\tfrom\tto\trole\trole_ru\trole_ja\tsource\n";

    #[test]
    fn parses_entities_words_and_claims() {
        let mut l = Lexicon::parse(
            EV,
            &format!("{ENT}x\tperson\tAnn Lee\tЭнн Ли\t\tLee\tjapan\n"),
            "kind\tword\tvalue\nverb\tsaid\t\nrole\tFox\tfox; vixen\ndemonym\tJapanese\tjapan\npronoun\tshe\t\n",
            &format!("{CL}c\tjapan\tsubject\tunfair\tS\t\t\n"),
        )
        .unwrap();
        l.add_roles(&format!(
            "{RO}x\t2012-12-26\t2017-08-03\tFox\tЛиса\t狐\ts\nx\t2021-10-04\t\tOwl\t\t\ts\n"
        ))
        .unwrap();
        let ann = &l.entities[0];
        assert_eq!(ann.name.get(kuril_core::i18n::Lang::Ru), "Энн Ли");
        assert_eq!(ann.name.get(kuril_core::i18n::Lang::Ja), "Ann Lee");
        let on = |d: &str| ann.role_on(Date::parse(d).ok()).map(|r| r.english());
        assert_eq!(on("2015-01-01"), Some("Fox"));
        assert_eq!(on("2018-02-11"), None, "between the two offices");
        assert_eq!(on("2022-01-01"), Some("Owl"));
        assert_eq!(ann.role_on(None), None);
        assert!(matches!(
            l.add_roles(&format!("{RO}nobody\t\t\tFox\t\t\ts\n")),
            Err(LexiconError::Person { line: 2, .. })
        ));
        assert_eq!(l.entities[0].kind, EntityKind::Person);
        assert_eq!(l.entities[0].aliases, ["Lee"]);
        assert_eq!(l.verbs, ["said"]);
        assert_eq!(l.roles[0].references, ["fox", "vixen"]);
        assert_eq!(l.demonyms, [("Japanese".to_string(), "japan".to_string())]);
        assert_eq!(l.claims[0].side, "japan");
        assert!(l.claims[0].by_subject);
        let bad = Lexicon::parse(
            EV,
            &format!("{ENT}x\trobot\tA\t\t\t\t\n"),
            "kind\tword\tvalue\n",
            CL,
        );
        assert!(matches!(bad, Err(LexiconError::Kind { kind, .. }) if kind == "robot"));
    }
}
