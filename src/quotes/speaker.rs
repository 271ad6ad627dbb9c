//! Who said it: the speaker mention and cue of each direct or partial quote, found from the
//! patterns news writing uses. Subjects come from [`super::subject`]; resolving the mention to
//! a named cluster is [`super::resolve`]'s.
//!
//! Patterns, in the order tried for a direct quote: a transcript label (`"WALLACE: …`),
//! `“…,” Kirby said` / `“…,” said Kirby` (after the quote, same sentence or the next one),
//! `Kirby said: “…”` (before it, or ending the paragraph before), a colon after a name
//! (`McCaskill scolded him: “…”`), a loose `“…,” Trump barked`, then continuation (an
//! unattributed quote keeps the previous quote's speaker). A partial quote takes the cue of
//! the sentence it sits in (`Sullivan said Pyongyang will “pay a price”`).

use super::subject::{
    np_after, participle_subject, skippable_between, speaker_after_cue, subject_before,
};
use crate::schema::{Quote, QuoteKind};
use crate::text::doc::{Doc, SentenceRange};
use crate::text::TokenRange;
use crate::words::marks::is_quote_mark;
use crate::words::{is_capitalised_article, is_inflected_verb, is_title};
use crate::words::{is_pronoun, CLAUSE_WORDS, NOT_SPEAKERS, PREPOSITIONS};
use crate::words::{AFTER_PARTICIPLE_SUBJECT, NOT_SPEAKER_OPENERS};

/// How far after a quote (tokens) its cue is looked for: room for a subject with its
/// appositive (`“…,” Smith, a spokesperson for the agency, said`); a cue further on belongs to
/// a statement of its own.
const CUE_AFTER_QUOTE: usize = 30;

/// How far before a direct quote (tokens) its cue may stand: `Kirby said in a statement on
/// Monday: “…”`. A direct quote's own cue stands close; further back it introduces something
/// else.
const CUE_BEFORE_DIRECT: usize = 12;

/// How far before a partial quote (tokens) its cue may stand: the quote sits anywhere in the
/// reported clause (`Sullivan said Pyongyang, which …, will “pay a price”`), a long sentence.
const CUE_BEFORE_PARTIAL: usize = 60;

/// How far before the colon ending the paragraph before a quote (tokens) its cue may stand:
/// `Kirby said Monday:` ¶ `“…”`; a cue further back is not what the colon introduces.
const CUE_BEFORE_COLON: usize = 6;

/// After a partial quote only a speaker right behind it attributes it (`was “heartbreaking,”
/// she said`): within this many tokens of its end (a comma, a closing mark). A speaker
/// further on says the sentence around it.
const PARTIAL_SPEAKER_GAP: usize = 2;

/// In the sentence after a quote, how far from its start (tokens) the cue may be for the
/// sentence to be the attribution (`Clinton said.`, `Former Secretary of State Hillary Clinton
/// said.`): a name with its title, not a clause.
const NEXT_SENTENCE_CUE: usize = 6;

/// The longest name read without a cue (words): a transcript label (`SEN. JOHN MCCAIN:`) or
/// the name before a loose verb (`“…,” Mary Beth Smith barked`). Longer runs of capitals are
/// headlines.
const BARE_NAME_WORDS: usize = 4;

/// The longest name right before a colon (`- Carl Bialik: “…”`, `Rep. Mary Beth Smith:`),
/// in words, its title included.
const COLON_NAME_WORDS: usize = 5;

/// The longest opening name of a sentence ending in a colon (`Democratic Sen. Claire
/// McCaskill (D-Mo.) scolded him: “…”`), in tokens, with its titles.
const OPENING_NAME_TOKENS: usize = 8;

/// An unattributed quote continues an attribution at most this many paragraphs back: a
/// speaker quoted over several paragraphs is named again after that.
const CONTINUATION_PARAGRAPHS: usize = 2;

/// A quote's attribution in token terms, before name resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<TokenRange>,
    pub cue: Option<TokenRange>,
}

/// Token range of a quote span (including its marks).
pub fn quote_tokens(doc: &Doc, q: &Quote) -> Option<TokenRange> {
    let first = doc.tokens.partition_point(|t| t.end <= q.start);
    let end = doc.tokens.partition_point(|t| t.start < q.end);
    (first < end).then_some(TokenRange::new(first, end))
}

