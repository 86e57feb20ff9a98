//! `cargo xtask sources`: writes `docs/sources.md`, the page a newsroom's
//! standards desk checks: where every fact the widget shows that does not
//! come from the article comes from, and how its wording is chosen. It is
//! made from the data files and the reference facts, so it cannot drift
//! from them; a test keeps the committed page current.

use crate::cmd::{root, step, Result};
use kuril_core::data::{CONTEXT, CONTROL, ERAS, GAZETTEER, LINES};
use kuril_core::geo::gazetteer::Gazetteer;
use kuril_core::i18n::Lang;
use kuril_core::text::tsv;
use serde_json::Value;

/// How the wording is chosen: the policy the data files follow.
const POLICY: &str = "# Sources and wording

Written by `cargo xtask sources` from `data/` and `data/reference/kuril-facts.json`;
do not edit by hand. Texts from the article are shown as published, in its
language, and every item taken from it links to its sentence; this page
covers what the widget adds.

## How the wording is chosen

- **Our voice is neutral.** The widget's own texts (context events, eras,
  lines, the legend) describe what happened in words both sides use:
  forces *land* and *take control*, a decree *incorporates*, a place is
  *held* or *administered*. A word that is one side's framing
  (*occupation*, *annexation*, *liberation*, *illegal*) appears only in a
  sentence that says whose word it is, with the other side's beside it
  (`tests/wording.rs` checks this).
- **Both sides' names.** The four islands are *the four disputed islands*
  in every language; Japan's term (北方領土, Northern Territories) and
  Russia's (Южные Курилы, Southern Kurils) are given as each side's. On the
  map and its card a disputed island whose two names differ carries the
  other side's as its language writes it beside its own (`place-both` in
  `data/ui.tsv`, `other_ru`/`other_ja` in the gazetteer): Iturup / Etorofu,
  «Итуруп (Эторофу)», 「択捉島（イトゥルップ）」.
- **The 2022 war** is named in our voice by what it is and where, in
  words neither government uses as its legal term: *the war in Ukraine*,
  «война на Украине», 「ウクライナでの戦争」. Each side's term (Russia's
  *special military operation*, «специальная военная операция»,
  「特別軍事作戦」; Japan's *aggression*, 「侵略」) appears only in a sentence
  that says whose it is.
- **Who held the land** is control or administration on a date, not
  sovereignty: the legend says *held* (施政, «под контролем»), and Japan's
  claim is shown as a claim.
- **Dates** of every period, line and era are dates of reference events
  below (`tests/facts.rs` checks this).

## Three languages

- **Every text of ours is written in English, Russian and Japanese** in the
  data files (`title_ru`, `title_ja` and the like beside each English
  column), as a newsroom of that language would write it, with each side's
  terms attributed there too (`tests/wording.rs` checks the three; a
  render test fails if a Russian or Japanese page shows an English text of
  ours).
- **Quotations are not translated.** The article's sentences and headline
  are shown as published, marked with their language (`lang`), and a
  reader of another language is told so under the quotations.
- **People** are named as each language's press names them (セルゲイ・ラブロフ,
  Сергей Лавров), with the office they held on the article's date
  (`data/lexicon/roles.tsv`, below). The rules each language follows are
  below; `tests/wording.rs` holds those a test can hold.
