//! Entities: the model's names (`ner`) and the rules' dates, times and numbers ([`numeric`],
//! resolved against the article's date with `article::time`), combined into one list. [`spans`] tidies a name on
//! its own (coreference runs it first); making the names of one thing agree is `coref`'s work.

pub mod combine;
pub mod ner;
pub mod numeric;
pub mod spans;

use crate::schema::Entity;
use crate::text::doc::Doc;

/// The article's entities, sorted by start, not overlapping.
pub fn find(doc: &Doc) -> Vec<Entity> {
    combine::combine(ner::find(doc), numeric::find(doc), combine::policy)
}
