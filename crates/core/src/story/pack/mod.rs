//! The packed story: a compact binary form of a [`Story`], which is how a
//! story reaches the reader's bundle.
//!
//! The bundled story is extracted at build time (`cargo xtask story`, run
//! by `cargo xtask build`) and packed into `data/story/`; a story fetched
//! with `article-src` or `story-src` is extracted or read from JSON in the
//! newsroom module (a Web Worker) and handed over packed. Either way the
//! reader's wasm carries neither the extractor nor a JSON parser, only
//! [`decode`], a few hundred bytes of code.
//!
//! The form: the magic `KWS2`, then every field in declaration order.
//! Unsigned numbers are LEB128 varints, signed ones zigzag varints, strings
//! a length and UTF-8 bytes, an `Option` a 0/1 tag, a `Vec` a count and its
//! items, an enum a tag and its fields. A span is its start and its length.
//! Decoding checks every tag, length, date and string, and that nothing is
//! left over; bad bytes give a [`PackError`], never a panic.
//!
//! ```
//! use kuril_core::story::pack::{decode, encode};
//! use kuril_core::data::Bundle;
//!
//! let story = Bundle::load().unwrap().story;
//! assert_eq!(decode(&encode(&story)).unwrap(), story);
//! assert!(decode(b"KWS2").is_err());
//! ```

use crate::story::Story;
use crate::text::Span;
use crate::time::date::Date;
use thiserror::Error;

mod form;

/// The first four bytes of a packed story (version 2 of the form: texts of our own in three languages).
pub const MAGIC: &[u8; 4] = b"KWS2";

/// Why bytes are not a packed story.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PackError {
    #[error("the packed story does not start with {MAGIC:?}")]
    Magic,
    #[error("the packed story is cut short")]
    Short,
    #[error("the packed story holds a bad value at byte {0}")]
    Bad(usize),
}

/// The packed form of `story`.
pub fn encode(story: &Story) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    story.put(&mut out);
    out
}

/// The story packed in `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Story, PackError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(PackError::Magic)?;
    let mut r = Reader { bytes: rest, at: 0 };
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

impl Pack for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
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

    #[test]
    fn bad_bytes_are_refused_with_a_reason() {
        assert_eq!(decode(b"{\"schema\""), Err(PackError::Magic));
        // A count of items far beyond the bytes that follow.
        let mut huge = MAGIC.to_vec();
        huge.extend([0, 0, 0, 0, 0, 0, 0]); // article: seven empty options
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
