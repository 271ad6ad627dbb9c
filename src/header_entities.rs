//! Entities the header gives without the entity model: its dates (DATE, with their value), the
//! people and organisations of bylines (PERSON, ORG) and the dateline's places (GPE) and agency
//! (ORG). Header and dateline paragraphs are not body
//! text, so the model never reads them (it took `Fri` for a place); these entities are merged
//! into the list in text order, a place joining the cluster of the same name in the body.

use crate::header::Header;
use crate::schema::{Cluster, Entity, Label, Span};

/// `entities` (in text order) with the header's entities merged in; cluster mention indices
/// are renumbered to match.
pub fn add(
    text: &str,
    header: &Header,
    entities: Vec<Entity>,
    clusters: &mut [Cluster],
) -> Vec<Entity> {
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
    if extra.is_empty() {
        return entities;
    }
    // A byline author quoted or named in the body, a dateline place the body names again.
    for e in &mut extra {
        e.cluster = clusters
            .iter()
            .position(|c| c.label == Some(e.label) && c.name.eq_ignore_ascii_case(&e.text));
    }
    extra.sort_by_key(|e| e.start);

    // Merge in text order, remembering where each old entity went.
    let mut merged = Vec::with_capacity(entities.len() + extra.len());
    let mut moved = Vec::with_capacity(entities.len());
    let mut added = Vec::new();
    let mut extra = extra.into_iter().peekable();
    for e in entities {
        while let Some(x) = extra.next_if(|x| x.start <= e.start) {
            added.push(merged.len());
            merged.push(x);
        }
        moved.push(merged.len());
        merged.push(e);
    }
    for x in extra {
        added.push(merged.len());
        merged.push(x);
    }
    for c in clusters.iter_mut() {
        for m in &mut c.mentions {
            *m = moved[*m];
        }
    }
    for i in added {
        if let Some(c) = merged[i].cluster {
            clusters[c].mentions.push(i);
            clusters[c].mentions.sort_unstable();
        }
    }
    merged
}
