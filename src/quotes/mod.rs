//! Quotations: spans between quote marks, their kind, and (later) cues and speakers.

use crate::doc::Doc;
use crate::schema::Quote;

pub fn find(_doc: &Doc) -> Vec<Quote> {
    Vec::new()
}
