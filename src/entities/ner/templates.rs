//! The entity model's feature templates. A template's id is hashed into every feature it makes,
//! so the ids are the shipped model's: never renumber one, never reuse one (a repeated id does
//! not compile; a test holds them to the shipped set).

use crate::seq::templates::feature_templates;

feature_templates! {
/// A feature template: what the two hashed values of its features are.
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
}

#[cfg(test)]
mod tests {
    use super::Template;

    #[test]
    fn the_shipped_ids_stay() {
        // The shipped model was learned with these ids (1001 keys the word cache, no feature).
        let shipped: Vec<u64> = (1..=15)
            .chain([20, 24, 25, 108, 109, 111, 113, 1001])
            .collect();
        assert_eq!(Template::ids(), shipped);
    }
}
