//! Which way a bare weekday points, read from the tense of its own clause. A news article's
//! "Thursday" is the one just past when the clause is past ("officials said Thursday") and the
//! coming one when it is future or present ("will meet Thursday", "is meeting Thursday"), even
//! in a sentence whose other clause says otherwise ("will meet next month, officials said
//! Thursday"). No tagger: the verb group nearest the weekday, found by its words
//! (`tense_words.tsv`, `future_words.txt`, `past_forms.txt` and the -ed rule), decides.

use crate::words::marks::is_quote_mark;
use crate::words::{
    is_adverb, is_participle, ARTICLES, CLAUSE_BOUNDS, FUTURE_WORDS, NOT_PAST_FORMS, PAST_FORMS,
    TENSE_WORDS,
};

/// The way a weekday points from the article date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// The weekday on or before the article date.
    Past,
    /// The weekday on or after it.
    Future,
}

/// The tense of the clause holding the weekday at `i` of a sentence's lower-cased `words`:
/// its own clause, the verb before the weekday first, then the one after; then the next
/// clause ("On Thursday, the council will vote") and the earlier ones, the earlier first when
/// a joining word opens the weekday's clause. A present verb group counts only in the weekday's
/// own clause ("After Tuesday's loss, she is staggering" is no plan). `None` when no verb group
/// shows a tense.
pub fn of_weekday(words: &[&str], i: usize) -> Option<Tense> {
    let bound_after = |from: usize| {
        (from..words.len())
            .find(|&j| is_bound(words[j]))
            .unwrap_or(words.len())
    };
    let start = (0..i)
        .rev()
        .find(|&j| is_bound(words[j]))
        .map_or(0, |j| j + 1);
    let end = bound_after(i + 1);
    let next = (end..words.len())
        .find(|&j| !is_bound(words[j]))
        .unwrap_or(words.len());
    let own = |j: usize| match signal(words, j, start)? {
        Found::Past => Some(Tense::Past),
        Found::Present | Found::Future | Found::Modal => Some(Tense::Future),
    };
    let other = |j: usize, lo: usize| match signal(words, j, lo)? {
        Found::Past => Some(Tense::Past),
        Found::Present => None,
        Found::Future | Found::Modal => Some(Tense::Future),
    };
    let own_clause = (start..i)
        .rev()
        .find_map(own)
        .or_else(|| (i + 1..end).find_map(own));
    let next_clause = || (next..bound_after(next)).find_map(|j| other(j, next));
    let earlier = || (0..start).rev().find_map(|j| other(j, 0));
    // A clause joined by "and" continues the one before ("will meet Monday and Thursday"); one
    // after a comma is fronted ("On Thursday, the council will vote").
    if start > 0 && CLAUSE_BOUNDS.contains(&words[start - 1]) {
        own_clause.or_else(earlier).or_else(next_clause)
    } else {
        own_clause.or_else(next_clause).or_else(earlier)
    }
}

/// A token that ends a clause: punctuation, a quote mark or a clause-opening word. A hyphen is
/// not one: it also joins words ("co-founded").
fn is_bound(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–" | "--")
        || is_quote_mark(w)
        || CLAUSE_BOUNDS.contains(&w)
}

/// The tense a verb group shows. Present is kept apart: it reads as the future only in the
/// weekday's own clause. A modal is read into the future or the past by [`signal`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Found {
    Past,
    Present,
    Future,
    /// "could", "would": the future, but the past with "have".
    Modal,
}

/// How a word's tense reads.
enum Kind {
    /// An auxiliary, modal or phrase of `tense_words.tsv` ("will", "was", "plans to"), and where
    /// it starts.
    Auxiliary(Found, usize),
    /// A word inside a verb group with no tense of its own ("not", "been", an -ly adverb).
    Neutral,
    /// A main verb form whose auxiliaries, if any, decide: a past form, an -ing form (a tense only
    /// with an auxiliary: "is meeting"), a word of plans ("scheduled").
    Verb(Option<Found>),
}

