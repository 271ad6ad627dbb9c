//! Quotations, in named stages, each a module:
//! 1. [`marks`] pairs quote marks;
//! 2. [`contents`] turns the pairs into candidate contents (direct or partial), and [`tagger`],
//!    the learned model (weights in [`tagger_table`]), tags SOURCE / CUE / CONTENT spans and
//!    makes reported speech without marks from them ([`indirect`], the rules it replaced, remain
//!    as the ablation's baseline);
//! 3. cues are found per token once, by [`crate::doc::Doc::cue`] (the table in `words::cues`);
//! 4. [`speaker`] (with [`subject`]) finds each content's cue and source candidate;
//! 5. [`resolve`] takes a source to the person or organisation it names (or cuts it to the phrase
//!    that speaks), [`utterances`] makes one item of an utterance and its quoted parts;
//! 6. [`confidence`], the learned model, rates each item and drops the unlikely ones.

mod attributed;
pub mod confidence;
mod confidence_table;
mod contents;
pub mod indirect;
pub mod marks;
pub mod resolve;
pub mod speaker;
pub mod subject;
pub mod tagger;
pub mod tagger_table;
pub mod templates;
mod utterances;

pub use attributed::Attributed;
pub use contents::find;

use crate::doc::Doc;
use crate::mentions::Mentions;
use crate::schema::{Entity, Quote, QuoteKind, Span};
use crate::text::TokenRange;
use contents::introduced_sentence;
use std::collections::HashMap;
use tagger::Tagger;
use utterances::one_item_per_utterance;

/// How reported speech is found: by the learned tagger, completed by the rules of [`indirect`]
/// or not, or by the rules alone (the last two are ablations).
#[derive(Clone, Copy)]
pub struct Reporting<'a> {
    pub tagger: Option<Tagger<'a>>,
    pub rules_fill: bool,
}

/// Attributes `quotes` (direct and partial) and adds reported speech as `indirect` quotes,
/// sorted by position.
pub fn attribute(
    doc: &Doc,
    entities: &[Entity],
    mentions: &Mentions,
    quotes: Vec<Quote>,
    reporting: Reporting,
) -> Vec<Attributed> {
    let found = speaker::attribute(doc, &quotes);
    // Content mostly inside a direct quote is that quote; partial quotes stay inside reported
    // speech (`she was “appalled” that …`).
    // Sorted (pairing keeps only outermost quotes, so they are disjoint): searched by position.
    let mut quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| Span::new(q.start, q.end))
        .collect();
    quoted.sort_unstable();
    // The learned tagger's spans, once for direct quotes and reported speech.
    let tagged = reporting
        .tagger
        .map(|w| tagger::spans(&tagger::tag(doc, entities, w)));
    let mut items: Vec<(Quote, Option<TokenRange>)> = Vec::new();
    for (mut q, mut a) in quotes.into_iter().zip(found) {
        // A direct quote the tagger reads as attributed takes its cue and source, unless that
        // source cannot speak (a bare "his" where the rules read "his campaign").
        let learned = tagged
            .as_deref()
            .filter(|_| q.kind == QuoteKind::Direct)
            .zip(speaker::quote_tokens(doc, &q))
            .and_then(|(spans, t)| tagger::direct_source(doc, entities, spans, t))
            .filter(|&(_, source)| resolve::speaker_phrase(doc, source).is_some());
        if let Some((cue, source)) = learned {
            (a.cue, a.speaker) = (Some(cue), Some(source));
        }
        q.cue = a.cue.and_then(|r| speaker::text_span(doc, r));
        // A short phrase in quotes that nobody is said to say is a term (`"Bobby"`), unless
        // a colon introduces it as a sentence (`a new campaign message: "It's about me."`).
        if q.kind == QuoteKind::Direct
            && a.speaker.is_none()
            && a.cue.is_none()
            && q.text.split_whitespace().count() <= 3
            && !introduced_sentence(doc.text, &q)
        {
            q.kind = QuoteKind::Partial;
        }
        items.push((q, a.speaker));
    }
    let rules = indirect::find(doc, &quoted);
    let reported = match &tagged {
        Some(spans) => {
            let learned = tagger::reported(doc, entities, spans, &quoted);
            match reporting.rules_fill {
                true => fill_from_rules(learned, rules),
                false => learned,
            }
        }
        None => rules,
    };
    for r in reported {
        let Some(content) = speaker::text_span(doc, r.content) else {
            continue;
        };
        let q = Quote {
            cue: speaker::text_span(doc, r.cue),
            ..Quote::unattributed(
                content.start,
                content.end,
                content.text,
                QuoteKind::Indirect,
            )
        };
        items.push((q, r.speaker));
    }
    items.sort_by_key(|(q, _)| (q.start, q.end));
    // Resolve in text order so pronouns see the speakers before them; a repeated speaker
    // range (continuation) keeps its first resolution.
    let mut resolver = resolve::Resolver::default();
    let mut seen: HashMap<TokenRange, Option<usize>> = HashMap::new();
    let attributed: Vec<Attributed> = items
        .into_iter()
        .map(|(mut quote, range)| {
            let mut speaker_group = None;
            if let Some(r) = range {
                speaker_group = *seen
                    .entry(r)
                    .or_insert_with(|| resolver.resolve(doc, mentions, r));
                let r = if speaker_group.is_some() {
                    r
                } else {
                    match resolve::speaker_phrase(doc, r) {
                        Some(p) => p,
                        None => {
                            return Attributed {
                                quote,
                                speaker_group,
                            }
                        }
                    }
                };
                quote.speaker = speaker::text_span(doc, r);
                quote.speaker_name = speaker_group
                    .and_then(|g| mentions.groups[g].name.clone())
                    .map(|n| resolve::fuller_name(doc, r, n));
            }
            Attributed {
                quote,
                speaker_group,
            }
        })
        .collect();
    one_item_per_utterance(attributed)
}

