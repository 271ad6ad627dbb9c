//! Mention detection: the token spans a coreference chain may hold ("the commission", "the
//! 31-year-old defenceman", "Canada 's foreign minister"), learned from the chains of
//! OntoNotes (`lede train-coref`). Mentions nest ("[[Canada] 's foreign minister]"), so two
//! BIO layers are tagged: the outer mentions, and the mentions inside one (nine in ten gold
//! mentions are outer, nearly all the rest one level in). No parser: the features are words,
//! shapes, the entity model's word clusters and the entities it found.

use crate::schema::Entity;
use crate::seq::hash::{hash_str, hash_suffix};
use crate::seq::table::Scores;
use crate::seq::templates::feature_templates;
use crate::seq::viterbi::{Constraint, Transitions};
use crate::text::doc::Doc;
use crate::text::TokenRange;

/// Tags of a layer: outside, begin, inside.
pub const TAGS: usize = 3;
#[cfg(any(test, feature = "tools"))]
pub const O: usize = 0;
pub const B: usize = 1;
pub const I: usize = 2;
/// Layers: outer mentions, mentions inside one.
pub const LAYERS: usize = 2;
/// Scores per feature row: a layer's tags side by side.
pub const N: usize = TAGS * LAYERS;
/// The previous tag of a sentence's first token.
#[cfg(any(test, feature = "tools"))]
pub const START: usize = TAGS;

feature_templates! {
    /// The mention tagger's feature templates (ids are the shipped model's keys).
    pub enum T {
        Bias = 1,
        Word = 2,
        WordBefore = 3,
        WordAfter = 4,
        WordTwoBefore = 5,
        WordTwoAfter = 6,
        Shape = 7,
        ShapeBefore = 8,
        ShapeAfter = 9,
        Suffix = 10,
        Entity = 11,
        EntityBefore = 12,
        EntityAfter = 13,
        Class = 14,
        ClassBefore = 15,
        ClassAfter = 16,
        WordPair = 17,
        WordPairAfter = 18,
        FineClass = 19,
        FineClassAfter = 20,
        /// A transition: previous tag; the row holds each layer's next tags.
        Transition = 21,
    }
}

/// Which tag may follow which: I only inside a mention.
pub fn constraint() -> Constraint<TAGS> {
    Constraint::new(|p, t| t != I || matches!(p, Some(B) | Some(I)), |_| true)
}

/// Word shape, short: `Xx`, `x`, `d`, `X.` …: runs of one class count once.
fn shape(word: &str) -> u64 {
    let mut s = String::new();
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !s.ends_with(k) {
            s.push(k);
        }
    }
    hash_str(&s)
}

/// Every token's features, one list per token of `doc`.
pub fn features(doc: &Doc, entities: &[Entity]) -> Vec<Vec<u64>> {
    let n = doc.tokens.len();
    let classes = crate::entities::word_classes(doc);
    let ents = crate::entities::token_tags(doc, entities);
    let lower: Vec<u64> = (0..n).map(|i| hash_str(doc.lower(i))).collect();
    let shapes: Vec<u64> = (0..n).map(|i| shape(doc.token_text(i))).collect();
    let mut out = vec![Vec::new(); n];
    for s in &doc.sentences {
        // Outside the sentence: a pad value per kind.
        let at = |v: &[u64], i: isize, pad: u64| -> u64 {
            if i < s.first as isize || i >= s.end as isize {
                pad
            } else {
                v[i as usize]
            }
        };
        let class = |i: isize, c: usize| -> u64 {
            if i < s.first as isize || i >= s.end as isize {
                0xFFFF
            } else {
                u64::from(classes[i as usize][c])
            }
        };
        for i in s.first..s.end {
            let ii = i as isize;
            let f = &mut out[i];
            let lw = doc.lower(i);
            f.push(T::Bias.key(0, 0));
            f.push(T::Word.key(lower[i], 0));
            f.push(T::WordBefore.key(at(&lower, ii - 1, 1), 0));
            f.push(T::WordAfter.key(at(&lower, ii + 1, 1), 0));
            f.push(T::WordTwoBefore.key(at(&lower, ii - 2, 1), 0));
            f.push(T::WordTwoAfter.key(at(&lower, ii + 2, 1), 0));
            f.push(T::Shape.key(shapes[i], 0));
            f.push(T::ShapeBefore.key(at(&shapes, ii - 1, 1), shapes[i]));
            f.push(T::ShapeAfter.key(shapes[i], at(&shapes, ii + 1, 1)));
            f.push(T::Suffix.key(hash_suffix(lw, 3), 0));
            f.push(T::Entity.key(ents[i], 0));
            f.push(T::EntityBefore.key(at(&ents, ii - 1, 1 << 20), ents[i]));
            f.push(T::EntityAfter.key(ents[i], at(&ents, ii + 1, 1 << 20)));
            f.push(T::Class.key(class(ii, 0), 0));
            f.push(T::ClassBefore.key(class(ii - 1, 0), class(ii, 0)));
            f.push(T::ClassAfter.key(class(ii, 0), class(ii + 1, 0)));
            f.push(T::WordPair.key(at(&lower, ii - 1, 1), lower[i]));
            f.push(T::WordPairAfter.key(lower[i], at(&lower, ii + 1, 1)));
            f.push(T::FineClass.key(class(ii, 1), 0));
            f.push(T::FineClassAfter.key(class(ii, 1), class(ii + 1, 1)));
        }
    }
    out
}