/// The tense the verb group holding word `j` shows (`lo` is where its clause starts). The
/// group is the auxiliaries and toneless words around `j` and the main verb ending it; its first
/// auxiliary decides ("was expected" is past, "will be held" future), but a modal with "have"
/// is past ("could have won"), and a present auxiliary is present only with a verb ("is held",
/// "is meeting"), future with a word of plans ("is expected"), nothing on its own ("the vote
/// is Thursday"). With no auxiliary, the verb's own tense ("said", "scheduled").
fn signal(words: &[&str], j: usize, lo: usize) -> Option<Found> {
    let (mut first, mut last) = match kind(words, j, lo)? {
        Kind::Neutral => return None,
        Kind::Auxiliary(_, from) => (from, j),
        Kind::Verb(_) => (j, j),
    };
    while first > lo {
        match kind(words, first - 1, lo) {
            Some(Kind::Neutral) => first -= 1,
            Some(Kind::Auxiliary(_, from)) => first = from,
            _ => break,
        }
    }
    while !matches!(kind(words, last, lo), Some(Kind::Verb(_))) && last + 1 < words.len() {
        match kind(words, last + 1, lo) {
            Some(_) => last += 1,
            None => break,
        }
    }
    let (mut auxiliaries, mut verb) = (Vec::new(), None);
    for k in first..=last {
        match kind(words, k, lo) {
            Some(Kind::Auxiliary(t, _)) => auxiliaries.push(t),
            Some(Kind::Verb(t)) => verb = Some(t),
            _ => {}
        }
    }
    match auxiliaries.first() {
        Some(Found::Modal) if auxiliaries[1..].contains(&Found::Past) => Some(Found::Past),
        Some(Found::Modal) => Some(Found::Future),
        Some(Found::Present) if auxiliaries.contains(&Found::Future) => Some(Found::Future),
        Some(Found::Present) if verb == Some(Some(Found::Future)) => Some(Found::Future),
        Some(Found::Present) if verb.is_none() => None,
        Some(&t) => Some(t),
        None => verb.flatten(),
    }
}

fn kind(words: &[&str], j: usize, lo: usize) -> Option<Kind> {
    let w = words[j];
    let prev = if j > lo { words[j - 1] } else { "" };
    let listed = TENSE_WORDS.iter().find_map(|(phrase, tense)| match phrase {
        [one] if *one == w => Some((tense, j)),
        [first, second] if *first == prev && *second == w => Some((tense, j - 1)),
        _ => None,
    });
    if let Some((tense, from)) = listed {
        return Some(match *tense {
            "future" => Kind::Auxiliary(Found::Future, from),
            "modal" => Kind::Auxiliary(Found::Modal, from),
            "present" => Kind::Auxiliary(Found::Present, from),
            "past" => Kind::Auxiliary(Found::Past, from),
            _ => Kind::Neutral,
        });
    }
    if FUTURE_WORDS.contains(&w) {
        Some(Kind::Verb(Some(Found::Future)))
    } else if PAST_FORMS.contains(&w) || is_regular_past(w, prev) {
        Some(Kind::Verb(Some(Found::Past)))
    } else if is_participle(w) && w.len() > 4 {
        Some(Kind::Verb(None))
    } else if is_adverb(w) {
        Some(Kind::Neutral)
    } else {
        None
    }
}

