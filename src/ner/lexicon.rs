//! Word-level knowledge from outside the labelled data: distributional word clusters and
//! capitalisation statistics (derived by `scripts/derive/`), and name lists (gazetteers).
//!
//! Text formats, parsed once at load:
//! - lexicon: `word<TAB>v1<TAB>v2…` with a `#`-header naming the columns; values are small ints
//!   (cluster ids, buckets), 0 meaning unknown.
//! - gazetteer: `TYPE<TAB>phrase` with the phrase as space-separated tokens.

use super::features::normalize_into;
use super::hash::{hash_str, FeatureHash, PreHashedMap};

/// Most lexicon columns a word can carry.
pub const MAX_COLUMNS: usize = 8;
/// Longest gazetteer phrase in tokens.
pub const MAX_PHRASE: usize = 6;

#[derive(Default)]
pub struct Lexicon {
    columns: usize,
    words: PreHashedMap<[u16; MAX_COLUMNS]>,
    /// Phrase hash (over lowercased normalised tokens) → bit set of gazetteer lists.
    phrases: PreHashedMap<u32>,
    /// Gazetteer list names, bit i = list i.
    pub lists: Vec<String>,
}

impl Lexicon {
    pub fn parse(lexicon: &str, gazetteer: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut buf = String::new();
        for line in lexicon.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let Some(word) = cols.next() else { continue };
            let mut vals = [0u16; MAX_COLUMNS];
            let mut n = 0;
            for (slot, v) in vals.iter_mut().zip(cols) {
                *slot = v.parse().unwrap_or(0);
                n += 1;
            }
            lex.columns = lex.columns.max(n);
            normalize_into(word, &mut buf);
            lex.words.insert(hash_str(&buf), vals);
        }
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

    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Column values for a normalised word, trying it as written and then lowercased.
    pub fn word(&self, form_hash: u64, lower_hash: u64) -> Option<&[u16; MAX_COLUMNS]> {
        self.words
            .get(&form_hash)
            .or_else(|| self.words.get(&lower_hash))
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
