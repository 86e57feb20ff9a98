//! The newsroom studio's rules, without a screen (issue 18): where each
//! extracted item sits in the article ([`marks`]) and the editor's draft of
//! the story, with undo and redo and the exported story file ([`draft`]).
//! Natively tested; the studio page is to render them.

pub mod draft;
pub mod marks;

pub use draft::{Draft, Edit, EditError};
pub use marks::{marks, Item, Mark};
