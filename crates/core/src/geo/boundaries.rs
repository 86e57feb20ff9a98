//! Borders and lines of control, each with the era it belongs to, from
//! `data/lines.tsv`. Points are `(longitude, latitude)` in degrees.

use crate::i18n::Texts;
use crate::text::FileTableError;
use crate::time::date::{in_period, Date, DateError};
use thiserror::Error;

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A border agreed by treaty.
    Border,
    /// A line of control: not an agreed border.
    Control,
}

/// A line on the map, valid from one date to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub id: String,
    pub from: Date,
    /// Exclusive; `None` for a line still in force.
    pub to: Option<Date>,
    pub kind: LineKind,
    pub label: Texts,
    pub points: Vec<(f64, f64)>,
}

impl Line {
    /// Whether the line is in force on `date`.
    pub fn in_force(&self, date: Date) -> bool {
        in_period(self.from, self.to, date)
    }
}

/// Why the lines file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum LinesError {
    #[error(transparent)]
    Table(#[from] FileTableError),
    #[error("lines.tsv line {line}: {source}")]
    Date { line: usize, source: DateError },
    #[error("lines.tsv line {line}: {what}")]
    Bad { line: usize, what: String },
}

/// Parses the lines file.
pub fn parse(src: &str) -> Result<Vec<Line>, LinesError> {
    let header = ["id", "from", "to", "kind", "points"];
    Texts::table("lines.tsv", src, header, ["label"])?
        .map(|(line, [id, from, to, kind, points], [label])| {
            let date = |s: &str| Date::parse(s).map_err(|source| LinesError::Date { line, source });
            let bad = |what: &str| LinesError::Bad {
                line,
                what: what.into(),
            };
            let kind = match kind {
                "border" => LineKind::Border,
                "control" => LineKind::Control,
                _ => return Err(bad("kind must be border or control")),
            };
            let points = points
                .split(';')
                .map(|p| {
                    let mut xy = p.split_whitespace().map(crate::text::decimal);
                    match (xy.next(), xy.next(), xy.next()) {
                        (Some(Some(lon)), Some(Some(lat)), None)
                            if lon.abs() <= 180.0 && lat.abs() <= 90.0 =>
                        {
                            Ok((lon, lat))
                        }
                        _ => Err(bad("points must be 'lon lat' pairs")),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            if points.len() < 2 {
                return Err(bad("a line needs two points or more"));
            }
            Ok(Line {
                id: id.into(),
                from: date(from)?,
                to: if to.is_empty() { None } else { Some(date(to)?) },
                kind,
                label: label
                    .with_english()
                    .ok_or_else(|| bad("a line needs a label"))?,
                points,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::LINES;

    fn in_force(date: &str) -> Vec<String> {
        let d = Date::parse(date).unwrap();
        parse(LINES)
            .unwrap()
            .into_iter()
            .filter(|l| l.in_force(d))
            .map(|l| l.id)
            .collect()
    }

    #[test]
    fn each_era_has_its_lines() {
        assert!(in_force("1850").is_empty(), "no border before 1855");
        assert_eq!(in_force("1860"), ["shimoda_1855"]);
        assert_eq!(
            in_force("1900"),
            ["stpetersburg_1875_kuril", "stpetersburg_1875_soya"]
        );
        assert_eq!(
            in_force("1920"),
            ["stpetersburg_1875_kuril", "portsmouth_1905"]
        );
        assert_eq!(in_force("1956-10-19"), ["present_line_of_control"]);
        assert_eq!(in_force("2018-02-11"), ["present_line_of_control"]);
        let loc = parse(LINES)
            .unwrap()
            .into_iter()
            .find(|l| l.id == "present_line_of_control")
            .unwrap();
        assert_eq!(loc.kind, LineKind::Control);
    }

    #[test]
    fn reports_bad_rows() {
        let head = "id\tfrom\tto\tkind\tlabel\tlabel_ru\tlabel_ja\tpoints\n";
        let bad = |row: &str| parse(&format!("{head}{row}")).unwrap_err();
        assert!(matches!(
            parse("x"),
            Err(LinesError::Table(FileTableError::Header { .. }))
        ));
        assert!(matches!(
            bad("a\t1900\t\twall\tA\t\t\t1 2; 3 4\n"),
            LinesError::Bad { line: 2, .. }
        ));
        assert!(matches!(
            bad("a\t1900\t\tborder\tA\t\t\t1 2\n"),
            LinesError::Bad { .. }
        ));
        assert!(matches!(
            bad("a\t1900\t\tborder\tA\t\t\t1 2; 3 x\n"),
            LinesError::Bad { .. }
        ));
        assert!(matches!(
            bad("a\t1900\t\tborder\tA\t\t\t1 200; 3 4\n"),
            LinesError::Bad { .. }
        ));
        assert!(matches!(
            bad("a\t19\t\tborder\tA\t\t\t1 2; 3 4\n"),
            LinesError::Date { .. }
        ));
        assert!(matches!(
            bad("a\t1900\n"),
            LinesError::Table(FileTableError::Fields { found: 2, .. })
        ));
    }
}
