//! Subject noun phrases around a cue: who is doing the saying in `Kirby said`,
//! `Smith, a spokesperson for the agency, said`, `Rep. Gwen Moore (D-Wis.) said` and
//! `said Kirby, a spokesman`. Token-level heuristics; no parser needed.
//!
//! The patterns of [`super::speaker`] (direct quotes) and [`super::indirect`] (reported
//! speech) ask this module for subjects; it asks nothing of them.

use crate::text::doc::{Cue, Doc};
use crate::text::TokenRange;
use crate::words::marks::is_quote_mark;
use crate::words::{is_adverb, is_participle, is_possessive, is_pronoun, is_title, is_weekday};
use crate::words::{
    ARTICLES, CLAUSE_WORDS, COORDINATORS, PREPOSITIONS, SKIP_BEFORE_CUE, SUBJECT_TIME_WORDS,
};

/// How far back (tokens) from its closing comma an appositive may open: one with its own
/// phrases (`Smith, a spokesperson for the agency that runs the program,`). Past that, the
/// comma closes a clause, not an appositive.
const APPOSITIVE_REACH: usize = 28;

/// The longest parenthetical skipped after a name (tokens): `(D-Wis.)`, `(R-Ky., chairman)`.
const PARENTHETICAL: usize = 10;

/// A subject region longer than this (tokens) is a clause whose subject is at its end: only
/// its tail is kept, a name with its titles reaching back no further than this.
const LONG_SUBJECT: usize = 8;

/// Without a name at its end, a long subject region keeps its last three words (`the
/// agency's spokeswoman`).
const SUBJECT_TAIL_WORDS: usize = 3;

/// The longest phrase after an inverted cue (tokens): `said Kirby, a spokesman` takes a name
/// with its title, never a whole clause.
const NP_AFTER: usize = 10;

fn is_boundary_punct(w: &str) -> bool {
    matches!(
        w,
        "," | ";" | ":" | "(" | ")" | "—" | "–" | "--" | "[" | "]" | "." | "?" | "!"
    ) || is_quote_mark(w)
}

/// A word that may stand between a subject or quote and its cue without breaking the link
/// (`Kirby also said`, `“…,” Kirby told reporters Monday`): a listed filler, a weekday or a
/// lower-case adverb.
fn is_skippable(doc: &Doc, i: usize) -> bool {
    let w = doc.lower(i);
    SKIP_BEFORE_CUE.contains(&w) || is_weekday(w) || (is_adverb(w) && !doc.is_capitalised(i))
}

/// The subject noun phrase ending right before the cue at `cue`, not reaching before `lo`.
/// Handles appositives (`Smith, a spokesperson for the agency, said` → Smith).
pub fn subject_before(doc: &Doc, lo: usize, cue: usize) -> Option<TokenRange> {
    let mut j = cue;
    while j > lo && is_skippable(doc, j - 1) {
        j -= 1;
    }
    if j <= lo {
        return None;
    }
    if doc.token_text(j - 1) == "," {
        return appositive_head(doc, lo, j - 1);
    }
    subject_before_plain(doc, lo, j)
}

/// `NAME , APPOSITIVE ,` ending at the comma `comma`: returns NAME's range. Any short
/// appositive counts ("a spokesman", "25", "R-Ky.", "who runs the campaign").
fn appositive_head(doc: &Doc, lo: usize, comma: usize) -> Option<TokenRange> {
    let mut k = comma;
    while k > lo && comma - k < APPOSITIVE_REACH {
        k -= 1;
        let w = doc.token_text(k);
        if w == "," {
            return subject_before_plain(doc, lo, k);
        }
        if is_quote_mark(w) || matches!(w, "." | ";" | ":") || doc.cue(k).is_some() {
            return None;
        }
    }
    None
}

/// Skips a parenthetical ending right before `j` ("Rep. Gwen Moore (D-Wis.)"): returns the
/// index of its opening bracket, or `j`.
fn skip_parenthetical(doc: &Doc, lo: usize, j: usize) -> usize {
    if j == 0 || j <= lo || doc.token_text(j - 1) != ")" {
        return j;
    }
    (lo..j - 1)
        .rev()
        .take(PARENTHETICAL)
        .find(|&k| doc.token_text(k) == "(")
        .unwrap_or(j)
}

