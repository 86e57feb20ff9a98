//! The data files a widget's [`super::Bundle`] is read from ([`Files`]),
//! and a language file: the texts of one more language than English, which
//! the reader fetches when it shows that language ([`LanguageFile`]).
//!
//! The reader's wasm carries its files with English texts alone
//! ([`Files::BUILT_IN`]): a widget shows one language, and the other
//! languages' texts were about 10 KB gzip of every reader's download.
//! Natively (the tests, the build-time render, the publish kit) every
//! language is there ([`Files::ALL`]).
//!
//! A language file (`lang-ru.kwl`, written beside the reader's wasm by
//! `cargo xtask build`): the magic `KWL1`, the language's code (one byte
//! of length, then ASCII), a hash of the English files it goes with (8
//! bytes, little-endian: a file of another release is refused, not read
//! over data it does not fit), then the files of
//! [`crate::i18n::columns::ONE_LANGUAGE`] in that order, each a 4-byte
//! little-endian length and UTF-8, with English's texts and the
//! language's. Reading checks every length against what is left, the
//! code, the hash, the UTF-8, and that nothing is left over: bad bytes
//! give a [`LanguageFileError`], never a panic.

use crate::i18n::columns::keep_languages;
use crate::i18n::Lang;
use std::borrow::Cow;
use thiserror::Error;

/// The data files one widget reads, each as its reader in `crate::geo`,
/// `crate::time` and `crate::i18n` takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Files {
    pub gazetteer: Cow<'static, str>,
    pub control: Cow<'static, str>,
    pub lines: Cow<'static, str>,
    pub proposals: Cow<'static, str>,
    pub context: Cow<'static, str>,
    pub eras: Cow<'static, str>,
    pub ui: Cow<'static, str>,
    pub map: Cow<'static, str>,
    pub locator: Cow<'static, str>,
}

/// The files of [`crate::i18n::columns::ONE_LANGUAGE`] with English's texts alone
/// (`crates/core/build.rs`).
mod english {
    pub const LINES: &str = include_str!(concat!(env!("OUT_DIR"), "/lines-en.tsv"));
    pub const PROPOSALS: &str = include_str!(concat!(env!("OUT_DIR"), "/proposals-en.tsv"));
    pub const CONTEXT: &str = include_str!(concat!(env!("OUT_DIR"), "/context-en.tsv"));
    pub const ERAS: &str = include_str!(concat!(env!("OUT_DIR"), "/eras-en.tsv"));
    pub const UI: &str = include_str!(concat!(env!("OUT_DIR"), "/ui-en.tsv"));
}

impl Files {
    /// Every file with the texts of every language.
    pub const ALL: Files = Files {
        gazetteer: Cow::Borrowed(super::GAZETTEER),
        control: Cow::Borrowed(super::CONTROL),
        lines: Cow::Borrowed(super::LINES),
        proposals: Cow::Borrowed(super::PROPOSALS),
        context: Cow::Borrowed(super::CONTEXT),
        eras: Cow::Borrowed(super::ERAS),
        ui: Cow::Borrowed(super::UI),
        map: Cow::Borrowed(super::MAP),
        locator: Cow::Borrowed(super::LOCATOR),
    };

    /// The reader's: English's texts alone, but a place's names in every
    /// language; a language file brings another language's texts
    /// ([`Files::with_language`]).
    pub const BUILT_IN: Files = Files {
        lines: Cow::Borrowed(english::LINES),
        proposals: Cow::Borrowed(english::PROPOSALS),
        context: Cow::Borrowed(english::CONTEXT),
        eras: Cow::Borrowed(english::ERAS),
        ui: Cow::Borrowed(english::UI),
        ..Files::ALL
    };

    /// These files with a language file's texts in place of theirs.
    pub fn with_language(&self, file: LanguageFile) -> Files {
        let [context, eras, lines, proposals, ui] = file.files.map(Cow::Owned);
        Files {
            lines,
            proposals,
            context,
            eras,
            ui,
            ..self.clone()
        }
    }

    /// A hash (FNV-1a) of the files a language file replaces, which it
    /// carries so that it is read only over the files it was made with.
    fn english_hash(&self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for text in self.one_language() {
            for b in text.bytes().chain([0xff]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    }

    /// The files of [`crate::i18n::columns::ONE_LANGUAGE`], in its order.
    fn one_language(&self) -> [&str; 5] {
        [
            &self.context,
            &self.eras,
            &self.lines,
            &self.proposals,
            &self.ui,
        ]
    }
}

/// The magic of a language file, with its version.
pub const LANGUAGE_MAGIC: &[u8; 4] = b"KWL1";
/// The largest language file a reader takes (they are 22–30 KB).
pub const MAX_LANGUAGE_FILE_BYTES: usize = 1 << 20;

/// The texts of one language: `ONE_LANGUAGE`'s files with English's
/// texts and this language's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageFile {
    pub lang: Lang,
    /// In the order of `ONE_LANGUAGE`.
    files: [String; 5],
}

/// Why bytes are not a language file.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LanguageFileError {
    #[error("the language file is not one of this widget's (it does not start with KWL1)")]
    Magic,
    #[error("the language file ends too soon")]
    Short,
    #[error("the language file has text that is not UTF-8")]
    Utf8,
    #[error("the language file is for another language than asked for")]
    Language,
    #[error("the language file is of another release of the widget")]
    Release,
    #[error("the language file has bytes after its end")]
    Trailing,
}

