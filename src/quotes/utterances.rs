//! One item per utterance: a partial quote inside reported speech belongs to it.

use super::Attributed;
use crate::schema::{QuoteKind, TextSpan};

/// A partial quote inside reported speech is part of that utterance: the reported speech
/// becomes one `mixed` item listing it, and it is not an item of its own. `items` are sorted
/// by start.
pub(super) fn one_item_per_utterance(items: Vec<Attributed>) -> Vec<Attributed> {
    let reported: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].quote.kind == QuoteKind::Indirect)
        .collect();
    // The reported speech holding each partial quote: the one starting last at or before it.
    let mut holder: Vec<Option<usize>> = vec![None; items.len()];
    for (i, a) in items.iter().enumerate() {
        let q = &a.quote;
        if q.kind != QuoteKind::Partial {
            continue;
        }
        let k = reported.partition_point(|&r| items[r].quote.start <= q.start);
        holder[i] = k
            .checked_sub(1)
            .map(|k| reported[k])
            .filter(|&r| q.end <= items[r].quote.end);
    }
    let mut parts: Vec<Vec<TextSpan>> = vec![Vec::new(); items.len()];
    for (i, h) in holder.iter().enumerate() {
        if let Some(r) = *h {
            let q = &items[i].quote;
            parts[r].push(TextSpan {
                start: q.start,
                end: q.end,
                text: q.text.clone(),
            });
        }
    }
    items
        .into_iter()
        .zip(holder)
        .zip(parts)
        .filter(|((_, h), _)| h.is_none())
        .map(|((mut a, _), parts)| {
            if !parts.is_empty() {
                a.quote.kind = QuoteKind::Mixed;
                a.quote.parts = parts;
            }
            a
        })
        .collect()
}
