//! Quotations: spans between quote marks and their kind ([`marks`]), speakers and cues
//! ([`speaker`], cues found per token by [`crate::doc::Doc::cue`]) and reported speech ([`indirect`]).

pub mod confidence;
pub mod indirect;
pub mod marks;
pub mod resolve;
pub mod speaker;
pub mod subject;

use crate::doc::Doc;
use crate::mentions::Mentions;
use crate::schema::{Quote, QuoteKind, Span, TextSpan};
use crate::text::TokenRange;
use crate::words::cues as cue_words;
use crate::words::marks::is_quote_char;
use crate::words::{
    is_not_name, is_pronoun, is_source_head, JOINING_WORDS, RUN_ON_WORDS, WORK_NOUNS,
};
use std::collections::HashMap;

/// Finds direct and partial quotations. Returns the quotes and how many marks were unbalanced.
pub fn find(doc: &Doc) -> (Vec<Quote>, usize) {
    let pairing = marks::pair(doc);
    let quotes = pairing
        .spans
        .iter()
        .map(|&span| Quote {
            start: span.start,
            end: span.end,
            text: doc.text[span.start..span.end].to_string(),
            kind: kind_of(doc.text, span),
            speaker: None,
            speaker_name: None,
            speaker_cluster: None,
            cue: None,
            parts: Vec::new(),
            confidence: 0.0,
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
    let before = text[..span.start].trim_end_matches(SPACES);
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
    let long_clause =
        inner.split_whitespace().count() >= 10 && inner.starts_with(char::is_uppercase);
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
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    (3..=8).contains(&words.len())
        && long.len() >= 2
        && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A verb of saying among the next few words of the paragraph (`Mr. Kerry said`, `said Mr.
/// Kamin`, `Italy's Northern League leader Matteo Salvini wrote`).
fn attribution_follows(after: &str) -> bool {
    let line = after.split(['\n', '“', '"']).next().unwrap_or("");
    line.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(10)
        .any(|w| w == "according" || cue_words::is_speech(w))
}

/// The quote follows a colon and ends its sentence inside the marks.
fn introduced_sentence(text: &str, q: &Quote) -> bool {
    text[..q.start].trim_end().ends_with(':')
        && q.text
            .trim_end_matches(is_quote_char)
            .ends_with(['.', '!', '?'])
}

/// A quote with its speaker's mention group; `quote.speaker_cluster` is left to the cluster
/// stage, which numbers the clusters.
#[derive(Debug, Clone)]
pub struct Attributed {
    pub quote: Quote,
    pub speaker_group: Option<usize>,
}

/// Attributes `quotes` (direct and partial) and adds reported speech as `indirect` quotes,
/// sorted by position.
pub fn attribute(doc: &Doc, mentions: &Mentions, quotes: Vec<Quote>) -> Vec<Attributed> {
    let found = speaker::attribute(doc, &quotes);
    // Content mostly inside a direct quote is that quote; partial quotes stay inside reported
    // speech (`she was “appalled” that …`).
    // Sorted (pairing keeps only outermost quotes, so they are disjoint): searched by position.
    let mut quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| Span::new(q.start, q.end))
        .collect();
    quoted.sort_unstable();
    let mut items: Vec<(Quote, Option<TokenRange>)> = Vec::new();
    for (mut q, a) in quotes.into_iter().zip(found) {
        q.cue = a.cue.and_then(|r| speaker::text_span(doc, r));
        // A short phrase in quotes that nobody is said to say is a term (`"Bobby"`), unless
        // a colon introduces it as a sentence (`a new campaign message: "It's about me."`).
        if q.kind == QuoteKind::Direct
            && a.speaker.is_none()
            && a.cue.is_none()
            && q.text.split_whitespace().count() <= 3
            && !introduced_sentence(doc.text, &q)
        {
            q.kind = QuoteKind::Partial;
        }
        items.push((q, a.speaker));
    }
    for r in indirect::find(doc, &quoted) {
        let Some(content) = speaker::text_span(doc, r.content) else {
            continue;
        };
        let q = Quote {
            start: content.start,
            end: content.end,
            text: content.text,
            kind: QuoteKind::Indirect,
            speaker: None,
            speaker_name: None,
            speaker_cluster: None,
            cue: speaker::text_span(doc, r.cue),
            parts: Vec::new(),
            confidence: 0.0,
        };
        items.push((q, r.speaker));
    }
    items.sort_by_key(|(q, _)| (q.start, q.end));
    // Resolve in text order so pronouns see the speakers before them; a repeated speaker
    // range (continuation) keeps its first resolution.
    let mut resolver = resolve::Resolver::default();
    let mut seen: HashMap<TokenRange, Option<usize>> = HashMap::new();
    let attributed: Vec<Attributed> = items
        .into_iter()
        .map(|(mut quote, range)| {
            let mut speaker_group = None;
            if let Some(r) = range {
                speaker_group = *seen
                    .entry(r)
                    .or_insert_with(|| resolver.resolve(doc, mentions, r));
                let r = if speaker_group.is_some() {
                    r
                } else {
                    match speaker_phrase(doc, r) {
                        Some(p) => p,
                        None => {
                            return Attributed {
                                quote,
                                speaker_group,
                            }
                        }
                    }
                };
                quote.speaker = speaker::text_span(doc, r);
                quote.speaker_name = speaker_group
                    .and_then(|g| mentions.groups[g].name.clone())
                    .map(|n| resolve::fuller_name(doc, r, n));
            }
            Attributed {
                quote,
                speaker_group,
            }
        })
        .collect();
    one_item_per_utterance(attributed)
}

/// An unresolved speaker mention as someone who speaks: cut after its last word that is a
/// pronoun, a capitalised name, or a word that heads sources in PolNeAR train (`officials`,
/// `the campaign`, `a new poll`: [`is_source_head`]), so `she never` is `she` and
/// `a source involved` is `a source`. With no such word it is a clause fragment the patterns
/// took for a subject (`came away`, `Instead`) and the quote is left unattributed. On PolNeAR
/// train this cuts 281 of the 14,152 speakers the patterns find and drops 384 (133 of those
/// overlap a gold source; the rest name nobody).
fn speaker_phrase(doc: &Doc, r: TokenRange) -> Option<TokenRange> {
    let head = (r.first..r.end).rev().find(|&k| {
        let w = doc.token_text(k);
        is_pronoun(w) || (doc.is_capitalised(k) && !is_not_name(w)) || is_source_head(doc.lower(k))
    })?;
    Some(TokenRange::new(r.first, head + 1))
}

/// A partial quote inside reported speech is part of that utterance: the reported speech
/// becomes one `mixed` item listing it, and it is not an item of its own. `items` are sorted
/// by start.
fn one_item_per_utterance(items: Vec<Attributed>) -> Vec<Attributed> {
    let reported: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].quote.kind == QuoteKind::Indirect)
        .collect();
    // The reported speech holding each partial quote: the one starting last at or before it.
    let mut holder: Vec<Option<usize>> = vec![None; items.len()];
    for (i, a) in items.iter().enumerate() {
        let q = &a.quote;
        if q.kind != QuoteKind::Partial {
            continue;
        }
        let k = reported.partition_point(|&r| items[r].quote.start <= q.start);
        holder[i] = k
            .checked_sub(1)
            .map(|k| reported[k])
            .filter(|&r| q.end <= items[r].quote.end);
    }
    let mut parts: Vec<Vec<TextSpan>> = vec![Vec::new(); items.len()];
    for (i, h) in holder.iter().enumerate() {
        if let Some(r) = *h {
            let q = &items[i].quote;
            parts[r].push(TextSpan {
                start: q.start,
                end: q.end,
                text: q.text.clone(),
            });
        }
    }
    items
        .into_iter()
        .zip(holder)
        .zip(parts)
        .filter(|((_, h), _)| h.is_none())
        .map(|((mut a, _), parts)| {
            if !parts.is_empty() {
                a.quote.kind = QuoteKind::Mixed;
                a.quote.parts = parts;
            }
            a
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_short_sentence_after_a_colon_is_direct_without_a_speaker() {
        let t = "Worried, the party is rolling out a new message: \"It's about me.\"\n\nIt is \"Bobby\" now.";
        let doc = Doc::new(t, None);
        let mentions = Mentions::default();
        let kinds: Vec<QuoteKind> = attribute(&doc, &mentions, find(&doc).0)
            .into_iter()
            .filter(|a| a.quote.kind != QuoteKind::Indirect)
            .map(|a| a.quote.kind)
            .collect();
        assert_eq!(kinds, vec![QuoteKind::Direct, QuoteKind::Partial]);
    }

    #[test]
    fn an_unresolved_speaker_is_cut_to_its_phrase_or_dropped() {
        let t = "Then she never came away and his campaign was still there.";
        let doc = Doc::new(t, None);
        let words = |r: Option<TokenRange>| {
            r.map(|r| {
                (r.first..r.end)
                    .map(|i| doc.token_text(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        // Tokens: Then(0) she(1) never(2) came(3) away(4) and(5) his(6) campaign(7) was(8) still(9)
        assert_eq!(
            words(speaker_phrase(&doc, TokenRange::new(1, 3))).as_deref(),
            Some("she")
        );
        assert_eq!(words(speaker_phrase(&doc, TokenRange::new(3, 5))), None);
        assert_eq!(
            words(speaker_phrase(&doc, TokenRange::new(6, 10))).as_deref(),
            Some("his campaign")
        );
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
