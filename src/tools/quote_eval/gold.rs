//! Gold items for quote and speaker figures, read generously from PolNeAR's attributions.
//!
//! - direct: every content span that is exactly one quoted segment (the content is wholly
//!   between quote marks, with no writer's words between two quoted parts), whatever the
//!   record's `quote_type`; a quote continued after `she said` is two items, each with the
//!   record's source. Annotation slop is read generously: pieces of one record split at
//!   sentence ends are joined, a mark just outside the span counts, a paragraph of a quote
//!   running over several (no closing mark, the next paragraph reopens) counts, and so does a
//!   transcript turn (`"WALLACE: …` with the label as source).
//! - reported speech: records with content outside quote marks whose cue head word (first word
//!   that is not an auxiliary or adverb, as in `scripts/derive/cues.py`) is a speech cue
//!   (`cues::is_speech`, or "according to"); the item is that outside-quote content.

use crate::tools::polnear::{Attribution, GoldSpan};
use crate::words::cues;
use crate::words::marks::QUOTE_MARKS as MARKS;

/// One gold item: content spans (code points) and the source spans.
#[derive(Clone)]
pub(super) struct Item {
    pub(super) content: Vec<(usize, usize)>,
    pub(super) source: Vec<(usize, usize)>,
    pub(super) cue: String,
    /// The gold source is a pronoun or a role noun ("he", "the agency"), not a name.
    pub(super) source_unnamed: bool,
    /// Of those, one person the article nearly always names: "he", "she", "who", "the
    /// senator" (not "they", "officials" or "the poll", which often name nobody).
    pub(super) source_person: bool,
    /// The content starts before the cue ("The toll rose to 12, officials said.").
    pub(super) content_first: bool,
}

/// Whether a gold record is a statement: its cue head's act in `model/acts.tsv` (the act
/// table), or the shipped classifier's for a head the table lacks (a cue of dev or test), and
/// not denied ("did not respond").
fn is_statement(cue: &[GoldSpan]) -> bool {
    use crate::quotes::acts::{denies, Acts, Verbs};
    use crate::tools::acts::{head_lemma, labels};
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static LABELS: OnceLock<HashMap<String, (crate::schema::Act, bool)>> = OnceLock::new();
    let labels = LABELS.get_or_init(|| labels(include_str!("../../../model/acts.tsv")));
    let text: Vec<&str> = cue.iter().map(|c| c.text.as_str()).collect();
    let text = text.join(" ");
    !denies(&text)
        && match labels.get(&head_lemma(&text, Verbs::shipped())) {
            Some((act, _)) => act.is_statement(),
            None => Acts::shipped().classify(&text).is_statement(),
        }
}

/// A source that stands for one person: a singular personal or relative pronoun, or "the" and
/// one title or person noun ("the senator", "the candidate").
fn is_person_reference(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    match words.as_slice() {
        [w] => matches!(w.to_lowercase().as_str(), "he" | "she" | "who"),
        [the, noun] => {
            the.eq_ignore_ascii_case("the")
                && noun.starts_with(char::is_lowercase)
                && (crate::words::is_title(noun) || crate::words::PERSON_NOUNS.contains(noun))
        }
        _ => false,
    }
}

/// A source written as a pronoun or a role noun: no capitalised word but a leading pronoun or
/// determiner ("He", "The agency", "a spokeswoman for the campaign" is not: it names one).
fn is_pronoun_or_role(source: &str) -> bool {
    let mut words = source.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let lead = first.starts_with(char::is_lowercase)
        || crate::words::is_pronoun(first)
        || matches!(
            first,
            "The" | "A" | "An" | "This" | "That" | "Its" | "His" | "Her" | "Their"
        );
    lead && words.all(|w| !w.starts_with(char::is_uppercase))
}

