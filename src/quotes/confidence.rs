//! How sure Lede is that a found quote is an attribution: a logistic model over the quote's own
//! facts (its kind, speaker, cue, length, edges), learned from PolNeAR train by
//! `lede train-confidence` (src/tools/confidence.rs) and embedded from
//! `model/quote_confidence.tsv`. Each quote carries the probability as `confidence`; quotes below
//! the learned threshold are dropped, which is where the rules' false quotes go (terms and titles
//! in quote marks, narration taken for reported speech).

use super::attributed::Attributed;
use crate::schema::{Quote, QuoteKind};
use crate::seq::hash::hash_str;
use crate::text::doc::Doc;
use crate::words::is_pronoun;
use std::fmt::Write;

/// The shipped model, laid out by build.rs (see [`super::confidence_table`]).
static QUOTE_CONFIDENCE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/quote_confidence.bin"));

/// A weight per feature name and the threshold under which a quote is dropped.
pub struct Rater<'a> {
    pub weight: &'a dyn Fn(&str) -> f64,
    pub threshold: f64,
}

/// The model rows that are not features.
pub const BIAS: &str = "_bias";
pub const THRESHOLD: &str = "_threshold";

fn shipped_weight(feature: &str) -> f64 {
    super::confidence_table::weight(QUOTE_CONFIDENCE, hash_str(feature)).map_or(0.0, f64::from)
}

impl Rater<'static> {
    /// The embedded model.
    pub fn shipped() -> Self {
        Rater {
            weight: &shipped_weight,
            threshold: shipped_weight(THRESHOLD),
        }
    }
}

impl Rater<'_> {
    /// The probability that a quote with these features is an attribution (the trainer's view;
    /// annotating uses [`Rater::rate_quote`]).
    #[cfg(any(test, feature = "tools"))]
    pub fn probability(&self, features: &[String]) -> f64 {
        let z = (self.weight)(BIAS) + features.iter().map(|f| (self.weight)(f)).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The probability that quote `q` is an attribution ([`Rater::probability`] of its
    /// features, read one at a time).
    pub fn rate_quote(&self, doc: &Doc, q: &Quote) -> f64 {
        // Summed as `probability` sums, so both give the same bits.
        let mut sum = 0.0;
        each_feature(doc, q, |f| sum += (self.weight)(f));
        let z = (self.weight)(BIAS) + sum;
        1.0 / (1.0 + (-z).exp())
    }
}

/// Rates every quote and drops the statements under the threshold. The model learned what
/// makes a statement right, so the other attributions (asked for, not quotes) keep their rating
/// as information and are not dropped by it.
pub fn rate(doc: &Doc, quotes: Vec<Attributed>, rater: &Rater) -> Vec<Attributed> {
    quotes
        .into_iter()
        .filter_map(|mut a| {
            let p = rater.rate_quote(doc, &a.quote);
            // Three decimals: more would be noise in the JSON.
            a.quote.confidence = (p * 1000.0).round() / 1000.0;
            (p >= rater.threshold || !a.quote.act.is_statement()).then_some(a)
        })
        .collect()
}

/// Bytes either side of a quote its features read: enough for the neighbouring words and to
/// tell whether the quote opens or fills its line.
const EDGE_WINDOW: usize = 256;

pub(super) fn bucket(n: usize) -> &'static str {
    match n {
        0..=2 => "1-2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        21..=40 => "21-40",
        _ => "41+",
    }
}

pub(super) fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
    }
}