/// Transition scores of `layer`: `m[prev][tag]`, row `TAGS` the sentence start.
pub fn transitions(scorer: &impl Scores<N>, layer: usize) -> Vec<[f32; TAGS]> {
    (0..=TAGS)
        .map(|p| {
            let mut s = [0f32; N];
            scorer.add(&[T::Transition.key(p as u64, 0)], &mut s);
            std::array::from_fn(|t| s[layer * TAGS + t])
        })
        .collect()
}

/// The best tags of each layer for one sentence's tokens `[first, end)`.
pub fn tag_sentence(
    scorer: &impl Scores<N>,
    features: &[Vec<u64>],
    constraint: &Constraint<TAGS>,
    bias: f32,
) -> [Vec<usize>; LAYERS] {
    let emit: Vec<[f32; N]> = features
        .iter()
        .map(|f| {
            let mut s = [0f32; N];
            scorer.add(f, &mut s);
            for layer in 0..LAYERS {
                s[layer * TAGS + B] += bias;
            }
            s
        })
        .collect();
    std::array::from_fn(|layer| {
        let e: Vec<[f32; TAGS]> = emit
            .iter()
            .map(|s| std::array::from_fn(|t| s[layer * TAGS + t]))
            .collect();
        let mut out = Vec::new();
        Transitions::<TAGS, 8>::new(constraint, transitions(scorer, layer)).decode(&e, &mut out);
        out
    })
}

/// Spans of a BIO tag sequence, offset by `first`.
pub fn spans(tags: &[usize], first: usize) -> Vec<TokenRange> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (k, &t) in tags.iter().enumerate() {
        if t != I {
            if let Some(a) = open.take() {
                out.push(TokenRange::new(first + a, first + k));
            }
        }
        if t == B {
            open = Some(k);
        }
    }
    if let Some(a) = open {
        out.push(TokenRange::new(first + a, first + tags.len()));
    }
    out
}

/// The mentions the tagger finds in `doc`, both layers, sorted by start then longest first.
pub fn find(doc: &Doc, entities: &[Entity], scorer: &impl Scores<N>) -> Vec<TokenRange> {
    let features = features(doc, entities);
    let constraint = constraint();
    let mut out = Vec::new();
    for s in &doc.sentences {
        let layers = tag_sentence(scorer, &features[s.first..s.end], &constraint, 0.0);
        for tags in &layers {
            out.extend(spans(tags, s.first));
        }
    }
    out.sort_by_key(|r| (r.first, std::cmp::Reverse(r.end)));
    out.dedup();
    out
}

/// The mentions the ranker chooses among: the tagger's, every referring pronoun, and every name
/// the entity model found (a name the tagger missed can still be linked to).
pub fn candidates(doc: &Doc, entities: &[Entity], scorer: &impl Scores<N>) -> Vec<TokenRange> {
    let mut out = find(doc, entities, scorer);
    out.extend(
        (0..doc.tokens.len())
            .filter(|&i| super::rank::is_referring_pronoun(doc.lower(i)))
            .map(|i| TokenRange::new(i, i + 1)),
    );
    for e in entities
        .iter()
        .filter(|e| super::rank::is_name_label(e.label))
    {
        let r = doc.tokens_in(e.start, e.end);
        if r.first < r.end && doc.sentence_of(r.first) == doc.sentence_of(r.end - 1) {
            out.push(r);
        }
    }
    out.sort_by_key(|r| (r.first, std::cmp::Reverse(r.end)));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_bio_tags() {
        assert_eq!(
            spans(&[O, B, I, O, B, B, I], 10),
            vec![
                TokenRange::new(11, 13),
                TokenRange::new(14, 15),
                TokenRange::new(15, 17)
            ]
        );
    }

    #[test]
    fn inside_follows_a_mention_only() {
        let c = constraint();
        // Emissions prefer I everywhere; the constraint makes the first token B.
        let emit = vec![[0.0, 0.5, 1.0]; 3];
        let mut out = Vec::new();
        Transitions::<TAGS, 8>::new(&c, vec![[0.0; TAGS]; TAGS + 1]).decode(&emit, &mut out);
        assert_eq!(out, vec![B, I, I]);
    }
}
