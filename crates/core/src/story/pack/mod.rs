//! The packed story: a compact binary form of a [`Story`], which is how a
//! story reaches the reader's bundle, and a published format: a newsroom's
//! `story.kws` (the publish kit, `crates/publish`) is read by every later
//! version of the widget.
//!
//! The bundled story is extracted at build time (`cargo xtask story`, run
//! by `cargo xtask build`) and packed into `data/story/`; a `story-src`
//! whose bytes start with the magic is read by the reader's wasm itself
//! ([`is_packed`], [`decode`]); an `article-src` or a JSON `story-src` is
//! extracted or read in the newsroom module (a Web Worker) and handed over
//! packed. Either way the reader's wasm carries neither the extractor nor
//! a JSON parser, only [`decode`], a few hundred bytes of code.
//!
//! The form: the magic `KWS` and one byte of version (`5`, the ASCII
//! digit: [`MAGIC`]), the codes of the languages its texts of our own are
//! in, then every field in declaration order; a text of our own is one
//! string per language listed, and a reader skips a language it does not
//! speak, so a new language needs no new version. Unsigned
//! numbers are LEB128 varints, signed ones zigzag varints, strings a length
//! and UTF-8 bytes, an `Option` a 0/1 tag, a `Vec` a count and its items,
//! an enum a tag and its fields. A span is its start and its length; a
//! coordinate its hundred-thousandths of a degree, signed.
//! Decoding checks every tag, length, date and string, and that nothing is
//! left over; bad bytes give a [`PackError`], never a panic.
//!
//! **The version rule** (`docs/story-schema.md`): any change to the form
//! (a field, a tag, an order) makes a new version, the next digit; a reader
//! reads its own version and every published one before it
//! ([`FIRST_VERSION`] on), and refuses a later one with
//! [`PackError::Newer`], which says to update the widget. A story packed
//! by each published version is kept in `tests/fixtures/` and read by
//! every test run.
//!
//! ```
//! use kuril_core::story::pack::{decode, encode, PackError};
//! use kuril_core::data::Bundle;
//!
//! let story = Bundle::load().unwrap().story;
//! assert_eq!(decode(&encode(&story)).unwrap(), story);
//! assert!(decode(b"KWS2").is_err());
//! assert_eq!(decode(b"KWS7..."), Err(PackError::Newer(b'7')));
//! ```

use crate::i18n::Lang;
use crate::story::Story;
use crate::text::Span;
use crate::time::date::Date;
use thiserror::Error;

mod form;

/// What every packed story starts with, before its version byte.
pub const PREFIX: &[u8; 3] = b"KWS";
/// The version this reader writes, and the newest it reads (an ASCII
/// digit: version 2 has texts of our own in three languages, version 3
/// the places a story carries, [`crate::story::StoryPlace`], version 4 the
/// publisher's names, [`crate::story::ArticleInfo::publisher_name`],
/// version 5 the list of languages before the story).
pub const VERSION: u8 = b'5';
/// The oldest version a reader reads: the first one published.
pub const FIRST_VERSION: u8 = b'2';
/// The first four bytes of a story packed by this version.
pub const MAGIC: &[u8; 4] = &[PREFIX[0], PREFIX[1], PREFIX[2], VERSION];

/// Why bytes are not a packed story.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PackError {
    #[error("the packed story does not start with {MAGIC:?}")]
    Magic,
    #[error("this story was packed by a newer version of kuril-widget (packed story version {}); this widget reads versions {} to {}: the widget's files need updating", *.0 as char, FIRST_VERSION as char, VERSION as char)]
    Newer(u8),
    #[error("this story was packed by an early version of kuril-widget that was never published (packed story version {}); publish it again from its article or story file", printable(*.0))]
    Older(u8),
    #[error("the packed story is cut short")]
    Short,
    #[error("the packed story holds a bad value at byte {0}")]
    Bad(usize),
}

