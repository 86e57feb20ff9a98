//! Render tests of the components through Yew's server-side renderer, on
//! native: what the widget puts on the page for each state.

#![cfg(not(target_arch = "wasm32"))]

use kuril_core::data::{Bundle, Files, LanguageFile};
use kuril_core::geo::map::MapAsset;
use kuril_core::i18n::Lang;
use kuril_core::widget::options::{Options, NAMES};
use kuril_extract::newsroom::{self, Kind};
use kuril_widget::components::{
    App, AppProps, ErrorBox, ErrorBoxProps, EventCard, EventCardProps, IslandCard, IslandCardProps,
    MapView, MapViewProps, SharedBundle, Source, Timeline, TimelineProps,
};
use scraper::{Html, Selector};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::{AttrValue, BaseComponent, LocalServerRenderer};

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn bundle() -> SharedBundle {
    Bundle::load().unwrap().into()
}

/// The elements of `html` that `css` selects, parsed as a browser parses
/// it (html5ever, through `scraper`).
fn select(html: &str, css: &str) -> Vec<Element> {
    let page = Html::parse_fragment(html);
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e:?}"));
    page.select(&selector)
        .map(|e| Element {
            attrs: e
                .value()
                .attrs()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            text: e.text().collect(),
        })
        .collect()
}

