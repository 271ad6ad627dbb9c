//! Word-level knowledge from outside the labelled data: distributional word clusters and
//! capitalisation statistics (derived by `scripts/derive/`), and name lists (gazetteers).
//!
//! Both shipped tables are laid out at build time and read in place: the lexicon
//! (`model/lexicon.tsv`: `word<TAB>v1<TAB>v2…` with a `#`-header naming the columns; values are
//! small ints, 0 meaning unknown) as a [`wordtable`], the gazetteer (`model/gazetteer.tsv`, see
//! `gazetteer.rs`) as phrase hashes sorted for binary search.

pub use super::hash::{PhraseHash, MAX_PHRASE};
use super::wordtable;
pub use super::wordtable::MAX_COLUMNS;
use std::borrow::Cow;

/// The shipped lexicon's word table, laid out by `build.rs` from `model/lexicon.tsv`.
const SHIPPED_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));
// The shipped gazetteer: `GAZETTEER_LISTS` and `GAZETTEER_PHRASES`, laid out by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));

#[derive(Default)]
pub struct Lexicon {
    /// A [`wordtable`] buffer.
    words: Cow<'static, [u8]>,
    /// (phrase hash over lowercased normalised tokens, bit set of gazetteer lists), by hash.
    phrases: Cow<'static, [(u64, u32)]>,
    /// Gazetteer list names, bit i = list i.
    pub lists: Vec<String>,
}

impl Lexicon {
    /// A lexicon and a gazetteer from their text forms.
    #[cfg(feature = "tools")]
    pub fn parse(lexicon: &str, gazetteer: &str) -> Lexicon {
        let g = super::gazetteer::Gazetteer::parse(gazetteer);
        Lexicon {
            words: Cow::Owned(super::tables_build::word_table(lexicon)),
            phrases: Cow::Owned(g.phrases),
            lists: g.lists,
        }
    }

    /// The shipped tables, read in place.
    pub fn shipped() -> Lexicon {
        Lexicon {
            words: Cow::Borrowed(SHIPPED_WORDS),
            phrases: Cow::Borrowed(GAZETTEER_PHRASES),
            lists: GAZETTEER_LISTS.iter().map(|l| l.to_string()).collect(),
        }
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
        self.phrases
            .binary_search_by_key(&h.0, |&(k, _)| k)
            .map_or(0, |i| self.phrases[i].1)
    }

    pub fn has_phrases(&self) -> bool {
        !self.phrases.is_empty()
    }
}