/// A version byte as text for a message: the digit, else its number.
fn printable(v: u8) -> String {
    if v.is_ascii_graphic() {
        (v as char).to_string()
    } else {
        format!("byte {v}")
    }
}

/// Whether `bytes` claim to be a packed story of any version (a story-src
/// is recognised by these bytes, never by its file name).
pub fn is_packed(bytes: &[u8]) -> bool {
    bytes.starts_with(PREFIX) && bytes.len() > PREFIX.len()
}

/// A short fingerprint of packed bytes (FNV-1a, 64 bits, as 16 hex
/// digits): a build-time render names the story it shows by it, so that a
/// widget hydrates that render only with the same story.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The packed form of `story`.
pub fn encode(story: &Story) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    Lang::COUNT.put(&mut out);
    for lang in Lang::ALL {
        put_str(&mut out, lang.code());
    }
    story.put(&mut out);
    out
}

/// The story packed in `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Story, PackError> {
    let (version, rest) = match bytes.strip_prefix(PREFIX).and_then(|r| r.split_first()) {
        Some((&v, rest)) if (FIRST_VERSION..=VERSION).contains(&v) => (v, rest),
        Some((&v, _)) if v > VERSION => return Err(PackError::Newer(v)),
        Some((&v, _)) => return Err(PackError::Older(v)),
        None => return Err(PackError::Magic),
    };
    let mut r = Reader {
        bytes: rest,
        at: 0,
        version,
        langs: Vec::new(),
    };
    r.langs = if version >= b'5' {
        let n = usize::take(&mut r)?;
        let mut langs = Vec::new();
        for _ in 0..n {
            langs.push(Lang::from_code(&String::take(&mut r)?));
        }
        langs
    } else {
        // Before version 5, always these three.
        [Lang::En, Lang::Ru, Lang::Ja].map(Some).to_vec()
    };
    let story = Story::take(&mut r)?;
    if r.at != rest.len() {
        return Err(r.bad());
    }
    Ok(story)
}

/// A cursor over packed bytes.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The version the bytes were packed by: a field added later is read
    /// only from a version that has it.
    version: u8,
    /// The language of each form of a text of our own, in order; `None`
    /// for one this reader does not speak.
    langs: Vec<Option<Lang>>,
}

impl<'a> Reader<'a> {
    fn bad(&self) -> PackError {
        PackError::Bad(self.at + MAGIC.len())
    }

    fn bytes(&mut self, n: usize) -> Result<&'a [u8], PackError> {
        let end = self.at.checked_add(n).ok_or(PackError::Short)?;
        let got = self.bytes.get(self.at..end).ok_or(PackError::Short)?;
        self.at = end;
        Ok(got)
    }

    fn uint(&mut self) -> Result<u64, PackError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.bytes(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.bad())
    }

    fn small<T: TryFrom<u64>>(&mut self) -> Result<T, PackError> {
        let v = self.uint()?;
        T::try_from(v).map_err(|_| self.bad())
    }

    /// An enum's tag, below `n`.
    fn tag(&mut self, n: u8) -> Result<u8, PackError> {
        match self.small::<u8>()? {
            t if t < n => Ok(t),
            _ => Err(self.bad()),
        }
    }
}

fn put_uint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A value with a packed form.
pub trait Pack: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError>;
}

impl Pack for usize {
    fn put(&self, out: &mut Vec<u8>) {
        put_uint(out, *self as u64);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        r.small()
    }
}

impl Pack for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        put_uint(out, u64::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        r.small()
    }
}

impl Pack for i32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_uint(out, ((self << 1) ^ (self >> 31)) as u32 as u64);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        let z: u32 = r.small()?;
        Ok((z >> 1) as i32 ^ -((z & 1) as i32))
    }
}

impl Pack for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        Ok(r.tag(2)? == 1)
    }
}

