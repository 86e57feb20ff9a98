//! `cargo xtask corpus [--extra DIR]`: how well the extractor reads the
//! test corpus (the bundled article, `tests/articles/` and the held-out
//! `tests/held-out/`), as precision and recall per kind of fact and per
//! language: the whole corpus, the part the rules were written against
//! (with every miss listed) and the held-out part apart (its misses left
//! unlisted: the rules must not be written against them). `--extra DIR`
//! scores articles kept outside the project the same way, as held out.
//! `cargo xtask bench` includes the report of the corpus.

use crate::cmd::{root, Result};
use kuril_extract::score::{
    articles_in, score_articles, score_corpus, Counts, Score, Scored, KINDS,
};
use serde_json::{json, Value};

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn row(label: &str, c: Counts) -> String {
    format!(
        "| {label} | {} | {} | {} | {} | {} |\n",
        c.right,
        c.wrong,
        c.missed,
        pct(c.precision()),
        pct(c.recall())
    )
}

fn counts_json(c: Counts) -> Value {
    json!({ "right": c.right, "wrong": c.wrong, "missed": c.missed, "precision": c.precision(), "recall": c.recall() })
}

const HEAD: &str =
    "| | right | wrong | missed | precision | recall |\n|---|---:|---:|---:|---:|---:|\n";

/// One part's tables (per kind, per language) and JSON; its misses listed
/// when `misses`.
fn part(title: &str, scored: &[&Scored], misses: bool) -> (Value, String) {
    let mut all = Score::default();
    let mut by_lang: Vec<(String, Score, usize)> = Vec::new();
    for s in scored {
        all.add(&s.score);
        match by_lang.iter_mut().find(|(l, _, _)| *l == s.language) {
            Some((_, sc, n)) => {
                sc.add(&s.score);
                *n += 1;
            }
            None => by_lang.push((s.language.clone(), s.score.clone(), 1)),
        }
    }
    let mut md = format!("\n### {title}: {} articles\n\n{HEAD}", scored.len());
    for k in KINDS {
        md += &row(k, all.of(k));
    }
    md += &row("**all**", all.total());
    by_lang.sort_by(|a, b| a.0.cmp(&b.0));
    md += &format!("\nBy language:\n\n{HEAD}");
    for (l, sc, n) in &by_lang {
        md += &row(&format!("{l} ({n} articles)"), sc.total());
    }
    let listed: Vec<String> = scored
        .iter()
        .flat_map(|s| {
            (s.score.misses.iter())
                .map(move |(k, how, key)| format!("- {}: {how} {k}: {key}", s.name))
        })
        .collect();
    if misses {
        md += &format!(
            "\nNot matched ({}):\n\n{}\n",
            listed.len(),
            if listed.is_empty() {
                "None.".to_string()
            } else {
                listed.join("\n")
            }
        );
    } else {
        md += &format!(
            "\n{} facts not matched, not listed here (`--held-out-misses` lists them).\n",
            listed.len()
        );
    }
    let json = json!({
        "articles": scored.len(),
        "kinds": KINDS.iter().map(|k| (k.to_string(), counts_json(all.of(k)))).collect::<serde_json::Map<_, _>>(),
        "all": counts_json(all.total()),
        "languages": by_lang.iter().map(|(l, sc, n)| (l.clone(), json!({ "articles": n, "all": counts_json(sc.total()) }))).collect::<serde_json::Map<_, _>>(),
        "not_matched": if misses { json!(listed) } else { json!(listed.len()) },
    });
    (json, md)
}

/// The report: JSON, and Markdown with the whole corpus, the part the
/// rules were written against and the held-out part.
pub fn report() -> Result<(Value, String)> {
    report_with(false)
}

fn report_with(held_out_misses: bool) -> Result<(Value, String)> {
    let scored = score_corpus(&root())?;
    let every: Vec<&Scored> = scored.iter().collect();
    let written: Vec<&Scored> = scored.iter().filter(|s| !s.held_out).collect();
    let held: Vec<&Scored> = scored.iter().filter(|s| s.held_out).collect();
    let (whole, whole_md) = part("The whole corpus", &every, false);
    let (dev, dev_md) = part(
        "The articles the rules were written against",
        &written,
        true,
    );
    let (out, out_md) = part(
        "Held out (`tests/held-out/`: written after the rules, scored before any change, its score then in its README)",
        &held,
        held_out_misses,
    );
    let md = format!(
        "\n## Extraction quality on the test corpus\n\nArticles with expected facts (`*.facts`), read by `cargo xtask corpus`.\n{whole_md}{dev_md}{out_md}"
    );
    Ok((
        json!({ "whole": whole, "written_against": dev, "held_out": out }),
        md,
    ))
}

/// `cargo xtask corpus [--extra DIR] [--held-out-misses]`: prints the
/// report, and that of the articles in DIR (kept outside the project).
pub fn print(args: &[String]) -> Result {
    let misses = args.iter().any(|a| a == "--held-out-misses");
    let (_, md) = report_with(misses)?;
    println!("{md}");
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--extra")
        .and_then(|i| args.get(i + 1))
    {
        let scored = score_articles(articles_in(std::path::Path::new(dir), true)?)?;
        let refs: Vec<&Scored> = scored.iter().collect();
        let (_, md) = part(&format!("Kept outside the project ({dir})"), &refs, misses);
        println!("{md}");
    }
    Ok(())
}
