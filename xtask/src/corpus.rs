//! `cargo xtask corpus`: how well the extractor reads the test corpus
//! (`tests/articles/` and the bundled article), as precision and recall per
//! kind of fact, over all articles and per language, with every miss
//! listed. `cargo xtask bench` includes the same report.

use crate::cmd::{root, Result};
use kuril_extract::score::{score_corpus, Counts, Score, KINDS};
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

/// The report: JSON, and Markdown with a table per kind, one per language
/// and the misses.
pub fn report() -> Result<(Value, String)> {
    let scored = score_corpus(&root())?;
    let mut all = Score::default();
    let mut by_lang: Vec<(String, Score, usize)> = Vec::new();
    for s in &scored {
        all.add(&s.score);
        match by_lang.iter_mut().find(|(l, _, _)| *l == s.language) {
            Some((_, sc, n)) => {
                sc.add(&s.score);
                *n += 1;
            }
            None => by_lang.push((s.language.clone(), s.score.clone(), 1)),
        }
    }
    let head =
        "| | right | wrong | missed | precision | recall |\n|---|---:|---:|---:|---:|---:|\n";
    let mut md = format!(
        "\n## Extraction quality on the test corpus\n\n{} articles with expected facts (`*.facts`), read by `cargo xtask corpus`.\n\n{head}",
        scored.len()
    );
    for k in KINDS {
        md += &row(k, all.of(k));
    }
    md += &row("**all**", all.total());
    md += &format!("\n### By language\n\n{head}");
    by_lang.sort_by(|a, b| a.0.cmp(&b.0));
    for (l, sc, n) in &by_lang {
        md += &row(&format!("{l} ({n} articles)"), sc.total());
    }
    let misses: Vec<String> = scored
        .iter()
        .flat_map(|s| {
            (s.score.misses.iter())
                .map(move |(k, how, key)| format!("- {}: {how} {k}: {key}", s.name))
        })
        .collect();
    md += &format!(
        "\n### Not matched ({})\n\n{}\n",
        misses.len(),
        if misses.is_empty() {
            "None.".to_string()
        } else {
            misses.join("\n")
        }
    );
    let json = json!({
        "articles": scored.len(),
        "kinds": KINDS.iter().map(|k| (k.to_string(), counts_json(all.of(k)))).collect::<serde_json::Map<_, _>>(),
        "all": counts_json(all.total()),
        "languages": by_lang.iter().map(|(l, sc, n)| (l.clone(), json!({ "articles": n, "all": counts_json(sc.total()) }))).collect::<serde_json::Map<_, _>>(),
        "not_matched": misses,
    });
    Ok((json, md))
}

/// `cargo xtask corpus`: prints the report.
pub fn print() -> Result {
    let (_, md) = report()?;
    println!("{md}");
    Ok(())
}