/// Whether a content span is wholly a quotation: it is one of the record's quoted segments,
/// or it opens and closes with quote marks and has no double marks inside. Annotators
/// sometimes start or end the span just inside a mark, so the characters right outside the
/// span count too.
fn is_quoted(c: (usize, usize), r: &Attribution, text: &[char]) -> bool {
    let quoted = &r.quoted_segments;
    let (mut a, mut b) = (c.0.min(text.len()), c.1.min(text.len()));
    while a < b && text[a].is_whitespace() {
        a += 1;
    }
    while a < b && (text[b - 1].is_whitespace() || matches!(text[b - 1], '.' | ',')) {
        b -= 1;
    }
    let mark = |i: usize| text.get(i).is_some_and(|&ch| MARKS.contains(ch));
    let opens = (b > a && mark(a)) || (a > 0 && mark(a - 1)) || after_label(a, r, text);
    // A closing double mark followed later by an opening one inside means several quoted
    // segments with the writer's words between (`“A” the level of “B”`); a quote nested
    // inside (`"… “Shark Tank.” But …`) opens before it closes.
    let inner = doubled_as_one(text.get(a + 1..b.saturating_sub(1)).unwrap_or_default());
    let closes_at = inner.iter().enumerate().position(|(i, &ch)| {
        ch == '”' || (ch == '"' && inner.get(i + 1).is_none_or(|n| !n.is_alphanumeric()))
    });
    let one_segment = closes_at.is_none_or(|i| {
        !inner[i + 1..].iter().enumerate().any(|(j, &ch)| {
            ch == '“' || (ch == '"' && inner.get(i + j + 2).is_some_and(|n| n.is_alphanumeric()))
        })
    });
    // A paragraph of a quote running over several ends without a mark; the next reopens it.
    let ends_paragraph = text[c.1.min(text.len())..]
        .iter()
        .take_while(|&&ch| ch != '\n')
        .all(|ch| ch.is_whitespace() || matches!(ch, '.' | ',' | '!' | '?'))
        && text[c.1.min(text.len())..]
            .iter()
            .find(|ch| !ch.is_whitespace())
            .is_some_and(|&ch| MARKS.contains(ch));
    let closes = (b > a && mark(b - 1)) || mark(b) || mark(c.1) || ends_paragraph;
    (opens && closes && one_segment && b - a > 4)
        || quoted
            .iter()
            .any(|q| q.start.abs_diff(c.0) <= 1 && q.end.abs_diff(c.1) <= 2)
}

fn ends_with_mark(c: (usize, usize), text: &[char]) -> bool {
    text.get(c.0..c.1.min(text.len())).is_some_and(|t| {
        t.iter()
            .rev()
            .find(|ch| !ch.is_whitespace() && !matches!(ch, '.' | ','))
            .is_some_and(|&ch| MARKS.contains(ch))
    })
}

/// A record's content spans with neighbours separated only by white space joined when the
/// first does not end with a quote mark nor the second start with one: annotators split one
/// quotation at sentence ends, and a reader sees one quote.
fn joined_contents(r: &Attribution, text: &[char]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = r.content.iter().map(|c| (c.start, c.end)).collect();
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last)
                if last.1 <= s
                    && !ends_with_mark(*last, text)
                    && !text.get(s).is_some_and(|&ch| MARKS.contains(ch))
                    && text
                        .get(last.1..s.min(text.len()))
                        .is_some_and(|gap| gap.iter().all(|ch| ch.is_whitespace())) =>
            {
                last.1 = e
            }
            _ => out.push((s, e)),
        }
    }
    out
}

