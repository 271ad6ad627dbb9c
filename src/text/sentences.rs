//! Sentence splitter over the tokens of one paragraph. Splits after `.`, `!`, `?` and
//! ellipses (plus any closing quotes or brackets) when the next token can start a sentence;
//! abbreviations, initials and decimals never end one, and `…,” he said.` stays together.

use super::tokens::{is_abbreviation, Token};
use super::TokenRange;
use crate::words::marks::{is_closing_mark, OPENING_MARKS};
use crate::words::{ABBREVIATION_OPENERS, SENTENCE_STARTERS};

/// Quote marks and brackets that close after the final period: `.”` `.)`.
fn is_closer(t: &str) -> bool {
    is_closing_mark(t) || matches!(t, ")" | "]")
}

fn can_start(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || "([".contains(c) || OPENING_MARKS.contains(c)
    })
}

fn is_terminal(t: &str) -> bool {
    t.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')) && !t.is_empty()
}

/// Returns sentence boundaries as token index ranges `[start, end)` over `tokens`.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<TokenRange> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].text(text);
        let mut end = i + 1;
        let boundary = if is_terminal(t) {
            while end < tokens.len()
                && is_closer(tokens[end].text(text))
                && !opens_next(text, tokens, end)
            {
                end += 1;
            }
            match tokens.get(end) {
                None => true,
                Some(next) => {
                    let n = next.text(text);
                    let ellipsis = t == "…" || t.starts_with("..");
                    can_start(n) && (!ellipsis || n.chars().next().is_some_and(char::is_uppercase))
                }
            }
        } else if t.ends_with('.')
            && t.len() > 1
            && !is_abbreviation(t)
            && t.matches('.').count() > 1
        {
            // "U.S." at the end of a sentence swallows its period: split only before a typical starter.
            tokens.get(end).is_some_and(|n| {
                let n = n.text(text);
                SENTENCE_STARTERS.contains(&n) || ABBREVIATION_OPENERS.contains(&n)
            })
        } else {
            false
        };
        if boundary {
            out.push(TokenRange::new(start, end));
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(TokenRange::new(start, tokens.len()));
    }
    out
}

/// A straight quote right after a period may open the next sentence (`. "Next`) rather than
/// close this one: it opens when followed by a word with no space in between.
fn opens_next(text: &str, tokens: &[Token], idx: usize) -> bool {
    let t = tokens[idx].text(text);
    if t == "“" {
        return true;
    }
    if t != "\"" && t != "'" {
        return false;
    }
    let before_space = tokens[idx].start > tokens[idx - 1].end;
    let after_tight = tokens
        .get(idx + 1)
        .is_some_and(|n| n.start == tokens[idx].end);
    before_space && after_tight
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sents(s: &str) -> Vec<String> {
        let toks = tokenize(s, 0, s.len());
        split_sentences(s, &toks)
            .into_iter()
            .map(|r| s[toks[r.first].start..toks[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_initials_decimals() {
        assert_eq!(
            sents(
                "Gov. J. R. Smith paid $3.5 million on Jan. 5. Mr. Lee agreed. The U.S. Army left."
            ),
            [
                "Gov. J. R. Smith paid $3.5 million on Jan. 5.",
                "Mr. Lee agreed.",
                "The U.S. Army left."
            ]
        );
        assert_eq!(
            sents("He moved to the U.S. The rest stayed."),
            ["He moved to the U.S.", "The rest stayed."]
        );
    }

    #[test]
    fn quotes_stay_in_their_sentence() {
        assert_eq!(
            sents("“We won,” he said. “It is over. Go home.” She left!"),
            [
                "“We won,” he said.",
                "“It is over.",
                "Go home.”",
                "She left!"
            ]
        );
        assert_eq!(
            sents("\"Why?\" he asked. \"Because.\""),
            ["\"Why?\" he asked.", "\"Because.\""]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sents("Well... maybe not. Wait… It works."),
            ["Well... maybe not.", "Wait…", "It works."]
        );
    }
}
