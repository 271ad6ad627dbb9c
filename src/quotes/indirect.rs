//! Reported speech without quote marks: `Kirby said U.S. officials are monitoring …`,
//! `…, adding that the White House will …`, `U.S. officials are monitoring …, Kirby said.`
//! and `According to Kirby, …`. Each becomes an `indirect` quote with content, cue and speaker.
//!
//! What ships: these rules complete the learned tagger's reported speech (`fill_from_rules` in
//! [`super`]): a source the tagger missed, a content it missed altogether. Alone, without the
//! tagger, they are the ablation's baseline. [`Reported`] and [`mostly_quoted`] serve the
//! tagger's reported speech too.

use super::subject::{np_after, participle_subject, subject_before};
use crate::schema::Span;
use crate::text::doc::Cue;
use crate::text::doc::Doc;
use crate::text::is_capitalised;
use crate::text::TokenRange;
use crate::words::cues as cue_words;
use crate::words::marks::{is_opening_mark, is_quote_mark, UNAMBIGUOUS_OPENERS};
use crate::words::{is_adverb, is_indefinite_article, is_participle, is_pronoun, is_weekday};
use crate::words::{
    BEFORE_SECOND_CUE, CLAUSAL_CUES, CLAUSE_OPENERS, COORDINATORS, NOT_OBJECT_OPENERS, OBJECT_ENDS,
    QUESTION_WORDS, SIDE_CLAUSE_WORDS,
};
use crate::words::{CIRCUMSTANCE_PREPOSITIONS, PARTICLES, PLAIN_STOPS};

/// A reported-speech item in token terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    pub content: TokenRange,
    pub speaker: Option<TokenRange>,
    pub cue: TokenRange,
}

/// The shortest reported content (tokens): `said it would`, not `said so`.
const MIN_CONTENT: usize = 3;
/// The shortest object read as content (tokens): `called for a moratorium`; a bare listener
/// or object (`told the crowd`, `told The Huffington Post`) is shorter.
const OBJECT_MIN: usize = 4;

/// After `CONTENT, Kirby said` only a short tail may end the sentence (tokens): `on Friday`,
/// `in a statement to reporters`. A longer one is a clause of its own.
const SHORT_TAIL: usize = 6;

/// How far after a cue (tokens) a `that` opens its content: `said in a statement on Monday
/// that …`. Further on, `that` belongs to a phrase of the content.
const THAT_REACH: usize = 9;

/// How far after `asked` (tokens) the question word may stand: `asked the president whether`.
const QUESTION_REACH: usize = 5;

/// A cue form read as a cue this often (its PolNeAR train ratio) takes any word after it as
/// content (`said Pyongyang will …`), not only a clause opener.
const LOOSE_CUE_RATIO: f32 = 0.8;

fn is_end_punct(w: &str) -> bool {
    matches!(w, "." | "?" | "!" | "…" | "..." | ";" | ":") || is_quote_mark(w) || w == ")"
}

/// A word that cannot open reported content right after the cue (`said in`, `said Monday`).
fn plain_stop(lower: &str) -> bool {
    PLAIN_STOPS.contains(&lower) || is_weekday(lower)
}

/// Words that can start reported content right after the cue.
fn starts_clause(doc: &Doc, i: usize) -> bool {
    let w = doc.token_text(i);
    doc.is_capitalised(i)
        || is_pronoun(w)
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || CLAUSE_OPENERS.contains(&doc.lower(i))
}

/// Finds reported speech in every sentence, skipping content that is mostly quoted
/// (`quoted`: byte spans of direct and partial quotes).
pub fn find(doc: &Doc, quoted: &[Span]) -> Vec<Reported> {
    let mut out = Vec::new();
    for s in &doc.sentences {
        let (lo, hi) = (s.first, s.end);
        let mut c = lo;
        while c < hi {
            let Some(cue) = doc.cue(c) else {
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
                c = r.content.end.max(cue.end);
            } else {
                c = cue.end;
            }
        }
    }
    out
}

/// Whether token `i` lies inside one of `spans` (sorted, disjoint).
fn in_spans(doc: &Doc, i: usize, spans: &[Span]) -> bool {
    let t = doc.tokens[i];
    let k = spans.partition_point(|s| s.start <= t.start);
    k > 0 && t.end <= spans[k - 1].end
}

