//! The card's PNGs on the command line: the card's SVG drawn by resvg at
//! 1200×675 and 2400×1350, with the system's fonts. The texts may be
//! Russian or Japanese, so a font that has both is required: Noto Sans CJK
//! (Debian's `fonts-noto-cjk`, which `cargo xtask setup` installs).

use crate::card::{HEIGHT, WIDTH};
use crate::Error;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// The family every text falls back to: Latin, Cyrillic and Japanese.
const FALLBACK: &str = "Noto Sans CJK JP";

/// The system's fonts, read once; an error when none covers Cyrillic and
/// Japanese.
fn fonts() -> Result<Arc<usvg::fontdb::Database>, Error> {
    static DB: OnceLock<Result<Arc<usvg::fontdb::Database>, String>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_system_fonts();
        let has = db
            .faces()
            .any(|f| f.families.iter().any(|(name, _)| name == FALLBACK));
        if !has {
            return Err(format!(
                "no {FALLBACK} font on this system for the card's Russian and Japanese texts: \
                 install Debian's fonts-noto-cjk (cargo xtask setup does)"
            ));
        }
        db.set_sans_serif_family(FALLBACK);
        Ok(Arc::new(db))
    })
    .clone()
    .map_err(Error::Io)
}

/// The PNG of `svg` (a card) at `scale` times its size.
pub fn png(svg: &str, scale: u32) -> Result<Vec<u8>, Error> {
    let opt = usvg::Options {
        fontdb: fonts()?,
        font_family: FALLBACK.into(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &opt).map_err(|e| Error::Io(format!("the card's SVG: {e}")))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH * scale, HEIGHT * scale)
        .ok_or_else(|| Error::Io("no room for the card's picture".into()))?;
    let s = scale as f32;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(s, s),
        &mut pixmap.as_mut(),
    );
    // A card has a title, a map and a legend: many colours. Fewer is a
    // drawing that failed (no font, a bad SVG), never published.
    let colours: std::collections::BTreeSet<[u8; 4]> = pixmap
        .pixels()
        .iter()
        .step_by(97)
        .map(|p| [p.red(), p.green(), p.blue(), p.alpha()])
        .collect();
    if colours.len() < 16 {
        return Err(Error::Io(format!(
            "the card came out blank ({} colours)",
            colours.len()
        )));
    }
    pixmap
        .encode_png()
        .map_err(|e| Error::Io(format!("the card's PNG: {e}")))
}

/// The card's two PNGs: 1200×675 (social cards) and 2400×1350 (print).
pub fn pngs(svg: &str) -> Result<(Vec<u8>, Vec<u8>), Error> {
    Ok((png(svg, 1)?, png(svg, 2)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Width and height from a PNG's header.
    fn size(png: &[u8]) -> (u32, u32) {
        let be = |i: usize| u32::from_be_bytes([png[i], png[i + 1], png[i + 2], png[i + 3]]);
        (be(16), be(20))
    }

    #[test]
    fn a_card_is_drawn_at_both_sizes_and_an_empty_one_is_refused() {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\">{}</svg>",
            (0..40)
                .map(|i| format!("<rect x=\"{}\" width=\"30\" height=\"675\" fill=\"#{:02x}{:02x}40\"/><text x=\"{}\" y=\"40\">択捉島 Итуруп</text>", i * 30, i * 6, 255 - i * 6, i * 30))
                .collect::<String>()
        );
        let (one, two) = pngs(&svg).unwrap();
        assert_eq!(size(&one), (1200, 675));
        assert_eq!(size(&two), (2400, 1350));
        let blank = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\"/>"
        );
        let refused = png(&blank, 1).map(|b| b.len()).map_err(|e| e.to_string());
        assert!(
            refused.as_ref().is_err_and(|e| e.contains("blank")),
            "{refused:?}"
        );
    }
}
