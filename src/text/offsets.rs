//! Byte ↔ code point ↔ UTF-16 offset conversion, done once at the API boundary.

use crate::schema::Units;

/// Maps byte offsets of one text to another unit. Built in one pass; lookups are O(log n)
/// over the non-ASCII characters only, so ASCII-heavy news text costs almost nothing.
pub struct OffsetMap {
    units: Units,
    /// (byte offset just after a non-ASCII char, extra units accumulated up to there).
    /// For chars: extra = bytes - chars; for UTF-16: extra = bytes - utf16 units.
    steps: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub fn new(text: &str, units: Units) -> Self {
        let mut steps = Vec::new();
        if units != Units::Bytes {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                let bytes = c.len_utf8();
                if bytes > 1 {
                    let width = match units {
                        Units::Utf16 => c.len_utf16(),
                        _ => 1,
                    };
                    extra += bytes - width;
                    steps.push((i + bytes, extra));
                }
            }
        }
        OffsetMap { units, steps }
    }

    /// Converts a byte offset that lies on a char boundary.
    pub fn convert(&self, byte: usize) -> usize {
        if self.units == Units::Bytes {
            return byte;
        }
        let idx = self.steps.partition_point(|&(end, _)| end <= byte);
        if idx == 0 {
            byte
        } else {
            byte - self.steps[idx - 1].1
        }
    }

    /// The byte offset of an offset in this map's unit (the inverse of [`OffsetMap::convert`]),
    /// for offsets on a character boundary; exports read code-point annotations with it.
    pub fn to_byte(&self, unit: usize) -> usize {
        let idx = self
            .steps
            .partition_point(|&(end, extra)| end - extra <= unit);
        if idx == 0 {
            unit
        } else {
            unit + self.steps[idx - 1].1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        let chars = OffsetMap::new(text, Units::Chars);
        let utf16 = OffsetMap::new(text, Units::Utf16);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(chars.convert(b), text[..b].chars().count());
            assert_eq!(utf16.convert(b), text[..b].encode_utf16().count());
            assert_eq!(chars.to_byte(chars.convert(b)), b);
            assert_eq!(utf16.to_byte(utf16.convert(b)), b);
        }
    }

    #[test]
    fn emoji_and_combining_accents() {
        check("Café 👩‍👩‍👧 said “ok” e\u{301}\r\nnext 🇺🇸 line");
        let t = "x😀y";
        assert_eq!(OffsetMap::new(t, Units::Utf16).convert(5), 3);
        assert_eq!(OffsetMap::new(t, Units::Chars).convert(5), 2);
    }

    proptest! {
        #[test]
        fn matches_std_counts(text in "\\PC*") {
            check(&text);
        }
        #[test]
        fn matches_std_counts_any_unicode(text in any::<String>()) {
            check(&text);
        }
    }
}