/// Cue and speaker after a quote in its sentence: `“…,” Kirby said` or `“…,” said Kirby`.
fn after_quote(doc: &Doc, qe: usize, hi: usize) -> Option<Attribution> {
    let mut i = qe;
    // "“…” ― Name": a dash before a name is the cue.
    if i < hi && matches!(doc.token_text(i), "―" | "—" | "–" | "--" | "-") {
        if let Some(sp) = np_after(doc, i + 1, hi).filter(|sp| doc.is_capitalised(sp.first)) {
            return Some(Attribution {
                speaker: Some(sp),
                cue: Some(TokenRange::new(i, i + 1)),
            });
        }
    }
    while i < hi && matches!(doc.token_text(i), "," | "—" | "–" | "--") {
        i += 1;
    }
    let stop = hi.min(i + CUE_AFTER_QUOTE);
    let mut c = i;
    while c < stop {
        let w = doc.token_text(c);
        if is_quote_mark(w) || matches!(w, "." | ";" | "?" | "!") {
            return None;
        }
        if let Some(cue) = doc.cue(c) {
            if skippable_between(doc, i, c) {
                let hi = sentence_end_from(doc, cue.end).min(hi);
                let speaker = speaker_after_cue(doc, cue.end, hi);
                return Some(Attribution {
                    speaker,
                    cue: Some(cue.tokens()),
                });
            }
            if cue.according {
                return Some(Attribution {
                    speaker: np_after(doc, cue.end, hi),
                    cue: Some(cue.tokens()),
                });
            }
            let speaker = subject_before(doc, i, c);
            return speaker.map(|s| Attribution {
                speaker: Some(s),
                cue: Some(cue.tokens()),
            });
        }
        c += 1;
    }
    None
}

fn sentence_end_from(doc: &Doc, i: usize) -> usize {
    doc.sentences
        .get(doc.sentence_of(i))
        .map_or(doc.tokens.len(), |s| s.end)
}

/// The nearest cue before token `qf` in `[lo, qf)` that has a subject: `Kirby said: “…”`.
/// `max_gap` limits how many tokens may separate the cue from the quote.
fn before_quote(doc: &Doc, lo: usize, qf: usize, max_gap: usize) -> Option<Attribution> {
    let mut c = qf;
    while c > lo {
        c -= 1;
        if qf - c > max_gap {
            return None;
        }
        if doc.is_quote_mark(c) && c + 1 < qf {
            return None; // another quote sits between
        }
        let Some(cue) = doc.cue(c) else {
            continue;
        };
        if cue.end > qf {
            continue;
        }
        if cue.according || doc.is_capitalised(c) {
            if let Some(s) = np_after(doc, cue.end, qf) {
                return Some(Attribution {
                    speaker: Some(s),
                    cue: Some(cue.tokens()),
                });
            }
            continue;
        }
        if let Some(s) = subject_before(doc, lo, c).or_else(|| participle_subject(doc, lo, &cue)) {
            return Some(Attribution {
                speaker: Some(s),
                cue: Some(cue.tokens()),
            });
        }
    }
    None
}

