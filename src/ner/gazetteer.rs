//! Reads name lists (gazetteers): `LIST<TAB>phrase` lines, the phrase as space-separated
//! tokens. `build.rs` includes this file to lay out `model/gazetteer.tsv` as a table of phrase
//! hashes sorted for binary search, so start-up parses nothing; the tools (feature `tools`)
//! read other lists with it when training.

use super::hash::{hash_str, PhraseHash, MAX_PHRASE};
use super::normalize::normalize_into;
use std::collections::BTreeMap;

/// Lists are bits of a `u32`.
const MAX_LISTS: usize = 32;

/// A parsed gazetteer: list names (bit `i` is list `i`, in order of first appearance) and
/// `(phrase hash, list bits)` sorted by hash. A phrase hashes its tokens normalised and
/// lower-cased, as the features see them.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Gazetteer {
    pub lists: Vec<String>,
    pub phrases: Vec<(u64, u32)>,
}

impl Gazetteer {
    pub fn parse(text: &str) -> Gazetteer {
        let mut lists: Vec<String> = Vec::new();
        let mut phrases: BTreeMap<u64, u32> = BTreeMap::new();
        let mut buf = String::new();
        for line in text.lines() {
            let Some((list, phrase)) = line.split_once('\t') else {
                continue;
            };
            let bit = match lists.iter().position(|l| l == list) {
                Some(i) => i,
                None if lists.len() < MAX_LISTS => {
                    lists.push(list.to_string());
                    lists.len() - 1
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
            *phrases.entry(h.0).or_default() |= 1 << bit;
        }
        Gazetteer {
            lists,
            phrases: phrases.into_iter().collect(),
        }
    }
}
