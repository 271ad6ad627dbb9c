//! Greedy left-to-right decoding with BILOU constraints and a document-level tag history.

use super::features::{
    dynamic_features, static_features, TokenInfo, FLAG_HAS_ALPHA, FLAG_SENT_START,
};
use super::hash::PreHashedMap;
use super::labels::{allowed, may_end, type_of, N_TAGS};
use super::model::Model;

/// What the document said so far about each capitalised word: the type last predicted for it
/// (1 + type), or [`SEEN_OUTSIDE`]. Lets a confident "John Kirby" inform a later bare "Kirby".
#[derive(Default)]
pub struct History(PreHashedMap<u64>);

const SEEN_OUTSIDE: u64 = 99;

impl History {
    pub fn get(&self, t: &TokenInfo) -> u64 {
        if !t.is_capitalised() {
            return 0;
        }
        self.0.get(&t.lower).copied().unwrap_or(0)
    }

    pub fn record(&mut self, t: &TokenInfo, tag: usize) {
        if !t.is_capitalised() || t.flags & FLAG_HAS_ALPHA == 0 {
            return;
        }
        match type_of(tag) {
            Some(ty) => {
                self.0.insert(t.lower, 1 + ty as u64);
            }
            // A sentence-initial capital says little when it is tagged O.
            None if t.flags & FLAG_SENT_START == 0 => {
                self.0.entry(t.lower).or_insert(SEEN_OUTSIDE);
            }
            None => {}
        }
    }
}

/// Highest-scoring tag that may follow `prev` (and, on the last token, may end a sentence).
pub fn best_tag<T: PartialOrd + Copy>(
    scores: &[T; N_TAGS],
    prev: Option<usize>,
    last: bool,
) -> usize {
    let mut best = None;
    for (t, &s) in scores.iter().enumerate() {
        if allowed(prev, t) && (!last || may_end(t)) && best.is_none_or(|b: usize| s > scores[b]) {
            best = Some(t);
        }
    }
    best.unwrap_or(0)
}

/// Anything that scores feature sets: the compact int8 [`Model`], or float weights in training.
pub trait Scorer {
    type Score: Copy + Default + PartialOrd;
    fn lex_columns(&self) -> usize;
    fn scores(&self, features: &[u64]) -> [Self::Score; N_TAGS];
}

impl Scorer for Model {
    type Score = f32;
    fn lex_columns(&self) -> usize {
        self.lex_columns
    }
    #[inline]
    fn scores(&self, features: &[u64]) -> [f32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        self.add_scores(features, &mut s);
        s
    }
}

/// Tags a document: `sentences` are token ranges into `infos`; writes one BILOU tag per token.
pub fn tag_document<S: Scorer>(
    model: &S,
    infos: &[TokenInfo],
    sentences: &[(usize, usize)],
    tags: &mut Vec<usize>,
) {
    tags.clear();
    tags.resize(infos.len(), 0);
    let mut history = History::default();
    let mut feats = Vec::with_capacity(128);
    for &(first, end) in sentences {
        let sent = &infos[first..end];
        let (mut prev, mut prev2) = (N_TAGS, N_TAGS);
        for i in 0..sent.len() {
            feats.clear();
            static_features(sent, i, model.lex_columns(), &mut feats);
            dynamic_features(&sent[i], prev, prev2, history.get(&sent[i]), &mut feats);
            let scores = model.scores(&feats);
            let tag = best_tag(
                &scores,
                (prev != N_TAGS).then_some(prev),
                i + 1 == sent.len(),
            );
            history.record(&sent[i], tag);
            tags[first + i] = tag;
            (prev2, prev) = (prev, tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::labels::{tag, Part};

    #[test]
    fn best_tag_respects_bilou() {
        let mut s = [0i32; N_TAGS];
        s[tag(Part::Inside, 0)] = 10;
        s[tag(Part::Unit, 3)] = 5;
        // O is not allowed inside an entity, however high it scores.
        s[0] = 50;
        assert_eq!(
            best_tag(&s, Some(tag(Part::Begin, 0)), true),
            tag(Part::Last, 0)
        );
        s[0] = 0;
        assert_eq!(best_tag(&s, None, false), tag(Part::Unit, 3));
        assert_eq!(
            best_tag(&s, Some(tag(Part::Begin, 0)), false),
            tag(Part::Inside, 0)
        );
        s[tag(Part::Begin, 2)] = 20;
        assert_ne!(best_tag(&s, None, true), tag(Part::Begin, 2));
    }
}
