//! Sentence decoding: first-order Viterbi over BILOU tags (only legal transitions), with
//! per-token emission scores from the feature weights and a document-level tag history.

use super::features::{
    context_features, history_features, transition_feature, word_features, word_key, TokenInfo,
    FLAG_HAS_ALPHA, FLAG_SENT_START,
};
use super::labels::{allowed, may_end, type_of, N_TAGS};
use super::model::Model;
use crate::seq::hash::PreHashedMap;
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

/// Tags that may follow a closed context (O, L-*, U-*, sentence start): O, B-*, U-*. Their
/// predecessors are exactly the closed tags, so their Viterbi step is a dense max.
fn closed_tags() -> &'static [usize] {
    static C: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    C.get_or_init(|| (0..N_TAGS).filter(|&t| allowed(None, t)).collect())
}

/// Tags that continue an entity (I-*, L-*): exactly two predecessors each.
fn continuing_tags() -> &'static [usize] {
    static C: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    C.get_or_init(|| (0..N_TAGS).filter(|&t| !allowed(None, t)).collect())
}

/// Tags after which an entity is closed (O, L-*, U-*).
fn closing_tags() -> &'static [usize] {
    static C: std::sync::OnceLock<Vec<usize>> = std::sync::OnceLock::new();
    C.get_or_init(|| (0..N_TAGS).filter(|&t| may_end(t)).collect())
}

/// Width of the dense closed-tag vectors (37 closed tags, padded to whole 8-lane chunks).
const LANES: usize = 40;

/// Transition weights: `m[prev][tag]`, row `N_TAGS` for the sentence start, plus for each
/// closing tag its weights to every closed tag laid out densely (`dense[k][j]`: closing tag
/// `k` to closed tag `j`), so a Viterbi step is a broadcast-add-max over contiguous lanes.
pub struct Transitions {
    m: Vec<[f32; N_TAGS]>,
    dense: Vec<[f32; LANES]>,
}

pub fn transitions<S: Scorer>(scorer: &S) -> Transitions {
    let m: Vec<[f32; N_TAGS]> = (0..=N_TAGS)
        .map(|p| scorer.scores(&[transition_feature(p)]))
        .collect();
    let dense = closing_tags()
        .iter()
        .map(|&p| {
            let mut row = [f32::NEG_INFINITY; LANES];
            for (j, &t) in closed_tags().iter().enumerate() {
                row[j] = m[p][t];
            }
            row
        })
        .collect();
    Transitions { m, dense }
}

/// Best legal tag sequence for emission scores `emit` under `trans`; writes it to `out`.
/// The forward pass keeps only scores; back-pointers are recomputed along the best path.
/// Maxima are exact whatever the visiting order, so scores do not depend on the loop layout.
pub fn viterbi(emit: &[[f32; N_TAGS]], trans: &Transitions, out: &mut Vec<usize>) {
    let n = emit.len();
    out.clear();
    if n == 0 {
        return;
    }
    let (closed, closing, preds) = (closed_tags(), closing_tags(), predecessors());
    let mut score = vec![[f32::NEG_INFINITY; N_TAGS]; n];
    for &t in closed {
        score[0][t] = emit[0][t] + trans.m[N_TAGS][t];
    }
    for i in 1..n {
        let (before, now) = score.split_at_mut(i);
        let prev = &before[i - 1];
        let cur = &mut now[0];
        // Closed tags: max over every closing predecessor, all closed tags at once.
        let mut best = [f32::NEG_INFINITY; LANES];
        for (&p, row) in closing.iter().zip(&trans.dense) {
            let g = prev[p];
            for (b, &w) in best.iter_mut().zip(row) {
                let s = g + w;
                *b = if s > *b { s } else { *b };
            }
        }
        for (j, &t) in closed.iter().enumerate() {
            cur[t] = best[j] + emit[i][t];
        }
        // Inside and last tags: two predecessors each (B-X, I-X).
        for &t in continuing_tags() {
            let best = preds[t]
                .iter()
                .filter(|&&p| (p as usize) < N_TAGS)
                .map(|&p| prev[p as usize] + trans.m[p as usize][t])
                .fold(f32::NEG_INFINITY, |a, b| if b > a { b } else { a });
            cur[t] = best + emit[i][t];
        }
    }
    let mut last = closing.iter().copied().fold(0, |b, t| {
        if score[n - 1][t] > score[n - 1][b] {
            t
        } else {
            b
        }
    });
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = last;
        if i > 0 {
            let prev = &score[i - 1];
            let mut best = (f32::NEG_INFINITY, 0usize);
            for &p in &preds[last] {
                let p = p as usize;
                if p < N_TAGS && prev[p] + trans.m[p][last] > best.0 {
                    best = (prev[p] + trans.m[p][last], p);
                }
            }
            last = best.1;
        }
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
        let trans = Transitions {
            m: vec![[0f32; N_TAGS]; N_TAGS + 1],
            dense: vec![[0f32; LANES]; closing_tags().len()],
        };
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
