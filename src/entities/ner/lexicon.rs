//! Word-level knowledge from outside the labelled data: distributional word clusters and
//! capitalisation statistics (derived by `scripts/derive/`), and name lists (gazetteers).
//!
//! Both shipped tables are laid out at build time and read in place: the lexicon
//! (`model/lexicon.tsv`: `word<TAB>v1<TAB>v2…` with a `#`-header naming the columns; values are
//! small ints, 0 meaning unknown) as a [`wordtable`], the gazetteer (`model/gazetteer.tsv`, see
//! `gazetteer.rs`) as a hash table of phrase hashes.

use super::wordtable;
pub use super::wordtable::MAX_COLUMNS;
use crate::seq::hash::phrase_slot;
pub use crate::seq::hash::{PhraseHash, MAX_PHRASE};
use std::borrow::Cow;

/// The shipped lexicon's word table, laid out by `build.rs` from `model/lexicon.tsv`.
const SHIPPED_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));
// The shipped gazetteer: `GAZETTEER_LISTS` and `GAZETTEER_PHRASES`, laid out by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));

#[derive(Default)]
pub struct Lexicon {
    /// A [`wordtable`] buffer.
    words: Cow<'static, [u8]>,
    /// The gazetteer's phrase table: (phrase hash over lowercased normalised tokens, bit set of
    /// lists) in the open-addressing layout of `gazetteer.rs`.
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
            phrases: Cow::Owned(g.slots),
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
        let slots = &self.phrases;
        if slots.is_empty() {
            return 0;
        }
        let mut i = phrase_slot(h.0, slots.len());
        loop {
            match slots[i] {
                (k, bits) if k == h.0 => return bits,
                (0, 0) => return 0,
                _ => i = (i + 1) & (slots.len() - 1),
            }
        }
    }

    pub fn has_phrases(&self) -> bool {
        !self.phrases.is_empty()
    }
}

#[cfg(all(test, feature = "tools"))]
mod tests {
    use super::*;
    use crate::entities::ner::gazetteer::Gazetteer;
    use crate::seq::hash::hash_str;

    #[test]
    fn the_shipped_gazetteer_is_the_file_laid_out() {
        let g = Gazetteer::parse(include_str!("../../../model/gazetteer.tsv"));
        assert_eq!(g.slots, GAZETTEER_PHRASES);
        assert_eq!(g.lists, GAZETTEER_LISTS);
        assert!(g.lists.contains(&"outlet".to_string()));
    }

    #[test]
    fn every_listed_phrase_is_found_and_others_are_not() {
        let lex = Lexicon::shipped();
        let phrase = |words: &[&str]| {
            let h = words
                .iter()
                .fold(PhraseHash::default(), |h, w| h.push(hash_str(w)));
            lex.phrase(h)
        };
        let bit = |list: &str| 1 << lex.lists.iter().position(|l| l == list).unwrap();
        assert_eq!(phrase(&["north", "america"]), bit("continent"));
        assert_ne!(phrase(&["the", "hill"]) & bit("outlet"), 0);
        assert_eq!(phrase(&["kirby"]), 0);
        assert_eq!(phrase(&["north", "korea", "today"]), 0);
        for line in include_str!("../../../model/gazetteer.tsv").lines() {
            let (list, words) = line.split_once('\t').unwrap();
            let words: Vec<String> = words.split(' ').map(str::to_lowercase).collect();
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            if words.len() <= MAX_PHRASE
                && !words
                    .iter()
                    .any(|w| w.chars().any(|c| c.is_ascii_digit() || !c.is_alphabetic()))
            {
                assert_ne!(phrase(&words) & bit(list), 0, "{line}");
            }
        }
    }
}
