//! The Yew layer: thin function components over the pure core.
//!
//! [`App`] reads the bundled data once and shows either the [`Widget`] or a
//! message inside the widget's box. [`Widget`] owns the one reducer
//! ([`Selection`]); [`MapView`], [`Timeline`] and [`EventCard`] only read it
//! and send [`Action`]s up through callbacks.

mod card;
mod island_card;
mod land;
mod locator;
mod map_view;
mod text_lists;
mod timeline;

pub use card::{EventCard, EventCardProps};
pub use island_card::{area_text, IslandCard, IslandCardProps};
pub use locator::{places_to_mark, LocatorInset, LocatorInsetProps};
pub use map_view::{MapView, MapViewProps};
pub use text_lists::{TextLists, TextListsProps};
pub use timeline::{key_action, Timeline, TimelineProps};

use kuril_core::data::Bundle;
use kuril_core::i18n::{Lang, Strings, Words};
use kuril_core::widget::options::{height, Theme};
use kuril_core::widget::state::{resolve_start, Action, Start, WidgetState};
use std::rc::Rc;
use yew::prelude::*;

/// The reader's language and the widget's own words ([`Strings`], read
/// once by [`App`]), given to every component as a context.
#[derive(Clone, Debug)]
pub struct I18n {
    pub lang: Lang,
    strings: Rc<Strings>,
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
        strings: Rc::new(Strings::parse(kuril_core::data::UI).unwrap_or_default()),
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

/// The widget's reducer: a Yew wrapper around [`WidgetState`].
#[derive(Clone, Debug, PartialEq)]
pub struct Selection(pub WidgetState);

impl Reducible for Selection {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Selection(next))
        }
    }
}

/// An SVG coordinate rounded to a whole unit. Whole numbers keep the markup
/// short and keep float formatting (about 10 KB of code) out of the wasm.
pub(crate) fn svg_int(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// The event the widget opens at by default: the article's own occasion,
/// else the latest event ([`Bundle::occasion`]).
pub fn start_index(bundle: &Bundle) -> Option<usize> {
    bundle.occasion().or(bundle.timeline.len().checked_sub(1))
}

/// The place ids an event concerns (empty when nothing is selected).
fn places_of(bundle: &Bundle, selected: Option<usize>) -> Rc<Vec<String>> {
    Rc::new(
        selected
            .and_then(|i| bundle.timeline.get(i))
            .map(|e| e.places.clone())
            .unwrap_or_default(),
    )
}

#[derive(Properties, Clone, PartialEq)]
pub struct WidgetProps {
    pub bundle: SharedBundle,
    /// Where to open; by default the article's own occasion.
    #[prop_or_default]
    pub start: Option<Start>,
    /// Told the id and ISO date of each event the reader selects.
    #[prop_or_default]
    pub on_select: Callback<(AttrValue, AttrValue)>,
}

/// The map and the timeline, linked by one selection.
#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let bundle = props.bundle.clone();
    // The reducer owns every rule: where it opens, what is shown, stepping.
    let selection = {
        let (bundle, start) = (bundle.clone(), props.start);
        use_reducer(move || Selection(bundle.open_state(start)))
    };
    let state = &selection.0;
    let selected = state.selected;
    // Shared with the timeline and the card without copying on each render.
    let visible = use_memo((state.count, state.filter), {
        let state = state.clone();
        move |_| Rc::new(state.visible())
    });
    let about = use_memo(state.island, {
        let state = state.clone();
        move |_| Rc::new(state.about().to_vec())
    });
    // Whether the reader has chosen anything yet: the page address is only
    // rewritten after that.
    let acted = use_mut_ref(|| false);
    let on_action = {
        let (dispatch, acted) = (selection.dispatcher(), acted.clone());
        use_callback((), move |a: Action, _| {
            *acted.borrow_mut() = true;
            dispatch.dispatch(a)
        })
    };
    // The selected event's id and ISO date.
    let chosen = selected
        .and_then(|i| bundle.timeline.get(i))
        .map(|e| (AttrValue::from(e.id.clone()), AttrValue::from(e.date.iso())));
    {
        // Once the reader has chosen, the host hears of it (and, where the
        // host asked for it, the page address follows: `src/main.rs`).
        let (acted, on_select) = (acted.clone(), props.on_select.clone());
        use_effect_with(chosen.clone(), move |chosen| {
            if let Some(c) = chosen.as_ref().filter(|_| *acted.borrow()) {
                on_select.emit(c.clone());
            }
        });
    }
    let highlight = use_memo((bundle.clone(), selected), |(b, s)| places_of(b, *s));
    let date = state.date_in(&bundle.timeline);
    let event = chosen.map(|(id, _)| id);
    let on_place = (*use_memo(on_action.clone(), |a| a.reform(Action::OpenIsland))).clone();
    let filter = state
        .filter
        .and_then(|i| bundle.gazetteer.places.get(i))
        .map(|p| AttrValue::from(p.label(&bundle.gazetteer)));
    let i18n = use_i18n();
    let t = i18n.words();
    let headline = bundle.story.article.headline.clone().unwrap_or_default();
    let publisher = bundle.story.article.publisher.clone().unwrap_or_default();
    // Escape closes the place card wherever focus is in the widget.
    let onkeydown = {
        let (on_action, open) = (on_action.clone(), state.island.is_some());
        Callback::from(move |e: KeyboardEvent| {
            if open && e.key() == "Escape" {
                on_action.emit(Action::CloseIsland);
            }
        })
    };
    let summary = match (bundle.timeline.first(), bundle.timeline.last()) {
        (Some(a), Some(z)) => t.count(
            "sr-summary",
            bundle.timeline.len() as u64,
            &[&a.date.year.to_string(), &z.date.year.to_string()],
        ),
        _ => String::new(),
    };
    html! {
        // An article, not a region landmark: a page may carry several
        // widgets, and landmarks must have names of their own.
        <article class="kw" aria-label={t.get("widget")} {onkeydown}>
            <header class="kw-head">
                <h2 class="kw-title">{ t.get("title") }</h2>
                <p class="kw-sub">
                    { t.get("from-article") }{ " " }
                    <q lang={bundle.text_lang()}>{ headline }</q>
                    if !publisher.is_empty() { { format!(" ({publisher})") } }
                </p>
            </header>
            // For screen readers: what the widget shows, and the same as
            // lists (the visible map and timeline follow).
            <div class="kw-sr">
                <p>{ summary }</p>
                <TextLists bundle={bundle.clone()} />
            </div>
            <div class="kw-body">
                <MapView bundle={bundle.clone()} highlight={(*highlight).clone()} {date} {event} {on_place} />
                <div class="kw-side">
                    <Timeline bundle={bundle.clone()} {selected} visible={(*visible).clone()}
                        about={(*about).clone()} {filter} on_action={on_action.clone()} />
                    if let Some(place) = state.island {
                        <IslandCard bundle={bundle.clone()} {place} {date} about={(*about).clone()}
                            filtered={state.filter == Some(place)} on_action={on_action.clone()} />
                    } else {
                        <EventCard bundle={bundle.clone()} {selected} {on_action} />
                    }
                </div>
            </div>
        </article>
    }
}