/// The tagger's reported speech, completed by the rules: a source the tagger did not find
/// comes from the rules' item with the same cue, and a rules item whose content the tagger
/// missed altogether is added (the confidence model weighs it like any other). On the 5 folds
/// of PolNeAR train (`lede train-quotes --ablation`), with the confidence model: reported-speech
/// speaker accuracy 0.869 -> 0.878, reported F1 0.715 -> 0.714, exact spans -0.001 each.
fn fill_from_rules(
    mut learned: Vec<indirect::Reported>,
    rules: Vec<indirect::Reported>,
) -> Vec<indirect::Reported> {
    let overlaps = |a: TokenRange, b: TokenRange| a.first < b.end && b.first < a.end;
    for r in &mut learned {
        if r.speaker.is_none() {
            r.speaker = rules
                .iter()
                .find(|x| x.cue == r.cue)
                .and_then(|x| x.speaker);
        }
    }
    let missed: Vec<indirect::Reported> = rules
        .into_iter()
        .filter(|x| !learned.iter().any(|r| overlaps(r.content, x.content)))
        .collect();
    learned.extend(missed);
    learned
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_short_sentence_after_a_colon_is_direct_without_a_speaker() {
        let t = "Worried, the party is rolling out a new message: \"It's about me.\"\n\nIt is \"Bobby\" now.";
        let doc = Doc::new(t, None);
        let mentions = Mentions::default();
        let kinds: Vec<QuoteKind> = attribute(
            &doc,
            &[],
            &mentions,
            find(&doc).0,
            Reporting {
                tagger: None,
                rules_fill: false,
            },
        )
        .into_iter()
        .filter(|a| a.quote.kind != QuoteKind::Indirect)
        .map(|a| a.quote.kind)
        .collect();
        assert_eq!(kinds, vec![QuoteKind::Direct, QuoteKind::Partial]);
    }
}
