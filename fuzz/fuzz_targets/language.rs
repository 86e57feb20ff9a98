//! Fuzzes the language file's reader (`LanguageFile::read`), which every
//! widget in a language other than English runs on the file it fetches,
//! and, for a file that reads, the data files' readers over its texts
//! (`Bundle::with_files` and the widget's words): any bytes give the
//! widget's data or an error, never a panic.

#![no_main]

use kuril_core::data::{Bundle, Files, LanguageFile};
use kuril_core::i18n::{Lang, Strings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for lang in Lang::ALL {
        let Ok(file) = LanguageFile::read(data, lang) else {
            continue;
        };
        let files = Files::BUILT_IN.with_language(file);
        let _ = Strings::parse(&files.ui);
        let story = Bundle::load().expect("the bundled data loads").story;
        let _ = Bundle::with_files(&files, story);
    }
});
