//! The newsroom studio's rules, without a screen (issue 18): where each
//! extracted item sits in the article ([`marks`]), the editor's draft of the
//! story with undo and redo and the exported story file ([`draft`]), the
//! page's words for items and edits ([`codec`]), the review the page
//! renders ([`review`]) and one open article ([`session`]). Natively
//! tested; the studio page (`embed/studio.js`) renders what the newsroom
//! module's worker answers.

pub mod codec;
pub mod draft;
pub mod marks;
pub mod review;
pub mod session;

pub use draft::{Draft, Edit, EditError};
pub use marks::{marks, Item, Mark};
pub use session::Session;
