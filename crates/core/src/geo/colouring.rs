//! The map on a date, computed once and shared by the land, the lines over
//! it and its legend: who held each map feature, whether another state
//! claimed it, what the selected event proposed for it, the borders and
//! lines of control in force, and the legend's entries that explain
//! exactly these (the holders in first-seen order, the claim mark, each
//! proposal once).
//!
//! ```
//! use kuril_core::data::Bundle;
//! use kuril_core::time::date::Date;
//! let b = Bundle::load().unwrap();
//! let on = b.map_on(Some(Date::ymd(1956, 10, 19).unwrap()), Some("joint-declaration-1956"));
//! let shikotan = b.map.features.iter().position(|f| f.id == "shikotan").unwrap();
//! assert!(on.features[shikotan].claimed && on.features[shikotan].proposal.is_some());
//! assert_eq!(on.legend.proposals.len(), 1, "Shikotan and Habomai share one entry");
//! ```

use crate::geo::boundaries::Line;
use crate::geo::control::{ControlTable, Holder};
use crate::geo::gazetteer::Gazetteer;
use crate::geo::map::MapAsset;
use crate::geo::proposals::{self, Proposal};
use crate::time::date::Date;

/// One map feature on the date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeatureOnDate {
    /// Who held it, if anyone did (before 1855 no one is shown).
    pub holder: Option<Holder>,
    /// Whether another state claimed it.
    pub claimed: bool,
    /// The index in the proposals of what the selected event proposed for
    /// it, if anything.
    pub proposal: Option<usize>,
}

/// What the legend explains.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Legend {
    /// The holders on the map, in the order the features first show them.
    pub holders: Vec<Holder>,
    /// Whether any feature is claimed.
    pub claimed: bool,
    /// The proposals shown, each label once (indices in the proposals).
    pub proposals: Vec<usize>,
}

/// The whole map on a date: one entry per map feature, in the asset's
/// order, and the legend.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapOnDate {
    pub features: Vec<FeatureOnDate>,
    /// The borders and lines of control in force (indices in the lines),
    /// drawn on the map and listed in the legend.
    pub lines: Vec<usize>,
    pub legend: Legend,
}

/// The map on `date` with `event` selected.
pub fn map_on(
    map: &MapAsset,
    gazetteer: &Gazetteer,
    control: &ControlTable,
    proposals: &[Proposal],
    lines: &[Line],
    date: Option<Date>,
    event: Option<&str>,
) -> MapOnDate {
    let mut out = MapOnDate {
        lines: (0..lines.len())
            .filter(|&i| date.is_some_and(|d| lines[i].in_force(d)))
            .collect(),
        ..MapOnDate::default()
    };
    for feat in &map.features {
        let held = date.and_then(|d| control.at(&feat.id, d, gazetteer));
        let proposal = event
            .and_then(|e| proposals::for_place(proposals, e, &feat.id, gazetteer))
            .and_then(|p| proposals.iter().position(|q| std::ptr::eq(p, q)));
        let f = FeatureOnDate {
            holder: held.as_ref().map(|c| c.holder),
            claimed: held.as_ref().is_some_and(|c| c.claimed_by.is_some()),
            proposal,
        };
        let legend = &mut out.legend;
        if let Some(h) = f.holder.filter(|h| !legend.holders.contains(h)) {
            legend.holders.push(h);
        }
        legend.claimed |= f.claimed;
        if let Some(i) = f.proposal {
            let label = &proposals[i].label;
            if !legend
                .proposals
                .iter()
                .any(|&j| proposals[j].label == *label)
            {
                legend.proposals.push(i);
            }
        }
        out.features.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Bundle;

    #[test]
    fn the_legend_explains_what_the_land_shows_and_nothing_else() {
        let b = Bundle::load().unwrap();
        let on = |d: &str| b.map_on(Some(Date::parse(d).unwrap()), None);
        let at = |id: &str| b.map.features.iter().position(|f| f.id == id).unwrap();
        let m1900 = on("1900");
        assert_eq!(m1900.features[at("iturup")].holder, Some(Holder::Japan));
        assert!(!m1900.legend.claimed && m1900.legend.proposals.is_empty());
        let m2018 = on("2018-02-11");
        let in_force: Vec<&str> = m2018
            .lines
            .iter()
            .map(|&i| b.lines[i].id.as_str())
            .collect();
        assert_eq!(in_force, ["present_line_of_control"]);
        let in_1900: Vec<&str> = m1900
            .lines
            .iter()
            .map(|&i| b.lines[i].id.as_str())
            .collect();
        assert_eq!(
            in_1900,
            ["stpetersburg_1875_kuril", "stpetersburg_1875_soya"]
        );
        assert!(b.map_on(None, None).lines.is_empty(), "no date, no line");
        assert_eq!(m2018.features[at("kunashir")].holder, Some(Holder::Russia));
        assert!(m2018.features[at("kunashir")].claimed && m2018.legend.claimed);
        // Every holder in the legend is on the map, and the reverse.
        for m in [&m1900, &m2018] {
            for h in &m.legend.holders {
                assert!(m.features.iter().any(|f| f.holder == Some(*h)));
            }
            assert!(m
                .features
                .iter()
                .all(|f| f.holder.is_none_or(|h| m.legend.holders.contains(&h))));
        }
        // Before 1855 nothing is held, and nothing is explained.
        let m1800 = on("1800");
        assert!(
            m1800.legend.holders.is_empty() && m1800.features.iter().all(|f| f.holder.is_none())
        );
    }
}
