//! The gazetteer: places with names in each language,
//! aliases used in texts, a point inside each mappable place, and a parent,
//! read from `data/gazetteer.tsv`. Finding them in a text is
//! [`crate::names`]' work.

use crate::i18n::texts::Texts;
use crate::text::{self, FileTableError};
use thiserror::Error;

/// A place the widget knows.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: String,
    /// The group or country this place belongs to (empty for none).
    pub parent: String,
    /// `island`, `islet`, `group`, `country`, `city`, ...
    pub kind: String,
    /// A point inside the place, `(longitude, latitude)` in degrees.
    pub point: Option<(f64, f64)>,
    /// Its name in each language (columns `name_en`, `name_ru`, …).
    pub name: Texts,
    /// Japanese name in Latin letters.
    pub romaji: String,
    pub aliases: Vec<String>,
    /// Land area in square kilometres, where known.
    pub area_km2: Option<f64>,
    /// A disputed place's name on the other side, as Russian and Japanese
    /// write it beside their own ("Эторофу", 「イトゥルップ」); empty where
    /// both sides' names are the same (columns `other_en`, `other_ru`, …;
    /// English's is empty: [`Place::label`] gives the other name in Latin
    /// letters).
    pub other: Texts,
    /// Where the map writes the name (column `label`), if it does.
    pub map_label: Option<Label>,
}

/// Where the map writes a place's name: the offset from its point in the
/// map's units and the text's anchor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    pub dx: f64,
    pub dy: f64,
    /// `start`, `middle` or `end` (SVG's `text-anchor`).
    pub anchor: &'static str,
}

impl Label {
    /// Reads `dx dy anchor`.
    fn parse(s: &str) -> Option<Label> {
        let mut parts = s.split(' ').filter(|p| !p.is_empty());
        let (dx, dy) = (text::decimal(parts.next()?)?, text::decimal(parts.next()?)?);
        let written = parts.next()?;
        let anchor = ["start", "middle", "end"]
            .into_iter()
            .find(|a| *a == written)?;
        (parts.next().is_none() && dx.abs() < 1e5 && dy.abs() < 1e5).then_some(Label {
            dx,
            dy,
            anchor,
        })
    }
}

impl Place {
    /// A short English label. Disputed places carry both sides' names
    /// ("Iturup / Etorofu") where they differ.
    pub fn label(&self, gazetteer: &Gazetteer) -> String {
        if self.names_differ(gazetteer) {
            format!("{} / {}", self.name.english(), self.romaji)
        } else {
            self.name.english().into()
        }
    }

    /// Whether this is a disputed place (not the group of them) whose
    /// Japanese name is another name than its English one (Iturup,
    /// Etorofu; not Shikotan): its label carries both sides' names.
    pub fn names_differ(&self, gazetteer: &Gazetteer) -> bool {
        let disputed = gazetteer.is_within(&self.id, "disputed") && self.id != "disputed";
        // A plain search: `str::contains` brings its searcher's 1.5 KB
        // into the reader's wasm for this one call.
        let (name, romaji) = (self.name.english().as_bytes(), self.romaji.as_bytes());
        disputed && !romaji.is_empty() && !name.windows(romaji.len()).any(|w| w == romaji)
    }
}

/// Why the gazetteer could not be read.
#[derive(Debug, Error, PartialEq)]
pub enum GazetteerError {
    #[error(transparent)]
    Table(#[from] FileTableError),
    #[error("gazetteer line {line}: bad coordinate or area '{value}'")]
    Coordinate { line: usize, value: String },
    #[error(
        "gazetteer line {line}: a label is 'dx dy anchor' (start, middle or end), not '{value}'"
    )]
    Label { line: usize, value: String },
    #[error("gazetteer line {line}: id '{id}' appears twice")]
    Duplicate { line: usize, id: String },
    #[error("gazetteer: '{id}' has unknown parent '{parent}'")]
    Parent { id: String, parent: String },
}

/// All places, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Gazetteer {
    pub places: Vec<Place>,
}

/// The gazetteer's columns, as its reader asks for them (by name: their
/// order in the file is the editor's), and those in every language.
const HEADER: [&str; 9] = [
    "id", "parent", "kind", "lon", "lat", "romaji", "aliases", "area_km2", "label",
];
const TEXTS: [&str; 2] = ["name", "other"];