/// PTB-style `''` and ``` `` ``` as one `"` and `“`.
fn doubled_as_one(s: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match (s[i], s.get(i + 1)) {
            ('\'', Some('\'')) | ('`', Some('`')) => {
                out.push(if s[i] == '`' { '“' } else { '"' });
                i += 2;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A transcript turn, `"WALLACE: Let's start …`: between the opening mark that starts the
/// line and the content there is only the record's source and cue.
fn after_label(a: usize, r: &Attribution, text: &[char]) -> bool {
    let line_start = text[..a.min(text.len())]
        .iter()
        .rposition(|&ch| ch == '\n')
        .map_or(0, |i| i + 1);
    let mut rest: Vec<bool> = text[line_start..a.min(text.len())]
        .iter()
        .map(|ch| !ch.is_whitespace())
        .collect();
    for s in r.source.iter().chain(&r.cue) {
        for i in s.start.max(line_start)..s.end.min(a) {
            rest[i - line_start] = false;
        }
    }
    let first = text[line_start..a.min(text.len())]
        .iter()
        .position(|ch| !ch.is_whitespace());
    first.is_some_and(|f| {
        MARKS.contains(text[line_start + f]) && {
            rest[f] = false;
            !rest.iter().any(|&x| x)
        }
    })
}

/// Cue head word, as the derivation script defines it.
fn cue_head(text: &str) -> Option<String> {
    const SKIP: &[&str] = &[
        "has", "have", "had", "also", "is", "was", "are", "were", "be", "been", "being", "will",
        "would", "could", "can", "should", "may", "might", "did", "does", "do", "not", "then",
        "later", "first", "just", "once", "again", "further", "even", "still", "it", "as",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .find(|w| !(SKIP.contains(&w.as_str()) || crate::words::is_adverb(w)))
}

fn is_speech_cue(cue: &[GoldSpan]) -> bool {
    cue.iter()
        .any(|c| cue_head(&c.text).is_some_and(|h| h == "according" || cues::is_speech(&h)))
}

/// Gold items of one document.
#[derive(Default)]
pub(super) struct Gold {
    /// Direct quotes.
    pub(super) direct: Vec<Item>,
    /// Reported speech with a speech cue (`cues::is_speech`).
    pub(super) reported: Vec<Item>,
    /// Every reported content, whatever its act.
    pub(super) any: Vec<Item>,
    /// Reported content whose act is a statement (the act table's): what a quote is.
    pub(super) statements: Vec<Item>,
}

pub(super) fn gold_items(records: &[Attribution], text: &[char]) -> Gold {
    let mut gold = Gold::default();
    for r in records {
        let source: Vec<(usize, usize)> = r.source.iter().map(|s| (s.start, s.end)).collect();
        let cue = r.cue.first().map_or(String::new(), |c| c.text.clone());
        let source_text: Option<String> = r.source.first().map(|s| {
            text[s.start.min(text.len())..s.end.min(text.len())]
                .iter()
                .collect()
        });
        let source_unnamed = source_text.as_deref().is_some_and(is_pronoun_or_role);
        let source_person = source_text.as_deref().is_some_and(is_person_reference);
        let mut rest = Vec::new();
        let cue_start = r.cue.first().map_or(usize::MAX, |c| c.start);
        for c in joined_contents(r, text) {
            if is_quoted(c, r, text) {
                gold.direct.push(Item {
                    content: vec![c],
                    source: source.clone(),
                    cue: cue.clone(),
                    source_unnamed,
                    source_person,
                    content_first: c.0 < cue_start,
                });
            } else {
                rest.push(c);
            }
        }
        if !rest.is_empty() {
            let item = Item {
                content_first: rest[0].0 < cue_start,
                content: rest,
                source,
                cue,
                source_unnamed,
                source_person,
            };
            if is_speech_cue(&r.cue) {
                gold.reported.push(item.clone());
            }
            if is_statement(&r.cue) {
                gold.statements.push(item.clone());
            }
            gold.any.push(item);
        }
    }
    gold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_references_are_a_subset_of_pronouns_and_roles() {
        for one in ["he", "She", "who", "the senator", "The spokeswoman"] {
            assert!(is_person_reference(one), "{one}");
            assert!(is_pronoun_or_role(one), "{one}");
        }
        for not in [
            "they",
            "officials",
            "the poll",
            "the campaign",
            "Senator Smith",
        ] {
            assert!(!is_person_reference(not), "{not}");
        }
    }
}
