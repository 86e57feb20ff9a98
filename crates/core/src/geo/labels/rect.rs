//! A box in the map's SVG units, for labels and tap targets.

/// A box `(x, y, width, height)` in SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// The smallest box holding both.
    pub(super) fn union(self, o: Rect) -> Rect {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        let r = (self.x + self.w).max(o.x + o.w);
        let b = (self.y + self.h).max(o.y + o.h);
        Rect {
            x,
            y,
            w: r - x,
            h: b - y,
        }
    }

    /// Whether the two boxes share any area.
    pub fn meets(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    /// Whether `o` lies wholly inside this box.
    pub(super) fn holds(&self, o: &Rect) -> bool {
        o.x >= self.x
            && o.y >= self.y
            && o.x + o.w <= self.x + self.w
            && o.y + o.h <= self.y + self.h
    }

    /// The box grown to at least `min` on each side, about its centre.
    pub(super) fn at_least(self, min: f64) -> Rect {
        let (w, h) = (self.w.max(min), self.h.max(min));
        Rect {
            x: self.x - (w - self.w) / 2.0,
            y: self.y - (h - self.h) / 2.0,
            w,
            h,
        }
    }

    /// The box scaled by `k` about the point `(cx, cy)`.
    pub fn scaled(&self, k: f64, (cx, cy): (f64, f64)) -> Rect {
        Rect {
            x: cx + (self.x - cx) * k,
            y: cy + (self.y - cy) * k,
            w: self.w * k,
            h: self.h * k,
        }
    }
}