/// Attributes direct and partial quotes in place (token ranges; names are resolved later).
pub fn attribute(doc: &Doc, quotes: &[Quote]) -> Vec<Attribution> {
    let breaks = line_breaks(doc.text);
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    // The latest attribution with a speaker, kept as we go so continuation looks back in O(1).
    let mut last_spoken: Option<usize> = None;
    for q in quotes {
        if out.last().is_some_and(|a| a.speaker.is_some()) {
            last_spoken = Some(out.len() - 1);
        }
        let none = Attribution {
            speaker: None,
            cue: None,
        };
        let Some(TokenRange { first: qf, end: qe }) = quote_tokens(doc, q) else {
            out.push(none);
            continue;
        };
        let s_first = doc.sentence_of(qf);
        let s_last = doc.sentence_of(qe - 1);
        let (Some(first_sent), Some(last_sent)) =
            (doc.sentences.get(s_first), doc.sentences.get(s_last))
        else {
            out.push(none);
            continue;
        };
        let mut found = match q.kind {
            QuoteKind::Direct => transcript_label(doc, qf, qe)
                .or_else(|| after_quote(doc, qe, last_sent.end))
                .or_else(|| next_sentence(doc, s_last, qe))
                .or_else(|| before_quote(doc, first_sent.first, qf, CUE_BEFORE_DIRECT))
                .or_else(|| colon_intro(doc, s_first, qf)),
            // `was “heartbreaking,” she said` before `Sullivan said … “pay a price”`.
            _ => after_quote(doc, qe, last_sent.end)
                .filter(|a| {
                    a.speaker
                        .is_some_and(|s| s.first <= qe + PARTIAL_SPEAKER_GAP)
                })
                .or_else(|| before_quote(doc, first_sent.first, qf, CUE_BEFORE_PARTIAL))
                .or_else(|| {
                    sentence_cue(doc, first_sent.first, last_sent.end.max(first_sent.end), qf)
                }),
        };
        if found.is_none() && q.kind == QuoteKind::Direct {
            found = match introduced_by(doc, s_first, qf) {
                // `Transcript as follows:` ¶ `“…”`: the name opening the colon's sentence;
                // the quote's own sentence has no attribution.
                Some(prev) => colon_subject(doc, prev.first, qf),
                None => colon_subject(doc, first_sent.first, qf)
                    .or_else(|| after_quote_loose(doc, qe, last_sent.end)),
            }
            .or_else(|| continuation(doc, quotes, &out, last_spoken, &breaks, qf));
        }
        out.push(found.unwrap_or(none));
    }
    out
}

/// A transcript turn, `"WALLACE: Let's start …`: the capitalised label before the colon
/// right after the opening mark is the speaker, the colon its cue.
fn transcript_label(doc: &Doc, qf: usize, qe: usize) -> Option<Attribution> {
    let first = qf + 1;
    let mut i = first;
    while i < qe.min(first + BARE_NAME_WORDS) {
        let t = doc.token_text(i);
        if t == ":" {
            break;
        }
        let upper = t.chars().all(|c| c.is_uppercase() || c == '.' || c == '-');
        if !(upper && t.chars().filter(|c| c.is_alphabetic()).count() >= 2) {
            return None;
        }
        i += 1;
    }
    (i > first && i < qe && doc.token_text(i) == ":").then_some(Attribution {
        speaker: Some(TokenRange::new(first, i)),
        cue: Some(TokenRange::new(i, i + 1)),
    })
}

/// `“Go back,” Trump barked.`: a name or pronoun and a past-tense verb missing from the cue
/// table right after the quote.
fn after_quote_loose(doc: &Doc, qe: usize, hi: usize) -> Option<Attribution> {
    let mut i = qe;
    while i < hi && doc.token_text(i) == "," {
        i += 1;
    }
    let mut e = i;
    while e < hi && e - i < BARE_NAME_WORDS && doc.is_capitalised(e) {
        e += 1;
    }
    if e == i && i < hi && is_pronoun(doc.token_text(i)) && doc.token_text(i) != "it" {
        e = i + 1;
    }
    let verb = doc
        .tokens
        .get(e)
        .map(|_| doc.token_text(e))
        .filter(|_| e < hi)?;
    let ends = e + 1 >= hi || AFTER_PARTICIPLE_SUBJECT.contains(&doc.token_text(e + 1));
    (e > i && is_inflected_verb(verb) && ends).then_some(Attribution {
        speaker: Some(TokenRange::new(i, e)),
        cue: Some(TokenRange::new(e, e + 1)),
    })
}

/// `“…?” Clinton said.` split into two sentences by the question mark: the next sentence of
/// the paragraph opens with the attribution.
fn next_sentence(doc: &Doc, s: usize, qe: usize) -> Option<Attribution> {
    let cur = doc.sentences.get(s)?;
    let next = doc.sentences.get(s + 1)?;
    if cur.end != qe || next.paragraph != cur.paragraph {
        return None;
    }
    let a = after_quote(doc, next.first, next.end)?;
    let c = a.cue?.first;
    // Only when the cue sits at the start: "Clinton said." / "said Clinton".
    (c <= next.first + NEXT_SENTENCE_CUE).then_some(a)
}

/// A quote opening a paragraph after one that ends `Kirby said:`.
fn colon_intro(doc: &Doc, s: usize, qf: usize) -> Option<Attribution> {
    let prev = introduced_by(doc, s, qf)?;
    before_quote(doc, prev.first, prev.end - 1, CUE_BEFORE_COLON)
}

