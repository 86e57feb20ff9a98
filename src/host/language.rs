//! The texts of a language the module does not carry: the reader's wasm
//! has English's ([`kuril_core::data::Files::BUILT_IN`]); a widget asked
//! for another language fetches that language's file from beside the
//! module (`lang-ru.kwl`, [`kuril_core::data::LanguageFile`]) and shows
//! "loading", then the widget in it, or why the file did not come.

use super::fetch::language_url;
use kuril_core::data::Files;
use kuril_core::i18n::Lang;
use kuril_widget::components::{AppProps, Source};
use std::rc::Rc;

/// A language's file: its address, and whether it is on its way, here
/// (the data files with its texts) or failed.
#[derive(Clone)]
pub(super) struct Language {
    pub(super) lang: Lang,
    pub(super) url: String,
    pub(super) got: Option<Result<Rc<Files>, String>>,
    /// Counts its fetches, so a late answer to an older one is dropped.
    pub(super) fetches: u32,
    /// Whether a fetch of it failed (then a new one shows "loading", not
    /// the error it tries again after).
    pub(super) failed: bool,
}

/// Asks for `lang`'s texts: none for the module's own language (or a bad
/// code, which the widget reports), the same while they are here or on
/// their way. Whether a fetch must start.
pub(super) fn ask(had: &mut Option<Language>, lang: Option<Lang>) -> bool {
    match lang.filter(|l| *l != Lang::ALL[0]) {
        None => {
            *had = None;
            false
        }
        Some(l) if had.as_ref().is_some_and(|h| h.lang == l) => false,
        Some(lang) => {
            let url = language_url(lang.code());
            *had = Some(Language {
                lang,
                url,
                got: None,
                fetches: 0,
                failed: false,
            });
            true
        }
    }
}

impl Language {
    /// Gives the widget's props its texts, or the fetch's state in their
    /// place: "loading" or why they did not come. False while what is
    /// shown should stay as it is (`shown`: a build-time render of just
    /// what is asked, the first paint until they come, or the widget in
    /// its former language, whose selection and card the new one keeps;
    /// not an error, which "Try again" replaces with "loading").
    pub(super) fn give(&self, props: &mut AppProps, shown: bool) -> bool {
        match &self.got {
            Some(Ok(files)) => props.files = Some(files.clone()),
            Some(Err(error)) => {
                props.source = Source::Failed {
                    url: self.url.clone().into(),
                    error: error.clone().into(),
                }
            }
            None if shown && !self.failed => return false,
            None => props.source = Source::Loading(self.url.clone().into()),
        }
        true
    }
}
