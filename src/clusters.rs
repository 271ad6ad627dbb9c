//! Clusters: the Annotation's view of mention groups. A group becomes a cluster when an entity
//! mention or a quote's speaker belongs to it; entities and quotes get the cluster's id.

use crate::coref::{mentions::Mentions, types::cluster_type};
use crate::quotes::Attributed;
use crate::schema::{Cluster, Entity, Quote, TextSpan};
use std::collections::HashSet;

/// The Annotation's clusters: groups with an entity mention or a quote, numbered in
/// order. Returns the entities and quotes again with their cluster ids filled in.
///
/// `header` holds the entities the article's header gives (bylines, header dates, the dateline;
/// `article::header_entities`, in text order): they are merged into the entities and join the
/// cluster of the same name and type. `references` are the pronouns and descriptions the
/// learned coreference links to a group (its text span and the group), in text order: a
/// cluster lists those of its group.
pub fn build(
    mentions: Mentions,
    entities: Vec<Entity>,
    quotes: Vec<Attributed>,
    header: Vec<Entity>,
    references: Vec<(TextSpan, usize)>,
) -> Clustered {
    let quoted: HashSet<usize> = quotes.iter().filter_map(|q| q.speaker_group).collect();
    let mut ids = vec![None; mentions.groups.len()];
    let mut clusters = Vec::new();
    for (gi, g) in mentions.groups.iter().enumerate() {
        let has_entity = g
            .mentions
            .iter()
            .any(|&m| mentions.mentions[m].entity.is_some());
        let Some(name) = &g.name else { continue };
        if !has_entity && !quoted.contains(&gi) {
            continue;
        }
        ids[gi] = Some(clusters.len());
        let members: Vec<usize> = g
            .mentions
            .iter()
            .filter_map(|&m| mentions.mentions[m].entity)
            .collect();
        let label = cluster_type(&mentions, gi, &entities);
        clusters.push(Cluster {
            id: clusters.len(),
            name: name.clone(),
            label: label.or_else(|| g.kind.label()),
            mentions: members,
            roles: g.role_titles.clone(),
            references: Vec::new(),
            gender: None,
            gender_evidence: Vec::new(),
        });
    }
    for (span, g) in references {
        if let Some(c) = ids.get(g).copied().flatten() {
            clusters[c].references.push(span);
        }
    }
    let mut cluster_of = vec![None; entities.len()];
    for c in &clusters {
        for &e in &c.mentions {
            cluster_of[e] = Some(c.id);
        }
    }
    let entities = entities
        .into_iter()
        .zip(cluster_of)
        .map(|(e, cluster)| Entity { cluster, ..e })
        .collect();
    let entities = merge_header(entities, header, &mut clusters);
    let quotes = quotes
        .into_iter()
        .map(|a| Quote {
            speaker_cluster: a.speaker_group.and_then(|g| ids[g]),
            ..a.quote
        })
        .collect();
    Clustered {
        entities,
        clusters,
        quotes,
    }
}

/// Entities, clusters and quotes, each quote and entity pointing at its cluster.
pub struct Clustered {
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    pub quotes: Vec<Quote>,
}

/// `entities` (in text order) with the header's entities `extra` (in text order) merged in:
/// a byline author quoted or named in the body, a dateline place the body names again, joins
/// the cluster of the same name and type; cluster mention indices are renumbered to match.
fn merge_header(
    entities: Vec<Entity>,
    mut extra: Vec<Entity>,
    clusters: &mut [Cluster],
) -> Vec<Entity> {
    if extra.is_empty() {
        return entities;
    }
    for e in &mut extra {
        e.cluster = clusters
            .iter()
            .position(|c| c.label == Some(e.label) && c.name.eq_ignore_ascii_case(&e.text));
    }

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
