//! Quotations: spans between quote marks, their kind, cues and speakers, and reported speech.

pub mod cues;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod indirect;
mod interim;
pub mod speaker;

use crate::doc::Doc;
use crate::mentions::Mentions;
use crate::schema::{Quote, QuoteKind, Span};
use std::collections::HashMap;

pub fn find(doc: &Doc) -> Vec<Quote> {
    interim::find(doc)
}

/// Attributes `quotes` (direct and partial) and adds reported speech as `indirect` quotes,
/// sorted by position. `speaker_cluster` holds the mention group index until
/// [`Mentions::into_clusters`] renumbers it.
pub fn attribute(doc: &Doc, mentions: &Mentions, quotes: Vec<Quote>) -> Vec<Quote> {
    let found = speaker::attribute(doc, &quotes);
    let direct: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| Span::new(q.start, q.end))
        .collect();
    let mut items: Vec<(Quote, Option<speaker::Range>)> = Vec::new();
    for (mut q, a) in quotes.into_iter().zip(found) {
        q.cue = a.cue.and_then(|r| speaker::text_span(doc, r));
        items.push((q, a.speaker));
    }
    for r in indirect::find(doc, &direct) {
        let Some(content) = speaker::text_span(doc, r.content) else {
            continue;
        };
        let q = Quote {
            start: content.start,
            end: content.end,
            text: content.text,
            kind: QuoteKind::Indirect,
            speaker: None,
            speaker_name: None,
            speaker_cluster: None,
            cue: speaker::text_span(doc, r.cue),
        };
        items.push((q, r.speaker));
    }
    items.sort_by_key(|(q, _)| (q.start, q.end));
    // Resolve in text order so pronouns see the speakers before them; a repeated speaker
    // range (continuation) keeps its first resolution.
    let mut resolver = speaker::Resolver::default();
    let mut seen: HashMap<speaker::Range, Option<usize>> = HashMap::new();
    items
        .into_iter()
        .map(|(mut q, range)| {
            if let Some(r) = range {
                let g = *seen
                    .entry(r)
                    .or_insert_with(|| resolver.resolve(doc, mentions, r));
                q.speaker = speaker::text_span(doc, r);
                q.speaker_cluster = g;
                q.speaker_name = g.and_then(|g| mentions.groups[g].name.clone());
            }
            q
        })
        .collect()
}