/// The sentence before a quote that opens sentence `s`, when it ends with a colon.
fn introduced_by(doc: &Doc, s: usize, qf: usize) -> Option<SentenceRange> {
    let sent = doc.sentences.get(s)?;
    if sent.first != qf || s == 0 {
        return None;
    }
    let prev = doc.sentences[s - 1];
    (doc.token_text(prev.end - 1) == ":").then_some(prev)
}

/// How far from a quote, in tokens, a cue of its sentence is looked for: keeps a sentence of
/// thousands of tokens (pasted junk, a list) linear in its quotes.
const SENTENCE_CUE_REACH: usize = 100;

/// Any cue in the sentence with a subject, nearest to the quote (partial quotes only).
fn sentence_cue(doc: &Doc, lo: usize, hi: usize, qf: usize) -> Option<Attribution> {
    let mut best: Option<(usize, Attribution)> = None;
    let from = lo.max(qf.saturating_sub(SENTENCE_CUE_REACH));
    for c in from..hi.min(qf + SENTENCE_CUE_REACH) {
        let Some(cue) = doc.cue(c) else {
            continue;
        };
        if cue.according {
            continue;
        }
        if let Some(s) = subject_before(doc, lo, c) {
            let d = c.abs_diff(qf);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((
                    d,
                    Attribution {
                        speaker: Some(s),
                        cue: Some(cue.tokens()),
                    },
                ));
            }
        }
    }
    best.map(|(_, a)| a)
}

/// An unattributed direct quote continues the nearest earlier attribution: the previous
/// quote's speaker, or the cue and subject of the sentence just before it
/// (`…, Schiff said. “The other factor …”`), within the same or the previous two paragraphs.
fn continuation(
    doc: &Doc,
    quotes: &[Quote],
    done: &[Attribution],
    last_spoken: Option<usize>,
    breaks: &[usize],
    qf: usize,
) -> Option<Attribution> {
    let s = doc.sentence_of(qf);
    let para = line_of(doc, breaks, qf);
    let prev_quote = last_spoken.map(|i| (i, &done[i])).and_then(|(i, a)| {
        // Where that attribution ends: its quote or its cue, whichever is later.
        let pe = quote_tokens(doc, &quotes[i])?.end;
        let at = pe.max(a.cue.map_or(0, |c| c.end)).saturating_sub(1);
        Some((at, *a))
    });
    let prev_sentence = (s > 0).then(|| s - 1).and_then(|ps| {
        let p = doc.sentences[ps];
        let a = sentence_cue(doc, p.first, p.end, p.end)
            .or_else(|| inverted_cue(doc, p.first, p.end))?;
        Some((p.first, a))
    });
    let (at, a) = match (prev_quote, prev_sentence) {
        (Some(q), Some(p)) => {
            if p.0 > q.0 {
                p
            } else {
                q
            }
        }
        (q, p) => q.or(p)?,
    };
    let at_para = line_of(doc, breaks, at);
    (para >= at_para && para - at_para <= CONTINUATION_PARAGRAPHS).then_some(a)
}

/// Paragraph number of token `i` counted by line breaks: many pasted articles (and PolNeAR)
/// separate paragraphs with a single newline, which the article layer keeps as one block.
/// `breaks` holds the byte offsets of line-break runs (a blank line counts once).
fn line_of(doc: &Doc, breaks: &[usize], i: usize) -> usize {
    let at = doc.tokens.get(i).map_or(doc.text.len(), |t| t.start);
    breaks.partition_point(|&b| b < at)
}

fn line_breaks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'\n' && (i == 0 || !matches!(bytes[i - 1], b'\n' | b'\r')))
        .collect()
}

/// `…, said Robert McAtee, one of …`: a cue after a comma followed by its subject.
fn inverted_cue(doc: &Doc, lo: usize, hi: usize) -> Option<Attribution> {
    (lo + 1..hi).find_map(|c| {
        let cue = doc.cue(c)?;
        if cue.according || !matches!(doc.token_text(c - 1), "," | "”" | "\"") {
            return None;
        }
        let sp = np_after(doc, cue.end, hi).filter(|sp| doc.is_capitalised(sp.first))?;
        Some(Attribution {
            speaker: Some(sp),
            cue: Some(cue.tokens()),
        })
    })
}

