//! Entities: the model's names (`ner`) and the rules' dates, times and numbers ([`numeric`],
//! resolved against the article's date with `article::time`, a bare weekday the way its clause's
//! `tense` points), combined into one list. [`spans`] tidies a name on its own (coreference runs
//! it first); making the names of one thing agree is `coref`'s work.

pub mod combine;
pub mod ner;
pub mod numeric;
pub mod spans;
mod tense;

use crate::schema::Entity;
use crate::text::doc::Doc;

/// A token's word classes: the entity model's lexicon columns (word clusters of several sizes,
/// derived from unlabelled text; 0 for a word the lexicon lacks).
pub type WordClasses = [u16; ner::lexicon::MAX_COLUMNS];

/// Per token, the entity it is part of: `1 + 2 × label`, plus 1 after the entity's first token;
/// 0 outside entities (a feature of the attribution tagger and of the mention tagger).
pub fn token_tags(doc: &Doc, entities: &[Entity]) -> Vec<u64> {
    let mut tags = vec![0u64; doc.tokens.len()];
    for e in entities {
        let r = doc.tokens_in(e.start, e.end);
        for (k, t) in tags.iter_mut().enumerate().take(r.end).skip(r.first) {
            *t = 1 + 2 * e.label.index() as u64 + u64::from(k > r.first);
        }
    }
    tags
}

/// Tokens whose word classes are looked up at once.
const CLASS_BATCH: usize = 256;

/// The word classes of every token of `doc`, in order: part of speech and word class without a
/// tagger of their own, for the later stages' models (the attribution tagger reads them).
pub fn word_classes(doc: &Doc) -> Vec<WordClasses> {
    let lexicon = ner::lexicon::Lexicon::shipped();
    let n = doc.tokens.len();
    let mut classes = Vec::with_capacity(n);
    // A word's classes are its own, whatever its sentence: token infos are made a few hundred
    // tokens at a time, as the whole text's (or one endless sentence's) would be ~130 bytes a
    // token.
    let (mut infos, mut scratch) = (Vec::new(), String::new());
    for first in (0..n).step_by(CLASS_BATCH) {
        infos.clear();
        ner::features::token_infos(
            (first..(first + CLASS_BATCH).min(n)).map(|i| doc.token_text(i)),
            &lexicon,
            &mut scratch,
            &mut infos,
        );
        classes.extend(infos.iter().map(|t| t.lex));
    }
    classes
}

/// The article's entities, sorted by start, not overlapping.
pub fn find(doc: &Doc) -> Vec<Entity> {
    combine::combine(ner::find(doc), numeric::find(doc), combine::policy)
}
