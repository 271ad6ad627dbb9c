//! The entity model's feature templates. A template's id is hashed into every feature it makes,
//! so the ids are the shipped model's: never renumber one, never reuse one (the tests check that
//! no two share an id).

use crate::seq::hash;

/// A feature template: what the two hashed values of its features are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Template {
    /// Always on: the tag prior.
    Bias = 1,
    Lower = 2,
    Form = 3,
    Shape = 4,
    Affix = 5,
    ContextLower = 6,
    ContextShape = 7,
    BigramBefore = 8,
    BigramAfter = 108,
    ShapePairBefore = 9,
    ShapePairAfter = 109,
    Flags = 10,
    Lex = 11,
    LexByFlags = 111,
    ContextLex = 12,
    Gazetteer = 13,
    GazetteerShape = 113,
    DocCase = 14,
    DocRun = 15,
    /// The previous tag: transition weights are features too.
    Transition = 20,
    History = 24,
    HistoryShape = 25,
    /// Not a feature: the key of a word's cached scores (`features::word_key`).
    WordCache = 1001,
}

impl Template {
    /// The feature of this template with values `a` and `b`.
    #[inline]
    pub fn key(self, a: u64, b: u64) -> u64 {
        hash::key(self as u64, a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::Template::{self, *};

    const ALL: [Template; 23] = [
        Bias,
        Lower,
        Form,
        Shape,
        Affix,
        ContextLower,
        ContextShape,
        BigramBefore,
        BigramAfter,
        ShapePairBefore,
        ShapePairAfter,
        Flags,
        Lex,
        LexByFlags,
        ContextLex,
        Gazetteer,
        GazetteerShape,
        DocCase,
        DocRun,
        Transition,
        History,
        HistoryShape,
        WordCache,
    ];

    #[test]
    fn no_two_templates_share_an_id() {
        let mut ids: Vec<u64> = ALL.iter().map(|&t| t as u64).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len(), "a template id is used twice");
    }
}
