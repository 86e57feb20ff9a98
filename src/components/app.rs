//! The top of the widget: [`App`] reads the data once (the bundled story,
//! or one a host fetched, [`Source`]), checks the options, and shows the
//! [`Widget`] in the reader's language and theme, or an [`ErrorBox`] that
//! says why not, inside the widget's own box.

use super::context::{use_i18n, I18n, SharedBundle};
use super::widget::Widget;
use kuril_core::data::{Bundle, Files};
use kuril_core::i18n::{Lang, Strings};
use kuril_core::widget::options::{height, Options, Theme};
use kuril_core::widget::state::resolve_start;
use std::rc::Rc;
use yew::prelude::*;

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
    /// The embed's options, whole, as the host read them from the one table
    /// of their names (`kuril_core::widget::options`): `lang` (English if
    /// unset), `theme` (light), `start-at` (an event id or a date; a value
    /// that names nothing is shown as an error in the box), `height` (the
    /// page sets `--kw-height`) and the rest, which the host acts on.
    #[prop_or_default]
    pub options: Rc<Options>,
    /// Where the page address says to open (`sync-url`): used when it names
    /// an event or a date, else quietly the default start (a shared link
    /// with a stale or mangled value still opens the widget).
    #[prop_or_default]
    pub address_start: Option<AttrValue>,
    /// Where the story comes from.
    #[prop_or_default]
    pub source: Source,
    /// The data files; none: the reader's built-in ones (`Files::BUILT_IN`,
    /// English's texts alone), with which a widget in another language is
    /// never shown: the host fetches that language's file first. A render
    /// natively gives every language's (`Files::ALL`).
    #[prop_or_default]
    pub files: Option<Rc<Files>>,
    /// Told the id and ISO date of each event the reader selects.
    #[prop_or_default]
    pub on_select: Callback<(AttrValue, AttrValue)>,
    /// Asked to fetch the story again after a failure.
    #[prop_or_default]
    pub on_retry: Callback<()>,
    /// A host's request to go to an event or a date (a `start-at` value),
    /// numbered so that asking twice is two requests: the element's
    /// `select()` and the iframe's `kuril-select` message.
    #[prop_or_default]
    pub open: Option<(u32, AttrValue)>,
}

/// The widget over its data, in the reader's language and theme, or the
/// reason it cannot be shown.
#[component]
pub fn App(props: &AppProps) -> Html {
    let files = props.files.clone();
    let bundle = use_memo((props.source.clone(), files.clone()), |(s, f)| {
        let f = f.as_deref().unwrap_or(&Files::BUILT_IN);
        let b = match s {
            Source::Bundled => Bundle::packed_with(f, kuril_core::data::STORY),
            Source::Packed(bytes) => Bundle::packed_with(f, bytes),
            _ => return None,
        };
        Some(b.map(SharedBundle::from))
    });
    // The widget's words, read once for every component.
    let strings = use_memo(files, |f| {
        Strings::parse(&f.as_deref().unwrap_or(&Files::BUILT_IN).ui).map(Rc::new)
    });
    let o = &props.options;
    let lang = o.lang.as_deref().map(Lang::parse).transpose();
    let i18n = I18n {
        lang: lang.clone().ok().flatten().unwrap_or_default(),
        strings: match &*strings {
            Ok(s) => s.clone(),
            Err(_) => Rc::default(),
        },
    };
    let theme = o.theme.as_deref().map(Theme::parse).transpose();
    let fixed = o.height.as_deref().map(height).transpose();
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
        (_, _, _, _, Some(Ok(b)), _) => match o
            .start_at
            .as_deref()
            .map(|s| resolve_start(&b.timeline, s))
            .transpose()
        {
            // A new start-at opens a new widget state.
            Ok(start) => {
                let start = start
                    .or_else(|| resolve_start(&b.timeline, props.address_start.as_deref()?).ok());
                let key = (o.start_at.as_deref()).or(props.address_start.as_deref());
                html! { <Widget key={key.unwrap_or_default().to_string()} bundle={b.clone()} {start}
                on_select={props.on_select.clone()} open={props.open.clone()} /> }
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
