//! Text layer: tokens, sentences and offset conversion. Everything here works on UTF-8 byte offsets.

pub mod offsets;
pub mod sentences;
pub mod tokens;

pub use offsets::{OffsetMap, Units};
pub use sentences::split_sentences;
pub use tokens::{is_capitalised, tokenize, Token};

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
