//! What the quote stages hand on: a quote with its speaker's mention group (a module of its own
//! so the stages that take and give it do not import the module that runs them).

use crate::schema::Quote;

/// A quote with its speaker's mention group; `quote.speaker_cluster` is left to the cluster
/// stage, which numbers the clusters.
#[derive(Debug, Clone)]
pub struct Attributed {
    pub quote: Quote,
    pub speaker_group: Option<usize>,
}
