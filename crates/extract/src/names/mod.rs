//! Finding names in a text: tokens, accent folding and tolerant matching of
//! multi-word names, so that a typo or a transliteration variant still
//! resolves ("MOSXOW" is Moscow, "Litsva" is "Litsa", "Itúrup" is Iturup).
//!
//! Three scripts: Latin words are runs of letters; a Russian word matches
//! in any case ending ("Итурупе" is Итуруп, "Курилах" is Курилы); Japanese
//! is written without spaces, so each kana or kanji is a word of its own
//! and a name is a run of them ("択捉島" inside "択捉島の").
//!
//! Here: words, folding and matching one word; `index.rs` holds the
//! indexes that find phrases and names in a text.

mod index;

pub use index::{Hit, NameIndex, PhraseIndex};
use kuril_core::text::Span;

/// A word of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub span: Span,
    /// Lower case, accents removed, typographic apostrophes made straight.
    pub folded: String,
    /// Whether it starts with a capital letter in the text.
    pub capitalised: bool,
}

/// Lower-cases a character and strips the accents and macrons common in
/// Latin transliterations of Russian and Japanese names.
fn fold_char(c: char) -> char {
    let c = c.to_lowercase().next().unwrap_or(c);
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ñ' => 'n',
        'ç' => 'c',
        'ё' => 'е',
        '’' | '‘' => '\'',
        _ => c,
    }
}

/// Folds a word for comparison.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Kana and kanji: each is a word of its own (Japanese has no spaces
/// between words, and names are matched as runs of characters).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// A Cyrillic letter: a Russian word, which matches in any case ending.
pub fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x04FF)
}

/// Russian case and number endings (and the past tense's -а, -и of speech
/// verbs), folded: a name's stem takes any of them.
pub(crate) const ENDINGS: &[&str] = &[
    "", "а", "я", "о", "е", "у", "ю", "ы", "и", "й", "ь", "ой", "ей", "ий", "ый", "ая", "яя", "ое",
    "ее", "ую", "юю", "ые", "ие", "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ми", "ами",
    "ями", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ыми", "ими", "ою", "ею",
];

/// Whether two folded Russian words are forms of one word: a shared stem
/// of three letters or more, each followed by an ending of [`ENDINGS`]
/// ("курилы", "курилах"; "южные", "южных"; "лавров", "лаврова").
fn inflected(text: &str, name: &str) -> bool {
    // Cheap refusals first: this runs for every word against every name.
    // Three Cyrillic letters are six bytes; a name has four at least.
    let (t, n) = (text.as_bytes(), name.as_bytes());
    // Cyrillic letters' UTF-8 starts with 0xD0 or 0xD1.
    if n.first().is_none_or(|b| b & 0xFE != 0xD0) || t.len() < 6 || n.len() < 8 || t[..6] != n[..6]
    {
        return false;
    }
    let common = text
        .char_indices()
        .zip(name.chars())
        .take_while(|((_, a), b)| a == b)
        .map(|((i, a), _)| i + a.len_utf8())
        .last()
        .unwrap_or(0);
    // Each shorter stem down to three letters (six bytes in Cyrillic).
    (6..=common)
        .rev()
        .filter(|k| text.is_char_boundary(*k))
        .any(|k| ENDINGS.contains(&&text[k..]) && ENDINGS.contains(&&name[k..]))
}

/// The endings of a town's name in -ск: «Курильска», «Курильске»,
/// «Курильском», «Курильску».
const TOWN_ENDINGS: &[&str] = &["", "а", "е", "у", "ом"];

/// Whether a folded text word is the folded name word: the same, or for
/// Russian another case of it.
#[inline]
pub fn same_word(text: &str, name: &str) -> bool {
    text == name || inflected(text, name)
}

/// Whether the folded words `text` begin with the folded words `w`, word
/// by word the same (a Russian one in any case ending). What every phrase,
/// verb, office and pronoun is matched with.
pub fn begins_with<'a>(text: impl IntoIterator<Item = &'a str>, w: &[String]) -> bool {
    let mut text = text.into_iter();
    !w.is_empty()
        && w.iter()
            .all(|n| text.next().is_some_and(|t| same_word(t, n)))
}

