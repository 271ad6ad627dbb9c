//! Exact role spans, as CofeNet (2022) reports PolNeAR: over ALL primary attributions (direct,
//! mixed, indirect, whatever the cue), each role's gold spans — every content span of every
//! record (a record's several content spans are several gold spans), every source span, every
//! cue span — against the predicted ones — each quote's content (`start..end`), its speaker and
//! its cue. A prediction is correct when it equals a gold span of its role in the same document.
//! Spans are compared in token space, so white space and character slop do not count:
//! - a span (code points) becomes the range of tokens it overlaps, the tokens cut as
//!   `annotate` cuts them ([`crate::tools::token_spans`]);
//! - leading and trailing tokens that are pure punctuation are dropped (`said.` is `said`, a
//!   trailing comma or dash does not matter); punctuation is ASCII punctuation and the General
//!   Punctuation block (dashes, ellipsis, bullets), quote marks excepted: a quote's marks stay
//!   part of it. A span that is punctuation only (a `:` cue) is kept whole; a span over no
//!   token (white space only, or empty) is dropped;
//! - per document and role, equal token ranges count once, gold and predicted alike (a speaker
//!   named by three quotes is one source span; a mention that is the source of two
//!   attributions is one gold span), so precision is matched / predicted and recall
//!   matched / gold over those sets.

use crate::schema::Quote;
use crate::tools::polnear::{Attribution, GoldSpan, PolnearDoc};
use crate::tools::score::Prf;
use crate::tools::token_spans;
use crate::words::marks::is_quote_char;
use std::collections::BTreeSet;

/// Something per attribution role.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Roles<T> {
    pub content: T,
    pub source: T,
    pub cue: T,
}

/// Spans as `(start, end)` code points.
pub type Spans = Vec<(usize, usize)>;

impl Roles<Prf> {
    pub(super) fn add(&mut self, o: &Roles<Prf>) {
        self.content.add(o.content);
        self.source.add(o.source);
        self.cue.add(o.cue);
    }
}

/// Every gold span of a document per role (code points), sorted, equal spans once.
pub fn gold_roles(doc: &PolnearDoc) -> Roles<Spans> {
    let spans = |role: fn(&Attribution) -> &[GoldSpan]| -> Spans {
        let set: BTreeSet<(usize, usize)> = doc
            .attributions
            .iter()
            .flat_map(|a| role(a).iter().map(|s| (s.start, s.end)))
            .collect();
        set.into_iter().collect()
    };
    Roles {
        content: spans(|a| &a.content),
        source: spans(|a| &a.source),
        cue: spans(|a| &a.cue),
    }
}

/// The predicted spans per role of a document's quotes: each quote's content, speaker and cue
/// (offsets as the quotes carry them: code points from [`super::annotate_quotes`]).
pub fn predicted_roles(quotes: &[Quote]) -> Roles<Spans> {
    Roles {
        content: quotes.iter().map(|q| (q.start, q.end)).collect(),
        source: quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref().map(|s| (s.start, s.end)))
            .collect(),
        cue: quotes
            .iter()
            .filter_map(|q| q.cue.as_ref().map(|s| (s.start, s.end)))
            .collect(),
    }
}

/// Punctuation a span may begin or end with without changing what it is: ASCII punctuation
/// and the General Punctuation block, not quote marks.
fn is_edge_punctuation(c: char) -> bool {
    (c.is_ascii_punctuation()
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205e}').contains(&c))
        && !is_quote_char(c)
}

/// A text's tokens, to map code-point spans into token space.
struct TokenSpace<'a> {
    text: &'a str,
    /// Byte offset of each code point, and the text's length last.
    bytes: Vec<usize>,
    tokens: Vec<(usize, usize)>,
}

impl<'a> TokenSpace<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        TokenSpace {
            text,
            bytes,
            tokens: token_spans(text),
        }
    }

    /// The tokens `[first, end)` a code-point span overlaps, punctuation at either end
    /// dropped unless that leaves nothing; `None` when it overlaps no token (or is empty).
    fn range(&self, (start, end): (usize, usize)) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let byte = |c: usize| self.bytes[c.min(self.bytes.len() - 1)];
        let (bs, be) = (byte(start), byte(end));
        let mut first = self.tokens.partition_point(|t| t.1 <= bs);
        let mut last = self.tokens.partition_point(|t| t.0 < be);
        if first >= last {
            return None;
        }
        let punct = |i: usize| {
            let (a, b) = self.tokens[i];
            self.text[a..b].chars().all(is_edge_punctuation)
        };
        let whole = (first, last);
        while first < last && punct(first) {
            first += 1;
        }
        while first < last && punct(last - 1) {
            last -= 1;
        }
        Some(if first < last { (first, last) } else { whole })
    }

    fn set(&self, spans: &[(usize, usize)]) -> BTreeSet<(usize, usize)> {
        spans.iter().filter_map(|&s| self.range(s)).collect()
    }
}