/// A string's packed form: its length and its UTF-8 bytes.
fn put_str(out: &mut Vec<u8>, s: &str) {
    s.len().put(out);
    out.extend_from_slice(s.as_bytes());
}

impl Pack for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(out, self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        let n = usize::take(r)?;
        let at = r.bad();
        let bytes = r.bytes(n)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| at)
    }
}

impl<T: Pack> Pack for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        Ok(match r.tag(2)? {
            0 => None,
            _ => Some(T::take(r)?),
        })
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for v in self {
            v.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        let n = usize::take(r)?;
        // Every item takes at least a byte: a count larger than what is
        // left is a lie, and must not reserve memory.
        if n > r.bytes.len() - r.at {
            return Err(PackError::Short);
        }
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Ok(v)
    }
}

/// A coordinate in degrees, to 1e-5 (about a metre): the zigzag varint
/// of its hundred-thousandths.
impl Pack for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        ((self * 1e5).round() as i32).put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        Ok(f64::from(i32::take(r)?) / 1e5)
    }
}

impl<A: Pack, B: Pack> Pack for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

impl Pack for Span {
    fn put(&self, out: &mut Vec<u8>) {
        self.start.put(out);
        self.end.saturating_sub(self.start).put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        let start = usize::take(r)?;
        let len = usize::take(r)?;
        let end = start.checked_add(len).ok_or_else(|| r.bad())?;
        Ok(Span { start, end })
    }
}

