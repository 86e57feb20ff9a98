//! What an event proposed for a place (the 1956 declaration: Shikotan and
//! the Habomai islets to Japan after a peace treaty), from
//! `data/proposals.tsv`, so the map can draw it while that event is
//! selected. Data, not per-event code.

use crate::geo::control::Holder;
use crate::geo::gazetteer::Gazetteer;
use crate::i18n::Texts;
use crate::text::FileTableError;
use thiserror::Error;

/// A transfer an event proposed.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The event that made it.
    pub event: String,
    /// The place (a group covers its members).
    pub place: String,
    /// The state it would pass to.
    pub to: Holder,
    /// What the legend says of it.
    pub label: Texts,
}

/// Why the proposals file could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum ProposalsError {
    #[error(transparent)]
    Table(#[from] FileTableError),
    #[error("proposals.tsv line {line}: 'to' must be japan or russia")]
    To { line: usize },
}

/// Parses the proposals file.
pub fn parse(src: &str) -> Result<Vec<Proposal>, ProposalsError> {
    let header = ["event", "place", "to", "source"];
    Texts::table("proposals.tsv", src, header, ["label"])?
        .map(|(line, [event, place, to, _source], [label])| {
            let to = Holder::parse(to)
                .filter(|h| *h != Holder::Shared)
                .ok_or(ProposalsError::To { line })?;
            Ok(Proposal {
                event: event.into(),
                place: place.into(),
                to,
                label,
            })
        })
        .collect()
}

/// The proposal `event` made for `place`, if any (a proposal for a group
/// covers its members).
pub fn for_place<'a>(
    proposals: &'a [Proposal],
    event: &str,
    place: &str,
    gazetteer: &Gazetteer,
) -> Option<&'a Proposal> {
    proposals
        .iter()
        .find(|p| p.event == event && gazetteer.is_within(place, &p.place))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{GAZETTEER, PROPOSALS};

    #[test]
    fn the_1956_declaration_covers_shikotan_and_every_habomai_islet_only() {
        let all = parse(PROPOSALS).unwrap();
        let g = Gazetteer::parse(GAZETTEER).unwrap();
        let e = "joint-declaration-1956";
        for id in ["shikotan", "habomai", "habomai_suisho", "habomai_harukari"] {
            let p = for_place(&all, e, id, &g).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(p.to, Holder::Japan, "{id}");
        }
        for id in ["iturup", "kunashir", "urup", "hokkaido"] {
            assert!(for_place(&all, e, id, &g).is_none(), "{id}");
        }
        assert!(for_place(&all, "interview", "shikotan", &g).is_none());
    }

    #[test]
    fn bad_rows_are_errors() {
        let head = "event\tplace\tto\tlabel\tlabel_ru\tlabel_ja\tsource\n";
        assert!(matches!(
            parse("x\n"),
            Err(ProposalsError::Table(FileTableError::Header { .. }))
        ));
        assert_eq!(
            parse(&format!("{head}e\tshikotan\tshared\tl\t\t\ts\n")),
            Err(ProposalsError::To { line: 2 })
        );
        assert!(matches!(
            parse(&format!("{head}e\tshikotan\tjapan\n")),
            Err(ProposalsError::Table(FileTableError::Fields {
                line: 2,
                found: 3,
                ..
            }))
        ));
    }
}
