//! Clusters: the Annotation's view of mention groups. A group becomes a cluster when an entity
//! mention or a quote's speaker belongs to it; entities and quotes get the cluster's id.

use crate::consistency;
use crate::mentions::Mentions;
use crate::quotes::Attributed;
use crate::schema::{Cluster, Entity, Quote};
use std::collections::HashSet;

/// The Annotation's clusters: groups with an entity mention or a quote, numbered in
/// order. Returns the entities and quotes again with their cluster ids filled in.
pub fn build(mentions: Mentions, entities: Vec<Entity>, quotes: Vec<Attributed>) -> Clustered {
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
        let label = consistency::types::cluster_type(&mentions, gi, &entities);
        clusters.push(Cluster {
            id: clusters.len(),
            name: name.clone(),
            label: label.or_else(|| g.kind.label()),
            mentions: members,
            roles: g.role_titles.clone(),
        });
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
