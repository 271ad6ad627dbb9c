//! What the quote stages hand on: a quote with its speaker's mention group (a module of its own
//! so the stages that take and give it do not import the module that runs them).

use crate::schema::Quote;

/// A quote with its speaker's mention group; `quote.speaker_cluster` is left to the cluster
/// stage, which numbers the clusters.
#[derive(Debug, Clone)]
pub struct Attributed {
    pub quote: Quote,
    pub speaker_group: Option<usize>,
    /// How the speaker's group was found (what the speaker confidence weighs).
    pub naming: Naming,
}

/// How a speaker's group was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Naming {
    /// No speaker.
    #[default]
    NoSpeaker,
    /// The speaker is written as a name ("Kirby", "Sen. Warren").
    Written,
    /// A pronoun or description named up its learned coreference chain.
    Chain,
    /// A pronoun or description resolved by the rules (recent speaker, the role's holder).
    Rules,
    /// A speaker resolved to no group.
    Unresolved,
}

impl Naming {
    pub fn name(self) -> &'static str {
        match self {
            Naming::NoSpeaker => "none",
            Naming::Written => "written",
            Naming::Chain => "chain",
            Naming::Rules => "rules",
            Naming::Unresolved => "unresolved",
        }
    }
}