pub(super) fn mostly_quoted(doc: &Doc, r: TokenRange, quoted: &[Span]) -> bool {
    let span = doc.span(r.first, r.end - 1);
    // `quoted` is sorted and disjoint: only the spans from the first ending after `span` starts.
    let from = quoted.partition_point(|q| q.end <= span.start);
    let covered: usize = quoted[from..]
        .iter()
        .take_while(|q| q.start < span.end)
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
        if w == "," && i + 1 < hi && doc.token_text(i + 1) == "which" {
            return i;
        }
        if w == "," && i + 1 < hi {
            // ", adding that …" / ", he said" / ", according to …" start another attribution.
            let next = doc.cue(i + 1);
            let attrib_follows = next.is_some()
                || (i + 2 < hi
                    && doc.cue(i + 2).is_some_and(|c| !c.according)
                    && (is_pronoun(doc.token_text(i + 1)) || doc.is_capitalised(i + 1)));
            if attrib_follows {
                return i;
            }
        }
        if matches!(w, ";") {
            return i;
        }
        // "… and predicted that …" / "…, and called him …": the same speaker's next cue.
        if COORDINATORS.contains(&w) && i > a && i + 1 < hi {
            let mut k = i + 1;
            if k < hi && BEFORE_SECOND_CUE.contains(&doc.token_text(k)) {
                k += 1;
            }
            let next_cue = k < hi
                && doc.cue(k).is_some_and(|c| !c.according)
                && (doc.token_text(k).ends_with("ed") || doc.token_text(k).ends_with('s'));
            let pronoun_cue = k + 1 < hi
                && is_pronoun(doc.token_text(k))
                && doc.cue(k + 1).is_some_and(|c| !c.according);
            if next_cue || pronoun_cue {
                return trim_end(doc, a, i);
            }
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
                    content: TokenRange::new(a, b),
                    speaker: Some(speaker),
                    cue: cue.tokens(),
                });
            }
        }
    }
    // Object content: `Warren called Wells Fargo's behavior “outrageous”`, `called for a
    // moratorium`, `cited …`, `told his advisers to …` — the object up to the clause's end.
    if let Some(speaker) = subject {
        let clausal = CLAUSAL_CUES.contains(&word.to_lowercase().as_str());
        if !clausal
            && cue_words::is_speech(word)
            && !matches!(doc.token_text(cue.end.min(hi.saturating_sub(1))), "," | ":")
        {
            if let Some(r) = object_content(doc, cue, hi) {
                return Some(Reported {
                    content: r,
                    speaker: Some(speaker),
                    cue: cue.tokens(),
                });
            }
        }
    }
    // Backward: `CONTENT, Kirby said.` / `CONTENT, said Kirby.`
    if !cue_words::is_speech(word) {
        return None;
    }
    // After the cue only a short tail ("on Friday", "in a statement") or a comma opening a
    // side clause (", adding …", ", as …") may follow.
    let tail_ok = |from: usize| {
        let rest = trim_end(doc, from, hi);
        if rest <= from + SHORT_TAIL && !(from..rest).any(|i| doc.token_text(i) == "that") {
            return true;
        }
        let comma = (from..rest.min(from + SHORT_TAIL + 1)).find(|&i| doc.token_text(i) == ",");
        comma.is_some_and(|k| {
            let next = k + 1;
            next < hi
                && (doc.cue(next).is_some() || SIDE_CLAUSE_WORDS.contains(&doc.token_text(next)))
        })
    };
    // `…,” Kirby said` too: closing quote marks may sit between the comma and the speaker.
    let comma_before = |mut at: usize| {
        while at > lo + 1 && doc.is_quote_mark(at - 1) {
            at -= 1;
        }
        at > lo && doc.token_text(at - 1) == ","
    };
    let own_attribution = |a: usize, b: usize| {
        (a + 1..b).any(|k| {
            doc.cue(k).is_some_and(|c| !c.according)
                && cue_words::is_speech(doc.token_text(k))
                && (is_pronoun(doc.token_text(k - 1)) || doc.is_capitalised(k - 1))
        })
    };
    // Inverted: `, said Kirby.`
    if comma_before(c) {
        if let Some(sp) = np_after(doc, cue.end, hi) {
            // `, says Paul Rieckhoff, founder and CEO of …`: an appositive may follow.
            let appositive = sp.end < hi && doc.token_text(sp.end) == ",";
            if (tail_ok(sp.end) || appositive) && sp.end > sp.first {
                let b = trim_end(doc, lo, c - 1);
                let a = content_first(doc, lo, b);
                let opens_quote = is_opening_mark(doc.token_text(a));
                if b >= a + MIN_CONTENT && !own_attribution(a, b) && !opens_quote {
                    return Some(Reported {
                        content: TokenRange::new(a, b),
                        speaker: Some(sp),
                        cue: cue.tokens(),
                    });
                }
            }
        }
        return None;
    }
    let sp = subject_before(doc, lo, c)?;
    if !comma_before(sp.first) {
        return None;
    }
    let b = trim_end(doc, lo, sp.first);
    let a = content_first(doc, lo, b);
    // A sentence opening with a quote mark is a direct quotation, not reported speech.
    let opens_quote = is_opening_mark(doc.token_text(a));
    if b < a + MIN_CONTENT || own_attribution(a, b) || opens_quote {
        return None;
    }
    if tail_ok(cue.end) {
        return Some(Reported {
            content: TokenRange::new(a, b),
            speaker: Some(sp),
            cue: cue.tokens(),
        });
    }
    // Interrupted: `The museum, Mr. Bush said, celebrated …` — the content is the sentence
    // around the attribution.
    if cue.end + 1 < hi && doc.token_text(cue.end) == "," && starts_clause_or_word(doc, cue.end + 1)
    {
        let end = content_end(doc, cue.end + 1, hi);
        if end > cue.end + 1 {
            return Some(Reported {
                content: TokenRange::new(a, end),
                speaker: Some(sp),
                cue: cue.tokens(),
            });
        }
    }
    None
}