/// The word next to a span, lower-cased, or a sign for a line end or the text's edge.
fn neighbour(words: &mut dyn Iterator<Item = &str>) -> String {
    match words.next() {
        Some(w) => w.to_lowercase(),
        None => "<edge>".to_string(),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Calls `each` with every feature name of the quote (byte offsets into `doc.text`).
pub fn each_feature(doc: &Doc, q: &Quote, mut each: impl FnMut(&str)) {
    let text = doc.text;
    let kind = kind_name(q.kind);
    let inner = text[q.start..q.end].trim_matches(|c: char| !c.is_alphanumeric());
    let words = inner.split_whitespace().count();
    let speaker = match &q.speaker {
        None => "none",
        Some(s) if s.text.split_whitespace().all(is_pronoun) => "pronoun",
        Some(_) if q.speaker_name.is_some() => "named",
        Some(s) if s.text.starts_with(char::is_uppercase) => "capitalised",
        Some(_) => "noun",
    };
    let cue = q
        .cue
        .as_ref()
        .map_or("none".to_string(), |c| c.text.to_lowercase());
    let cue_side = match &q.cue {
        None => "none",
        Some(c) if c.end <= q.start => "before",
        Some(c) if c.start >= q.end => "after",
        Some(_) => "inside",
    };
    let speaker_side = match &q.speaker {
        None => "none",
        Some(s) if s.end <= q.start => "before",
        Some(s) if s.start >= q.end => "after",
        Some(_) => "inside",
    };
    // The line around the quote, seen through a bounded window: searching a whole line per quote
    // would make a one-line text of many quotes quadratic.
    let near_start = text.floor_char_boundary(q.start.saturating_sub(EDGE_WINDOW));
    let near_end = text.ceil_char_boundary((q.end + EDGE_WINDOW).min(text.len()));
    let before = &text[near_start..q.start];
    let before = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let after = &text[q.end..near_end];
    let after = after.find('\n').map_or(after, |i| &after[..i]);
    let prev = neighbour(
        &mut before
            .split(|c: char| !is_word_char(c))
            .rev()
            .filter(|w| !w.is_empty()),
    );
    let next = neighbour(
        &mut after
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty()),
    );
    let first = match inner.chars().next() {
        Some(c) if c.is_uppercase() => "upper",
        Some(c) if c.is_lowercase() => "lower",
        Some(_) => "other",
        None => "empty",
    };
    let last = text[q.start..q.end]
        .trim_end_matches(|c: char| crate::words::marks::is_quote_char(c) || c.is_whitespace())
        .chars()
        .next_back()
        .map_or("none".to_string(), |c| {
            if c.is_alphanumeric() {
                "word".to_string()
            } else {
                c.to_string()
            }
        });
    let whole_line = before.trim().is_empty() && after.trim().is_empty();
    let line_share = if whole_line {
        "whole"
    } else if before.trim().is_empty() {
        "opens"
    } else {
        "inside"
    };
    let len = bucket(words);
    let (from, to, tail) = cut(doc, q);
    // One buffer for every feature: a quote is scored without allocating a string per feature.
    let mut buf = String::with_capacity(64);
    let mut emit = |args: std::fmt::Arguments| {
        buf.clear();
        let _ = buf.write_fmt(args);
        each(&buf);
    };
    for args in [
        format_args!("kind={kind}"),
        format_args!("speaker={speaker}"),
        format_args!("kind,speaker={kind},{speaker}"),
        format_args!("cue={cue}"),
        format_args!("kind,cue={kind},{cue}"),
        format_args!("cue_side={cue_side}"),
        format_args!("kind,cue_side={kind},{cue_side}"),
        format_args!("speaker_side={speaker_side}"),
        format_args!("kind,sides={kind},{speaker_side},{cue_side}"),
        format_args!("len={len}"),
        format_args!("kind,len={kind},{len}"),
        format_args!("prev={prev}"),
        format_args!("kind,prev={kind},{prev}"),
        format_args!("next={next}"),
        format_args!("kind,next={kind},{next}"),
        format_args!("first={first}"),
        format_args!("kind,first={kind},{first}"),
        format_args!("last={last}"),
        format_args!("kind,last={kind},{last}"),
        format_args!("line={line_share}"),
        format_args!("kind,line={kind},{line_share}"),
        format_args!("parts={}", q.parts.len().min(3)),
        format_args!("kind,cut={kind},{cue_side},{from},{to}"),
        format_args!("kind,tail={kind},{cue_side},{tail}"),
    ] {
        emit(args);
    }
}

/// How far (tokens) [`cut`] looks before a content for its sentence's start and after a cue
/// for the sentence's end.
const CUT_REACH: usize = 12;

/// How the content sits in its sentence, what makes reported speech good or bad whatever its
/// order: whether it starts the sentence (`start`, only punctuation before it) or not (`mid`);
/// what follows it (`end` of the sentence, a `comma`, or a `word`); and how many words follow
/// the cue to the sentence end (`CONTENT, officials said on Friday.` has a short tail; a cue in
/// the middle of a longer clause a long one). Binary searches, so rating stays linear.
fn cut(doc: &Doc, q: &Quote) -> (&'static str, &'static str, &'static str) {
    let tokens = &doc.tokens;
    let first = tokens.partition_point(|t| t.end <= q.start);
    let last = tokens.partition_point(|t| t.start < q.end);
    if first >= last || doc.sentences.is_empty() {
        return ("none", "none", "none");
    }
    let s = &doc.sentences[doc.sentence_of(first).min(doc.sentences.len() - 1)];
    let is_word = |i: usize| doc.token_text(i).chars().any(char::is_alphanumeric);
    // Bounded looks (CUT_REACH tokens): a sentence of a million tokens costs no more per item.
    let from = match first.saturating_sub(s.first) <= CUT_REACH
        && !(s.first.min(first)..first).any(is_word)
    {
        true => "start",
        false => "mid",
    };
    let to = match doc.tokens.get(last).map(|_| doc.token_text(last)) {
        _ if last >= s.end => "end",
        Some("," | ";" | "—" | "–") => "comma",
        Some(w) if !w.chars().any(char::is_alphanumeric) => "end",
        _ => "word",
    };
    let tail = match &q.cue {
        Some(c) if c.start >= q.end => {
            let cue_end = tokens.partition_point(|t| t.start < c.end).min(s.end);
            let window = cue_end..s.end.min(cue_end + CUT_REACH);
            match window.filter(|&i| is_word(i)).count() {
                0 => "0",
                1..=3 => "1-3",
                4..=6 => "4-6",
                _ => "7+",
            }
        }
        _ => "n/a",
    };
    (from, to, tail)
}

/// The quote's facts as feature names (byte offsets into `doc.text`), for the trainer.
pub fn features(doc: &Doc, q: &Quote) -> Vec<String> {
    let mut all = Vec::with_capacity(24);
    each_feature(doc, q, |f| all.push(f.to_string()));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::Naming;
    use crate::schema::TextSpan;

    fn quote(text: &str, content: &str, kind: QuoteKind) -> Quote {
        let start = text.find(content).unwrap();
        Quote::unattributed(start, start + content.len(), content.to_string(), kind)
    }

    #[test]
    fn features_read_the_quote_and_its_edges() {
        let text = "“We will act,” Kirby said on Friday.";
        let doc = Doc::new(text, None);
        let mut q = quote(text, "“We will act,”", QuoteKind::Direct);
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            TextSpan {
                start: s,
                end: s + w.len(),
                text: w.to_string(),
            }
        };
        q.speaker = Some(at("Kirby"));
        q.cue = Some(at("said"));
        let f = features(&doc, &q);
        for want in [
            "kind=direct",
            "speaker=capitalised",
            "cue=said",
            "cue_side=after",
            "speaker_side=after",
            "len=3-5",
            "prev=<edge>",
            "next=kirby",
            "first=upper",
            "last=,",
            "line=opens",
        ] {
            assert!(f.iter().any(|x| x == want), "{want} missing from {f:?}");
        }
    }

    #[test]
    fn features_say_how_reported_speech_cuts_its_sentence() {
        let at = |text: &str, w: &str| {
            let s = text.find(w).unwrap();
            TextSpan {
                start: s,
                end: s + w.len(),
                text: w.to_string(),
            }
        };
        let cut_of = |text: &str, content: &str| {
            let doc = Doc::new(text, None);
            let mut q = quote(text, content, QuoteKind::Indirect);
            q.cue = Some(at(text, "said"));
            let f = features(&doc, &q);
            let pick = |p: &str| f.iter().find(|x| x.starts_with(p)).cloned().unwrap();
            (pick("kind,cut="), pick("kind,tail="))
        };
        // Content first, the whole clause before the source: a clean item.
        assert_eq!(
            cut_of(
                "The toll rose to 12 overnight, officials said on Friday.",
                "The toll rose to 12 overnight"
            ),
            (
                "kind,cut=indirect,after,start,comma".to_string(),
                "kind,tail=indirect,after,1-3".to_string()
            )
        );
        // A content cut inside its sentence, a cue with a long clause after it.
        assert_eq!(
            cut_of(
                "Voters in the town rose early and said the polls opened late in the day.",
                "rose early"
            ),
            (
                "kind,cut=indirect,after,mid,word".to_string(),
                "kind,tail=indirect,after,7+".to_string()
            )
        );
        // Source first: the content runs to the sentence end; no tail.
        assert_eq!(
            cut_of(
                "Kirby said the talks would resume.",
                "the talks would resume"
            )
            .0,
            "kind,cut=indirect,before,mid,end"
        );
    }

    #[test]
    fn the_probability_follows_the_weights_and_the_threshold_drops() {
        let weight = |f: &str| match f {
            BIAS => 0.0,
            "speaker=none" => -3.0,
            _ => 0.0,
        };
        let rater = Rater {
            weight: &weight,
            threshold: 0.5,
        };
        let text = "He called it a “witch hunt” again.";
        let doc = Doc::new(text, None);
        let q = quote(text, "“witch hunt”", QuoteKind::Partial);
        let p = rater.probability(&features(&doc, &q));
        assert!((p - 1.0 / (1.0 + 3f64.exp())).abs() < 1e-9);
        let kept = rate(
            &doc,
            vec![Attributed {
                quote: q,
                speaker_group: None,
                naming: Naming::NoSpeaker,
            }],
            &rater,
        );
        assert!(kept.is_empty());
    }

    #[test]
    fn the_shipped_model_is_sorted_and_has_a_threshold() {
        use super::super::confidence_table::{is_sorted, layout};
        assert!(is_sorted(QUOTE_CONFIDENCE));
        // What build.rs embedded is the model file's layout.
        let tsv = include_str!("../../model/quote_confidence.tsv");
        assert_eq!(layout(tsv, hash_str).unwrap(), QUOTE_CONFIDENCE);
        let t = Rater::shipped().threshold;
        assert!((0.0..1.0).contains(&t), "threshold {t}");
    }
}
