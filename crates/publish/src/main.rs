//! `kuril-publish`: a story's publish kit (`kuril_publish`), from the
//! command line natively, and in the studio as its publish module (this
//! bin built for wasm32 by Trunk, run by `embed/publish-worker.js`, which
//! the studio starts once an article is reviewed).
//!
//! ```text
//! kuril-publish ARTICLE.txt|STORY.json|STORY.kws --out DIR [--meta META]
//!     [--base URL] [--url URL] [--lang L] [--theme T] [--start-at ID] [--height H]
//! ```
//!
//! An article (plain text, with its metadata as `key: value` lines in
//! META) is extracted; a story file (`kuril-story/1` JSON, as the studio
//! exports it) or a packed story is read. `--base` is where the widget's
//! files are hosted (the kit loads `BASE/v/RELEASE/`), `--url` where the
//! kit will be (for the absolute addresses of its card, oEmbed and embed
//! codes). `cargo xtask publish` runs it.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use kuril_core::widget::options::Options;
    use kuril_publish::input::packed;
    use kuril_publish::{make_now, Settings, RELEASE};
    use std::path::PathBuf;

    pub const USAGE: &str =
        "usage: kuril-publish ARTICLE.txt|STORY.json|STORY.kws --out DIR [--meta META] \
        [--base URL] [--url URL] [--lang L] [--theme T] [--start-at ID] [--height H]";
    /// Where the widget's files are when no `--base` says: the demo server.
    pub const DEMO_BASE: &str = "http://127.0.0.1:8080/";

    pub fn run(args: &[String]) -> Result<String, String> {
        let mut input = None;
        let (mut out, mut meta, mut base, mut url) = (None, None, None, None);
        let mut options = Options::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = || {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))
            };
            match a.as_str() {
                "--out" => out = Some(PathBuf::from(value()?)),
                "--meta" => meta = Some(value()?),
                "--base" => base = Some(value()?),
                "--url" => url = Some(value()?),
                "--lang" => options.lang = Some(value()?),
                "--theme" => options.theme = Some(value()?),
                "--start-at" => options.start_at = Some(value()?),
                "--height" => options.height = Some(value()?),
                "-h" | "--help" => return Err(USAGE.into()),
                _ if input.is_none() && !a.starts_with("--") => input = Some(a.clone()),
                _ => return Err(format!("unknown argument {a}\n{USAGE}")),
            }
        }
        let (Some(input), Some(out)) = (input, out) else {
            return Err(USAGE.into());
        };
        let bytes = std::fs::read(&input).map_err(|e| format!("{input}: {e}"))?;
        let meta = match &meta {
            Some(m) => std::fs::read_to_string(m).map_err(|e| format!("{m}: {e}"))?,
            None => String::new(),
        };
        let story = packed(&bytes, &meta).map_err(|e| format!("{input}: {e}"))?;
        let settings = Settings::new(
            &options,
            base.as_deref().unwrap_or(DEMO_BASE),
            url.as_deref(),
        )
        .map_err(|e| e.to_string())?;
        let kit = make_now(&story, &settings).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let mut report = format!(
            "the publish kit of \u{201c}{}\u{201d} in {} (kuril-widget {RELEASE}, files from {}):\n",
            kit.texts.headline,
            out.display(),
            settings.widget_dir()
        );
        for (name, bytes) in &kit.files {
            std::fs::write(out.join(name), bytes).map_err(|e| format!("{name}: {e}"))?;
            report += &format!("  {name:<18} {:>9} B\n", bytes.len());
        }
        if base.is_none() {
            report += &format!(
                "the widget's files: {DEMO_BASE} (the demo server); give --base for yours\n"
            );
        }
        if url.is_none() {
            report += "its pages and codes use addresses relative to the kit; give --url with the kit's address for absolute ones\n";
        }
        Ok(report)
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use kuril_core::data::Bundle;
    use kuril_core::story::pack;
    use kuril_core::widget::options::Options;
    use kuril_publish::{card_of, make, zip::zip, Kit, Settings};
    use wasm_bindgen::prelude::*;

    thread_local! {
        /// The kit made last, waiting for the card's PNGs.
        static KIT: std::cell::RefCell<Option<Kit>> = const { std::cell::RefCell::new(None) };
    }

    /// A story file's packed story, and the settings of a JSON object
    /// (`lang`, `theme`, `start-at`, `height`, `base`, `url`).
    fn read(story: &str, settings: &str) -> Result<(Vec<u8>, Settings), JsValue> {
        let story = Bundle::story_from_json(story).map_err(|e| JsValue::from(e.to_string()))?;
        let v: serde_json::Value =
            serde_json::from_str(settings).map_err(|e| JsValue::from(e.to_string()))?;
        let get = |k: &str| {
            v[k].as_str()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
        };
        let options = Options {
            lang: get("lang"),
            theme: get("theme"),
            start_at: get("start-at"),
            height: get("height"),
            ..Options::default()
        };
        let base = get("base").unwrap_or_default();
        let s = Settings::new(&options, &base, get("url").as_deref())
            .map_err(|e| JsValue::from(e.to_string()))?;
        Ok((pack::encode(&story), s))
    }

    /// The kit of a story file (`kuril-story/1` JSON) with these settings
    /// (JSON, see `read`), all but the card's PNGs: `{files: [[name,
    /// bytes], …], element, iframe}` (the embed codes). The page draws the
    /// PNGs from `card.svg` and asks for the archive ([`publish_zip`]).
    #[wasm_bindgen]
    pub async fn publish_kit(story: String, settings: String) -> Result<js_sys::Object, JsValue> {
        let (story, s) = read(&story, &settings)?;
        let kit = make(&story, &s)
            .await
            .map_err(|e| JsValue::from(e.to_string()))?;
        let files = js_sys::Array::new();
        for (name, bytes) in &kit.files {
            files.push(&js_sys::Array::of2(
                &name.into(),
                &js_sys::Uint8Array::from(bytes.as_slice()),
            ));
        }
        let out = js_sys::Object::new();
        js_sys::Reflect::set(&out, &"files".into(), &files)?;
        js_sys::Reflect::set(&out, &"element".into(), &kit.codes.element.as_str().into())?;
        js_sys::Reflect::set(&out, &"iframe".into(), &kit.codes.iframe.as_str().into())?;
        KIT.set(Some(kit));
        Ok(out)
    }

    /// The card's SVG of a story file as a widget with these settings
    /// opens (the studio's picture of its preview's view).
    #[wasm_bindgen]
    pub async fn publish_card(story: String, settings: String) -> Result<String, JsValue> {
        let (story, s) = read(&story, &settings)?;
        let card = card_of(&story, &s)
            .await
            .map_err(|e| JsValue::from(e.to_string()))?;
        Ok(card.svg)
    }

    /// The archive of the kit made last, with the card's PNGs, its files
    /// in the folder `folder`.
    #[wasm_bindgen]
    pub fn publish_zip(png: Vec<u8>, png2: Vec<u8>, folder: &str) -> Result<Vec<u8>, JsValue> {
        let kit = KIT.with_borrow(Clone::clone).ok_or("no kit was made")?;
        let kit = kit.with_pictures(png, png2);
        Ok(zip(folder, &kit.files))
    }
}

fn main() -> std::process::ExitCode {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match cli::run(&args) {
            Ok(report) => {
                print!("{report}");
                std::process::ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("kuril-publish: {e}");
                std::process::ExitCode::FAILURE
            }
        }
    }
    #[cfg(target_arch = "wasm32")]
    std::process::ExitCode::SUCCESS
}
