//! The build-time render: the whole widget (the map on its opening date,
//! the timeline, the card, the lists for screen readers) as hydratable
//! HTML, by Yew's server-side renderer, in the root the browser looks for
//! (`<div class="kw-root" data-kw-ssr="KEY" data-kw-release="RELEASE">`),
//! `KEY` saying what it holds (`kuril_core::widget::holds`) and RELEASE
//! which widget made it: only that release hydrates it, and only when it
//! is asked for just that. It is the first paint, what print and readers
//! without JavaScript get.

use crate::Error;
use kuril_core::data::{Bundle, Files, STORY};
use kuril_core::story::pack::fingerprint;
use kuril_core::widget::holds::Holds;
use kuril_core::widget::options::Options;
use kuril_widget::components::{App, AppProps, Source};
use std::rc::Rc;

/// A render and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Render {
    /// The root element with the widget inside.
    pub html: String,
    /// What it holds (`Holds::key`).
    pub key: String,
}

/// The props a widget with these options has, over `story` (packed; none:
/// the bundled story), as the browser's host glue gives them.
fn props(story: Option<&[u8]>, o: &Options) -> AppProps {
    AppProps {
        options: Rc::new(o.clone()),
        source: story.map_or(Source::Bundled, |b| Source::Packed(Rc::new(b.to_vec()))),
        files: Some(Rc::new(Files::ALL)),
        ..AppProps::default()
    }
}

/// Checks that a widget with these options shows `story` (packed; none:
/// the bundled story) rather than a message: the story reads, every
/// option is good and `start-at` names an event or a date. What it holds.
pub fn check(story: Option<&[u8]>, o: &Options) -> Result<Holds, Error> {
    let bytes = story.unwrap_or(STORY);
    let bundle = Bundle::from_packed(bytes)?;
    if let Some(s) = &o.start_at {
        kuril_core::widget::state::resolve_start(&bundle.timeline, s)?;
    }
    Holds::of(&fingerprint(bytes), o).ok_or_else(|| {
        let bad = [&o.lang, &o.theme, &o.height];
        Error::Option(
            bad.iter()
                .filter_map(|v| v.as_deref())
                .collect::<Vec<_>>()
                .join(", "),
        )
    })
}

/// Yew's component markers without the components' names, which only a
/// debug build writes (`<!--<[kuril_widget::…::App]>-->` becomes
/// `<!--<[]>-->`): hydration reads only the marks, so a render is the same
/// from any build (the studio's release wasm, the command line, the tests)
/// and a kilobyte lighter.
fn unnamed(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--<") {
        let (head, tail) = rest.split_at(at + 5);
        out.push_str(head);
        let (mark, body) = match tail.strip_prefix("/[") {
            Some(b) => ("/[", b),
            None => match tail.strip_prefix('[') {
                Some(b) => ("[", b),
                None => ("", tail),
            },
        };
        out.push_str(mark);
        rest = match body.find("]>-->") {
            Some(end) if !mark.is_empty() => &body[end..],
            _ => body,
        };
    }
    out.push_str(rest);
    out
}

/// The render of a widget with these options over `story` (packed; none:
/// the bundled story).
pub async fn render(story: Option<&[u8]>, o: &Options) -> Result<Render, Error> {
    let holds = check(story, o)?;
    kuril_widget::components::restart_ids();
    let inner = yew::LocalServerRenderer::<App>::with_props(props(story, o))
        .hydratable(true)
        .render()
        .await;
    let inner = unnamed(&inner);
    let key = holds.key();
    let bundled = if story.is_none() {
        " data-kw-bundled"
    } else {
        ""
    };
    Ok(Render {
        html: format!(
            "<div class=\"kw-root\" data-kw-ssr=\"{}\" data-kw-release=\"{}\"{bundled}>{inner}</div>",
            crate::html::escape(&key),
            crate::html::escape(kuril_widget::RELEASE)
        ),
        key,
    })
}

/// [`render`], waited for on this thread (natively: the command line and
/// `cargo xtask`).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_now(story: Option<&[u8]>, o: &Options) -> Result<Render, Error> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Error::Io(e.to_string()))?;
    rt.block_on(render(story, o))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_render_holds_the_bundled_story_with_the_defaults() {
        let r = render_now(None, &Options::default()).unwrap();
        assert_eq!(r.key, format!("story={}", fingerprint(STORY)));
        assert!(r.html.starts_with(&format!(
            "<div class=\"kw-root\" data-kw-ssr=\"story={}\" data-kw-release=\"{}\" data-kw-bundled>",
            fingerprint(STORY),
            kuril_widget::RELEASE
        )));
        assert!(r.html.contains("data-event=\"interview\"") && r.html.contains("<!--<["));
    }

    #[test]
    fn options_reach_the_render_and_its_key() {
        let o = Options {
            lang: Some("ja".into()),
            start_at: Some("joint-declaration-1956".into()),
            ..Options::default()
        };
        let r = render_now(None, &o).unwrap();
        assert!(
            r.key.ends_with("&lang=ja&start-at=joint-declaration-1956"),
            "{}",
            r.key
        );
        assert!(r.html.contains("data-kw-ssr=\"story=") && r.html.contains("&amp;lang=ja"));
        assert!(r.html.contains("lang=\"ja\"") && r.html.contains("日ソ共同宣言"));
    }

    #[test]
    fn component_markers_lose_their_names_and_nothing_else() {
        let html = "<!--<[a::App]>--><div><!--<[x::P<y::Q>]>-->text &lt;!--<[ <!--<#>--><!--</#>--><!--</[x::P<y::Q>]>--></div><!--</[a::App]>-->";
        assert_eq!(
            unnamed(html),
            "<!--<[]>--><div><!--<[]>-->text &lt;!--<[ <!--<#>--><!--</#>--><!--</[]>--></div><!--</[]>-->"
        );
        let r = render_now(None, &Options::default()).unwrap();
        assert!(r.html.contains("<!--<[]>-->") && !r.html.contains("kuril_widget::"));
    }

    #[test]
    fn a_render_is_the_same_whatever_was_rendered_before_it() {
        let o = Options::default();
        let first = render_now(None, &o).unwrap();
        assert!(first.html.contains("id=\"kw-hatch-0\""));
        assert_eq!(render_now(None, &o).unwrap(), first);
    }

    #[test]
    fn a_start_or_an_option_that_names_nothing_is_refused() {
        let o = |s: &str| Options {
            start_at: Some(s.into()),
            ..Options::default()
        };
        assert!(matches!(
            check(None, &o("no-such-event")),
            Err(Error::Start(_))
        ));
        let bad = Options {
            theme: Some("sepia".into()),
            ..Options::default()
        };
        assert!(matches!(check(None, &bad), Err(Error::Option(_))));
        assert!(matches!(
            check(Some(b"KWS9"), &Options::default()),
            Err(Error::Story(_))
        ));
    }
}