/// Exact-span counts per role of one document's predictions against its gold spans (both in
/// code points of `text`), compared in token space (see the module documentation).
pub fn exact_scores(text: &str, gold: &Roles<Spans>, predicted: &Roles<Spans>) -> Roles<Prf> {
    let space = TokenSpace::new(text);
    let exact = |g: &Spans, p: &Spans| {
        let (g, p) = (space.set(g), space.set(p));
        Prf::new(g.len(), p.len(), g.intersection(&p).count())
    };
    Roles {
        content: exact(&gold.content, &predicted.content),
        source: exact(&gold.source, &predicted.source),
        cue: exact(&gold.cue, &predicted.cue),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::quote_eval::test_support::{exact, find};

    fn roles(
        content: &[(usize, usize)],
        source: &[(usize, usize)],
        cue: &[(usize, usize)],
    ) -> Roles<Spans> {
        Roles {
            content: content.to_vec(),
            source: source.to_vec(),
            cue: cue.to_vec(),
        }
    }

    #[test]
    fn punctuation_and_white_space_at_the_edges_do_not_count() {
        let text = "Ms. Ng said, “We will win.” Then she left — quickly.";
        let g = roles(
            &[find(text, "“We will win.”", 0)],
            &[find(text, "Ms. Ng", 0)],
            &[find(text, "said", 0)],
        );
        let p = roles(
            // The content and the source with a trailing space, the cue with its comma.
            &[(find(text, "“We will win.”", 0).0, find(text, "” ", 0).1)],
            &[(0, find(text, "Ms. Ng ", 0).1)],
            &[find(text, "said,", 0)],
        );
        let s = exact_scores(text, &g, &p);
        assert_eq!(s.content, exact(1, 1, 1));
        assert_eq!(s.source, exact(1, 1, 1));
        assert_eq!(s.cue, exact(1, 1, 1));
        // A dash and a full stop are trimmed too.
        let g = roles(&[find(text, "she left", 0)], &[], &[]);
        let p = roles(&[find(text, "she left —", 0)], &[], &[]);
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 1));
        let g = roles(&[find(text, "quickly", 0)], &[], &[]);
        let p = roles(&[find(text, "— quickly.", 0)], &[], &[]);
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 1));
    }

    #[test]
    fn quote_marks_stay_and_words_count() {
        let text = "He said “we will win” today.";
        let g = roles(&[find(text, "“we will win”", 0)], &[], &[]);
        // Without the marks: another span.
        let p = roles(&[find(text, "we will win", 0)], &[], &[]);
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 0));
        // A word short: another span.
        let p = roles(&[find(text, "we will", 0)], &[], &[]);
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 0));
        // Short of the closing mark: another span.
        let p = roles(
            &[(find(text, "“we", 0).0, find(text, "win”", 0).1 - 1)],
            &[],
            &[],
        );
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 0));
        // A part of a token stands for the whole token.
        let g = roles(&[find(text, "we will win", 0)], &[], &[]);
        let p = roles(
            &[(find(text, "we", 0).0, find(text, "win", 0).1 - 1)],
            &[],
            &[],
        );
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 1));
    }

    #[test]
    fn punctuation_only_spans_are_kept_and_blank_ones_dropped() {
        let text = "SMITH: We won.\n\nJONES: We did not.";
        let g = roles(&[], &[], &[find(text, ":", 0), find(text, ":", 1)]);
        let empty = (find(text, "won", 0).0 + 1, find(text, "won", 0).0 + 1);
        let p = roles(
            &[],
            &[],
            &[find(text, ":", 1), find(text, "\n\n", 0), empty],
        );
        assert_eq!(exact_scores(text, &g, &p).cue, exact(2, 1, 1));
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Der Präsident — 😀 — sagte: „Wir gewinnen.“";
        let space = TokenSpace::new(text);
        let covered = |span| {
            let (first, end) = space.range(span).expect("a span over tokens");
            &text[space.tokens[first].0..space.tokens[end - 1].1]
        };
        for needle in ["Der Präsident", "sagte", "„Wir gewinnen.“", "gewinnen"] {
            assert_eq!(covered(find(text, needle, 0)), needle);
        }
        assert_eq!(covered(find(text, "sagte: ", 0)), "sagte");
    }
}