impl LanguageFile {
    /// The language file of `lang`, from every language's files
    /// ([`Files::ALL`]): what `cargo xtask build` writes.
    pub fn make(lang: Lang) -> Vec<u8> {
        let codes = Lang::ALL.map(Lang::code);
        let keep = [Lang::En.code(), lang.code()];
        let mut out = LANGUAGE_MAGIC.to_vec();
        out.push(lang.code().len() as u8);
        out.extend_from_slice(lang.code().as_bytes());
        out.extend_from_slice(&Files::BUILT_IN.english_hash().to_le_bytes());
        for text in Files::ALL.one_language() {
            let text = keep_languages(text, &codes, &keep);
            out.extend_from_slice(&(text.len() as u32).to_le_bytes());
            out.extend_from_slice(text.as_bytes());
        }
        out
    }

    /// Reads a language file, which must be `lang`'s.
    pub fn read(bytes: &[u8], lang: Lang) -> Result<LanguageFile, LanguageFileError> {
        let rest = bytes
            .strip_prefix(LANGUAGE_MAGIC)
            .ok_or(LanguageFileError::Magic)?;
        let (&n, rest) = rest.split_first().ok_or(LanguageFileError::Short)?;
        let (code, rest) = take(rest, n as usize)?;
        if code != lang.code().as_bytes() {
            return Err(LanguageFileError::Language);
        }
        let (hash, mut rest) = take(rest, 8)?;
        if hash != Files::BUILT_IN.english_hash().to_le_bytes() {
            return Err(LanguageFileError::Release);
        }
        let mut files: [String; 5] = Default::default();
        for slot in &mut files {
            let (len, tail) = take(rest, 4)?;
            let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
            let (text, tail) = take(tail, len)?;
            *slot = std::str::from_utf8(text)
                .map_err(|_| LanguageFileError::Utf8)?
                .to_string();
            rest = tail;
        }
        if !rest.is_empty() {
            return Err(LanguageFileError::Trailing);
        }
        Ok(LanguageFile { lang, files })
    }
}

/// The first `n` bytes of `bytes` and the rest, if there are `n`.
fn take(bytes: &[u8], n: usize) -> Result<(&[u8], &[u8]), LanguageFileError> {
    if bytes.len() < n {
        return Err(LanguageFileError::Short);
    }
    Ok(bytes.split_at(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Bundle;

    /// A text's form in `lang`, kept if English's or `lang`'s.
    fn keep(l: Lang, lang: Lang, s: &str) -> String {
        if l == Lang::En || l == lang {
            s.to_string()
        } else {
            String::new()
        }
    }

    #[test]
    fn the_built_in_files_have_english_texts_alone() {
        let b = Bundle::with_files(&Files::BUILT_IN, Bundle::load().unwrap().story).unwrap();
        let context = b.timeline.iter().filter(|e| e.article.is_none());
        for e in context {
            assert!(!e.title.english().is_empty(), "{:?}", e.id);
            assert!(e.title.own(Lang::Ru).is_empty(), "{:?}", e.id);
        }
        // A place's names stay in every language (its card shows each).
        let iturup = b.gazetteer.get("iturup").unwrap();
        assert!(iturup.name.is_complete());
    }

    #[test]
    fn a_language_file_brings_its_texts_back() {
        let story = Bundle::load().unwrap().story;
        let all = Bundle::with_files(&Files::ALL, story.clone()).unwrap();
        for lang in Lang::ALL {
            let file = LanguageFile::read(&LanguageFile::make(lang), lang).unwrap();
            let files = Files::BUILT_IN.with_language(file);
            let b = Bundle::with_files(&files, story.clone()).unwrap();
            assert_eq!(b.timeline.len(), all.timeline.len());
            for (ours, whole) in b.timeline.iter().zip(&all.timeline) {
                assert_eq!(ours.title.own(lang), whole.title.own(lang));
                assert_eq!(ours.title.english(), whole.title.english());
            }
            for (ours, whole) in b.eras.iter().zip(&all.eras) {
                assert_eq!(ours.label, whole.label.map(|l, s| keep(l, lang, s)));
            }
            let ours = crate::i18n::Strings::parse(&files.ui).unwrap();
            let whole = crate::i18n::Strings::parse(&Files::ALL.ui).unwrap();
            for key in whole.keys() {
                assert_eq!(ours.at(lang).get(key), whole.at(lang).get(key), "{key}");
            }
        }
    }

    #[test]
    fn bad_bytes_are_refused_without_a_panic() {
        let good = LanguageFile::make(Lang::Ru);
        assert!(LanguageFile::read(&good, Lang::Ru).is_ok());
        assert_eq!(
            LanguageFile::read(&good, Lang::Ja),
            Err(LanguageFileError::Language)
        );
        assert_eq!(
            LanguageFile::read(b"<!doctype html>", Lang::Ru),
            Err(LanguageFileError::Magic)
        );
        for cut in 4..good.len() {
            assert!(LanguageFile::read(&good[..cut], Lang::Ru).is_err(), "{cut}");
        }
        // Another release's (its English files differ).
        let mut other = good.clone();
        other[4 + 1 + 2] ^= 1;
        assert_eq!(
            LanguageFile::read(&other, Lang::Ru),
            Err(LanguageFileError::Release)
        );
        let mut more = good.clone();
        more.push(0);
        assert_eq!(
            LanguageFile::read(&more, Lang::Ru),
            Err(LanguageFileError::Trailing)
        );
        let mut bad = good;
        let at = bad.len() - 1;
        bad[at] = 0xff;
        assert_eq!(
            LanguageFile::read(&bad, Lang::Ru),
            Err(LanguageFileError::Utf8)
        );
    }
}
