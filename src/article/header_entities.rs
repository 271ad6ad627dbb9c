//! Entities the header gives without the entity model: its dates (DATE, with their value), the
//! people and organisations of bylines (PERSON, ORG) and the dateline's places (GPE) and agency
//! (ORG). Header and dateline paragraphs are not body
//! text, so the model never reads them (it took `Fri` for a place). [`find`] reads them with
//! the article; clustering (`crate::clusters`) merges them in, a place joining the cluster of the same name.

use super::header::Header;
use crate::schema::{Entity, Label, Span};

/// The header's entities, in text order, in no cluster yet (clustering places them).
pub fn find(text: &str, header: &Header) -> Vec<Entity> {
    let entity = |s: Span, label: Label, value: Option<String>| Entity {
        start: s.start,
        end: s.end,
        text: text[s.start..s.end].to_string(),
        label,
        cluster: None,
        value,
    };
    let mut extra: Vec<Entity> = header
        .dates
        .iter()
        .map(|d| {
            let (y, m, day) = d.date;
            entity(d.span, Label::Date, Some(format!("{y:04}-{m:02}-{day:02}")))
        })
        .collect();
    extra.extend(
        header
            .names
            .iter()
            .map(|&(s, label)| entity(s, label, None)),
    );
    if let Some(d) = &header.dateline {
        extra.extend(d.places.iter().map(|&p| entity(p, Label::Gpe, None)));
        extra.extend(d.agency.map(|a| entity(a, Label::Org, None)));
    }
    extra.sort_by_key(|e| e.start);
    extra
}