fn is_inner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.')
}

/// Whether the apostrophe `d` at byte `i` starts a possessive "'s" that
/// ends the word ("Japan’s" is the word "Japan").
fn is_possessive(text: &str, i: usize, d: char) -> bool {
    let mut rest = text[i + d.len_utf8()..].chars();
    matches!(d, '\'' | '’')
        && matches!(rest.next(), Some('s' | 'S'))
        && !rest.next().is_some_and(char::is_alphanumeric)
}

/// Splits a text into words: runs of letters and digits, with hyphens,
/// apostrophes and dots kept inside a word ("Asker-zade", "O'Brien", "U.S");
/// a possessive "'s" is not part of the word ("Japan’s" is "Japan").
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = iter.peek().filter(|_| !is_cjk(c)) {
            if is_cjk(d) {
                break;
            }
            if d.is_alphanumeric() {
                end = i + d.len_utf8();
                iter.next();
            } else if is_inner(d)
                && text[i + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                && !is_possessive(text, i, d)
            {
                iter.next();
            } else {
                break;
            }
        }
        let word = &text[start..end];
        out.push(Token {
            span: Span { start, end },
            folded: fold(word),
            capitalised: c.is_uppercase(),
        });
    }
    out
}

/// Optimal-string-alignment edit distance, stopping early above 1.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        if a.len() > b.len() {
            i += 1;
        } else if b.len() > a.len() {
            j += 1;
        } else if i + 1 < a.len() && a[i] == b[j + 1] && a[i + 1] == b[j] {
            i += 2;
            j += 2;
        } else {
            i += 1;
            j += 1;
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// How a text word matches a name's word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordMatch {
    Exact,
    /// One edit away: a typo or a variant spelling.
    Tolerant,
    No,
}