- **Counted words** follow the CLDR plural rules of each language (the
  browsers' `Intl.PluralRules`; a browser test compares them).
- **Strings the code assembles are templates** in `data/ui.tsv` with named
  places (`{date}`, `{publisher}`, `{title}`), so each language puts them
  where its grammar wants them; every language of a key has the same
  places (a test checks). The publisher is named in the
  reader's language where the lexicon knows it (ТАСС, タス通信), never in
  Latin letters in a Russian or Japanese text.

### In Russian (a Moscow national daily's style)

- **The title** names the dispute between the two states and the islands
  by both sides' terms, the reader's side's first: «Территориальный спор
  России и Японии (Южные Курилы / «Северные территории»)»; never «Спор о
  Курильских островах» alone, which names the whole chain in one side's
  terms.
- **The islands**: «четыре спорных острова» in our voice; «Итуруп»,
  «Кунашир», «Шикотан», «острова Хабомаи» (the group always with
  «острова»); the Japanese names in the Polivanov system (Эторофу,
  Кунасири). A name that is a genitive keeps its generic word, since it
  stands alone as a card title: «остров Броутона», «остров Анциферова».
  «Южный Сахалин» is capitalised as the region's name. A card title starts
  with a capital («Острова Хабомаи»).
- **Each side's terms** are attributed: «Южные Курилы» is Russia's,
  «Северные территории» Japan's and always in quotes; «оккупация»,
  «аннексия», «освобождение», «незаконный» only with «Япония (Россия)
  считает, называет, не признаёт». Our verbs: «высаживаются», «берут под
  контроль», «включает в состав», «под контролем»; a claim is «претендует»
  (never «притязания»). What a treaty provides is not a coming fact:
  «предусмотрена передача Японии после заключения мирного договора», not
  «перейдут к Японии».
- **Documents**: «Симодский трактат 1855 года», «Петербургский договор
  1875 года», «Портсмутский мирный договор», «Ялтинское соглашение», «Акт
  о капитуляции», «указ Президиума Верховного Совета СССР», «Сан-Францисский
  мирный договор», «Советско-японская декларация 1956 года» (its «пункт
  9»), «японо-американский договор безопасности», «Токийская декларация
  1993 года», «Иркутское заявление».
- **Dates and numbers**: code writes «19 октября 1956 г.», «октябрь
  1956 г.», «1956 г.», after «на» or a colon, never after «в»; our texts
  write «1956 года» in running text; a no-break space between a number and
  its unit («3 167 км²»); lists joined with commas, not «;»; «ёлочки»
  outside, „лапки“ inside; «ё» throughout.
- **People**: name, then the office after a comma in lower case: «Сергей
  Лавров, министр иностранных дел России»; a party named so it cannot be
  misread («ЛДП Японии»). The publisher in the nominative, in parentheses
  or after «источник:», so a name that declines never needs a case.

### In Japanese (a Tokyo national daily's style, 記者ハンドブック)

- **The title** is 「日ロの領土問題（北方領土／南クリル諸島）」: the dispute
  between the two states, each side's name for the islands, the reader's
  side's first; never 「北方領土問題」 alone.
- **日ロ, not 日露, in our voice** (日ロ平和条約, 日ロ両国民); 日露 only inside
  a name (日露和親条約, 日露戦争, 日露関係に関する東京宣言); 日ソ for 1922–91.
  **Figures in Arabic numerals**: 4島, 2島, 第2次世界大戦, 第9項; 四島 only in
  北方四島 and 四島交流.
- **The islands**: 「係争中の4島」 in our voice; 択捉島, 国後島, 色丹島,
  歯舞群島 (never 歯舞島); the Russian names in katakana (イトゥルップ,
  クナシル). 北方領土 only as Japan's term, 南クリル諸島 (not 南クリル) only as
  Russia's. 千島列島 names the chain only where a treaty does (1875, Yalta,
  1951) or for the islands from Urup north; the chain with the four
  islands, as the Soviet decree of 1946 counts it, is クリル諸島; never the
  two as equivalents. Sakhalin is サハリン（樺太）; its Japanese part of
  1905–45 南樺太; for 1855–75 it was 日ロ両国民の雑居地, never 共有.
- **Each side's terms** (北方領土, 固有の領土, 不法占拠, 占領; 南クリル諸島,
  第2次世界大戦の結果) appear only with 日本は／ロシアは…と呼ぶ, …との立場をとる,
  …を認めていない. In our voice forces 上陸する and 支配下に置く, a decree
  編入する, a place is …の施政下, the present line 実効支配線（合意された国境では
  ない）; never 併合 (Japan says the 編入 was 一方的), 解放, 奪還, 不法. A
  treaty's provision is written as what it provides (日本へ引き渡すと規定).
