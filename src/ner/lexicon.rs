//! Word-level knowledge from outside the labelled data: distributional word clusters and
//! capitalisation statistics (derived by `scripts/derive/`), and name lists (gazetteers).
//!
//! Text formats (the shipped lexicon is laid out at build time, see [`wordtable`]; the
//! gazetteer is parsed at load):
//! - lexicon: `word<TAB>v1<TAB>v2…` with a `#`-header naming the columns; values are small ints
//!   (cluster ids, buckets), 0 meaning unknown.
//! - gazetteer: `TYPE<TAB>phrase` with the phrase as space-separated tokens.

use super::hash::{hash_str, FeatureHash, PreHashedMap};
use super::normalize::normalize_into;
use super::wordtable;
pub use super::wordtable::MAX_COLUMNS;
use std::borrow::Cow;

/// The shipped lexicon's word table, laid out by `build.rs` from `model/lexicon.tsv`.
const SHIPPED_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));
/// Longest gazetteer phrase in tokens.
pub const MAX_PHRASE: usize = 6;

#[derive(Default)]
pub struct Lexicon {
    /// A [`wordtable`] buffer.
    words: Cow<'static, [u8]>,
    /// Phrase hash (over lowercased normalised tokens) → bit set of gazetteer lists.
    phrases: PreHashedMap<u32>,
    /// Gazetteer list names, bit i = list i.
    pub lists: Vec<String>,
}

impl Lexicon {
    #[cfg(any(test, feature = "tools"))]
    pub fn parse(lexicon: &str, gazetteer: &str) -> Lexicon {
        Lexicon::with_words(Cow::Owned(wordtable::build(lexicon)), gazetteer)
    }

    /// The shipped word table (no parsing) with the given gazetteer.
    pub fn shipped(gazetteer: &str) -> Lexicon {
        Lexicon::with_words(Cow::Borrowed(SHIPPED_WORDS), gazetteer)
    }

    fn with_words(words: Cow<'static, [u8]>, gazetteer: &str) -> Lexicon {
        let mut lex = Lexicon {
            words,
            ..Lexicon::default()
        };
        let mut buf = String::new();
        for line in gazetteer.lines() {
            let Some((list, phrase)) = line.split_once('\t') else {
                continue;
            };
            let bit = match lex.lists.iter().position(|l| l == list) {
                Some(i) => i,
                None if lex.lists.len() < 32 => {
                    lex.lists.push(list.to_string());
                    lex.lists.len() - 1
                }
                None => continue,
            };
            let toks: Vec<&str> = phrase.split(' ').filter(|t| !t.is_empty()).collect();
            if toks.is_empty() || toks.len() > MAX_PHRASE {
                continue;
            }
            let mut h = PhraseHash::default();
            for t in toks {
                normalize_into(t, &mut buf);
                h = h.push(hash_str(&buf.to_lowercase()));
            }
            *lex.phrases.entry(h.0).or_default() |= 1 << bit;
        }
        lex
    }

    #[cfg(feature = "tools")]
    pub fn columns(&self) -> usize {
        wordtable::columns(&self.words)
    }

    /// Column values for a normalised word, trying it as written and then lowercased.
    pub fn word(&self, form_hash: u64, lower_hash: u64) -> Option<[u16; MAX_COLUMNS]> {
        wordtable::get(&self.words, form_hash).or_else(|| wordtable::get(&self.words, lower_hash))
    }

    /// Gazetteer lists containing the phrase with this hash.
    pub fn phrase(&self, h: PhraseHash) -> u32 {
        if self.phrases.is_empty() {
            return 0;
        }
        self.phrases.get(&h.0).copied().unwrap_or(0)
    }

    pub fn has_phrases(&self) -> bool {
        !self.phrases.is_empty()
    }
}

/// Order-sensitive hash of a token sequence, built one token at a time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhraseHash(pub u64);

impl PhraseHash {
    pub fn push(self, token_hash: u64) -> PhraseHash {
        PhraseHash(FeatureHash::new(self.0).add(token_hash).finish())
    }
}