impl Pack for Date {
    fn put(&self, out: &mut Vec<u8>) {
        self.year.put(out);
        self.month.put(out);
        self.day.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, PackError> {
        let (year, month, day) = (i32::take(r)?, u8::take(r)?, u8::take(r)?);
        match (month, day) {
            (0, 0) => Ok(Date::year(year)),
            (1..=12, 0) => Ok(Date { year, month, day }),
            _ => Date::ymd(year, month, day).map_err(|_| r.bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Bundle;
    use crate::story::Warning;
    use crate::text::Span;

    fn story() -> Story {
        Bundle::load().unwrap().story
    }

    #[test]
    fn every_warning_and_odd_value_survives_the_round_trip() {
        let mut s = story();
        let d = Date::ymd(1956, 10, 19).unwrap();
        let span = Span { start: 3, end: 9 };
        s.warnings = vec![
            Warning::NoDateline,
            Warning::NoYear {
                candidates: vec![-44, 0, 2018, i32::MAX, i32::MIN],
            },
            Warning::DatelineMismatch {
                dateline: "Feb 11".into(),
                published: Date::year(2018),
            },
            Warning::WeekdayMismatch {
                weekday: "Sunday".into(),
                date: d,
            },
            Warning::DateMismatch {
                event: "x".into(),
                written: Date {
                    year: 1956,
                    month: 10,
                    day: 0,
                },
                known: d,
            },
            Warning::UnknownPlace {
                event: "e".into(),
                place: "Ītúrup 択捉島".into(),
            },
            Warning::Corrected {
                text: "MOSXOW".into(),
                resolved: "Moscow".into(),
                span,
            },
            Warning::UnresolvedPlace {
                text: String::new(),
            },
            Warning::UnattributedQuote { span },
            Warning::UnclosedQuote { at: usize::MAX },
            Warning::YearInferred {
                year: 2018,
                candidates: vec![2018, 2029],
            },
        ];
        s.places = vec![crate::story::StoryPlace {
            id: "nemuro".into(),
            parent: "hokkaido".into(),
            kind: "city".into(),
            point: (145.575, -43.32361),
            name: crate::i18n::Texts::of(&[
                (Lang::En, "Nemuro"),
                (Lang::Ru, "Немуро"),
                (Lang::Ja, "根室"),
            ]),
            romaji: String::new(),
            source: "GeoNames 2128975".into(),
        }];
        assert_eq!(decode(&encode(&s)).unwrap(), s);
    }

    #[test]
    fn every_cut_of_a_packed_story_is_an_error_not_a_panic() {
        let bytes = encode(&story());
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "cut at {n}");
        }
        let mut more = bytes.clone();
        more.push(0);
        assert!(matches!(decode(&more), Err(PackError::Bad(_))));
    }

    /// A story packed with a language this reader does not speak (as a
    /// later widget with Korean would write it): read, that language's
    /// forms skipped, the others where they were.
    #[test]
    fn a_language_the_reader_lacks_is_skipped() {
        // One text of ours: a place's name.
        let mut s = story();
        s.events.clear();
        s.entities.clear();
        s.claims.clear();
        s.article.publisher_name = None;
        s.places = vec![crate::story::StoryPlace {
            id: "nemuro".into(),
            parent: String::new(),
            kind: "city".into(),
            point: (145.575, 43.32361),
            name: crate::i18n::Texts::of(&[
                (Lang::En, "Nemuro"),
                (Lang::Ru, "Немуро"),
                (Lang::Ja, "根室"),
            ]),
            romaji: String::new(),
            source: String::new(),
        }];
        let ours = encode(&s);
        let text = |s: &str| [&[s.len() as u8][..], s.as_bytes()].concat();
        let list = [&[3][..], &text("en"), &text("ru"), &text("ja")].concat();
        let with_ko = [&[4][..], &text("en"), &text("ru"), &text("ko"), &text("ja")].concat();
        let at = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
        assert_eq!(at(&ours, &list), Some(MAGIC.len()));
        let mut later = MAGIC.to_vec();
        later.extend(&with_ko);
        let rest = &ours[MAGIC.len() + list.len()..];
        let ru = at(rest, &text("Немуро")).unwrap() + text("Немуро").len();
        later.extend(&rest[..ru]);
        later.extend(text("네무로"));
        later.extend(&rest[ru..]);
        assert_eq!(decode(&later).unwrap(), s);
        // A reader skips the form, not the bytes after it.
        later.truncate(later.len() - 1);
        assert!(decode(&later).is_err());
    }

    #[test]
    fn a_later_version_is_refused_as_newer_and_an_unpublished_one_as_older() {
        let mut bytes = encode(&story());
        bytes[3] = b'6';
        let e = decode(&bytes).unwrap_err();
        assert_eq!(e, PackError::Newer(b'6'));
        assert!(e.to_string().contains("newer version") && e.to_string().contains("2 to 5"));
        bytes[3] = b'1';
        assert_eq!(decode(&bytes), Err(PackError::Older(b'1')));
        bytes[3] = 0;
        assert!(decode(&bytes).unwrap_err().to_string().contains("byte 0"));
        assert!(is_packed(b"KWS9") && !is_packed(b"KWS") && !is_packed(b"{\"schema\""));
    }

    /// A story packed by version 2 (on 6 December 2026, from
    /// `embed/examples/kyodo-wire.story.json`), never rewritten: every
    /// later reader must still read it (`tests/fixtures/README.md`).
    const FIXTURE_V2: &[u8] = include_bytes!("../../../../../tests/fixtures/kws2-kyodo-wire.kws");

    #[test]
    fn a_story_packed_by_version_2_is_still_read() {
        let s = decode(FIXTURE_V2).unwrap();
        assert_eq!(
            s.article.headline.as_deref(),
            Some("Japan protests Russia's suspension of peace treaty talks")
        );
        assert_eq!(s.article.language.as_deref(), Some("en"));
        let ids: Vec<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["talks-suspended-2022", "peace-treaty"]);
        assert!(s.slice(s.events[0].evidence[0]).contains("suspend"));
        assert!(crate::data::Bundle::from_packed(FIXTURE_V2).is_ok());
    }

    /// A story packed by version 3 (on 6 December 2026, by kuril-publish
    /// from `embed/examples/nemuro-boat.txt`), never rewritten.
    const FIXTURE_V3: &[u8] = include_bytes!("../../../../../tests/fixtures/kws3-nemuro-boat.kws");

    #[test]
    fn a_story_packed_by_version_3_is_read_with_its_places() {
        let s = decode(FIXTURE_V3).unwrap();
        let ids: Vec<&str> = s.places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["nemuro", "yuzhno_kurilsk"]);
        assert_eq!(s.places[1].name.own(Lang::Ru), "Южно-Курильск");
        assert_eq!(s.places[1].point, (145.86146, 44.02734));
        let b = crate::data::Bundle::from_packed(FIXTURE_V3).unwrap();
        assert!(b.gazetteer.is_within("yuzhno_kurilsk", "disputed"));
        assert!(b
            .map
            .shows(b.gazetteer.get("nemuro").unwrap().point.unwrap()));
        // Before version 4, a publisher only as the metadata wrote it.
        assert_eq!(s.article.publisher_name, None);
    }

