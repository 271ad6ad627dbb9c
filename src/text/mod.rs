//! Text layer: tokens, sentences and offset conversion. Everything here works on UTF-8 byte offsets.

pub mod doc;
pub mod offsets;
pub mod quote_marks;
pub mod sentences;
pub mod tokens;

pub use offsets::OffsetMap;
pub use sentences::split_sentences;
pub use tokens::{is_capitalised, tokenize, Token};

/// `text` with each lone `\r` (old Mac line end) turned into `\n`, so every stage sees the line
/// ends it knows (`\n`, `\r\n`). Both are one byte, one code point and one UTF-16 unit: every
/// offset into the copy is the same offset into `text`. Borrowed when there is no lone `\r`.
pub fn unify_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let lone = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if !(0..b.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    for (i, c) in out.iter_mut().enumerate() {
        if lone(i) {
            *c = b'\n';
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    std::borrow::Cow::Owned(String::from_utf8(out).expect("still UTF-8"))
}

/// Tokens `[first, end)`: indices into a token list. Byte ranges are [`crate::schema::Span`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenRange {
    pub first: usize,
    pub end: usize,
}

impl TokenRange {
    pub fn new(first: usize, end: usize) -> Self {
        TokenRange { first, end }
    }
}

/// Token ranges that answer "does any of them overlap this one?" in logarithmic time, so that
/// checking every item of one list against another stays linear in the text.
pub struct RangeIndex {
    /// The ranges, sorted by first token.
    ranges: Vec<TokenRange>,
    /// The furthest end among `ranges[..=i]`.
    reach: Vec<usize>,
}

impl RangeIndex {
    pub fn new(ranges: impl IntoIterator<Item = TokenRange>) -> Self {
        let mut ranges: Vec<TokenRange> = ranges.into_iter().collect();
        ranges.sort_unstable();
        let reach = (ranges.iter())
            .scan(0, |far, r| {
                *far = r.end.max(*far);
                Some(*far)
            })
            .collect();
        RangeIndex { ranges, reach }
    }

    /// Whether a range shares a token with `r` (`a.first < r.end && r.first < a.end`).
    pub fn overlaps(&self, r: TokenRange) -> bool {
        let starting_before_end = self.ranges.partition_point(|a| a.first < r.end);
        starting_before_end > 0 && self.reach[starting_before_end - 1] > r.first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_index_answers_as_comparing_every_pair() {
        let ranges =
            [(5, 9), (0, 2), (12, 13), (3, 20), (30, 30)].map(|(a, b)| TokenRange::new(a, b));
        let index = RangeIndex::new(ranges);
        for first in 0..35 {
            for end in first..36 {
                let r = TokenRange::new(first, end);
                let every_pair = ranges.iter().any(|a| a.first < r.end && r.first < a.end);
                assert_eq!(index.overlaps(r), every_pair, "{r:?}");
            }
        }
        assert!(!RangeIndex::new([]).overlaps(TokenRange::new(0, 5)));
    }
}