/// Where the widget's story comes from.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Source {
    /// The bundled story (packed at build time).
    #[default]
    Bundled,
    /// A file is on its way from this URL, or being read.
    Loading(AttrValue),
    /// The file at `url` could not be fetched.
    Failed { url: AttrValue, error: AttrValue },
    /// A story the newsroom module extracted from an `article-src` or read
    /// from a `story-src`, packed (`kuril_core::story::pack`).
    Packed(Rc<Vec<u8>>),
    /// The file arrived but holds no story: why, in the newsroom module's
    /// words.
    Unreadable(AttrValue),
}

impl Source {
    /// The newsroom module's answer for a fetched file: its packed story,
    /// or why it holds none.
    pub fn from_newsroom(answer: Result<Vec<u8>, String>) -> Source {
        match answer {
            Ok(packed) => Source::Packed(Rc::new(packed)),
            Err(why) => Source::Unreadable(why.into()),
        }
    }

    /// Whether it came from elsewhere (so trying again may help).
    fn remote(&self) -> bool {
        !matches!(self, Source::Bundled)
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct ErrorBoxProps {
    pub message: AttrValue,
    /// Offers "Try again" when set.
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

/// A clear message inside the widget's box when something is wrong. The
/// title is in the reader's language; the detail names the bad value.
#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let i18n = use_i18n();
    let t = i18n.words();
    html! {
        <section class="kw kw-error" role="alert">
            <p class="kw-title">{ t.get("error") }</p>
            <p class="kw-detail">{ props.message.clone() }</p>
            if let Some(retry) = &props.on_retry {
                <button type="button" class="kw-close kw-retry" onclick={retry.reform(|_: MouseEvent| ())}>{ t.get("retry") }</button>
            }
        </section>
    }
}

#[derive(Properties, Clone, PartialEq, Default)]
pub struct AppProps {
    /// Where to open: an event id or a date (`1900`, `1956-10-19`). A
    /// value that names nothing is shown as an error in the box.
    #[prop_or_default]
    pub start_at: Option<AttrValue>,
    /// Where the page address says to open (`sync-url`): used when it names
    /// an event or a date, else quietly the default start (a shared link
    /// with a stale or mangled value still opens the widget).
    #[prop_or_default]
    pub address_start: Option<AttrValue>,
    /// The interface language: `en`, `ru` or `ja` (English if unset).
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// `light`, `dark` or `auto` (light if unset).
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    /// A fixed height (a CSS length or pixels); the page sets `--kw-height`.
    #[prop_or_default]
    pub height: Option<AttrValue>,
    /// Where the story comes from.
    #[prop_or_default]
    pub source: Source,
    /// Told the id and ISO date of each event the reader selects.
    #[prop_or_default]
    pub on_select: Callback<(AttrValue, AttrValue)>,
    /// Asked to fetch the story again after a failure.
    #[prop_or_default]
    pub on_retry: Callback<()>,
}

/// The widget over its data, in the reader's language and theme, or the
/// reason it cannot be shown.
#[component]
pub fn App(props: &AppProps) -> Html {
    let bundle = use_memo(props.source.clone(), |s| {
        let b = match s {
            Source::Bundled => Bundle::load(),
            Source::Packed(bytes) => Bundle::from_packed(bytes),
            _ => return None,
        };
        Some(b.map(SharedBundle::from))
    });
    // The widget's words, read once for every component.
    let strings = use_memo((), |_| Strings::parse(kuril_core::data::UI).map(Rc::new));
    let lang = props.lang.as_deref().map(Lang::parse).transpose();
    let i18n = I18n {
        lang: lang.clone().ok().flatten().unwrap_or_default(),
        strings: match &*strings {
            Ok(s) => s.clone(),
            Err(_) => Rc::default(),
        },
    };
    let theme = props.theme.as_deref().map(Theme::parse).transpose();
    let fixed = props.height.as_deref().map(height).transpose();
    let retry = props.source.remote().then(|| props.on_retry.clone());
    let error = |m: String, retry: Option<Callback<()>>| {
        html! { <ErrorBox message={AttrValue::from(m)} on_retry={retry} /> }
    };
    let body = match (&*strings, &lang, &theme, &fixed, &*bundle, &props.source) {
        (Err(e), ..) => error(e.to_string(), None),
        (_, Err(e), ..) => error(e.to_string(), None),
        (_, _, Err(e), ..) => error(e.to_string(), None),
        (_, _, _, Err(e), ..) => error(e.to_string(), None),
        (.., Source::Loading(_)) => {
            let text = i18n.words().get("loading");
            html! { <section class="kw kw-loading" aria-busy="true"><p class="kw-hint">{ text }</p></section> }
        }
        (.., Source::Failed { url, error: e }) => error(format!("{url}: {e}"), retry),
        (.., Source::Unreadable(e)) => error(e.to_string(), retry),
        (_, _, _, _, Some(Err(e)), _) => error(e.to_string(), retry),
        (_, _, _, _, Some(Ok(b)), _) => match props
            .start_at
            .as_deref()
            .map(|s| resolve_start(&b.timeline, s))
            .transpose()
        {
            // A new start-at opens a new widget state.
            Ok(start) => {
                let start = start
                    .or_else(|| resolve_start(&b.timeline, props.address_start.as_deref()?).ok());
                let key = props.start_at.as_ref().or(props.address_start.as_ref());
                html! { <Widget key={key.cloned().unwrap_or_default().to_string()} bundle={b.clone()} {start} on_select={props.on_select.clone()} /> }
            }
            Err(e) => error(e.to_string(), None),
        },
        (_, _, _, _, None, _) => Html::default(),
    };
    let theme = theme.ok().flatten().unwrap_or_default();
    // Once rendered or hydrated in the browser, the frame says so
    // (`data-kw-live`): from then on the widget answers input. Effects never
    // run in the build-time render, so the static page lacks it.
    let frame = use_node_ref();
    {
        let frame = frame.clone();
        use_effect_with((), move |_| {
            if let Some(el) = frame.cast::<web_sys::Element>() {
                let _ = el.set_attribute("data-kw-live", "");
            }
        });
    }
    html! {
        <div ref={frame} class="kw-frame" lang={i18n.lang.code()} data-theme={theme.name()}
            data-height={fixed.ok().flatten().map(|_| "")}>
            <ContextProvider<I18n> context={i18n}>{ body }</ContextProvider<I18n>>
        </div>
    }
}
