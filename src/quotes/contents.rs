//! Candidate contents between quote marks: the spans the marks pair (`text::quote_marks`, read once by the Doc) as quotes,
//! and whether each is a whole utterance (`direct`) or a phrase inside the writer's own sentence
//! (`partial`), a title, a term.

use crate::schema::{Quote, QuoteKind, Span};
use crate::text::doc::Doc;
use crate::words::cues as cue_words;
use crate::words::marks::is_quote_char;
use crate::words::{JOINING_WORDS, RUN_ON_WORDS, WORK_NOUNS};

/// Finds direct and partial quotations. Returns the quotes and how many marks were unbalanced.
pub fn find(doc: &Doc) -> (Vec<Quote>, usize) {
    let pairing = &doc.quotations;
    let quotes = pairing
        .spans
        .iter()
        .map(|&span| {
            let text = doc.text[span.start..span.end].to_string();
            Quote::unattributed(span.start, span.end, text, kind_of(doc.text, span))
        })
        .collect();
    (quotes, pairing.unbalanced)
}

/// Spaces within a line around a quote (a line break is kept: it ends a paragraph).
const SPACES: [char; 3] = [' ', '\t', '\u{a0}'];

/// Direct: the quote opens its sentence (`“…,” he said`), follows a colon or comma
/// (`said: “…”`), or is a long capitalised clause. Partial: a phrase embedded in the writer's
/// clause (`will “pay a price” if`, `rated it “true.”`), whatever punctuation it carries —
/// also a whole clause the writer's sentence runs on from (`“…” for second place`,
/// `because “…”`), and a short title in title case (`‘Thousands of Shootings’`).
pub fn kind_of(text: &str, span: Span) -> QuoteKind {
    let quoted = &text[span.start..span.end];
    let inner = quoted.trim_matches(is_quote_char).trim();
    // U+FFFD stands for input that could not be read (a lone surrogate, a bad byte): no text.
    let before = text[..span.start].trim_end_matches(|c| SPACES.contains(&c) || c == '\u{fffd}');
    let after = text[span.end..].trim_start_matches(SPACES);
    let opens_sentence = before
        .chars()
        .next_back()
        .is_none_or(|c| "\n.!?”\"’')".contains(c));
    // After a comma, a lower-case quote continues the writer's clause (`that if elected,
    // “she would sign …”`) unless a verb of saying introduces it (`adding, “and …”`).
    let after_intro = before.ends_with(':')
        || (before.ends_with(',')
            && (!inner.starts_with(char::is_lowercase)
                || cue_words::is_speech(&last_word(before.trim_end_matches(',')))
                || resumes_split_quote(before)));
    // A whole utterance right after a verb of saying (`the crowd chanted “What curfew?” and
    // kept going`): speech even when the writer's sentence runs on.
    let said_whole = cue_words::is_speech(&last_word(before))
        && inner.starts_with(char::is_uppercase)
        && inner.ends_with(['.', '!', '?']);
    let long_clause = inner.split_whitespace().count() >= LONG_CLAUSE_WORDS
        && inner.starts_with(char::is_uppercase);
    let names_something = after_joining_word(before)
        || after_work_noun(before)
        || single_quoted_heading(quoted, before, after)
        || before_link(after)
        || (is_title(inner, after) && !before.ends_with(':'));
    let embedded = names_something || runs_on(quoted, after);
    if ((opens_sentence || after_intro || long_clause) && !embedded)
        || (said_whole && !names_something)
    {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// The writer's sentence continues after the closing mark with a function word
/// (`“…” for second place`, `“…” and other issues`) or an aside in parentheses.
fn runs_on(quoted: &str, after: &str) -> bool {
    if after.starts_with('(') {
        return true;
    }
    // A quoted fragment without closing punctuation continued by any lower-case word.
    let fragment = quoted
        .trim_end_matches(is_quote_char)
        .ends_with(char::is_alphanumeric);
    if fragment && after.starts_with(char::is_lowercase) {
        return true;
    }
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    RUN_ON_WORDS.contains(&word.as_str())
}

/// The quote follows a word that makes it part of the writer's clause (`that “…”`,
/// `because “…”`), with or without a comma, or a dash.
fn after_joining_word(before: &str) -> bool {
    if before.ends_with(['—', '–']) {
        return true;
    }
    JOINING_WORDS.contains(&last_word(before.trim_end_matches(',')).as_str())
}

/// The sentence so far holds a quote broken off at a comma (`“Every time you say that,”
/// Tester said, referring to …, “you give …”`): a quote after the attribution resumes it.
fn resumes_split_quote(before: &str) -> bool {
    let paragraph = before.rsplit('\n').next().unwrap_or(before);
    let sentence = [". ", "? ", "! "]
        .iter()
        .filter_map(|end| paragraph.rfind(end).map(|i| i + end.len()))
        .max()
        .map_or(paragraph, |i| &paragraph[i..]);
    [",”", ",\"", ",''"].iter().any(|m| sentence.contains(m))
}

/// The run of letters `text` ends with (empty if it ends otherwise).
fn last_word(text: &str) -> String {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(text.len(), |(i, _)| i);
    text[start..].to_string()
}

/// A paragraph that is nothing but a phrase in single quotes: a subheading quoting someone
/// (`'A really tough decision.'`), as newspapers set them.
fn single_quoted_heading(quoted: &str, before: &str, after: &str) -> bool {
    let single = quoted.starts_with('‘') || (quoted.starts_with('\'') && !quoted.starts_with("''"));
    single
        && (before.is_empty() || before.ends_with('\n'))
        && (after.is_empty() || after.starts_with('\n'))
}

/// The quote is followed by a link: an excerpt of the linked article (`"…" http://nyti.ms/…`).
fn before_link(after: &str) -> bool {
    ["http://", "https://", "www."]
        .iter()
        .any(|p| after.starts_with(p))
}

/// The quote names a work just introduced (`in his 2002 book, ''Make Your Kid a
/// Millionaire,''`, `DuVernay’s documentary, “13th,”`): a title, not speech.
fn after_work_noun(before: &str) -> bool {
    let word = last_word(before.trim_end_matches(',').trim_end());
    WORK_NOUNS.contains(&word.to_lowercase().as_str())
}

/// A capitalised quote of at least this many words is a sentence someone said, not a name or
/// a term: names and titles are shorter.
const LONG_CLAUSE_WORDS: usize = 10;

/// How many words a title has (`''Make Your Kid a Millionaire''`): fewer is a name or a
/// term, more a sentence.
const TITLE_WORDS: std::ops::RangeInclusive<usize> = 3..=8;

/// A title's longer words, the ones capitalised in title case (`Tales From the Crypt`): at
/// least this many letters, so `a`, `the`, `of` may stay lower case.
const TITLE_LONG_WORD: usize = 4;

/// How many words after a quote a verb of saying may be for the quote to be attributed (`Mr.
/// Kerry said`, `Italy's Northern League leader Matteo Salvini wrote`).
const ATTRIBUTION_LOOKAHEAD: usize = 10;

/// A short phrase whose longer words are all capitalised: a headline, book or slogan. Not one
/// sentence of several (`There it is. There it is,`) nor a clause its attribution follows
/// (`“With an eye to February 20th, Carolina,” he said`); a title with a comma is followed by
/// an appositive (`''Tales From the Crypt,'' an HBO series`).
fn is_title(inner: &str, after: &str) -> bool {
    let body = inner.trim_end_matches(['.', '!', '?', ',']);
    if body.contains(['.', '!', '?']) || (inner.ends_with(',') && attribution_follows(after)) {
        return false;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= TITLE_LONG_WORD)
        .collect();
    TITLE_WORDS.contains(&words.len())
        && long.len() >= 2
        && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A verb of saying among the next few words of the paragraph (`Mr. Kerry said`, `said Mr.
/// Kamin`, `Italy's Northern League leader Matteo Salvini wrote`).
fn attribution_follows(after: &str) -> bool {
    let line = after.split(['\n', '“', '"']).next().unwrap_or("");
    line.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(ATTRIBUTION_LOOKAHEAD)
        .any(|w| w == "according" || cue_words::is_speech(w))
}

/// The quote follows a colon and ends its sentence inside the marks.
pub(super) fn introduced_sentence(text: &str, q: &Quote) -> bool {
    text[..q.start].trim_end().ends_with(':')
        && q.text
            .trim_end_matches(is_quote_char)
            .ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn unreadable_input_before_a_quote_is_no_text() {
        let t = "\u{fffd} “We will win,” said Kirby.";
        let kinds: Vec<_> = find(&Doc::new(t, None))
            .0
            .into_iter()
            .map(|q| q.kind)
            .collect();
        assert_eq!(kinds, vec![QuoteKind::Direct]);
    }

    #[test]
    fn direct_and_partial() {
        let t = "Sullivan said Pyongyang will “pay a price” if it acts. “We condemn it,” Kirby said. He said: “No.” It was “true.”";
        let doc = Doc::new(t, None);
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

    /// Each text's quotes, in order, have these kinds.
    fn assert_kinds(cases: &[(&str, &[QuoteKind])]) {
        for &(t, want) in cases {
            let got: Vec<QuoteKind> = find(&Doc::new(t, None))
                .0
                .into_iter()
                .map(|q| q.kind)
                .collect();
            assert_eq!(&got[..want.len().min(got.len())], want, "{t}");
        }
    }

    #[test]
    fn a_lower_case_quote_after_the_writers_comma_is_partial() {
        use QuoteKind::*;
        assert_kinds(&[
            ("He said that if it came to her desk, “she would sign it.”", &[Partial]),
            ("He spoke of the bill, adding, “and she would sign it.”", &[Direct]),
            ("On the bill, “She would sign it,” he said.", &[Direct]),
            // The second half of a quote broken by its attribution.
            (
                "“Every time you say that,” Tester said, referring to the excuse, “you give ammunition.”",
                &[Direct, Direct],
            ),
        ]);
    }

    #[test]
    fn a_whole_utterance_after_a_verb_of_saying_is_direct() {
        use QuoteKind::*;
        assert_kinds(&[
            (
                "Protesters chanted \"What curfew?\" and kept going until 2 a.m.",
                &[Direct],
            ),
            (
                "Protesters chanted \"what a curfew\" and kept going.",
                &[Partial],
            ),
            (
                "He said it in his book \"The Facts on Where the Race Stands.\"",
                &[Partial],
            ),
        ]);
    }

    #[test]
    fn titles_subheadings_and_linked_excerpts_are_not_speech() {
        use QuoteKind::*;
        assert_kinds(&[
            (
                "In his 2002 book, ''Make Your Kid a Millionaire,'' Mr. McKinley suggested it.",
                &[Partial],
            ),
            ("Watch DuVernay’s documentary, “13th,” below.", &[Partial]),
            (
                "He said so.\n\n'A really tough decision.'\n\nShe left.",
                &[Partial],
            ),
            (
                "From the Times:\n\n\"Sam Mendes is withdrawing as director.\" http://nyti.ms/1Rc",
                &[Partial],
            ),
            (
                "''Tales From the Crypt,'' an HBO series, will be resurrected on TNT.",
                &[Partial],
            ),
            // The same quotes as speech stay direct.
            (
                "He said so.\n\n“A really tough decision,” she said.\n\nThe book, he said: “No.”",
                &[Direct, Direct],
            ),
            ("''Nusra Is Al Qaeda,'' Mr. Kerry said.", &[Direct]),
        ]);
    }
}
