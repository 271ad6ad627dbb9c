//! Text layer: tokens, sentences and offset conversion. Everything here works on UTF-8 byte offsets.

pub mod offsets;
pub mod sentences;
pub mod tokens;

pub use offsets::{OffsetMap, Units};
pub use sentences::split_sentences;
pub use tokens::{is_capitalised, tokenize, Token};
