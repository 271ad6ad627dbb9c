//! Sentence decoding: the core's constrained Viterbi over BILOU tags, with per-token emission
//! scores from the feature weights and a document-level tag history.

use super::features::{
    context_features, history_features, transition_feature, word_features, word_key, TokenInfo,
    FLAG_HAS_ALPHA, FLAG_SENT_START,
};
use super::labels::{allowed, may_end, type_of, N_TAGS};
use super::model::Model;
use crate::seq::hash::PreHashedMap;
use crate::seq::viterbi::{self, Constraint};
use crate::text::TokenRange;

/// What earlier sentences said about each capitalised word: the type last predicted for it
/// (1 + type), or [`SEEN_OUTSIDE`].
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

/// Anything that scores feature sets: the compact int8 [`Model`], or float weights in training.
pub trait Scorer {
    fn lex_columns(&self) -> usize;
    fn add_scores(&self, features: &[u64], scores: &mut [f32; N_TAGS]);

    fn scores(&self, features: &[u64]) -> [f32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        self.add_scores(features, &mut s);
        s
    }

    /// Scores of a token's [`word_features`]; the runtime model caches them per word.
    fn word_scores(&self, t: &TokenInfo, feats: &mut Vec<u64>) -> [f32; N_TAGS] {
        feats.clear();
        word_features(t, self.lex_columns(), feats);
        self.scores(feats)
    }
}

impl Scorer for Model {
    fn lex_columns(&self) -> usize {
        self.lex_columns
    }
    #[inline]
    fn add_scores(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        Model::add_scores(self, features, scores)
    }
    fn word_scores(&self, t: &TokenInfo, feats: &mut Vec<u64>) -> [f32; N_TAGS] {
        let key = word_key(t);
        if let Some(s) = self.cached_word(key) {
            return s;
        }
        feats.clear();
        word_features(t, self.lex_columns, feats);
        let s = self.scores(feats);
        self.cache_word(key, &s);
        s
    }
}

/// BILOU as the decoder's constraint: an `I-X` or `L-X` only after `B-X` or `I-X`, no sentence
/// ending inside a name.
fn bilou() -> &'static Constraint<N_TAGS> {
    static C: std::sync::OnceLock<Constraint<N_TAGS>> = std::sync::OnceLock::new();
    C.get_or_init(|| Constraint::new(allowed, may_end))
}

/// Transition weights (the scorer's transition features), ready to decode sentences with.
/// 37 open tags (O, B-*, U-*): 40 lanes, five vectors of eight.
pub type Transitions = viterbi::Transitions<'static, N_TAGS, 40>;

pub fn transitions<S: Scorer>(scorer: &S) -> Transitions {
    let m = (0..=N_TAGS)
        .map(|p| scorer.scores(&[transition_feature(p)]))
        .collect();
    Transitions::new(bilou(), m)
}

/// Emission scores of one sentence's tokens.
pub fn emissions<S: Scorer>(
    scorer: &S,
    sent: &[TokenInfo],
    history: &History,
    feats: &mut Vec<u64>,
    out: &mut Vec<[f32; N_TAGS]>,
) {
    out.clear();
    for i in 0..sent.len() {
        let mut s = scorer.word_scores(&sent[i], feats);
        feats.clear();
        context_features(sent, i, scorer.lex_columns(), feats);
        history_features(&sent[i], history.get(&sent[i]), feats);
        scorer.add_scores(feats, &mut s);
        out.push(s);
    }
}

/// Tags a document: `sentences` are token ranges into `infos`; writes one BILOU tag per token.
pub fn tag_document<S: Scorer>(
    model: &S,
    infos: &[TokenInfo],
    sentences: &[TokenRange],
    tags: &mut Vec<usize>,
) {
    tags.clear();
    tags.resize(infos.len(), 0);
    let trans = transitions(model);
    let mut history = History::default();
    let mut feats = Vec::with_capacity(128);
    let mut emit = Vec::new();
    let mut best = Vec::new();
    for &TokenRange { first, end } in sentences {
        let sent = &infos[first..end];
        emissions(model, sent, &history, &mut feats, &mut emit);
        trans.decode(&emit, &mut best);
        for (i, &t) in best.iter().enumerate() {
            history.record(&sent[i], t);
            tags[first + i] = t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::ner::labels::{tag, Part};

    #[test]
    fn viterbi_respects_bilou() {
        let trans = Transitions::new(bilou(), vec![[0f32; N_TAGS]; N_TAGS + 1]);
        // Token 0 looks like the inside of a name, token 1 like its end: only B-L is legal.
        let mut e0 = [0f32; N_TAGS];
        e0[tag(Part::Inside, 0)] = 10.0;
        e0[tag(Part::Begin, 0)] = 6.0;
        e0[0] = 7.0;
        let mut e1 = [0f32; N_TAGS];
        e1[tag(Part::Last, 0)] = 5.0;
        let mut out = Vec::new();
        trans.decode(&[e0, e1], &mut out);
        assert_eq!(out, vec![tag(Part::Begin, 0), tag(Part::Last, 0)]);
        // A sentence cannot end inside a name.
        let mut e = [0f32; N_TAGS];
        e[tag(Part::Begin, 2)] = 20.0;
        trans.decode(&[e], &mut out);
        assert_ne!(out[0], tag(Part::Begin, 2));
    }
}