/// Like `subject_before` but without skipping adverbs or appositives.
fn subject_before_plain(doc: &Doc, lo: usize, j: usize) -> Option<TokenRange> {
    let j = skip_parenthetical(doc, lo, j);
    let mut b = j;
    while b > lo {
        if is_boundary_punct(doc.token_text(b - 1)) || CLAUSE_WORDS.contains(&doc.lower(b - 1)) {
            break;
        }
        b -= 1;
    }
    trim_phrase(doc, b, j)
}

/// Trims a candidate subject region to a plausible noun phrase: long regions keep their tail
/// (a name with its title or a determiner phrase); empty or function-word-only ones fail.
fn trim_phrase(doc: &Doc, mut b: usize, j: usize) -> Option<TokenRange> {
    if b >= j {
        return None;
    }
    if j - b > LONG_SUBJECT {
        // Keep the last capitalised run with its titles, or the last three words.
        let mut k = j;
        while k > b && (doc.is_capitalised(k - 1) || doc.token_text(k - 1) == "-") {
            k -= 1;
        }
        b = if k < j {
            k
        } else {
            j.saturating_sub(SUBJECT_TAIL_WORDS).max(b)
        };
        while b > 0 && j - b < LONG_SUBJECT && is_title(doc.token_text(b - 1)) {
            b -= 1;
        }
    }
    let last = doc.lower(j - 1);
    // A subject never opens with a preposition ("In August", "After the debate").
    let first = doc.lower(b);
    if PREPOSITIONS.contains(&first) && !SUBJECT_TIME_WORDS.contains(&first) {
        // "During the debate Trump said": keep the name or pronoun at the end.
        let mut k = j;
        while k > b + 1 && doc.is_capitalised(k - 1) {
            k -= 1;
        }
        if k < j && k > b + 1 {
            return Some(TokenRange::new(k, j));
        }
        if is_pronoun(doc.token_text(j - 1)) && j - 1 > b {
            return Some(TokenRange::new(j - 1, j));
        }
        return None;
    }
    if PREPOSITIONS.contains(&last) || ARTICLES.contains(&last) || is_possessive(last) {
        return None;
    }
    let has_word = (b..j).any(|i| doc.token_text(i).chars().any(char::is_alphabetic));
    has_word.then_some(TokenRange::new(b, j))
}

/// The noun phrase starting at `i` after an inverted cue (`said Kirby, a spokesman …`).
pub fn np_after(doc: &Doc, i: usize, hi: usize) -> Option<TokenRange> {
    let mut e = i;
    while e < hi && e - i < NP_AFTER {
        let w = doc.token_text(e);
        if is_boundary_punct(w)
            || CLAUSE_WORDS.contains(&doc.lower(e))
            || (e > i && PREPOSITIONS.contains(&w) && w != "of")
        {
            break;
        }
        e += 1;
    }
    if e == i {
        return None;
    }
    let first = doc.lower(i);
    if PREPOSITIONS.contains(&first) || first == "that" {
        return None;
    }
    Some(TokenRange::new(i, e))
}

/// Whether only skippable words (adverbs, weekdays, fillers) lie in `[a, b)`: a quote and a
/// cue `b` with only these between are linked (`“…,” Kirby later said`).
pub fn skippable_between(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).all(|k| is_skippable(doc, k))
}

/// The subject of an inverted cue ending at `cue_end`, after the lower-case fillers that may
/// follow it (`said on Monday Kirby` → Kirby, `said Kirby`).
pub fn speaker_after_cue(doc: &Doc, cue_end: usize, hi: usize) -> Option<TokenRange> {
    let mut i = cue_end;
    while i < hi && is_skippable(doc, i) && !doc.is_capitalised(i) {
        i += 1;
    }
    np_after(doc, i, hi)
}

