//! Who held or administered each place, and when: periods per place from
//! `data/control.tsv`, so the map can be coloured for any date the timeline
//! selects. Before the first period (1855) no border is drawn.

use crate::geo::gazetteer::Gazetteer;
use crate::text::{self, FileTableError};
use crate::time::date::{in_period, Date, DateError};
use thiserror::Error;

/// Who held a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    Japan,
    /// The Russian Empire, the Soviet Union, the Russian Federation.
    Russia,
    /// Held by both (Sakhalin under the 1855 treaty).
    Shared,
}

impl Holder {
    pub(crate) fn parse(s: &str) -> Option<Holder> {
        Some(match s {
            "japan" => Holder::Japan,
            "russia" => Holder::Russia,
            "shared" => Holder::Shared,
            _ => return None,
        })
    }

    /// The key of its name in `data/ui.tsv` on a date: Russia was the
    /// Soviet Union from 30 December 1922 to 26 December 1991.
    pub fn key(&self, on: Date) -> &'static str {
        let soviet = |d: Date| {
            let days = d.days_since_epoch();
            (Date {
                year: 1922,
                month: 12,
                day: 30,
            }
            .days_since_epoch()..Date {
                year: 1991,
                month: 12,
                day: 26,
            }
            .days_since_epoch())
                .contains(&days)
        };
        match self {
            Holder::Japan => "holder-japan",
            Holder::Russia if soviet(on) => "holder-soviet",
            Holder::Russia => "holder-russia",
            Holder::Shared => "holder-shared",
        }
    }
}

/// One period of control of one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub place: String,
    pub from: Date,
    /// Exclusive; `None` for a period that lasts to this day.
    pub to: Option<Date>,
    pub holder: Holder,
    /// Gazetteer id of a state that claims the place meanwhile.
    pub claimed_by: Option<String>,
    pub source: String,
}

/// Who held a place on a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Control {
    pub holder: Holder,
    pub claimed_by: Option<String>,
}

/// Why the control table could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum ControlError {
    #[error(transparent)]
    Table(#[from] FileTableError),
    #[error("control.tsv line {line}: {source}")]
    Date { line: usize, source: DateError },
    #[error("control.tsv line {line}: unknown holder '{holder}'")]
    Holder { line: usize, holder: String },
    #[error("control.tsv line {line}: the period ends before it begins")]
    Order { line: usize },
    #[error("control.tsv line {line}: the period overlaps another of '{place}'")]
    Overlap { line: usize, place: String },
}

/// All periods.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ControlTable {
    pub periods: Vec<Period>,
}

fn covers(p: &Period, on: Date) -> bool {
    in_period(p.from, p.to, on)
}

impl ControlTable {
    /// Parses the control table.
    pub fn parse(src: &str) -> Result<ControlTable, ControlError> {
        let rows = text::file_table(
            "control.tsv",
            src,
            ["place", "from", "to", "holder", "claimed_by", "source"],
        )?;
        let mut periods: Vec<Period> = Vec::new();
        for (line, [place, from, to, holder, claimed_by, source]) in rows {
            let date =
                |s: &str| Date::parse(s).map_err(|source| ControlError::Date { line, source });
            let p = Period {
                place: place.into(),
                from: date(from)?,
                to: if to.is_empty() { None } else { Some(date(to)?) },
                holder: Holder::parse(holder).ok_or(ControlError::Holder {
                    line,
                    holder: holder.into(),
                })?,
                claimed_by: (!claimed_by.is_empty()).then(|| claimed_by.to_string()),
                source: source.into(),
            };
            if p.to
                .is_some_and(|t| t.days_since_epoch() <= p.from.days_since_epoch())
            {
                return Err(ControlError::Order { line });
            }
            // Two periods overlap when either begins inside the other.
            let clash = periods
                .iter()
                .filter(|q| q.place == p.place)
                .any(|q| covers(q, p.from) || covers(&p, q.from));
            if clash {
                return Err(ControlError::Overlap {
                    line,
                    place: p.place,
                });
            }
            periods.push(p);
        }
        Ok(ControlTable { periods })
    }

