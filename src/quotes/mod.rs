//! Quotations: spans between quote marks and their kind; cues and speakers come next.

pub mod marks;

use crate::doc::Doc;
use crate::schema::{Quote, QuoteKind, Span};

/// Finds direct and partial quotations. Returns the quotes and how many marks were unbalanced.
pub fn find(doc: &Doc) -> (Vec<Quote>, usize) {
    let pairing = marks::pair(doc);
    let quotes = pairing
        .spans
        .iter()
        .map(|&span| Quote {
            start: span.start,
            end: span.end,
            text: doc.text[span.start..span.end].to_string(),
            kind: kind_of(doc.text, span),
            speaker: None,
            speaker_name: None,
            speaker_cluster: None,
            cue: None,
        })
        .collect();
    (quotes, pairing.unbalanced)
}

/// Direct: the quote opens its sentence (`“…,” he said`), follows a colon or comma
/// (`said: “…”`), or is a long capitalised clause. Partial: a phrase embedded in the writer's
/// clause (`will “pay a price” if`, `rated it “true.”`), whatever punctuation it carries.
pub fn kind_of(text: &str, span: Span) -> QuoteKind {
    let quoted = &text[span.start..span.end];
    let inner = quoted
        .trim_matches(|c: char| "“”\"‘’'«»„".contains(c))
        .trim();
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let opens_sentence = before
        .chars()
        .next_back()
        .is_none_or(|c| "\n.!?”\"’)—–".contains(c));
    let after_intro = before.ends_with(':') || before.ends_with(',');
    let long_clause =
        inner.split_whitespace().count() >= 10 && inner.starts_with(char::is_uppercase);
    if opens_sentence || after_intro || long_clause {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_and_partial() {
        let t = "Sullivan said Pyongyang will “pay a price” if it acts. “We condemn it,” Kirby said. He said: “No.” It was “true.”";
        let doc = Doc::new(t);
        let kinds: Vec<_> = find(&doc).0.into_iter().map(|q| (q.text, q.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                ("“pay a price”".to_string(), QuoteKind::Partial),
                ("“We condemn it,”".to_string(), QuoteKind::Direct),
                ("“No.”".to_string(), QuoteKind::Direct),
                ("“true.”".to_string(), QuoteKind::Partial),
            ]
        );
    }
}