/// `…, adding that …`: a participle cue after a comma takes the subject of the clause's
/// own cue (`Kirby said, adding` → Kirby).
pub fn participle_subject(doc: &Doc, lo: usize, cue: &Cue) -> Option<TokenRange> {
    let w = doc.token_text(cue.first);
    // Also a coordinated cue: "… and criticized the party's …" takes the clause's subject.
    let mut j = cue.first;
    while j > lo && is_skippable(doc, j - 1) {
        j -= 1;
    }
    let coordinated = j > lo && COORDINATORS.contains(&doc.token_text(j - 1));
    if coordinated {
        let mut c = j - 1;
        while c > lo {
            c -= 1;
            if doc.cue(c).is_some_and(|o| !o.according) {
                if let Some(s) = subject_before(doc, lo, c) {
                    return Some(s);
                }
            }
        }
        return None;
    }
    if !is_participle(w) || cue.first == 0 || doc.token_text(cue.first - 1) != "," {
        return None;
    }
    let mut c = cue.first - 1;
    while c > lo {
        c -= 1;
        if let Some(other) = doc.cue(c) {
            if other.according {
                continue;
            }
            if let Some(s) = subject_before(doc, lo, c) {
                return Some(s);
            }
            if c > lo && doc.is_quote_mark(c - 1) {
                // “…,” said Kirby, adding …
                let hi = cue.first - 1;
                return np_after(doc, c + 1, hi);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of token range `r`.
    fn text(doc: &Doc, r: Option<TokenRange>) -> Option<String> {
        r.map(|r| {
            let s = doc.span(r.first, r.end - 1);
            doc.text[s.start..s.end].to_string()
        })
    }

    /// The first token that reads `word`.
    fn at(doc: &Doc, word: &str) -> usize {
        (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == word)
            .expect(word)
    }

    /// The subject of the first cue `cue` in `sentence`.
    fn subject(sentence: &str, cue: &str) -> Option<String> {
        let doc = Doc::new(sentence, None);
        text(&doc, subject_before(&doc, 0, at(&doc, cue)))
    }

    #[test]
    fn the_subject_before_a_cue() {
        assert_eq!(
            subject("Kirby said it works.", "said").as_deref(),
            Some("Kirby")
        );
        // Adverbs and fillers between the subject and the cue are skipped.
        assert_eq!(
            subject("Kirby also reportedly said it works.", "said").as_deref(),
            Some("Kirby")
        );
        // An appositive set off by commas is skipped to its name.
        assert_eq!(
            subject(
                "Smith, a spokesperson for the agency, said it works.",
                "said"
            )
            .as_deref(),
            Some("Smith")
        );
        // A parenthetical after the name is left out.
        assert_eq!(
            subject("Rep. Gwen Moore (D-Wis.) said it works.", "said").as_deref(),
            Some("Rep. Gwen Moore")
        );
    }

    #[test]
    fn a_subject_never_opens_with_a_preposition_nor_ends_with_an_article() {
        assert_eq!(
            subject("During the debate Trump said it works.", "said").as_deref(),
            Some("Trump")
        );
        assert_eq!(subject("In the said it works.", "said"), None);
    }

    #[test]
    fn the_phrase_after_an_inverted_cue() {
        let doc = Doc::new("“It works,” said Kirby, a spokesman.", None);
        let cue = at(&doc, "said");
        let hi = doc.tokens.len();
        assert_eq!(
            text(&doc, np_after(&doc, cue + 1, hi)).as_deref(),
            Some("Kirby")
        );
        assert_eq!(
            text(&doc, speaker_after_cue(&doc, cue + 1, hi)).as_deref(),
            Some("Kirby")
        );
        assert!(skippable_between(&doc, cue, cue) && !skippable_between(&doc, cue, cue + 1));
    }

    #[test]
    fn a_participle_cue_takes_the_subject_of_the_clause_before() {
        let doc = Doc::new(
            "Kirby said the plan would work, adding that it was cheap.",
            None,
        );
        let cue = doc.cue(at(&doc, "adding")).expect("a cue");
        assert_eq!(
            text(&doc, participle_subject(&doc, 0, &cue)).as_deref(),
            Some("Kirby")
        );
        let doc = Doc::new(
            "Kirby said the plan would work and criticized the cost.",
            None,
        );
        let cue = doc.cue(at(&doc, "criticized")).expect("a cue");
        assert_eq!(
            text(&doc, participle_subject(&doc, 0, &cue)).as_deref(),
            Some("Kirby")
        );
    }
}