/// `Democratic Sen. Claire McCaskill (D-Mo.) scolded him: “…”`: a colon before the quote
/// with no known cue; the speaker is the sentence's opening name (the colon is the cue).
fn colon_subject(doc: &Doc, lo: usize, qf: usize) -> Option<Attribution> {
    if qf == 0 || qf <= lo + 1 || doc.token_text(qf - 1) != ":" {
        return None;
    }
    // `… - Carl Bialik: “…”`: a name right before the colon.
    let colon = qf - 1;
    let mut b = colon;
    while b > lo && colon - b < COLON_NAME_WORDS && doc.is_capitalised(b - 1) {
        b -= 1;
    }
    let dash_or_start = b == lo || matches!(doc.token_text(b - 1), "-" | "—" | "–" | "--" | ",");
    let words_upper = (b..colon).all(|i| {
        !doc.token_text(i)
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
    });
    if b < colon && dash_or_start && words_upper && !is_capitalised_article(doc.token_text(b)) {
        return Some(Attribution {
            speaker: Some(TokenRange::new(b, colon)),
            cue: Some(TokenRange::new(colon, qf)),
        });
    }
    let mut e = lo;
    while e < qf - 1
        && e - lo < OPENING_NAME_TOKENS
        && (doc.is_capitalised(e) || is_title(doc.token_text(e)))
    {
        e += 1;
    }
    let w = doc.token_text(lo);
    if e == lo && is_pronoun(w) && w != "it" {
        e = lo + 1;
    }
    let lw = doc.lower(lo);
    if e == lo
        || NOT_SPEAKER_OPENERS.contains(&w)
        || NOT_SPEAKERS.contains(&lw)
        || PREPOSITIONS.contains(&lw)
        || CLAUSE_WORDS.contains(&lw)
    {
        return None;
    }
    Some(Attribution {
        speaker: Some(TokenRange::new(lo, e)),
        cue: Some(TokenRange::new(qf - 1, qf)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find;

    /// Each quote of `t` with its speaker and cue as written.
    fn attributed(t: &str) -> Vec<(Option<String>, Option<String>)> {
        let doc = Doc::new(t, None);
        let quotes = find(&doc).0;
        let text = |r: Option<TokenRange>| {
            r.map(|r| {
                let s = doc.span(r.first, r.end - 1);
                doc.text[s.start..s.end].to_string()
            })
        };
        attribute(&doc, &quotes)
            .into_iter()
            .map(|a| (text(a.speaker), text(a.cue)))
            .collect()
    }

    fn said(speaker: &str, cue: &str) -> (Option<String>, Option<String>) {
        (Some(speaker.to_string()), Some(cue.to_string()))
    }

    #[test]
    fn the_cue_after_the_quote() {
        assert_eq!(
            attributed("“We will win,” Kirby said."),
            [said("Kirby", "said")]
        );
        assert_eq!(
            attributed("“We will win,” said Kirby, a spokesman."),
            [said("Kirby", "said")]
        );
        // A question mark ends the sentence: the attribution opens the next one.
        assert_eq!(
            attributed("“Will we win?” Clinton said."),
            [said("Clinton", "said")]
        );
    }

    #[test]
    fn the_cue_before_the_quote() {
        assert_eq!(
            attributed("Kirby said: “We will win.”"),
            [said("Kirby", "said")]
        );
        assert_eq!(
            attributed("Kirby told reporters on Monday:\n\n“We will win.”"),
            [said("Kirby", "told")]
        );
    }

    #[test]
    fn a_transcript_label_and_a_loose_verb() {
        assert_eq!(
            attributed("\"WALLACE: Let's start with the news.\""),
            [said("WALLACE", ":")]
        );
        assert_eq!(
            attributed("“Go back,” Trump barked."),
            [said("Trump", "barked")]
        );
    }

    #[test]
    fn a_partial_quote_takes_the_cue_of_its_sentence() {
        assert_eq!(
            attributed("Sullivan said Pyongyang will “pay a price” for the test."),
            [said("Sullivan", "said")]
        );
    }

    #[test]
    fn an_unattributed_quote_continues_the_previous_speaker() {
        assert_eq!(
            attributed("“We will win,” Kirby said.\n\n“We will build it.”"),
            [said("Kirby", "said"), said("Kirby", "said")]
        );
    }
}
