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

pub use kuril_core as core;
