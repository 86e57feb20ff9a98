//! `cargo run --bin extract -- ARTICLE.txt [--meta META]`: extracts the story
//! from an article with the bundled gazetteer and lexicon and prints it as
//! JSON (schema `kuril-story/1`, see `docs/story-schema.md`).

use kuril_widget::article::{Article, Meta};
use kuril_widget::data::Knowledge;
use kuril_widget::extract::extract;
use std::process::ExitCode;

const USAGE: &str = "usage: extract ARTICLE.txt [--meta META]";

fn run(args: &[String]) -> Result<String, String> {
    let (mut article, mut meta) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--meta" => meta = Some(it.next().ok_or(USAGE)?),
            "-h" | "--help" => return Err(USAGE.into()),
            _ if article.is_none() => article = Some(a),
            _ => return Err(USAGE.into()),
        }
    }
    let path = article.ok_or(USAGE)?;
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let meta = match meta {
        Some(m) => {
            let src = std::fs::read_to_string(m).map_err(|e| format!("{m}: {e}"))?;
            Meta::parse(&src).map_err(|e| format!("{m}: {e}"))?
        }
        None => Meta::default(),
    };
    let article = Article::from_bytes(&bytes, meta).map_err(|e| format!("{path}: {e}"))?;
    let k = Knowledge::load().map_err(|e| e.to_string())?;
    let story = extract(&article, &k.lexicon, &k.gazetteer);
    serde_json::to_string_pretty(&story).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::from(2)
        }
    }
}
