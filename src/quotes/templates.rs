//! The attribution tagger's feature templates. A template's id is hashed into every feature it
//! makes, so the ids are the shipped model's: never renumber one, never reuse one (a repeated id
//! does not compile; a test holds them to the shipped set). 0–75 are the token's own features
//! (`tagger::each_token`), 100–112 the second pass's (`tagger::second_pass_features`).

use crate::seq::templates::feature_templates;

feature_templates! {
/// A feature template: what the two hashed values of its features are.
pub enum Template {
    /// Always on: the tag prior.
    Bias = 0,
    // The word window (lower-case words).
    Word = 1,
    WordBefore = 2,
    WordAfter = 3,
    WordTwoBefore = 4,
    WordTwoAfter = 5,
    WordThreeBefore = 25,
    WordThreeAfter = 26,
    BigramBefore = 6,
    BigramAfter = 7,
    Shape = 8,
    // Cues: how often the word (and its neighbours) is a speech cue.
    CueRatio = 9,
    CueRatioBefore = 10,
    CueRatioAfter = 11,
    // Quotes and entities.
    QuoteState = 12,
    QuoteStateWord = 13,
    Entity = 14,
    PronounTitle = 15,
    SentenceEdges = 16,
    QuoteMarkState = 17,
    // Distances (bucketed) to the nearest cue left and right in the sentence.
    CueDistances = 18,
    LeftCueQuoteState = 19,
    RightCueEntity = 20,
    RightCueShape = 21,
    LeftCueWord = 22,
    RightCueWord = 23,
    EntitiesAround = 24,
    // Suffixes stand in for part of speech.
    Suffix3 = 27,
    Suffix2 = 28,
    Suffix3WordBefore = 29,
    // The nearest cues themselves: `according` puts the source after, `said` before.
    LeftCueDistance = 30,
    RightCueDistance = 31,
    LeftCueQuoted = 32,
    RightCueTokenShape = 33,
    LeftCueWordBefore = 34,
    // Where in the sentence and paragraph.
    SentencePlace = 35,
    ParagraphStartQuote = 36,
    NoCueQuoteState = 37,
    NoCueShape = 38,
    WordBeforeShape = 39,
    WordAfterShape = 40,
    LeftCueBucketWordBefore = 41,
    RightCueBucketWordAfter = 42,
    EntityRightCue = 43,
    EntityLeftCue = 44,
    // Word clusters of the entity model's lexicon (c64, c256, c1024, m256).
    Class256 = 60,
    Class256Before = 61,
    Class256After = 62,
    Class1024 = 63,
    Class64Before = 64,
    Class64LeftCue = 65,
    Class64RightCue = 66,
    Class256QuoteState = 67,
    Merged256 = 68,
    Class64LeftCueWord = 69,
    Class64RightCueWord = 70,
    Class64TwoBefore = 71,
    Class64TwoAfter = 72,
    Class256BeforeWord = 73,
    Class256AfterWord = 74,
    Class1024LeftCue = 75,
    // The second pass: the first pass's tags around the token and the spans they draw.
    Tag = 100,
    TagBefore = 101,
    TagAfter = 102,
    TagsTwoAround = 103,
    TagsAround = 104,
    SpanPlace = 105,
    SpanLength = 106,
    SentenceRolesTag = 107,
    TaggedCueDistances = 108,
    TaggedLeftCueTag = 109,
    TaggedRightCueTag = 110,
    WordTag = 111,
    SentenceRoles = 112,
}
}

#[cfg(test)]
mod tests {
    use super::Template;

    #[test]
    fn the_shipped_ids_stay() {
        // The shipped model was learned with these ids: 0–44, 60–75, 100–112.
        let shipped: Vec<u64> = (0..=44).chain(60..=75).chain(100..=112).collect();
        assert_eq!(Template::ids(), shipped);
    }
}
