//! Reported speech without quote marks: `Kirby said U.S. officials are monitoring …`,
//! `…, adding that the White House will …`, `U.S. officials are monitoring …, Kirby said.`
//! and `According to Kirby, …`. Each becomes an `indirect` quote with content, cue and speaker.

use super::cues::{self, Cue};
use super::speaker::{is_pronoun, np_after, participle_subject, subject_before, Range};
use crate::doc::Doc;
use crate::mentions::is_capitalised;
use crate::schema::Span;

/// A reported-speech item in token terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    pub content: Range,
    pub speaker: Option<Range>,
    pub cue: Range,
}

const MIN_CONTENT: usize = 3;

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

fn is_end_punct(w: &str) -> bool {
    matches!(w, "." | "?" | "!" | "…" | "..." | ";" | ":") || is_quote_mark(w) || w == ")"
}

/// Words that can start reported content right after the cue.
fn starts_clause(doc: &Doc, i: usize) -> bool {
    let w = doc.token_text(i);
    let l = w.to_lowercase();
    is_capitalised(w)
        || is_pronoun(w)
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            l.as_str(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "this"
                | "these"
                | "those"
                | "there"
                | "no"
                | "some"
                | "many"
                | "most"
                | "all"
                | "both"
                | "every"
                | "any"
                | "each"
                | "more"
                | "several"
                | "only"
                | "nobody"
                | "nothing"
                | "everyone"
                | "if"
                | "whether"
                | "what"
                | "how"
                | "why"
                | "when"
                | "where"
                | "who"
                | "u.s."
                | "it"
        )
}

/// Finds reported speech in every sentence, skipping content that is mostly a direct quote
/// (`quoted`: byte spans of direct quotes).
pub fn find(doc: &Doc, quoted: &[Span]) -> Vec<Reported> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let (lo, hi) = (s.first, s.end);
        let mut c = lo;
        while c < hi {
            let Some(cue) = cues::cue_at(doc, c) else {
                c += 1;
                continue;
            };
            if in_spans(doc, c, quoted) {
                c += 1;
                continue;
            }
            let found = if cue.according {
                according(doc, lo, hi, &cue)
            } else {
                reported(doc, lo, hi, &cue)
            };
            if let Some(r) = found.filter(|r| !mostly_quoted(doc, r.content, quoted)) {
                out.push(r);
                c = r.content.1.max(cue.end);
            } else {
                c = cue.end;
            }
        }
    }
    out
}

fn in_spans(doc: &Doc, i: usize, spans: &[Span]) -> bool {
    let t = doc.tokens[i];
    spans.iter().any(|s| s.start <= t.start && t.end <= s.end)
}

fn mostly_quoted(doc: &Doc, r: Range, quoted: &[Span]) -> bool {
    let span = doc.span(r.0, r.1 - 1);
    let covered: usize = quoted
        .iter()
        .filter(|q| q.overlaps(span))
        .map(|q| q.end.min(span.end) - q.start.max(span.start))
        .sum();
    covered * 2 > span.len()
}

/// Trims closing punctuation and quote marks off the end of `[a, b)`.
fn trim_end(doc: &Doc, a: usize, mut b: usize) -> usize {
    while b > a && (is_end_punct(doc.token_text(b - 1)) || doc.token_text(b - 1) == ",") {
        b -= 1;
    }
    b
}

/// The end of content starting at `a`: the sentence end, or a following `, … said` clause.
fn content_end(doc: &Doc, a: usize, hi: usize) -> usize {
    let mut i = a;
    while i < hi {
        let w = doc.token_text(i);
        if w == "," && i + 1 < hi {
            // ", adding that …" / ", he said" / ", according to …" start another attribution.
            let next = cues::cue_at(doc, i + 1);
            let attrib_follows = next.is_some()
                || (i + 2 < hi
                    && cues::cue_at(doc, i + 2).is_some_and(|c| !c.according)
                    && (is_pronoun(doc.token_text(i + 1))
                        || is_capitalised(doc.token_text(i + 1))));
            if attrib_follows {
                return i;
            }
        }
        if matches!(w, ";") {
            return i;
        }
        i += 1;
    }
    trim_end(doc, a, hi)
}

