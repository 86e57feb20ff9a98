//! What every component shares: the reader's language and the widget's
//! words ([`I18n`], a context), the bundle ([`SharedBundle`], compared by
//! address), and how SVG numbers are written ([`svg_int`]).

use kuril_core::data::Bundle;
use kuril_core::i18n::{Lang, Piece, Strings, Words};
use std::rc::Rc;
use yew::prelude::*;

/// The reader's language and the widget's own words ([`Strings`], read
/// once by [`App`]), given to every component as a context.
#[derive(Clone, Debug)]
pub struct I18n {
    pub lang: Lang,
    pub(crate) strings: Rc<Strings>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && Rc::ptr_eq(&self.strings, &other.strings)
    }
}

impl I18n {
    /// The words in the reader's language.
    pub fn words(&self) -> Words<'_> {
        self.strings.at(self.lang)
    }
}

/// The context's [`I18n`]; where there is none (a component rendered on
/// its own, as in a test), English read from `data/ui.tsv` there and then.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: Lang::En,
        strings: Rc::new(Strings::parse(&kuril_core::data::Files::BUILT_IN.ui).unwrap_or_default()),
    })
}

/// The bundle shared by every component. Two are equal only when they are
/// the same allocation, so Yew's props and memo comparisons cost nothing
/// instead of comparing the whole article and map.
#[derive(Clone, Debug)]
pub struct SharedBundle(pub Rc<Bundle>);

impl PartialEq for SharedBundle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedBundle {
    type Target = Bundle;
    fn deref(&self) -> &Bundle {
        &self.0
    }
}

impl From<Bundle> for SharedBundle {
    fn from(b: Bundle) -> Self {
        SharedBundle(Rc::new(b))
    }
}

/// An SVG coordinate rounded to a whole unit. Whole numbers keep the markup
/// short and keep float formatting (about 10 KB of code) out of the wasm.
pub fn svg_int(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// The text for `key` with markup in its places (a quotation, a `<time>`):
/// `place` draws each named place; the words between stay text. Each
/// language's template puts the places where its grammar wants them.
/// (Not generic: one copy in the wasm for every caller.)
pub fn filled(t: &Words<'_>, key: &'static str, place: &dyn Fn(&str) -> Html) -> Html {
    t.pieces(key)
        .map(|piece| match piece {
            Piece::Words(w) => html! { { w } },
            Piece::Place(name) => place(name),
        })
        .collect()
}