impl Gazetteer {
    /// Parses the gazetteer file.
    pub fn parse(src: &str) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer { places: Vec::new() };
        g.extend("gazetteer.tsv", src)?;
        Ok(g)
    }

    /// Adds the places of another file with the gazetteer's columns
    /// (`places.tsv`, the places beyond the map); a parent may be in
    /// either file.
    pub fn extend(&mut self, file: &'static str, src: &str) -> Result<(), GazetteerError> {
        let rows = Texts::table(file, src, HEADER, TEXTS)?;
        let places = &mut self.places;
        places.reserve(rows.len());
        for (line, [id, parent, kind, lon, lat, romaji, aliases, area, label], [name, other]) in
            rows
        {
            let coord = |v: &str, limit: f64| -> Result<f64, GazetteerError> {
                text::decimal(v)
                    .filter(|x| x.abs() <= limit)
                    .ok_or(GazetteerError::Coordinate {
                        line,
                        value: v.to_string(),
                    })
            };
            let point = match (lon, lat) {
                ("", "") => None,
                _ => Some((coord(lon, 180.0)?, coord(lat, 90.0)?)),
            };
            let area_km2 = match area {
                "" => None,
                a => Some(coord(a, f64::MAX).ok().filter(|x| *x >= 0.0).ok_or(
                    GazetteerError::Coordinate {
                        line,
                        value: a.to_string(),
                    },
                )?),
            };
            if places.iter().any(|p| p.id == id) {
                return Err(GazetteerError::Duplicate {
                    line,
                    id: id.to_string(),
                });
            }
            let map_label = match label {
                "" => None,
                l => Some(Label::parse(l).ok_or_else(|| GazetteerError::Label {
                    line,
                    value: l.to_string(),
                })?),
            };
            places.push(Place {
                id: id.into(),
                parent: parent.into(),
                kind: kind.into(),
                point,
                name,
                romaji: romaji.into(),
                aliases: text::list(aliases),
                area_km2,
                other,
                map_label,
            });
        }
        let g = &*self;
        if let Some(p) = g
            .places
            .iter()
            .find(|p| !p.parent.is_empty() && g.get(&p.parent).is_none())
        {
            return Err(GazetteerError::Parent {
                id: p.id.clone(),
                parent: p.parent.clone(),
            });
        }
        Ok(())
    }

    /// The place with this id.
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Whether `id` is `ancestor` or lies inside it (following parents).
    pub fn is_within(&self, id: &str, ancestor: &str) -> bool {
        let mut cur = id;
        // The depth bound guards against a parent cycle in hand-edited data.
        for _ in 0..=self.places.len() {
            if cur == ancestor {
                return true;
            }
            match self.get(cur) {
                Some(p) if !p.parent.is_empty() => cur = &p.parent,
                _ => return false,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "id\tparent\tkind\tlon\tlat\tname_en\tname_ru\tname_ja\tromaji\taliases\tarea_km2\tother_ru\tother_ja\tother_en\tlabel\n";

    fn sample() -> Gazetteer {
        let rows = "disputed\t\tgroup\t\t\tthe four islands\t\t\t\tfour islands; Southern Kuril Islands\t\t\t\t\t\n\
                    iturup\tdisputed\tisland\t147.62\t45.03\tIturup\tИтуруп\t択捉島\tEtorofu\tEtorofu\t3167\tЭторофу\tイトゥルップ\t\t\n\
                    kurils\t\tgroup\t\t\tKuril Islands\t\t\t\t\t\t\t\t\t\n\
                    us\t\tcountry\t\t\tUnited States\t\t\t\tUS\t\t\t\t\t\n";
        Gazetteer::parse(&format!("{HEAD}{rows}")).unwrap()
    }

    #[test]
    fn labels_disputed_places_with_both_names() {
        let g = sample();
        assert_eq!(g.get("iturup").unwrap().label(&g), "Iturup / Etorofu");
        assert_eq!(g.get("kurils").unwrap().label(&g), "Kuril Islands");
        assert!(g.is_within("iturup", "disputed"));
        assert!(!g.is_within("kurils", "disputed"));
        assert_eq!(g.get("iturup").unwrap().area_km2, Some(3167.0));
        assert_eq!(g.get("kurils").unwrap().area_km2, None);
    }

    #[test]
    fn reports_bad_rows() {
        assert!(matches!(
            Gazetteer::parse("id\tname\n"),
            Err(GazetteerError::Table(FileTableError::Header { .. }))
        ));
        let bad = format!("{HEAD}a\t\tisland\t200\t1\ta\t\t\t\t\t\t\t\t\t\n");
        assert!(matches!(
            Gazetteer::parse(&bad),
            Err(GazetteerError::Coordinate { line: 2, .. })
        ));
        let negative = format!("{HEAD}a\t\tisland\t\t\ta\t\t\t\t\t-5\t\t\t\t\n");
        assert!(matches!(
            Gazetteer::parse(&negative),
            Err(GazetteerError::Coordinate { .. })
        ));
        let short = format!("{HEAD}a\tb\n");
        assert!(matches!(
            Gazetteer::parse(&short),
            Err(GazetteerError::Table(FileTableError::Fields {
                found: 2,
                ..
            }))
        ));
        let orphan = format!("{HEAD}a\tnowhere\tisland\t\t\ta\t\t\t\t\t\t\t\t\t\n");
        assert!(matches!(
            Gazetteer::parse(&orphan),
            Err(GazetteerError::Parent { .. })
        ));
        let label = format!("{HEAD}a\t\tisland\t\t\ta\t\t\t\t\t\t\t\t\t180 0 east\n");
        assert!(matches!(
            Gazetteer::parse(&label),
            Err(GazetteerError::Label { .. })
        ));
        let label = label.replace("east", "start");
        let g = Gazetteer::parse(&label).unwrap();
        assert_eq!(
            g.places[0].map_label.map(|l| (l.dx, l.anchor)),
            Some((180.0, "start"))
        );
        let twice = format!(
            "{HEAD}a\t\tisland\t\t\ta\t\t\t\t\t\t\t\t\t\na\t\tisland\t\t\ta\t\t\t\t\t\t\t\t\t\n"
        );
        assert!(matches!(
            Gazetteer::parse(&twice),
            Err(GazetteerError::Duplicate { line: 3, .. })
        ));
    }
}
