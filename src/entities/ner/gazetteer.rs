//! Reads name lists (gazetteers): `LIST<TAB>phrase` lines, the phrase as space-separated
//! tokens. `build.rs` includes this file to lay out `model/gazetteer.tsv` as a hash table of
//! phrase hashes, so start-up parses nothing; the tools (feature `tools`) read other lists with
//! it when training.

use super::normalize::normalize_into;
use crate::seq::hash::{hash_str, phrase_slot, PhraseHash, MAX_PHRASE};
use std::collections::BTreeMap;

/// Lists are bits of a `u32`.
const MAX_LISTS: usize = 32;

/// A parsed gazetteer: list names (bit `i` is list `i`, in order of first appearance) and the
/// phrases as an open-addressing table of `(phrase hash, list bits)` (see `hash::phrase_slot`; `(0, 0)`
/// is an empty slot). A phrase hashes its tokens normalised and lower-cased, as the features see
/// them.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Gazetteer {
    pub lists: Vec<String>,
    pub slots: Vec<(u64, u32)>,
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
        // Half full at most: a miss, the common case, ends within a few probes.
        let len = if phrases.is_empty() {
            0
        } else {
            (2 * phrases.len()).next_power_of_two().max(2)
        };
        let mut slots = vec![(0u64, 0u32); len];
        for (h, bits) in phrases {
            let mut i = phrase_slot(h, len);
            while slots[i] != (0, 0) {
                i = (i + 1) & (len - 1);
            }
            slots[i] = (h, bits);
        }
        Gazetteer { lists, slots }
    }
}