/// An element's attributes and text, out of its page.
#[derive(Debug)]
struct Element {
    attrs: Vec<(String, String)>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The value of `attr` on each element `css` selects.
fn values(html: &str, css: &str, attr: &str) -> Vec<String> {
    select(html, css)
        .iter()
        .filter_map(|e| e.attr(attr).map(str::to_string))
        .collect()
}

fn highlighted_places(html: &str) -> BTreeSet<String> {
    values(html, "path.kw-hl[data-place]", "data-place")
        .into_iter()
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn app_renders_map_timeline_and_the_interview_selected() {
    let html = render::<App>(AppProps::default()).await;
    // A disputed island's other name on a second line.
    for label in [
        ">Iturup<tspan",
        ">(Etorofu)</tspan></text>",
        ">Kunashir<tspan",
        ">(Kunashiri)</tspan></text>",
        ">Shikotan<tspan",
        ">Habomai islets<tspan",
        ">Hokkaido<tspan",
    ] {
        assert!(html.contains(label), "no map label {label}");
    }
    let years: Vec<String> = select(&html, "span.kw-year")
        .into_iter()
        .map(|e| e.text)
        .collect();
    // The article's events and the context's, in date order, from 1855.
    assert_eq!(years.first().map(String::as_str), Some("1855"));
    assert_eq!(years.last().map(String::as_str), Some("2022"));
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{years:?}");
    assert_eq!(years.len(), bundle().timeline.len());
    // Those the article mentions say so.
    let marked = values(&html, "button.kw-in-article", "data-event");
    assert_eq!(
        marked,
        [
            "un-charter-1945",
            "world-war-ii",
            "joint-declaration-1956",
            "us-japan-security-treaty-1960",
            "interview"
        ]
    );
    let pressed = values(&html, "button[aria-pressed=true]", "data-event");
    assert_eq!(pressed, ["interview"]);
    assert!(html.contains("11 February 2018"));
    let hl = highlighted_places(&html);
    for id in ["iturup", "kunashir", "shikotan", "habomai_shibotsu"] {
        assert!(hl.contains(id), "{id} not highlighted in {hl:?}");
    }
    assert!(!hl.contains("hokkaido") && !hl.contains("land"));
    assert!(html.contains("© OpenStreetMap contributors"));
    assert!(html.contains(" km</text>"), "a scale bar");
    assert!(html.contains("Outlined: places the selected event concerns"));
}

/// A group outlined on the map outlines each of its members and nothing
/// else (selecting the 1956 declaration, which names Shikotan and the
/// Habomai group, is checked end to end in three engines: `e2e/reader.rs`).
#[tokio::test(flavor = "current_thread")]
async fn an_outlined_group_outlines_its_members_only() {
    let b = bundle();
    let html = render::<MapView>(MapViewProps {
        bundle: b,
        highlight: Rc::new(vec!["shikotan".into(), "habomai".into()]),
        date: None,
        event: None,
        on_place: yew::Callback::noop(),
    })
    .await;
    let hl = highlighted_places(&html);
    assert!(hl.contains("shikotan"));
    assert!(
        hl.iter().filter(|h| h.starts_with("habomai_")).count() >= 5,
        "{hl:?}"
    );
    assert!(
        hl.iter()
            .all(|h| h == "shikotan" || h.starts_with("habomai_")),
        "{hl:?}"
    );
}

/// The `class` of the map path for `place`.
fn class_of(html: &str, place: &str) -> String {
    values(html, &format!("path[data-place={place}]"), "class")
        .pop()
        .unwrap_or_else(|| panic!("no path for {place}"))
}

#[tokio::test(flavor = "current_thread")]
async fn the_map_shows_who_held_the_land_on_the_date() {
    let b = bundle();
    let map = |date: &str| {
        render::<MapView>(MapViewProps {
            bundle: b.clone(),
            highlight: Rc::new(vec![]),
            date: Some(kuril_core::time::date::Date::parse(date).unwrap()),
            event: None,
            on_place: yew::Callback::noop(),
        })
    };
    let y1900 = map("1900").await;
    assert!(class_of(&y1900, "iturup").contains("kw-held-japan"));
    assert!(class_of(&y1900, "urup").contains("kw-held-japan"));
    assert!(class_of(&y1900, "sakhalin").contains("kw-held-russia"));
    // 1875–1945 all the Kurils were Japanese, to Shumshu in the north.
    for id in ["simushir", "onekotan", "paramushir", "shumshu"] {
        assert!(class_of(&y1900, id).contains("kw-held-japan"), "{id}");
    }
    assert!(!class_of(&y1900, "iturup").contains("kw-claimed"));
    assert!(y1900.contains("Who held the land in 1900") && !y1900.contains("Claimed by Japan"));
    let y1956 = map("1956-10-19").await;
    assert!(class_of(&y1956, "shikotan").contains("kw-held-russia"));
    assert!(class_of(&y1956, "shikotan").contains("kw-claimed"));
    assert!(class_of(&y1956, "hokkaido").contains("kw-held-japan"));
    assert!(y1956.contains("Soviet Union") && y1956.contains("Claimed by Japan"));
    let y2018 = map("2018-02-11").await;
    assert!(class_of(&y2018, "shumshu").contains("kw-held-russia"));
    assert!(!class_of(&y2018, "shumshu").contains("kw-claimed"));
    assert!(y2018.contains("<li><span class=\"kw-swatch kw-held-russia\"></span>Russia</li>"));
    assert!(y2018.contains("data-line=\"present_line_of_control\""));
    assert!(y2018.contains("Line of control, not an agreed border"));
    assert!(
        y1900.contains("data-line=\"stpetersburg_1875_kuril\"")
            && !y1900.contains("present_line_of_control")
    );
    let y1850 = map("1850").await;
    assert!(
        !y1850.contains("kw-held-") && !y1850.contains("kw-legend"),
        "no border before 1855"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn the_card_quotes_the_article_as_text() {
    let b = bundle();
    let at = |id: &str| b.timeline.iter().position(|e| e.id == id).unwrap();
    let i = at("joint-declaration-1956");
    let html = render::<EventCard>(EventCardProps {
        bundle: b.clone(),
        selected: Some(i),
        on_action: yew::Callback::noop(),
    })
    .await;
    assert!(html.contains("19 October 1956") && html.contains("datetime=\"1956-10-19\""));
    assert!(html.contains("Soviet-Japanese Joint Declaration signed in Moscow"));
    assert!(html.contains("Places: Habomai islets, Shikotan"));
    assert!(html.contains("as was agreed back in 1956"));
    assert!(html.contains("In this article (TASS)"));
    // The words that name the event are marked in the article's sentence.
    assert!(html.contains("<mark>declaration</mark>"), "{html}");
    // The context's summary and source come too.
    assert!(
        html.contains("Article 9") && html.contains("Source: Joint Declaration of 19 October 1956")
    );
    // A context event only: summary and source, no article badge.
    let singapore = render::<EventCard>(EventCardProps {
        bundle: b.clone(),
        selected: Some(at("singapore-2018")),
        on_action: yew::Callback::noop(),
    })
    .await;
    assert!(singapore.contains("14 November 2018") && singapore.contains("Source: "));
    assert!(!singapore.contains("In this article"));
    assert!(
        html.contains("— Sergey Lavrov, Foreign Minister"),
        "quotes name their speaker"
    );
    let none = render::<EventCard>(EventCardProps {
        bundle: b,
        selected: None,
        on_action: yew::Callback::noop(),
    })
    .await;
    assert!(none.contains("Choose an event"));
}

#[tokio::test(flavor = "current_thread")]
async fn text_from_an_article_is_never_parsed_as_html() {
    let text = "MOSCOW, February 11. /TASS/. <img src=x onerror=alert(1)> said in an interview on Sunday that the \
                1956 declaration on the Kurils <b>stands</b>.";
    let story = kuril_extract::story_of(text, kuril_extract::ARTICLE_META).unwrap();
    let b = SharedBundle::from(Bundle::with_story(story).unwrap());
    let i = b
        .timeline
        .iter()
        .position(|e| e.id == "joint-declaration-1956")
        .unwrap();
    let html = render::<EventCard>(EventCardProps {
        bundle: b.clone(),
        selected: Some(i),
        on_action: yew::Callback::noop(),
    })
    .await;
    assert!(html.contains("&lt;b&gt;stands&lt;/b&gt;"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<img"));
}

#[tokio::test(flavor = "current_thread")]
async fn broken_data_shows_a_message_in_the_box() {
    let err = kuril_core::data::DataError::from(MapAsset::parse("<svg/>").unwrap_err());
    let html = render::<ErrorBox>(ErrorBoxProps {
        message: AttrValue::from(err.to_string()),
        on_retry: None,
    })
    .await;
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("could not be shown") && html.contains("not a kuril-map version 1 file"));
}

#[tokio::test(flavor = "current_thread")]
async fn a_place_card_gives_names_area_control_events_and_sentences() {
    let b = bundle();
    let index = |id: &str| b.gazetteer.places.iter().position(|p| p.id == id).unwrap();
    let card = |place: usize, date: &str| {
        render::<IslandCard>(IslandCardProps {
            bundle: b.clone(),
            place,
            date: kuril_core::time::date::Date::parse(date).ok(),
            about: Rc::new(kuril_core::time::history::concerning(
                &b.timeline,
                &b.gazetteer.places[place].id,
                &b.gazetteer,
            )),
            filtered: false,
            on_action: yew::Callback::noop(),
        })
    };
    let kunashir = card(index("kunashir"), "2018-02-11").await;
    for want in [
        "Kunashir / Kunashiri",
        "Кунашир",
        "国後島",
        "1,489 km²",
        "held by Russia; claimed by Japan",
        "Part of",
    ] {
        assert!(kunashir.contains(want), "{want} missing");
    }
    // "the four islands" in the article names Kunashir too.
    assert!(kunashir.contains("four islands they call"));
    assert!(kunashir.contains("Interview with Russian Foreign Minister Sergey Lavrov"));
    // Its events are buttons that select them, and can filter the timeline.
    assert!(kunashir.contains("data-event=\"kunashir-shikotan-1945\""));
    assert!(kunashir.contains("Only these events on the timeline"));
    let islet = card(index("habomai_suisho"), "1900").await;
    assert!(
        islet.contains("held by Japan")
            && islet.contains("Habomai islets")
            && islet.contains("12 km²")
    );
    assert!(
        islet.contains("Soviet-Japanese Joint Declaration"),
        "the 1956 events concern the group"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn named_places_on_the_map_are_buttons() {
    let html = render::<App>(AppProps::default()).await;
    let named = select(&html, "path[data-place]:not([data-place=land])");
    assert!(named.len() >= 12);
    for e in &named {
        assert_eq!(e.attr("role"), Some("button"), "{e:?}");
        assert!(e.attr("tabindex") == Some("0") && e.attr("aria-label").is_some());
    }
    let land = select(&html, "path[data-place=land]");
    assert_eq!(land[0].attr("role"), None, "unnamed land is not a control");
}

#[tokio::test(flavor = "current_thread")]
async fn the_1956_declaration_hatches_what_it_would_transfer() {
    let b = bundle();
    let map = |event: &'static str| {
        render::<MapView>(MapViewProps {
            bundle: b.clone(),
            highlight: Rc::new(vec![]),
            date: Some(kuril_core::time::date::Date::parse("1956-10-19").unwrap()),
            event: Some(AttrValue::Static(event)),
            on_place: yew::Callback::noop(),
        })
    };
    let html = map("joint-declaration-1956").await;
    let hatched: BTreeSet<String> = values(&html, "path[data-proposed]", "data-proposed")
        .into_iter()
        .collect();
    assert!(hatched.contains("shikotan"), "{hatched:?}");
    assert!(hatched.iter().filter(|h| h.starts_with("habomai_")).count() >= 5);
    assert!(hatched
        .iter()
        .all(|h| h == "shikotan" || h.starts_with("habomai_")));
    // Each hatched shape is filled with this map's own pattern.
    let pattern = values(&html, "pattern", "id").remove(0);
    assert!(values(&html, "path[data-proposed]", "fill")
        .iter()
        .all(|f| *f == format!("url(#{pattern})")));
    assert!(html.contains("To pass to Japan after a peace treaty is concluded"));
    let other = map("interview").await;
    assert!(!other.contains("data-proposed") && !other.contains("To pass to Japan"));
}

#[tokio::test(flavor = "current_thread")]
async fn the_locator_marks_the_articles_far_places_and_the_maps_area() {
    use kuril_widget::components::{places_to_mark, LocatorInset, LocatorInsetProps};
    let b = bundle();
    let marked: Vec<&str> = places_to_mark(&b).iter().map(|p| p.id.as_str()).collect();
    // The article names Moscow, Tokyo and the United States; the islands
    // themselves are on the main map, not marked again.
    for id in ["moscow", "tokyo", "united_states"] {
        assert!(marked.contains(&id), "{id} not in {marked:?}");
    }
    assert!(!marked.contains(&"kunashir") && !marked.contains(&"hokkaido"));
    let html = render::<LocatorInset>(LocatorInsetProps {
        bundle: b.clone(),
        highlight: Rc::new(vec!["united_states".into()]),
    })
    .await;
    for name in ["Moscow", "Tokyo", "United States"] {
        assert!(html.contains(&format!(">{name}</text>")), "{name}");
    }
    let lit = values(&html, "g.kw-hl[data-place]", "data-place");
    assert_eq!(lit, ["united_states"]);
    let label = values(&html, "svg", "aria-label").remove(0);
    assert!(
        label.contains("Moscow") && label.contains("Tokyo"),
        "{label}"
    );
    // The outline of the map's area lies on the disc, below the pole.
    let points = values(&html, "polygon", "points").remove(0);
    let c = b.locator.size / 2.0;
    for p in points.split(' ') {
        let (x, y) = p.split_once(',').unwrap();
        let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
        assert!(y > c && (x - c).hypot(y - c) < c, "{p}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn start_at_opens_on_a_date_or_an_event_and_reports_a_bad_value() {
    let app = |v: &'static str| {
        render::<App>(AppProps {
            options: Rc::new(Options {
                start_at: Some(v.to_string()),
                ..Options::default()
            }),
            ..AppProps::default()
        })
    };
    let y1900 = app("1900").await;
    assert!(y1900.contains("Who held the land in 1900"));
    assert!(select(&y1900, "button[aria-pressed=true]").is_empty());
    assert!(class_of(&y1900, "iturup").contains("kw-held-japan"));
    let y1956 = app("joint-declaration-1956").await;
    assert!(y1956.contains("Who held the land on 19 October 1956"));
    assert!(y1956.contains("data-proposed=\"shikotan\""));
    let bad = app("<b>soon</b>").await;
    assert!(bad.contains("role=\"alert\"") && bad.contains("&lt;b&gt;soon&lt;/b&gt;"));
}

#[tokio::test(flavor = "current_thread")]
async fn the_timeline_shows_eras_clusters_and_a_filtered_list() {
    let b = bundle();
    let all: Vec<usize> = (0..b.timeline.len()).collect();
    let at = |id: &str| b.timeline.iter().position(|e| e.id == id).unwrap();
    let timeline = |visible: Vec<usize>, filter: Option<&'static str>| {
        render::<Timeline>(TimelineProps {
            bundle: b.clone(),
            selected: Some(at("interview")),
            visible: Rc::new(visible),
            about: Rc::new(vec![at("shimoda-1855")]),
            filter: filter.map(AttrValue::Static),
            on_action: yew::Callback::noop(),
        })
    };
    let html = timeline(all.clone(), None).await;
    let eras = values(&html, "g[data-era]", "data-era");
    assert_eq!(eras, ["shimoda", "japanese-kurils", "soviet-russian"]);
    // 1945 is crowded: its events share one marker with their count.
    let counts: Vec<usize> = values(&html, "g[data-count]", "data-count")
        .iter()
        .filter_map(|v| v.parse().ok())
        .collect();
    assert!(counts.iter().any(|&c| c >= 5), "{counts:?}");
    // Every event is in the list or in a cluster marker: none is lost.
    let singles = select(&html, "circle[data-event]").len();
    assert_eq!(singles + counts.iter().sum::<usize>(), all.len());
    assert!(html.contains(&format!("{} of {}", at("interview") + 1, all.len())));
    assert!(
        html.contains("kw-about"),
        "the open place's events are marked"
    );
    // Filtered: only those events, and the way back to all.
    let kunashir = timeline(vec![at("shimoda-1855"), at("interview")], Some("Kunashir")).await;
    let listed = values(&kunashir, "button[data-event]", "data-event");
    assert_eq!(listed, ["shimoda-1855", "interview"]);
    assert!(
        kunashir.contains("Only the events about Kunashir") && kunashir.contains("Show all events")
    );
    assert!(kunashir.contains("2 of 2"));
}

/// A fetched story file as the newsroom module hands it to the widget.
fn story_file(json: &str) -> Source {
    Source::from_newsroom(newsroom::read(Kind::Story, json.as_bytes()))
}

/// A fetched article as the newsroom module hands it to the widget.
fn article_file(bytes: &[u8]) -> Source {
    Source::from_newsroom(newsroom::read(Kind::Article, bytes))
}

/// The App with some of its options set.
async fn app_with(opts: &[(&str, &'static str)], source: Source) -> String {
    // Read through the one table of option names, as the host reads them.
    for (k, _) in opts {
        assert!(NAMES.contains(k), "no option {k}");
    }
    let options = Options::read(|n| {
        (opts.iter())
            .find(|(k, _)| *k == n)
            .map(|(_, v)| v.to_string())
    });
    // As the host gives them: the built-in files (English), or with the
    // language file of the language asked for.
    let lang = options.lang.as_deref().and_then(|l| Lang::parse(l).ok());
    let files = lang.filter(|l| *l != Lang::En).map(|lang| {
        let file = LanguageFile::read(&LanguageFile::make(lang), lang).unwrap();
        Rc::new(Files::BUILT_IN.with_language(file))
    });
    render::<App>(AppProps {
        options: Rc::new(options),
        source,
        files,
        ..AppProps::default()
    })
    .await
}

#[tokio::test(flavor = "current_thread")]
async fn each_language_has_its_words_names_and_dates() {
    let at = ("start-at", "joint-declaration-1956");
    let ja = app_with(&[("lang", "ja"), at], Source::Bundled).await;
    assert!(ja.contains("lang=\"ja\""), "the frame names its language");
    assert!(ja.contains("日ロの領土問題（北方領土／南クリル諸島）"));
    // The publisher as the reader's language names it, where its grammar
    // puts it (issue 28): never in Latin letters.
    let sub = |html: &str| select(html, ".kw-sub").remove(0).text;
    assert!(
        sub(&ja).starts_with("タス通信の記事Understanding"),
        "{}",
        sub(&ja)
    );
    assert!(sub(&ja).ends_with("に登場する出来事と場所"), "{}", sub(&ja));
    assert!(!sub(&ja).contains("TASS"));
    assert!(
        ja.contains("1956年10月19日時点の施政"),
        "legend title with a Japanese date"
    );
    assert!(
        ja.contains("択捉島（イトゥルップ）"),
        "both sides' names on the map"
    );
    assert!(!ja.contains("Who held the land") && !ja.contains("Zoom in"));
    let ru = app_with(&[("lang", "ru-RU"), at], Source::Bundled).await;
    assert!(ru.contains("Кто контролировал территории на 19 октября 1956 г."));
    assert!(ru.contains("Итуруп (Эторофу)") && ru.contains("Предыдущее событие"));
    assert!(
        sub(&ru).ends_with("(ТАСС)") && !sub(&ru).contains("TASS"),
        "{}",
        sub(&ru)
    );
    // The article's sentences keep their language, and say so.
    assert!(ru.contains("<blockquote lang=\"en\""), "{ru}");
    assert!(ru.contains("приводятся в оригинале — на английском языке"));
    let en = app_with(&[at], Source::Bundled).await;
    assert!(en.contains("lang=\"en\"") && en.contains("Who held the land on 19 October 1956"));
}

#[tokio::test(flavor = "current_thread")]
async fn bad_options_are_explained_in_the_box() {
    for (opt, value, says) in [
        ("lang", "fr", "Unknown language 'fr'"),
        ("theme", "sepia", "Unknown theme 'sepia'"),
        ("height", "tall;color:red", "Bad height"),
    ] {
        let html = app_with(&[(opt, value)], Source::Bundled).await;
        assert!(
            html.contains("role=\"alert\"") && html.contains(says),
            "{opt}: {html}"
        );
        assert!(!html.contains("kw-retry"), "nothing to retry for {opt}");
    }
    let dark = app_with(&[("theme", "dark"), ("height", "600")], Source::Bundled).await;
    assert!(dark.contains("data-theme=\"dark\"") && dark.contains("data-height"));
    assert!(dark.contains("kw-map"), "good options show the widget");
    let light = app_with(&[], Source::Bundled).await;
    assert!(light.contains("data-theme=\"light\"") && !light.contains("data-height"));
}

#[tokio::test(flavor = "current_thread")]
async fn a_story_file_drives_the_widget_and_a_bad_one_is_reported() {
    let kyodo = std::fs::read("tests/articles/kyodo-wire.txt").unwrap();
    let mut story = kuril_extract::story_of_bytes(&kyodo).unwrap();
    story.article.headline = Some("An edited <b>headline</b>".into());
    let json = serde_json::to_string(&story).unwrap();
    let html = app_with(&[], story_file(&json)).await;
    assert!(
        html.contains("An edited &lt;b&gt;headline&lt;/b&gt;"),
        "{html}"
    );
    assert!(html.contains("kw-map") && !html.contains("role=\"alert\""));

    let broken = app_with(&[], story_file(&json[..json.len() / 2])).await;
    assert!(broken.contains("not a kuril story") && broken.contains("kw-retry"));
    let other = json.replacen("kuril-story/1", "kuril-story/9", 1);
    let other = app_with(&[("lang", "ja")], story_file(&other)).await;
    assert!(
        other.contains("schema 'kuril-story/9'")
            && other.contains("地図と年表を表示できませんでした")
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_hostile_story_renders_without_panicking() {
    let mut story = Bundle::load().unwrap().story;
    // Spans past the text, reversed, or inside a character.
    for q in &mut story.quotes {
        q.span.start = usize::MAX - 3;
        q.span.end = 2;
    }
    for e in &mut story.events {
        for s in e.evidence.iter_mut().chain(e.passages.iter_mut()) {
            s.start = 10_000_000;
            s.end = 10_000_005;
        }
    }
    for m in &mut story.mentions {
        m.place = "nowhere".into();
    }
    story.text = "ё".repeat(3);
    let json = serde_json::to_string(&story).unwrap();
    for start in ["joint-declaration-1956", "interview"] {
        let html = app_with(&[("start-at", start)], story_file(&json)).await;
        assert!(
            html.contains("kw-map") || html.contains("role=\"alert\""),
            "{html}"
        );
    }
}

#[tokio::test(flavor = "current_thread")]
async fn fetched_articles_and_fetch_states_show_in_the_box() {
    let kyodo = std::fs::read("tests/articles/kyodo-wire.txt").unwrap();
    let html = app_with(&[], article_file(&kyodo)).await;
    assert!(
        html.contains("kw-map") && html.contains("Kunashir"),
        "{html}"
    );
    let binary = app_with(&[], article_file(&[0, 159, 146, 150])).await;
    assert!(binary.contains("not UTF-8") && binary.contains("kw-retry"));
    let loading = app_with(&[("lang", "ru")], Source::Loading("story.json".into())).await;
    assert!(loading.contains("aria-busy=\"true\"") && loading.contains("Загрузка"));
    let failed = Source::Failed {
        url: "http://127.0.0.1:9/missing.json".into(),
        error: "HTTP 404".into(),
    };
    let failed = app_with(&[], failed).await;
    assert!(failed.contains("missing.json: HTTP 404") && failed.contains("Try again"));
}

#[tokio::test(flavor = "current_thread")]
async fn screen_readers_get_a_summary_and_the_islands_and_events_as_lists() {
    let html = render::<App>(AppProps::default()).await;
    let b = bundle();
    let sr = select(&html, ".kw > .kw-sr > p")
        .pop()
        .expect("a screen-reader block")
        .text;
    // It comes before the map and the timeline.
    assert!(html.find("kw-sr").unwrap() < html.find("kw-body").unwrap());
    let (first, last) = (
        b.timeline[0].date.year,
        b.timeline.last().unwrap().date.year,
    );
    assert!(
        sr.contains(&format!(
            "{} events from {first} to {last}",
            b.timeline.len()
        )),
        "{sr}"
    );
    // One item per disputed island and per event, in that order.
    let islands = select(&html, ".kw-sr .kw-static-islands > li");
    assert_eq!(islands.len(), 4, "{islands:?}");
    let events = select(&html, ".kw-sr .kw-static-events > li");
    assert_eq!(events.len(), b.timeline.len());
    let ru = app_with(&[("lang", "ru")], Source::Bundled).await;
    // 23 events: «хронология 23 событий» (CLDR "few", genitive plural).
    let n = b.timeline.len();
    let form = if n % 10 == 1 && n % 100 != 11 {
        "события"
    } else {
        "событий"
    };
    assert!(
        ru.contains(&format!("хронология из {n} {form} с 1855")),
        "{ru}"
    );
}

/// The CSS that crops a narrow widget's map to the core's narrow view
/// states that view's figures.
#[test]
fn the_narrow_crop_in_the_stylesheet_is_the_cores_narrow_view() {
    let b = Bundle::load().unwrap();
    let f = &b.map.frame;
    let v = kuril_core::geo::labels::narrow_view(&b.map, &b.gazetteer);
    let (x, y, _, _) = v.view_box(f);
    let pct = |units: f64| -units / f.width * v.zoom * 100.0;
    let rule = format!(
        "width: {:.2}%; max-width: none; margin: {:.2}% 0 0 {:.2}%;",
        v.zoom * 100.0,
        pct(y),
        pct(x)
    );
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/styles/widget.css")).unwrap();
    assert!(css.contains(&rule), "widget.css lacks {rule}");
    // The crop shows the bottom of the map: the frame's height is the map's.
    assert!((y + f.height / v.zoom - f.height).abs() < 1.0, "{v:?}");
}

/// The components' look-ups of the interface's words all exist.
#[test]
fn every_key_the_components_use_is_in_the_table() {
    let s = kuril_core::i18n::Strings::parse(kuril_core::data::UI).unwrap();
    let keys: Vec<&str> = s.keys().collect();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/components"
    ))];
    let mut files = Vec::new();
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let en = s.at(kuril_core::i18n::Lang::En);
    let mut used = 0;
    for path in files {
        let src = std::fs::read_to_string(path).unwrap();
        let calls = [
            ".get(\"",
            "filled(&t, \"",
            "filled(t, \"",
            ".fill(\"",
            ".count(\"",
        ];
        // A word that names a language: a key for each.
        for (i, _) in src.match_indices(".of_lang(\"") {
            let rest = &src[i + 10..];
            let prefix = &rest[..rest.find('"').unwrap()];
            for lang in kuril_core::i18n::Lang::ALL {
                let key = format!("{prefix}-{}", lang.code());
                assert!(keys.contains(&key.as_str()), "ui.tsv has no '{key}'");
                used += 1;
            }
        }
        for call in calls {
            for (i, _) in src.match_indices(call) {
                let rest = &src[i + call.len()..];
                let key = &rest[..rest.find('"').unwrap()];
                assert!(keys.contains(&key), "ui.tsv has no '{key}'");
                used += 1;
                // Markup fills its places by name in a closure.
                if !call.starts_with(".fill") && !call.starts_with(".count") {
                    continue;
                }
                // A template's places are the names the call fills: none
                // left showing, none filled in vain.
                let args = &rest[..rest.find("])").expect("a list of places")];
                let mut given: Vec<&str> = args
                    .match_indices("(\"")
                    .map(|(j, _)| {
                        let name = &args[j + 2..];
                        &name[..name.find('"').unwrap()]
                    })
                    .collect();
                if call == ".count(\"" {
                    given.push("n");
                }
                given.sort_unstable();
                assert_eq!(given, en.place_names(key), "the places of '{key}'");
            }
        }
    }
    assert!(used > 40, "only {used} look-ups found");
}

/// Every text of the project's own that the widget can show, in English:
/// the timeline's titles, summaries and sources (context and lexicon), the
/// eras, lines and proposals, the story's roles, names and date notes, and
/// the interface's words.
fn english_own_texts(b: &Bundle) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in &b.timeline {
        out.extend([e.title.english().to_owned(), e.summary.english().to_owned()]);
        out.extend(e.source.iter().map(|s| s.english().to_owned()));
    }
    out.extend(b.eras.iter().map(|e| e.label.english().to_owned()));
    out.extend(b.lines.iter().map(|l| l.label.english().to_owned()));
    out.extend(b.proposals.iter().map(|p| p.label.english().to_owned()));
    for e in &b.story.entities {
        out.extend(e.role.iter().map(|r| r.english().to_owned()));
    }
    for e in &b.story.events {
        out.extend(e.date_note.iter().map(|n| n.english().to_owned()));
    }
    let ui = kuril_core::i18n::Strings::parse(kuril_core::data::UI).unwrap();
    let en = ui.at(kuril_core::i18n::Lang::En);
    out.extend(
        ui.keys()
            .map(|k| en.get(k))
            .flat_map(|t| t.split('|').map(str::to_string).collect::<Vec<_>>())
            // The parts between placeholders, long enough to be words of
            // ours ("Source: " is; "{0} km" is not).
            .flat_map(|t| {
                t.split(['{', '}'])
                    .map(str::trim)
                    .filter(|p| p.len() > 12)
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            }),
    );
    out.retain(|t| !t.is_empty());
    out.sort();
    out.dedup();
    out
}

/// The page without what is quoted from the article (its sentences and
/// headline, marked with their language), which stays as published.
fn without_quotations(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(" lang=\"en\"") {
        // The element that carries the article's language, to its end.
        let open = rest[..i].rfind('<').unwrap();
        let tag: String = rest[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        out.push_str(&rest[..open]);
        let close = format!("</{tag}>");
        let end = rest[i..]
            .find(&close)
            .map_or(rest.len(), |k| i + k + close.len());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Issue 15: a reader in Moscow or Tokyo reads no English text of ours.
/// Every event selected in turn, the page in Russian and in Japanese holds
/// none of the English texts of our own once the article's quotations
/// (marked lang="en") are set aside.
#[tokio::test(flavor = "current_thread")]
async fn russian_and_japanese_readers_see_no_english_text_of_ours() {
    let b = Bundle::load().unwrap();
    let english = english_own_texts(&b);
    assert!(english.len() > 100, "{} texts", english.len());
    // The quotations really are set aside, and only they.
    let en = app_with(&[("start-at", "joint-declaration-1956")], Source::Bundled).await;
    let bare = without_quotations(&en);
    assert!(!bare.contains("as was agreed back in 1956") && bare.contains("Who held the land"));
    let starts: [&'static str; 6] = [
        "interview",
        "joint-declaration-1956",
        "shimoda-1855",
        "annexation-1946",
        "1900",
        "san-francisco-1951",
    ];
    for lang in ["ru", "ja"] {
        for start in starts {
            let html = app_with(&[("lang", lang), ("start-at", start)], Source::Bundled).await;
            let page = without_quotations(&html);
            let left: Vec<&String> = english
                .iter()
                .filter(|t| page.contains(t.as_str()))
                .collect();
            assert!(
                left.is_empty(),
                "{lang}, {start}: English of ours: {left:#?}"
            );
        }
    }
}
