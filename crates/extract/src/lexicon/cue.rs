//! [`Cue`]: the words that name a known event or a side's position in a
//! sentence, as `events.tsv` and `claims.tsv` write them.

/// A cue: any of its alternatives (separated by " ; "), each a list of
/// terms that must all occur in a sentence (" + "); each term a list of
/// alternative phrases (" | "), kept in lower case: matching ignores case.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    pub alternatives: Vec<Vec<Vec<String>>>,
}

impl Cue {
    /// Parses `a | b + c ; d` (a or b, and c; or d).
    pub fn parse(src: &str) -> Cue {
        let terms = |alt: &str| -> Vec<Vec<String>> {
            alt.split(" + ")
                .map(|t| {
                    t.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_lowercase)
                        .collect()
                })
                .filter(|t: &Vec<String>| !t.is_empty())
                .collect()
        };
        Cue {
            alternatives: src
                .split(" ; ")
                .map(terms)
                .filter(|a| !a.is_empty())
                .collect(),
        }
    }
}
