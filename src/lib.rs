//! kuril-widget: the embeddable map and timeline of the Kuril Islands
//! dispute, as thin Yew function components ([`components`]) over the pure
//! core ([`kuril_core`]). `src/main.rs` is the host glue: it mounts widgets
//! into a page or a `<kuril-widget>` element and hands fetched files to the
//! newsroom module (`crates/newsroom`, a Web Worker).
//!
//! The reader's bundle carries the core without its JSON feature and never
//! the extractor ([`kuril_extract`] lives in its own crate): the bundled
//! story arrives packed (`kuril_core::story::pack`).

pub mod components;

/// The release of the widget's files: its version and a hash of their
/// sources (`build.rs`). `cargo xtask build` writes them under
/// `dist/v/RELEASE/`; a build-time render names the release that made it
/// (`data-kw-release`), and only that release hydrates it.
pub const RELEASE: &str = env!("KURIL_RELEASE");

pub use kuril_core as core;
