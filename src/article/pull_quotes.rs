//! Pull quotes: a short one-sentence paragraph whose words repeat, in order, part of a longer
//! body paragraph (`"We will not back down."` set apart, from `"We will not back down," the
//! premier said on Tuesday.`). It is marked boilerplate so its quote is counted once, where the
//! article reports it. A pull quote in quote marks needs four words; one without needs eight and
//! is no question: in transcripts and blogs, short replies, questions and titles (`What do you
//! mean?`, `Thank you very much.`) repeat inside longer paragraphs (raw OntoNotes dev: the two
//! rules keep 25 such sentences as body; 9 repeated paragraphs stay dimmed).
//!
//! Why this way: every body paragraph's normalised words (lower case, letters and digits only)
//! are hashed, and each word 4-gram keeps up to `KEPT` places; a candidate is checked at the
//! places of its rarest 4-gram only. Time and memory stay linear in the article, however often a
//! phrase repeats (`lede bench --hostile`).

use std::collections::HashMap;

use crate::schema::{Paragraph, ParagraphKind};
use crate::words::marks::OPENING_MARKS;

/// A pull quote in quote marks has at least this many words …
const MIN_WORDS: usize = 4;
/// … one without them at least this many …
const MIN_BARE_WORDS: usize = 8;
/// … and at most this many.
const MAX_WORDS: usize = 30;
/// The n-gram the repeat is found by; at most `MIN_WORDS`.
const N: usize = 4;
/// Places kept per n-gram; a candidate whose n-grams all occur more often is left alone.
const KEPT: usize = 4;

/// Marks body paragraphs that repeat part of a longer body paragraph as boilerplate.
pub fn mark(text: &str, paragraphs: &mut [Paragraph]) {
    // Word hashes of each body paragraph: (paragraph index, range in `words`).
    let mut words: Vec<u64> = Vec::new();
    let mut bodies: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if p.kind == ParagraphKind::Body {
            let from = words.len();
            words.extend(word_hashes(&text[p.start..p.end]));
            bodies.push((i, from..words.len()));
        }
    }
    // Each n-gram: how often it occurs and its first places (body number, word offset).
    let mut grams: HashMap<u64, (usize, Vec<(usize, usize)>)> = HashMap::new();
    for (b, (_, r)) in bodies.iter().enumerate() {
        for at in r.start..(r.end + 1).saturating_sub(N).max(r.start) {
            let entry = grams.entry(gram(&words[at..at + N])).or_default();
            entry.0 += 1;
            if entry.1.len() < KEPT {
                entry.1.push((b, at));
            }
        }
    }
    let mut pulled = Vec::new();
    for (b, (i, r)) in bodies.iter().enumerate() {
        let len = r.len();
        let p = &paragraphs[*i];
        let par = text[p.start..p.end].trim();
        let quoted = par.starts_with(|c| OPENING_MARKS.contains(c));
        let min = if quoted { MIN_WORDS } else { MIN_BARE_WORDS };
        if !(min..=MAX_WORDS).contains(&len) || !quoted && par.ends_with('?') || !one_sentence(par)
        {
            continue;
        }
        let cand = &words[r.clone()];
        // The rarest n-gram of the candidate and its offset in it.
        let Some((k, places)) = (0..=len - N)
            .map(|k| (k, &grams[&gram(&cand[k..k + N])]))
            .min_by_key(|(_, (count, _))| *count)
            .filter(|(_, (count, _))| *count <= KEPT)
            .map(|(k, (_, places))| (k, places))
        else {
            continue;
        };
        let repeated = places.iter().any(|&(ob, at)| {
            let other = &bodies[ob].1;
            ob != b
                && other.len() > len
                && at >= other.start + k
                && at - k + len <= other.end
                && words[at - k..at - k + len] == *cand
        });
        if repeated {
            pulled.push(*i);
        }
    }
    for i in pulled {
        paragraphs[i].kind = ParagraphKind::Boilerplate;
    }
}

