//! A widget's place in the page address, for the `sync-url` option: the
//! address belongs to the host, so a widget only reads and writes its own
//! key in the fragment (`#start-at=…`, or `#start-at-<id>=…` for an element
//! with an id) and leaves everything else there as it was, a hash route
//! (`#/world/asia`) and other widgets' keys included.
//!
//! ```
//! use kuril_core::widget::address::{key_for, read, with};
//!
//! let key = key_for("kw-1");
//! let hash = with("#/world/asia", &key, "joint-declaration-1956");
//! assert_eq!(hash, "#/world/asia&start-at-kw-1=joint-declaration-1956");
//! assert_eq!(read(&hash, &key).as_deref(), Some("joint-declaration-1956"));
//! ```

/// The fragment key of a widget whose host element has this id (empty:
/// none).
pub fn key_for(id: &str) -> String {
    if id.is_empty() {
        "start-at".into()
    } else {
        format!("start-at-{}", encode(id))
    }
}

/// `value` percent-encoded for a fragment: everything but ASCII letters,
/// digits and `-._~` as UTF-8 bytes in `%XX` form.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `value` with `%XX` escapes decoded; `None` when they do not make UTF-8.
pub fn decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = value.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The parts of a fragment (`#a=1&b=2`), without the `#`.
fn parts(hash: &str) -> impl Iterator<Item = &str> {
    hash.trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
}

/// The decoded value of `key` in a fragment, if it is there.
pub fn read(hash: &str, key: &str) -> Option<String> {
    parts(hash)
        .find_map(|p| p.strip_prefix(key)?.strip_prefix('='))
        .and_then(decode)
}

/// The fragment with `key` set to `value` (encoded), every other part kept
/// in its place and order.
pub fn with(hash: &str, key: &str, value: &str) -> String {
    let mut out: Vec<String> = parts(hash)
        .filter(|p| p.split('=').next() != Some(key))
        .map(str::to_owned)
        .collect();
    out.push(format!("{key}={}", encode(value)));
    format!("#{}", out.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_widget_touches_only_its_own_key() {
        let key = key_for("");
        assert_eq!(with("", &key, "1900"), "#start-at=1900");
        assert_eq!(
            with("#start-at=1956&x=1", &key, "1900"),
            "#x=1&start-at=1900"
        );
        let other = key_for("b");
        let both = with("#/route&start-at=1900", &other, "a b/é");
        assert_eq!(both, "#/route&start-at=1900&start-at-b=a%20b%2F%C3%A9");
        assert_eq!(read(&both, &key).as_deref(), Some("1900"));
        assert_eq!(read(&both, &other).as_deref(), Some("a b/é"));
        // A key is never read from inside another's name or value.
        assert_eq!(read("#start-at-b=x", &key), None);
        assert_eq!(read("#y=start-at=x", &key), None);
    }

    #[test]
    fn encoding_round_trips_and_bad_escapes_are_refused() {
        for s in ["joint-declaration-1956", "<script>&=#%", "択捉島", ""] {
            assert_eq!(decode(&encode(s)).as_deref(), Some(s));
            assert!(encode(s).bytes().all(|b| b.is_ascii_graphic()));
        }
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%e2%82"), None);
        assert_eq!(decode("%4"), None);
        assert_eq!(key_for("a b"), "start-at-a%20b");
    }
}