- **Documents**: 日露和親条約（下田条約）, 樺太千島交換条約, ポーツマス条約,
  ヤルタ協定, 国連憲章, 日ソ中立条約, 降伏文書, ソ連最高会議幹部会令 (never
  政令, a cabinet order), サンフランシスコ平和条約, 日ソ共同宣言 (never
  1956年宣言), 新日米安保条約, ソ連の対日覚書, 東京宣言, イルクーツク声明;
  signing is 署名, entry into force 発効.
- **Dates** in the Western calendar: 1956年10月19日, 1956年10月, 1956年, 2月11日;
  a span 1939年9月1日～1945年9月2日. Titles in headline style without 「。」;
  summaries in the plain style in the historical present; full-width
  「（）」「：」「、」「。」, 「」 with 『』 inside; no semicolons.
- **People**: Japanese names in kanji, Russian in katakana with ・
  (セルゲイ・ラブロフ); the office does not repeat the country the name
  implies for a Japanese official (首相, 外相, 官房長官), a foreign one keeps
  it (ロシア外相); shown as 「{office}の{name}氏」 and under a quotation
  「— {name}（{office}）」.
";

/// The rows of a data file with the columns `names`.
fn rows(file: &str, names: &[&str]) -> Vec<Vec<String>> {
    let (header, rows) = tsv(file);
    let Some(header) = header else {
        return Vec::new();
    };
    let at: Vec<Option<usize>> = names
        .iter()
        .map(|n| header.fields.iter().position(|f| f == n))
        .collect();
    rows.iter()
        .map(|r| {
            at.iter()
                .map(|i| {
                    i.and_then(|i| r.fields.get(i))
                        .map(|f| f.replace('|', "\\|"))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

fn table(head: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    for r in rows {
        out += &format!("| {} |\n", r.join(" | "));
    }
    out
}

/// The page, from the data and the reference facts.
pub fn page() -> Result<String> {
    let facts: Value = serde_json::from_str(&std::fs::read_to_string(
        root().join("data/reference/kuril-facts.json"),
    )?)?;
    let events = facts["events"].as_array().cloned().unwrap_or_default();
    let text = |v: &Value| v.as_str().unwrap_or("").replace('|', "\\|");
    let mut md = String::from(POLICY);

    md += "\n## Reference events\n\nEvery date the widget uses for a period, a line or an era is one of these.\n\n";
    let reference: Vec<Vec<String>> = events
        .iter()
        .map(|e| vec![text(&e["date"]), text(&e["title"]), text(&e["source"])])
        .collect();
    md += &table(&["date", "event", "source"], &reference);

    md += &data_tables();
    md += &places(&facts)?;
    Ok(md)
}

/// The places' names in three languages and their areas, with sources.
fn places(facts: &Value) -> Result<String> {
    let text = |v: &Value| v.as_str().unwrap_or("").replace('|', "\\|");
    let mut md = String::new();
    md += "\n## Places: names and areas\n\n";
    let g = Gazetteer::parse(GAZETTEER)?;
    let places: Vec<Vec<String>> = facts["places"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|p| {
            let id = p["id"].as_str().unwrap_or("");
            let ours = g.get(id);
            vec![
                ours.map_or(id.to_string(), |o| o.name.english().to_owned()),
                ours.map_or(String::new(), |o| o.name.own(Lang::Ru).to_owned()),
                ours.map_or(String::new(), |o| o.name.own(Lang::Ja).to_owned()),
                p["area_km2"]
                    .as_f64()
                    .map_or(String::new(), |a| format!("{a}")),
                [text(&p["area_notes"]), text(&p["coord_source"])]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            ]
        })
        .collect();
    md += &table(
        &["place", "Russian", "Japanese", "area, km²", "sources"],
        &places,
    );
    Ok(md)
}

/// The data files' tables: context events, lexicon events, positions,
/// offices, control periods, eras and lines.
fn data_tables() -> String {
    event_tables() + &period_tables()
}

/// The tables of events, places and positions: context events, lexicon
/// events, places beyond the gazetteer and each side's positions.
fn event_tables() -> String {
    let mut md = String::new();
    md += "\n## Context events on the timeline\n\n";
    md += &table(
        &["date", "title", "Russian", "Japanese", "source"],
        &rows(
            CONTEXT,
            &["date", "title", "title_ru", "title_ja", "source"],
        ),
    );

    md += "\n## Events the extractor dates from its lexicon\n\n";
    md += &table(
        &["date", "title", "Russian", "Japanese", "source"],
        &rows(
            kuril_extract::EVENTS,
            &["date", "title", "title_ru", "title_ja", "source"],
        ),
    );

    md += "\n## Places of the news beyond the gazetteer\n\nThe extractor knows them; a story that names one carries it to the widget (`data/places.tsv`).\n\n";
    md += &table(
        &[
            "place",
            "Russian",
            "Japanese",
            "longitude",
            "latitude",
            "source",
        ],
        &rows(
            kuril_extract::PLACES,
            &["name_en", "name_ru", "name_ja", "lon", "lat", "source"],
        ),
    );

    md += "\n## Each side's positions, in our words\n\n";
    md += &table(
        &["side", "statement", "Russian", "Japanese"],
        &rows(
            kuril_extract::CLAIMS,
            &["side", "statement", "statement_ru", "statement_ja"],
        ),
    );

    md
}

/// The tables by period: offices, who held each place, eras and lines.
fn period_tables() -> String {
    let mut md = String::new();
    md += "\n## Offices, by period\n\nThe article's date picks the office a person is shown with.\n\n";
    md += &table(
        &[
            "person", "from", "to", "office", "Russian", "Japanese", "source",
        ],
        &rows(
            kuril_extract::ROLES,
            &[
                "person", "from", "to", "role", "role_ru", "role_ja", "source",
            ],
        ),
    );

    md += "\n## Who held each place, by period\n\nA place without rows takes its parent's (an islet its group's).\n\n";
    md += &table(
        &["place", "from", "to", "held by", "claimed by", "source"],
        &rows(
            CONTROL,
            &["place", "from", "to", "holder", "claimed_by", "source"],
        ),
    );

    md += "\n## Eras on the timeline\n\n";
    md += &table(
        &["from", "to", "label", "Russian", "Japanese"],
        &rows(ERAS, &["from", "to", "label", "label_ru", "label_ja"]),
    );

    md += "\n## Borders and lines of control\n\nMost are schematic strokes through a strait; the points are the reference's.\n\n";
    md += &table(
        &["from", "to", "kind", "label", "Russian", "Japanese"],
        &rows(
            LINES,
            &["from", "to", "kind", "label", "label_ru", "label_ja"],
        ),
    );

    md
}

/// Writes `docs/sources.md`.
pub fn write() -> Result {
    step("sources and wording: docs/sources.md");
    let path = root().join("docs/sources.md");
    std::fs::write(&path, page()?)?;
    println!("wrote {}", path.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_committed_sources_page_is_current() {
        let page = super::page().unwrap();
        let on_disk = std::fs::read_to_string(crate::root().join("docs/sources.md"))
            .expect("docs/sources.md: run `cargo xtask sources`");
        assert!(
            on_disk == page,
            "docs/sources.md is stale: run `cargo xtask sources`"
        );
        // Every context event, period and reference event is on it.
        for needle in [
            "Soviet forces land on Iturup",
            "Treaty of Shimoda",
            "sakhalin_south",
            "1925-05-15",
            "Советские войска высаживаются на Итуруп",
            "ソ連軍が択捉島に上陸",
            "chairman of the LDP Policy Research Council",
        ] {
            assert!(page.contains(needle), "{needle}");
        }
    }
}