/// FNV-1a hashes of the paragraph's words: runs of letters and digits, lower case; apostrophes
/// inside a word are dropped (`don't` → `dont`), so straight and curly ones match.
fn word_hashes(s: &str) -> impl Iterator<Item = u64> + '_ {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut chars = s.chars().peekable();
    std::iter::from_fn(move || {
        while chars.peek().is_some_and(|c| !c.is_alphanumeric()) {
            chars.next();
        }
        chars.peek()?;
        let mut h = OFFSET;
        while let Some(&c) = chars.peek() {
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    h = (h ^ l as u64).wrapping_mul(PRIME);
                }
            } else if !matches!(c, '\'' | '’') {
                break;
            }
            chars.next();
        }
        Some(h)
    })
}

fn gram(ws: &[u64]) -> u64 {
    ws.iter().fold(0x9e37_79b9_7f4a_7c15, |h, &w| {
        (h.rotate_left(5) ^ w).wrapping_mul(0x0100_0000_01b3)
    })
}

/// No sentence ends inside: no `.`, `!` or `?` (with closing quotes) followed by a blank and a
/// capital or an opening quote before the end.
fn one_sentence(s: &str) -> bool {
    let b: Vec<char> = s.trim().chars().collect();
    for i in 0..b.len() {
        if !matches!(b[i], '.' | '!' | '?') {
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], '"' | '”' | '’' | '\'' | ')') {
            j += 1;
        }
        if j < b.len() && b[j].is_whitespace() {
            while j < b.len() && b[j].is_whitespace() {
                j += 1;
            }
            if j < b.len() && (b[j].is_uppercase() || matches!(b[j], '"' | '“' | '‘')) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::ParagraphKind::*;

    /// The kinds after marking the paragraphs of `pars` (all body).
    fn kinds(pars: &[&str]) -> Vec<ParagraphKind> {
        let text = pars.join("\n\n");
        let mut ps = Vec::new();
        let mut at = 0;
        for p in pars {
            ps.push(Paragraph {
                start: at,
                end: at + p.len(),
                kind: Body,
            });
            at += p.len() + 2;
        }
        mark(&text, &mut ps);
        ps.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn a_repeated_sentence_is_a_pull_quote() {
        assert_eq!(
            kinds(&[
                "The premier spoke in Halifax on Tuesday.",
                "“We will not back down from this fight.”",
                "\"We will not back down from this fight,\" she said, adding that talks go on.",
            ]),
            [Body, Boilerplate, Body]
        );
        // Part of a sentence, with other quote marks and apostrophes.
        assert_eq!(
            kinds(&[
                "He said the plan 'won't survive the winter' and left.",
                "‘Won’t survive the winter’",
            ]),
            [Body, Boilerplate]
        );
    }

    #[test]
    fn ordinary_paragraphs_stay_body() {
        // Too short (three words; four to seven without quote marks; a bare question), two
        // sentences, not repeated, the same length (which is the copy?).
        assert_eq!(
            kinds(&[
                "It was over.",
                "Thank you very much.",
                "Do you really think that we should all go home?",
                "It was over, she said. Thank you very much. Do you really think that we should all go home, sir?",
                "We will win. They said so in Ottawa.",
                "We will win. They said so in Ottawa, and in Toronto.",
                "The vote passed easily on Monday.",
                "The vote passed easily on Monday.",
                "Nobody repeated this sentence anywhere else.",
            ]),
            [Body; 9]
        );
    }

    #[test]
    fn a_phrase_repeated_everywhere_stays_linear_and_unmarked() {
        let pars: Vec<&str> = std::iter::repeat_n("we will win the vote and more", 2000).collect();
        assert!(kinds(&pars).iter().all(|k| *k == Body));
    }

    #[test]
    fn words_ignore_case_quotes_and_apostrophes() {
        let a: Vec<_> = word_hashes("“Don’t GO,” he said").collect();
        let b: Vec<_> = word_hashes("\"don't go\" he said.").collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
    }
}