/// `SPEAKER CUE [listener] [that] CONTENT` or `CONTENT, SPEAKER CUE.` around the cue.
fn reported(doc: &Doc, lo: usize, hi: usize, cue: &Cue) -> Option<Reported> {
    let c = cue.first;
    let word = doc.token_text(c);
    // Forward: subject before the cue, content after it.
    let subject = subject_before(doc, lo, c).or_else(|| participle_subject(doc, lo, cue));
    if let Some(speaker) = subject {
        if let Some(a) = content_start(doc, cue.end, hi, word) {
            let b = content_end(doc, a, hi);
            if b >= a + MIN_CONTENT {
                return Some(Reported {
                    content: (a, b),
                    speaker: Some(speaker),
                    cue: (cue.first, cue.end),
                });
            }
        }
    }
    // Backward: `CONTENT, Kirby said.` / `CONTENT, said Kirby.`
    if !cues::is_speech(word) {
        return None;
    }
    let tail_ok = |from: usize| {
        let rest = trim_end(doc, from, hi);
        rest <= from + 6 && !(from..rest).any(|i| doc.token_text(i) == "that")
    };
    // `…,” Kirby said` too: closing quote marks may sit between the comma and the speaker.
    let comma_before = |mut at: usize| {
        while at > lo + 1 && is_quote_mark(doc.token_text(at - 1)) {
            at -= 1;
        }
        at > lo && doc.token_text(at - 1) == ","
    };
    // Inverted: `, said Kirby.`
    if comma_before(c) {
        if let Some(sp) = np_after(doc, cue.end, hi) {
            if tail_ok(sp.1) && sp.1 > sp.0 {
                let b = trim_end(doc, lo, c - 1);
                if b >= lo + MIN_CONTENT {
                    return Some(Reported {
                        content: (lo, b),
                        speaker: Some(sp),
                        cue: (cue.first, cue.end),
                    });
                }
            }
        }
        return None;
    }
    let sp = subject_before(doc, lo, c)?;
    if !comma_before(sp.0) || !tail_ok(cue.end) {
        return None;
    }
    let b = trim_end(doc, lo, sp.0);
    let a = content_first(doc, lo, b);
    (b >= a + MIN_CONTENT).then_some(Reported {
        content: (a, b),
        speaker: Some(sp),
        cue: (cue.first, cue.end),
    })
}

/// Skips a leading quote mark that closes nothing ("“" is direct speech, handled elsewhere).
fn content_first(doc: &Doc, lo: usize, b: usize) -> usize {
    let mut a = lo;
    while a < b && matches!(doc.token_text(a), "," | "—" | "–" | "--" | "(") {
        a += 1;
    }
    a
}

/// Where the content starts after a cue ending at `i`: after `that`, after the listener of
/// "told", or right after the cue when a clause follows.
fn content_start(doc: &Doc, i: usize, hi: usize, cue_word: &str) -> Option<usize> {
    // "that" within reach, with no punctuation before it: "said in a statement that …".
    for k in i..hi.min(i + 9) {
        let w = doc.token_text(k);
        if w.eq_ignore_ascii_case("that") {
            return (k + 1 < hi).then_some(k + 1);
        }
        if matches!(w, "," | "." | ";" | ":" | "—" | "–") || is_quote_mark(w) {
            break;
        }
    }
    if cues::takes_listener(cue_word) || !cues::is_speech(cue_word) || i >= hi {
        return None;
    }
    let w = doc.token_text(i);
    if w == "," && i + 1 < hi && !is_quote_mark(doc.token_text(i + 1)) && cue_word.ends_with("ing")
    {
        return None;
    }
    starts_clause(doc, i).then_some(i)
}

/// `According to Kirby, CONTENT.` and `CONTENT, according to Kirby.`
fn according(doc: &Doc, lo: usize, hi: usize, cue: &Cue) -> Option<Reported> {
    let sp = np_after(doc, cue.end, hi)?;
    let cue_r = (cue.first, cue.end);
    if cue.first == lo
        || (cue.first == lo + 1 && !doc.token_text(lo).chars().any(char::is_alphanumeric))
    {
        // Speaker phrase runs to the comma.
        let comma = (sp.1..hi).find(|&k| doc.token_text(k) == ",")?;
        let a = comma + 1;
        let b = content_end(doc, a, hi);
        return (b >= a + MIN_CONTENT).then_some(Reported {
            content: (a, b),
            speaker: Some(sp),
            cue: cue_r,
        });
    }
    if cue.first > lo && doc.token_text(cue.first - 1) == "," {
        let b = trim_end(doc, lo, cue.first - 1);
        let a = content_first(doc, lo, b);
        return (b >= a + MIN_CONTENT).then_some(Reported {
            content: (a, b),
            speaker: Some(sp),
            cue: cue_r,
        });
    }
    None
}
