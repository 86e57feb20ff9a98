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
    pixmap
        .encode_png()
        .map_err(|e| Error::Io(format!("the card's PNG: {e}")))
}

/// The card's two PNGs: 1200×675 (social cards) and 2400×1350 (print).
pub fn pngs(svg: &str) -> Result<(Vec<u8>, Vec<u8>), Error> {
    Ok((png(svg, 1)?, png(svg, 2)?))
}