    /// Who held `place` on `date`: from its own periods, or else its
    /// parent's (an islet takes its group's). `None` before any border.
    pub fn at(&self, place: &str, date: Date, gazetteer: &Gazetteer) -> Option<Control> {
        let mut cur = place.to_string();
        for _ in 0..=gazetteer.places.len() {
            let own: Vec<&Period> = self.periods.iter().filter(|p| p.place == cur).collect();
            if !own.is_empty() {
                return own.into_iter().find(|p| covers(p, date)).map(|p| Control {
                    holder: p.holder,
                    claimed_by: p.claimed_by.clone(),
                });
            }
            cur = gazetteer
                .get(&cur)
                .filter(|p| !p.parent.is_empty())?
                .parent
                .clone();
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{CONTROL, GAZETTEER};

    fn at(place: &str, date: &str) -> Option<(Holder, Option<String>)> {
        let table = ControlTable::parse(CONTROL).unwrap();
        let g = Gazetteer::parse(GAZETTEER).unwrap();
        table
            .at(place, Date::parse(date).unwrap(), &g)
            .map(|c| (c.holder, c.claimed_by))
    }

    #[test]
    fn control_at_sample_dates() {
        use Holder::*;
        let japan = Some("japan".to_string());
        for place in [
            "iturup",
            "kunashir",
            "shikotan",
            "habomai_shibotsu",
            "urup",
            "sakhalin",
            "hokkaido",
            "kamchatka",
        ] {
            assert_eq!(at(place, "1850"), None, "{place}: no border before 1855");
        }
        for (place, y1860, y1900, y1950, y2018) in [
            ("iturup", Japan, Japan, Russia, Russia),
            ("kunashir", Japan, Japan, Russia, Russia),
            ("shikotan", Japan, Japan, Russia, Russia),
            ("habomai_shibotsu", Japan, Japan, Russia, Russia),
            ("urup", Russia, Japan, Russia, Russia),
            ("sakhalin", Shared, Russia, Russia, Russia),
            ("sakhalin_south", Shared, Russia, Russia, Russia),
            ("hokkaido", Japan, Japan, Japan, Japan),
            ("kamchatka", Russia, Russia, Russia, Russia),
        ] {
            assert_eq!(at(place, "1860").map(|c| c.0), Some(y1860), "{place} 1860");
            assert_eq!(at(place, "1900").map(|c| c.0), Some(y1900), "{place} 1900");
            assert_eq!(at(place, "1950").map(|c| c.0), Some(y1950), "{place} 1950");
            assert_eq!(at(place, "2018").map(|c| c.0), Some(y2018), "{place} 2018");
        }
        // 1905-1945: Sakhalin divided at 50°N.
        assert_eq!(at("sakhalin", "1920").map(|c| c.0), Some(Russia));
        assert_eq!(at("sakhalin_south", "1920").map(|c| c.0), Some(Japan));
        // Claimed by Japan after 1945: the four islands, not Urup.
        assert_eq!(at("kunashir", "2018").unwrap().1, japan);
        assert_eq!(at("urup", "2018").unwrap().1, None);
        // 2 September 1945: Iturup, Kunashir and Shikotan taken, not yet Habomai.
        assert_eq!(at("shikotan", "1945-09-02").map(|c| c.0), Some(Russia));
        assert_eq!(at("habomai_yuri", "1945-09-02").map(|c| c.0), Some(Japan));
        assert_eq!(at("iturup", "1945-08-27").map(|c| c.0), Some(Japan));
    }

    #[test]
    fn russia_is_named_by_its_state_of_the_day() {
        let ui = crate::i18n::Strings::parse(crate::data::UI).unwrap();
        let name = |h: Holder, d: &str| {
            ui.at(crate::i18n::Lang::En)
                .get(h.key(Date::parse(d).unwrap()))
        };
        assert_eq!(name(Holder::Russia, "1956-10-19"), "Soviet Union");
        assert_eq!(name(Holder::Russia, "1991-12-26"), "Russia");
        assert_eq!(name(Holder::Russia, "1900"), "Russia");
        assert_eq!(name(Holder::Japan, "1900"), "Japan");
    }

    #[test]
    fn reports_bad_tables() {
        let head = "place\tfrom\tto\tholder\tclaimed_by\tsource\n";
        assert!(matches!(
            ControlTable::parse("x\n"),
            Err(ControlError::Table(FileTableError::Header { .. }))
        ));
        let bad = |rows: &str| ControlTable::parse(&format!("{head}{rows}")).unwrap_err();
        assert!(matches!(
            bad("a\t1900\t1800\tjapan\t\ts\n"),
            ControlError::Order { line: 2 }
        ));
        assert!(matches!(
            bad("a\t1900\t\tmars\t\ts\n"),
            ControlError::Holder { .. }
        ));
        assert!(matches!(
            bad("a\t19x0\t\tjapan\t\ts\n"),
            ControlError::Date { .. }
        ));
        assert!(matches!(
            bad("a\t1900\t\tjapan\n"),
            ControlError::Table(FileTableError::Fields { found: 4, .. })
        ));
        assert!(matches!(
            bad("a\t1900\t1950\tjapan\t\ts\na\t1940\t\trussia\t\ts\n"),
            ControlError::Overlap { line: 3, .. }
        ));
        assert!(matches!(
            bad("a\t1940\t\trussia\t\ts\na\t1900\t1950\tjapan\t\ts\n"),
            ControlError::Overlap { line: 3, .. }
        ));
        assert!(ControlTable::parse(&format!(
            "{head}a\t1900\t1950\tjapan\t\ts\na\t1950\t\trussia\t\ts\n"
        ))
        .is_ok());
    }
}
