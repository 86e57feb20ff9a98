//! The widget's options have one table of names
//! (`kuril_core::widget::options::NAMES`): the element, the iframe and the
//! embed-code generator list the same ones, and the host glue reads them
//! through it.

use kuril_core::widget::options::NAMES;

/// The quoted names of the first JavaScript array after `marker` in `file`.
fn js_list(file: &str, marker: &str) -> Vec<String> {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let at = src
        .find(marker)
        .unwrap_or_else(|| panic!("{file}: no {marker}"));
    let rest = &src[at..];
    let list = &rest[rest.find('[').unwrap() + 1..rest.find(']').unwrap()];
    list.split(',')
        .map(|s| s.trim().trim_matches('\'').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_element_the_iframe_and_the_generator_list_the_tables_options() {
    let names: Vec<String> = NAMES.iter().map(|s| s.to_string()).collect();
    // The element observes every option, and `loading` (its own: when it
    // starts, not what it shows).
    let mut observed = names.clone();
    observed.push("loading".into());
    assert_eq!(
        js_list("embed/kuril-widget.js", "observedAttributes"),
        observed
    );
    // The iframe takes all but sync-url from its URL, and its gate compares
    // the same ones with what the page holds.
    let in_url: Vec<String> = names.iter().filter(|n| *n != "sync-url").cloned().collect();
    assert_eq!(js_list("embed/embed.js", "for (const name of"), in_url);
    let mut gate = js_list("embed/embed-gate.js", "for (const name of");
    let mut want = in_url.clone();
    gate.sort();
    want.sort();
    assert_eq!(gate, want);
    // The generator offers some of them, no other.
    let offered = js_list("embed/generator.js", "const NAMES");
    assert!(
        offered.len() >= 4 && offered.iter().all(|o| names.contains(o)),
        "{offered:?}"
    );
    // The host glue reads them through the table, by no name of its own.
    let mount =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/host/mount.rs")).unwrap();
    assert!(mount.contains("Options::read"));
    for n in NAMES {
        assert!(
            !mount.contains(&format!("attr(\"{n}\")")),
            "mount.rs reads {n} by hand"
        );
    }
}
