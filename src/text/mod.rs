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