/// A regular past form by its spelling (`voted`, `agreed`): -ed, not listed as something else
/// (`need`, `hundred`), and not an adjective after an article ("the proposed vote").
fn is_regular_past(w: &str, prev: &str) -> bool {
    w.len() > 3
        && w.ends_with("ed")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !NOT_PAST_FORMS.contains(&w)
        && !ARTICLES.contains(&prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tense of "Thursday" in `sentence` (tokens split on spaces).
    fn tense(sentence: &str) -> Option<Tense> {
        let lower = sentence.to_lowercase();
        let words: Vec<&str> = lower.split(' ').collect();
        let i = words
            .iter()
            .position(|w| *w == "thursday")
            .expect("Thursday");
        of_weekday(&words, i)
    }

    use Tense::{Future, Past};

    #[test]
    fn the_verb_before_the_weekday_decides() {
        assert_eq!(tense("officials said Thursday ."), Some(Past));
        assert_eq!(tense("they met Thursday ."), Some(Past));
        assert_eq!(tense("they went home Thursday ."), Some(Past));
        assert_eq!(tense("he agreed to a call Thursday ."), Some(Past));
        assert_eq!(tense("the council voted on Thursday ."), Some(Past));
        assert_eq!(tense("the council will meet on Thursday ."), Some(Future));
        assert_eq!(tense("we 'll meet Thursday ."), Some(Future));
        assert_eq!(tense("it wo n't meet Thursday ."), Some(Future));
        assert_eq!(tense("the vote is scheduled for Thursday ."), Some(Future));
        assert_eq!(tense("the senate plans to vote Thursday ."), Some(Future));
        assert_eq!(tense("they are going to vote Thursday ."), Some(Future));
        assert_eq!(tense("the council is meeting Thursday ."), Some(Future));
        assert_eq!(tense("the vote was set for Thursday ."), Some(Past));
        assert_eq!(
            tense("the vote was set to take place Thursday ."),
            Some(Past)
        );
        assert_eq!(
            tense("the vote is set to take place Thursday ."),
            Some(Future)
        );
        assert_eq!(tense("they have met daily since Thursday ."), Some(Past));
        // A present "is" on its own says nothing.
        assert_eq!(tense("the vote is Thursday ."), None);
    }

    #[test]
    fn auxiliaries_decide_for_the_main_verb() {
        assert_eq!(
            tense("the report will be released Thursday ."),
            Some(Future)
        );
        assert_eq!(
            tense("the bill will not be voted on Thursday ."),
            Some(Future)
        );
        assert_eq!(tense("a vote was expected Thursday ."), Some(Past));
        assert_eq!(tense("he was meeting them Thursday ."), Some(Past));
        assert_eq!(tense("the plan had been set for Thursday ."), Some(Past));
        assert_eq!(
            tense("the poll , taken Thursday , shows a lead ."),
            Some(Past)
        );
        // The present perfect reports what happened.
        assert_eq!(
            tense("polls have been conducted before Thursday 's vote ."),
            Some(Past)
        );
        // A modal with "have" looks back.
        assert_eq!(tense("he could have won Thursday ."), Some(Past));
        assert_eq!(
            tense("thursday 's debate could not have been more awkward ."),
            Some(Past)
        );
        assert_eq!(
            tense("the ad could hit the airwaves Thursday ."),
            Some(Future)
        );
        assert_eq!(tense("voters will have a chance Thursday ."), Some(Future));
        // An -ing word without an auxiliary is no verb group: read on.
        assert_eq!(tense("the meeting Thursday was calm ."), Some(Past));
        // "the proposed vote": an -ed word after an article is an adjective.
        assert_eq!(
            tense("the proposed vote Thursday will pass ."),
            Some(Future)
        );
    }

    #[test]
    fn the_weekday_reads_its_own_clause() {
        assert_eq!(
            tense("the minister will meet them next month , officials said Thursday ."),
            Some(Past)
        );
        assert_eq!(
            tense("officials said the council will vote Thursday ."),
            Some(Future)
        );
        assert_eq!(tense("thursday 's vote will decide it ."), Some(Future));
        assert_eq!(
            tense("the council met Monday and will vote Thursday ."),
            Some(Future)
        );
        assert_eq!(tense("“ we will win , ” he said Thursday ."), Some(Past));
        // A fronted weekday reads the clause after it.
        assert_eq!(tense("on Thursday , the council will vote ."), Some(Future));
        assert_eq!(
            tense("on Thursday , officials said it will rain ."),
            Some(Past)
        );
        // The present counts in the weekday's own clause only.
        assert_eq!(tense("after Thursday 's loss , she is staggering ."), None);
        assert_eq!(
            tense("she is staggering after Thursday 's loss ."),
            Some(Future)
        );
        // A weekday in a list reads the clause before.
        assert_eq!(
            tense("they will meet Monday , Tuesday and Thursday ."),
            Some(Future)
        );
        assert_eq!(
            tense("he will be in Kansas and Florida on Thursday , CNN reported ."),
            Some(Future)
        );
        assert_eq!(tense("rain on Thursday ."), None);
    }
}
