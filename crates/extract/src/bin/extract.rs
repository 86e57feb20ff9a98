//! `cargo run -p kuril-extract --bin extract -- ARTICLE.txt [--meta META]`: extracts the story
//! from an article with the bundled gazetteer and lexicon and prints it as
//! JSON (schema `kuril-story/1`, see `docs/story-schema.md`); with
//! `--facts`, as a facts file to start a test article's expected facts.

use kuril_extract::article::{Article, Meta};
use kuril_extract::extract;
use kuril_extract::Knowledge;
use std::process::ExitCode;

const USAGE: &str = "usage: extract ARTICLE.txt [--meta META] [--bench RUNS | --facts]";

/// Times `runs` extractions (after one warm-up) and returns a JSON report:
/// the median, fastest and slowest run in microseconds.
fn bench(article: &Article, k: &Knowledge, runs: usize) -> String {
    let _ = extract(article, k);
    let mut us: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t = std::time::Instant::now();
            std::hint::black_box(extract(std::hint::black_box(article), k));
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    us.sort_by(f64::total_cmp);
    serde_json::json!({
        "runs": us.len(),
        "median_us": us[us.len() / 2],
        "min_us": us[0],
        "max_us": us[us.len() - 1],
        "text_bytes": article.text.len(),
    })
    .to_string()
}

fn run(args: &[String]) -> Result<String, String> {
    let (mut article, mut meta, mut runs, mut facts) = (None, None, None, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--meta" => meta = Some(it.next().ok_or(USAGE)?),
            "--bench" => {
                runs = Some(
                    it.next()
                        .and_then(|n| n.parse::<usize>().ok())
                        .ok_or(USAGE)?,
                )
            }
            "--facts" => facts = true,
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
    if let Some(runs) = runs {
        return Ok(bench(&article, &k, runs));
    }
    let story = extract(&article, &k);
    if facts {
        return Ok(kuril_extract::score::facts_of(&story));
    }
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
