//! One item per utterance: a partial quote inside reported speech belongs to it.

use super::attributed::Attributed;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::Naming;
    use crate::schema::Quote;

    fn item(start: usize, end: usize, kind: QuoteKind) -> Attributed {
        Attributed {
            quote: Quote::unattributed(start, end, format!("{start}-{end}"), kind),
            speaker_group: None,
            naming: Naming::NoSpeaker,
        }
    }

    #[test]
    fn a_partial_quote_inside_reported_speech_becomes_its_part() {
        use QuoteKind::*;
        let items = vec![
            item(0, 50, Indirect),
            item(10, 20, Partial),
            item(60, 70, Partial),
            item(80, 90, Direct),
        ];
        let out = one_item_per_utterance(items);
        let kinds: Vec<(usize, QuoteKind, usize)> = out
            .iter()
            .map(|a| (a.quote.start, a.quote.kind, a.quote.parts.len()))
            .collect();
        // The reported speech is one mixed item listing its part; the partial quote outside
        // any reported speech and the direct quote stay items of their own.
        assert_eq!(
            kinds,
            vec![(0, Mixed, 1), (60, Partial, 0), (80, Direct, 0)]
        );
        assert_eq!(out[0].quote.parts[0].text, "10-20");
    }
}
