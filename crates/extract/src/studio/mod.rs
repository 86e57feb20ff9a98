//! The newsroom studio's rules, without a screen (issue 18): where each
//! extracted item sits in the article ([`marks`]), the editor's decisions
//! ([`edit`]), the editor's draft of the story with undo and redo and the
//! exported story file ([`draft`]), the page's words for items and edits
//! ([`codec`]), the review the page renders ([`review`]) and one open
//! article ([`session`]). Natively tested; the studio page
//! (`embed/studio.js`) renders what the newsroom module's worker answers
//! and decides nothing of its own: each item's key and index, the ids the
//! next added event and person will have, and the article's date from a
//! chosen year all come from here.

pub mod codec;
pub mod draft;
pub mod edit;
pub mod marks;
pub mod review;
pub mod session;

pub use draft::Draft;
pub use edit::{Edit, EditError};
pub use marks::{marks, Item, Mark};
pub use review::{Review, ReviewItem};
pub use session::Session;