/// The object of a cue as content: from after the cue (and its particle) to a comma, the
/// sentence end or a trailing circumstance ("in a statement", "during the debate").
fn object_content(doc: &Doc, cue: &Cue, hi: usize) -> Option<TokenRange> {
    let mut a = cue.end;
    if a < hi && PARTICLES.contains(&doc.token_text(a)) {
        a += 1;
    }
    if a >= hi || !starts_object(doc, a) {
        return None;
    }
    let mut b = a;
    while b < hi {
        let w = doc.token_text(b);
        let next = if b + 1 < hi {
            doc.token_text(b + 1)
        } else {
            ""
        };
        let circumstance = CIRCUMSTANCE_PREPOSITIONS.contains(&w)
            && (is_indefinite_article(next) || next.ends_with("day") && is_capitalised(next));
        if matches!(w, "," | ";" | "—" | "–" | "--" | "―" | ":" | "(")
            || OBJECT_ENDS.contains(&w)
            || circumstance
            || (w == "and" && (is_pronoun(next) || doc.cue(b + 1).is_some()))
        {
            break;
        }
        b += 1;
    }
    let b = trim_end(doc, a, b);
    // A bare listener or object ("told the crowd", "told The Huffington Post") is not content.
    (b >= a + OBJECT_MIN).then_some(TokenRange::new(a, b))
}

fn starts_object(doc: &Doc, i: usize) -> bool {
    let w = doc.token_text(i);
    let l = doc.lower(i);
    w.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '$' || UNAMBIGUOUS_OPENERS.contains(c))
        && !NOT_OBJECT_OPENERS.contains(&l)
        && !is_adverb(l)
        && doc.cue(i).is_none()
}

fn starts_clause_or_word(doc: &Doc, i: usize) -> bool {
    let w = doc.token_text(i);
    w.chars().next().is_some_and(char::is_alphanumeric) && doc.cue(i).is_none()
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
    // Only verbs of telling put a listener before "that"; after "attacked loopholes that …"
    // the "that" is a relative pronoun.
    let reach = if cue_words::takes_listener(cue_word) && !cue_words::tells(cue_word) {
        1
    } else {
        THAT_REACH
    };
    for k in i..hi.min(i + reach) {
        let w = doc.token_text(k);
        if w.eq_ignore_ascii_case("that") {
            if k + 2 < hi {
                return Some(k + 1);
            }
            break;
        }
        // "says he introduced legislation to accomplish that": a subject already started.
        if matches!(w, "," | "." | ";" | ":" | "—" | "–") || is_quote_mark(w) || is_pronoun(w) {
            break;
        }
    }
    if i >= hi {
        return None;
    }
    // "asked (the president) whether …": an embedded question is the content.
    if cue_words::takes_listener(cue_word) || cue_word.eq_ignore_ascii_case("wondered") {
        return (i..hi.min(i + QUESTION_REACH))
            .take_while(|&k| {
                !matches!(doc.token_text(k), "," | "." | ";" | ":") && !doc.is_quote_mark(k)
            })
            .find(|&k| QUESTION_WORDS.contains(&doc.lower(k)))
            .filter(|&k| k + 2 < hi);
    }
    if !cue_words::is_speech(cue_word) {
        return None;
    }
    let w = doc.token_text(i);
    if w == "," && i + 1 < hi && !doc.is_quote_mark(i + 1) && is_participle(cue_word) {
        return None;
    }
    let loose = cue_words::lookup(cue_word).is_some_and(|c| c.ratio >= LOOSE_CUE_RATIO);
    let ok = starts_clause(doc, i)
        || (loose
            && w.chars().next().is_some_and(char::is_alphabetic)
            && !plain_stop(doc.lower(i))
            && !is_adverb(w)
            && doc.cue(i).is_none());
    ok.then_some(i)
}

