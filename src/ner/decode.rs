//! Sentence decoding: first-order Viterbi over BILOU tags (only legal transitions), with
//! per-token emission scores from the feature weights and a document-level tag history.

use super::features::{
    history_features, static_features, transition_feature, TokenInfo, FLAG_HAS_ALPHA,
    FLAG_SENT_START,
};
use super::hash::PreHashedMap;
use super::labels::{allowed, may_end, type_of, N_TAGS};
use super::model::Model;

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
    fn scores(&self, features: &[u64]) -> [f32; N_TAGS];
}

impl Scorer for Model {
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

/// Legal predecessors of each tag (`N_TAGS` = sentence start), so Viterbi visits only the
/// transitions BILOU allows (an `I-X` only after `B-X` or `I-X`).
fn predecessors() -> &'static [Vec<u8>] {
    static P: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        (0..N_TAGS)
            .map(|t| {
                (0..=N_TAGS)
                    .filter(|&p| allowed((p < N_TAGS).then_some(p), t))
                    .map(|p| p as u8)
                    .collect()
            })
            .collect()
    })
}

/// Transition weights: `[prev][tag]`, row `N_TAGS` for the sentence start.
pub fn transitions<S: Scorer>(scorer: &S) -> Vec<[f32; N_TAGS]> {
    (0..=N_TAGS)
        .map(|p| scorer.scores(&[transition_feature(p)]))
        .collect()
}

/// Best legal tag sequence for emission scores `emit` under `trans`; writes it to `out`.
pub fn viterbi(emit: &[[f32; N_TAGS]], trans: &[[f32; N_TAGS]], out: &mut Vec<usize>) {
    let n = emit.len();
    out.clear();
    if n == 0 {
        return;
    }
    let preds = predecessors();
    let mut score = vec![[f32::NEG_INFINITY; N_TAGS]; n];
    let mut back = vec![[0u8; N_TAGS]; n];
    for t in 0..N_TAGS {
        if allowed(None, t) {
            score[0][t] = emit[0][t] + trans[N_TAGS][t];
        }
    }
    for i in 1..n {
        for t in 0..N_TAGS {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
            for &p in &preds[t] {
                if (p as usize) < N_TAGS {
                    let s = score[i - 1][p as usize] + trans[p as usize][t];
                    if s > best {
                        (best, arg) = (s, p);
                    }
                }
            }
            score[i][t] = best + emit[i][t];
            back[i][t] = arg;
        }
    }
    let mut last = (0..N_TAGS).filter(|&t| may_end(t)).fold(0, |b, t| {
        if score[n - 1][t] > score[n - 1][b] {
            t
        } else {
            b
        }
    });
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = last;
        last = back[i][last] as usize;
    }
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
        feats.clear();
        static_features(sent, i, scorer.lex_columns(), feats);
        history_features(&sent[i], history.get(&sent[i]), feats);
        out.push(scorer.scores(feats));
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
    let trans = transitions(model);
    let mut history = History::default();
    let mut feats = Vec::with_capacity(128);
    let mut emit = Vec::new();
    let mut best = Vec::new();
    for &(first, end) in sentences {
        let sent = &infos[first..end];
        emissions(model, sent, &history, &mut feats, &mut emit);
        viterbi(&emit, &trans, &mut best);
        for (i, &t) in best.iter().enumerate() {
            history.record(&sent[i], t);
            tags[first + i] = t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::labels::{tag, Part};

    #[test]
    fn viterbi_respects_bilou() {
        let trans = vec![[0f32; N_TAGS]; N_TAGS + 1];
        // Token 0 looks like the inside of a name, token 1 like its end: only B-L is legal.
        let mut e0 = [0f32; N_TAGS];
        e0[tag(Part::Inside, 0)] = 10.0;
        e0[tag(Part::Begin, 0)] = 6.0;
        e0[0] = 7.0;
        let mut e1 = [0f32; N_TAGS];
        e1[tag(Part::Last, 0)] = 5.0;
        let mut out = Vec::new();
        viterbi(&[e0, e1], &trans, &mut out);
        assert_eq!(out, vec![tag(Part::Begin, 0), tag(Part::Last, 0)]);
        // A sentence cannot end inside a name.
        let mut e = [0f32; N_TAGS];
        e[tag(Part::Begin, 2)] = 20.0;
        viterbi(&[e], &trans, &mut out);
        assert_ne!(out[0], tag(Part::Begin, 2));
    }
}
