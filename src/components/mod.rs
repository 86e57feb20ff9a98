//! The Yew layer: thin function components over the pure core.
//!
//! [`App`] reads the bundled data once and shows either the [`Widget`] or a
//! message inside the widget's box. [`Widget`] owns the one reducer
//! ([`Selection`]); [`MapView`], [`Timeline`] and [`EventCard`] only read it
//! and send actions up through callbacks.
//!
//! - `app.rs`: [`App`], [`Source`], [`ErrorBox`];
//! - `widget.rs`: [`Widget`] and its reducer;
//! - `context.rs`: the language context and the shared bundle;
//! - `map/`: [`MapView`] with its land, legend, locator and gestures;
//! - `timeline/`: [`Timeline`];
//! - `card.rs`, `island_card.rs`, `text_lists.rs`: the event card, the
//!   place card, the lists for screen readers.

mod app;
mod card;
mod context;
mod island_card;
mod map;
mod text_lists;
mod timeline;
mod widget;

pub use app::{App, AppProps, ErrorBox, ErrorBoxProps, Source};
pub use card::{EventCard, EventCardProps};
pub use context::{svg_int, use_i18n, I18n, SharedBundle};
pub use island_card::{area_text, IslandCard, IslandCardProps};
pub use map::{
    places_to_mark, restart_ids, LocatorInset, LocatorInsetProps, MapView, MapViewProps,
};
pub use text_lists::{TextLists, TextListsProps};
pub use timeline::{key_action, Timeline, TimelineProps};
pub use widget::{Selection, Widget, WidgetProps};
