//! Consistency inside the article: entities as things, not strings. The entity model tags
//! each sentence on its own; this stage reads the whole article and makes its names agree.
//!
//! - [`spans`]: one name at a time: a possessive is not part of it, company heads make an
//!   organisation, furniture ("Correction Appended") is no name, rooms are facilities, and a
//!   person's name followed by "Presidential Center" is the start of the centre's name.
//! - `mentions::find` clusters the names in reading order.
//! - [`short_forms`]: short forms join the longer name they abbreviate, wherever it comes.
//! - [`types`]: every mention of a cluster takes the cluster's type.

pub mod short_forms;
pub mod spans;
pub mod types;

use crate::doc::Doc;
use crate::mentions::{self, Mentions};
use crate::schema::Entity;

/// The entity stage after the model and rules: tidied names, clustered, with one type per
/// cluster. `entities` sorted by start and not overlapping (as `ner::combine` gives them).
pub fn resolve(doc: &Doc, entities: Vec<Entity>) -> (Vec<Entity>, Mentions) {
    let entities = spans::tidy(doc.text, entities);
    let mut mentions = mentions::find(doc, &entities);
    let links = short_forms::join(doc, &entities, &mut mentions);
    let entities = types::unify(&mentions, &links.person_parts, entities);
    (entities, mentions)
}