    /// A story packed by version 4 (on 6 December 2026, by kuril-publish
    /// from `embed/examples/kyodo-wire.txt`), never rewritten.
    const FIXTURE_V4: &[u8] = include_bytes!("../../../../../tests/fixtures/kws4-kyodo-wire.kws");

    #[test]
    fn a_story_packed_by_version_4_is_read_with_its_publishers_names() {
        let s = decode(FIXTURE_V4).unwrap();
        let names = s.article.publisher_name.as_ref().unwrap();
        assert_eq!(
            [names.english(), names.own(Lang::Ru), names.own(Lang::Ja)],
            ["Kyodo", "Киодо", "共同通信"]
        );
        assert_eq!(
            s.article.publisher_in(crate::i18n::Lang::Ja),
            Some("共同通信")
        );
    }

    /// A story packed by version 5 (on 6 December 2026, by kuril-publish
    /// from `embed/examples/kyodo-ja-suspend.txt`), never rewritten.
    const FIXTURE_V5: &[u8] = include_bytes!("../../../../../tests/fixtures/kws5-kyodo-ja.kws");

    #[test]
    fn a_story_packed_by_version_5_is_read_with_its_languages() {
        assert!(FIXTURE_V5.starts_with(b"KWS5\x03\x02en\x02ru\x02ja"));
        let s = decode(FIXTURE_V5).unwrap();
        assert_eq!(s.article.language.as_deref(), Some("ja"));
        // The article's words as published, ours in every language.
        assert!(s.article.headline.as_deref().is_some_and(|h| !h.is_ascii()));
        let talks = s.events.iter().find(|e| e.id == "talks-suspended-2022");
        assert!(talks.is_some_and(|e| e.title.is_complete()));
        assert_eq!(encode(&s), FIXTURE_V5);
    }

    #[test]
    fn fingerprints_tell_stories_apart() {
        let a = encode(&story());
        let mut b = a.clone();
        *b.last_mut().unwrap() ^= 1;
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
        assert_ne!(fingerprint(&a), fingerprint(&b));
        assert_eq!(fingerprint(&a).len(), 16);
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
    }

    #[test]
    fn bad_bytes_are_refused_with_a_reason() {
        assert_eq!(decode(b"{\"schema\""), Err(PackError::Magic));
        // A count of items far beyond the bytes that follow.
        let mut huge = MAGIC.to_vec();
        huge.push(0); // no languages
        huge.extend([0, 0, 0, 0, 0, 0, 0, 0]); // article: eight empty options
        huge.extend([0xff, 0xff, 0xff, 0xff, 0x0f]); // text length ~4 GB
        assert_eq!(decode(&huge), Err(PackError::Short));
        // A date that is not in the calendar.
        let mut s = story();
        s.article.published = Some(Date {
            year: 2018,
            month: 2,
            day: 30,
        });
        assert!(matches!(decode(&encode(&s)), Err(PackError::Bad(_))));
        // Every single flipped byte gives a story or an error.
        let bytes = encode(&story());
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xa5;
            let _ = decode(&b);
        }
    }
}