/// `According to Kirby, CONTENT.` and `CONTENT, according to Kirby.`
fn according(doc: &Doc, lo: usize, hi: usize, cue: &Cue) -> Option<Reported> {
    let sp = np_after(doc, cue.end, hi)?;
    let cue_r = cue.tokens();
    if cue.first == lo
        || (cue.first == lo + 1 && !doc.token_text(lo).chars().any(char::is_alphanumeric))
    {
        // Speaker phrase runs to the comma.
        let comma = (sp.end..hi).find(|&k| doc.token_text(k) == ",")?;
        let a = comma + 1;
        let b = content_end(doc, a, hi);
        return (b >= a + MIN_CONTENT).then_some(Reported {
            content: TokenRange::new(a, b),
            speaker: Some(sp),
            cue: cue_r,
        });
    }
    if cue.first <= lo + MIN_CONTENT {
        return None;
    }
    let a = content_first(doc, lo, cue.first);
    if is_opening_mark(doc.token_text(a)) {
        return None; // a direct quotation
    }
    // `A, according to X, B.`: the content surrounds the attribution.
    if sp.end + 1 < hi && doc.token_text(sp.end) == "," && doc.token_text(cue.first - 1) == "," {
        let b = content_end(doc, sp.end + 1, hi);
        if b >= sp.end + 1 + MIN_CONTENT {
            return Some(Reported {
                content: TokenRange::new(a, b),
                speaker: Some(sp),
                cue: cue_r,
            });
        }
    }
    // `CONTENT, according to X.` (the comma is often left out).
    let b = trim_end(doc, lo, cue.first);
    (b >= a + MIN_CONTENT).then_some(Reported {
        content: TokenRange::new(a, b),
        speaker: Some(sp),
        cue: cue_r,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reported speech the rules find in `t`: content, speaker and cue as written.
    fn reported(t: &str) -> Vec<(String, Option<String>, String)> {
        let doc = Doc::new(t, None);
        let text = |r: TokenRange| {
            let s = doc.span(r.first, r.end - 1);
            doc.text[s.start..s.end].to_string()
        };
        find(&doc, &[])
            .into_iter()
            .map(|r| (text(r.content), r.speaker.map(text), text(r.cue)))
            .collect()
    }

    fn item(content: &str, speaker: &str, cue: &str) -> (String, Option<String>, String) {
        (content.into(), Some(speaker.into()), cue.into())
    }

    const CONTENT: &str = "officials are monitoring the situation";

    #[test]
    fn the_content_after_the_cue() {
        assert_eq!(
            reported("Kirby said officials are monitoring the situation."),
            [item(CONTENT, "Kirby", "said")]
        );
        assert_eq!(
            reported("Kirby said in a statement that officials are monitoring the situation."),
            [item(CONTENT, "Kirby", "said")]
        );
    }

    #[test]
    fn the_content_before_the_cue() {
        assert_eq!(
            reported("Officials are monitoring the situation, Kirby said."),
            [item(
                "Officials are monitoring the situation",
                "Kirby",
                "said"
            )]
        );
        assert_eq!(
            reported("Officials are monitoring the situation, said Kirby."),
            [item(
                "Officials are monitoring the situation",
                "Kirby",
                "said"
            )]
        );
    }

    #[test]
    fn according_to_a_source() {
        assert_eq!(
            reported("According to Kirby, officials are monitoring the situation."),
            [item(CONTENT, "Kirby", "According to")]
        );
        assert_eq!(
            reported("Officials are monitoring the situation, according to Kirby."),
            [item(
                "Officials are monitoring the situation",
                "Kirby",
                "according to"
            )]
        );
    }

    #[test]
    fn a_second_cue_of_the_same_speaker_starts_a_second_item() {
        assert_eq!(
            reported("Kirby said the plan would work, adding that it was cheap to run."),
            [
                item("the plan would work", "Kirby", "said"),
                item("it was cheap to run", "Kirby", "adding")
            ]
        );
    }

    #[test]
    fn the_object_of_a_cue_is_content_up_to_a_circumstance() {
        // The cue's particle (`for`) is left out.
        assert_eq!(
            reported("Warren called for a moratorium on new loans during the debate."),
            [item("a moratorium on new loans", "Warren", "called")]
        );
        // A bare listener is no content.
        assert_eq!(reported("Warren told the crowd."), []);
    }

    #[test]
    fn content_mostly_inside_a_direct_quote_is_that_quote() {
        let t = "Kirby said “officials are monitoring the situation” today.";
        let doc = Doc::new(t, None);
        let open = t.find('“').unwrap();
        let close = t.find('”').unwrap() + '”'.len_utf8();
        let quoted = [Span::new(open, close)];
        let content = TokenRange::new(2, doc.tokens.len() - 1);
        assert!(mostly_quoted(&doc, content, &quoted));
        assert!(!mostly_quoted(&doc, content, &[]));
        assert_eq!(find(&doc, &quoted), []);
    }
}