/// Compares a text word with a name word (both folded). A tolerant match
/// needs a capitalised text word of five letters or more, the same first
/// letter, one edit, and no mere change of ending ("Russian" is not
/// "Russia", "Kurils" not "Kuril").
pub fn word_match(text: &Token, name: &str) -> WordMatch {
    // A town in -ск (Курильск) takes a noun's endings only: «курильских»
    // is the adjective of the Kurils, not the town (a cue's word, «Иркутск»
    // in «Иркутское заявление», takes them all).
    let town = |rest: &str| !name.ends_with("ск") || TOWN_ENDINGS.contains(&rest);
    if same_word(&text.folded, name) && text.folded.strip_prefix(name).is_none_or(town) {
        return WordMatch::Exact;
    }
    // Cheap refusals first: this runs for every word against every name.
    let (tb, nb) = (text.folded.as_bytes(), name.as_bytes());
    if !text.capitalised
        || nb.len() < 5
        || tb.first() != nb.first()
        || tb.len().abs_diff(nb.len()) > 2
    {
        return WordMatch::No;
    }
    let (t, n): (Vec<char>, Vec<char>) = (text.folded.chars().collect(), name.chars().collect());
    let suffix_change = text.folded.starts_with(name) || name.starts_with(text.folded.as_str());
    let ok = n.len() >= 5
        && !suffix_change
        && (t.len() == n.len() || t.last() == n.last())
        && within_one_edit(&t, &n);
    if ok {
        WordMatch::Tolerant
    } else {
        WordMatch::No
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn a_russian_word_matches_in_any_case_ending() {
        for (text, name) in [
            ("итурупе", "итуруп"),
            ("курилах", "курилы"),
            ("курил", "курилы"),
            ("южных", "южные"),
            ("лаврова", "лавров"),
            ("японии", "япония"),
            ("заявила", "заявил"),
            ("мирном", "мирный"),
        ] {
            assert!(same_word(text, name), "{text} ~ {name}");
        }
        for (text, name) in [
            ("российский", "россия"),
            ("курильские", "курилы"),
            ("она", "он"),
            ("kurils", "kuril"),
        ] {
            assert!(!same_word(text, name), "{text} !~ {name}");
        }
        assert_eq!(fold("Ёлка"), "елка");
    }

    #[test]
    fn japanese_is_read_a_character_at_a_time() {
        assert_eq!(
            words("日本は択捉島を"),
            ["日", "本", "は", "択", "捉", "島", "を"]
        );
        assert_eq!(words("1956年に"), ["1956", "年", "に"]);
        let mut idx = NameIndex::default();
        idx.add("iturup", "択捉島");
        idx.add("russia", "ロシア");
        let text = "ロシアは択捉島に";
        let hits = idx.find(text, &tokens(text));
        let got: Vec<&str> = hits.iter().map(|h| h.span.of(text)).collect();
        assert_eq!(got, ["ロシア", "択捉島"]);
    }

    #[test]
    fn phrases_are_found_everywhere_even_overlapping() {
        let mut idx = PhraseIndex::default();
        let peace = idx.add("peace treaty");
        let sf = idx.add("San Francisco Peace Treaty");
        assert_eq!(
            idx.add("Peace  Treaty"),
            peace,
            "the same words are the same phrase"
        );
        let text = "The San Francisco Peace Treaty was no peace treaty for Japan’s north.";
        let found = idx.find_all(&tokens(text));
        let at = |id: usize| found[id].iter().map(|s| s.of(text)).collect::<Vec<_>>();
        assert_eq!(at(peace), ["Peace Treaty", "peace treaty"]);
        assert_eq!(at(sf), ["San Francisco Peace Treaty"]);
    }

    #[test]
    fn tokenises_names_with_inner_punctuation() {
        assert_eq!(
            words("Asker-zade's “U.S.” Japan’s O'Brien (Itúrup) it's"),
            [
                "Asker-zade",
                "s",
                "U.S",
                "Japan",
                "s",
                "O'Brien",
                "Itúrup",
                "it",
                "s"
            ]
        );
        assert_eq!(tokens("Itúrup")[0].folded, "iturup");
        assert!(tokens("— . ,").is_empty());
    }

    #[test]
    fn tolerates_one_edit_in_a_capitalised_name_but_not_a_new_ending() {
        let t = |s: &str| tokens(s).remove(0);
        assert_eq!(word_match(&t("MOSXOW"), "moscow"), WordMatch::Tolerant);
        assert_eq!(word_match(&t("Litsva"), "litsa"), WordMatch::Tolerant);
        assert_eq!(word_match(&t("Sergei"), "sergey"), WordMatch::Tolerant);
        assert_eq!(word_match(&t("Kunahsir"), "kunashir"), WordMatch::Tolerant);
        assert_eq!(word_match(&t("Russian"), "russia"), WordMatch::No);
        assert_eq!(word_match(&t("Kurils"), "kuril"), WordMatch::No);
        assert_eq!(word_match(&t("moscow"), "moscow"), WordMatch::Exact);
        assert_eq!(
            word_match(&t("mosxow"), "moscow"),
            WordMatch::No,
            "lower case: not a name"
        );
        assert_eq!(word_match(&t("Tokio"), "tokyo"), WordMatch::Tolerant);
        assert_eq!(word_match(&t("Japan"), "jalan"), WordMatch::Tolerant);
        assert_eq!(word_match(&t("Osaka"), "tokyo"), WordMatch::No);
        assert_eq!(
            word_match(&t("Baku"), "bako"),
            WordMatch::No,
            "too short to guess"
        );
    }

    #[test]
    fn finds_longest_names_and_respects_acronym_case() {
        let mut idx = NameIndex::default();
        idx.add("kurils", "Kuril Islands");
        idx.add("south", "Southern Kuril Islands");
        idx.add("us", "US");
        idx.add("us", "U.S.");
        idx.add("litsa", "Deistvuyushchiye Litsa");
        let text = "the Southern Kuril Islands and the Kuril Islands; for us the US and the U.S. Deistvuyushchiye Litsva";
        let hits = idx.find(text, &tokens(text));
        let got: Vec<(&str, &str, bool)> = hits
            .iter()
            .map(|h| (h.id.as_str(), h.span.of(text), h.exact))
            .collect();
        assert_eq!(
            got,
            [
                ("south", "Southern Kuril Islands", true),
                ("kurils", "Kuril Islands", true),
                ("us", "US", true),
                ("us", "U.S", true),
                ("litsa", "Deistvuyushchiye Litsva", false)
            ]
        );
    }
}
