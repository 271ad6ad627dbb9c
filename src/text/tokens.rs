//! Tokenizer following Penn Treebank / OntoNotes conventions on raw text, so the trained
//! entity model sees the tokens it was trained on: `n't` and `'s` split off, hyphens split,
//! abbreviations (`U.S.`, `Mr.`, `a.m.`) and numbers (`1,000`, `3.5`, `10:30`) kept whole.
//! Word boundaries come from Unicode UAX #29 (`unicode-segmentation`); the PTB rules adjust them.

use crate::words::{ABBREVIATIONS, CLITICS};
use unicode_segmentation::UnicodeSegmentation;

/// A token: byte range into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// Starts with a capital letter and holds a letter (`Kirby`, `U.S.`, not `1990s` or `—`).
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_alphabetic)
}

pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    ABBREVIATIONS.contains(&w.as_str())
}

/// Tokenizes `text[range]`, returning tokens with offsets into `text`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut raw: Vec<Token> = Vec::new();
    for (i, seg) in text[start..end].split_word_bound_indices() {
        if seg.chars().all(char::is_whitespace) {
            continue;
        }
        let s = start + i;
        raw.push(Token {
            start: s,
            end: s + seg.len(),
        });
    }
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let mut tok = raw[i];
        // A run of dots (`...`), dashes (`--`) or backticks is one token, however long: the run is tracked
        // here so joining the next piece costs the same at any length.
        let mut run = run_of(tok.text(text));
        i += 1;
        // Merge adjacent pieces that PTB keeps whole.
        while i < raw.len() && raw[i].start == tok.end {
            let piece = raw[i].text(text);
            let joins = match (run, piece) {
                (Some(c), "." | "-" | "`") => piece.starts_with(c),
                _ => should_join(text, tok, raw[i], raw.get(i + 1), out.last()),
            };
            if !joins {
                break;
            }
            run = run.filter(|&c| run_of(piece) == Some(c));
            tok.end = raw[i].end;
            i += 1;
        }
        split_clitic(text, tok, &mut out);
    }
    out
}

/// `Some('.')` for a piece of dots only, `Some('-')` for dashes only, `Some('`')` for
/// backticks only (PTB's opening ``` `` ``` is one token).
fn run_of(piece: &str) -> Option<char> {
    ['.', '-', '`']
        .into_iter()
        .find(|&c| !piece.is_empty() && piece.chars().all(|p| p == c))
}

/// Whether `right` continues `left`; `before` is the token ahead of `left`. Runs of dots and
/// dashes are joined by the caller.
fn should_join(
    text: &str,
    left: Token,
    right: Token,
    after: Option<&Token>,
    before: Option<&Token>,
) -> bool {
    let l = left.text(text);
    let r = right.text(text);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match r {
        // Abbreviation period: U.S. / Mr. / J. / a.m.
        "." => {
            let letters = l.chars().filter(|c| c.is_alphabetic()).count();
            (l.contains('.') && (1..=4).contains(&letters) && !l.ends_with('.'))
                || (l.chars().count() == 1 && l.chars().all(char::is_uppercase))
                || is_abbreviation(l)
        }
        "-" => false,
        // Initialisms joined by an ampersand, as PTB keeps them: S&P, AT&T, R&D.
        "&" => initials(l) && after.is_some_and(|a| a.start == right.end && initials(a.text(text))),
        _ if l.ends_with('&') => initials(&l[..l.len() - 1]) && initials(r),
        // Currency with a country prefix: US$, HK$, C$.
        "$" => l.len() <= 3 && l.chars().all(|c| c.is_ascii_uppercase()),
        // Clock times and fractions: 10:30, 11:16:04, 3/4, 12/32.
        ":" | "/" => {
            digits_and(l, r) && after.is_some_and(|a| a.start == right.end && digits(a.text(text)))
        }
        // A decade: `60's`, `1990's`.
        "'" | "’" => {
            decade_digits(l) && after.is_some_and(|a| a.start == right.end && a.text(text) == "s")
        }
        // `'s` after an abbreviation or a number (`Co.'s`, `2023's`), which the word
        // boundaries leave as `'` and `s`; or the end of a decade.
        "s" => {
            let glued = before.is_some_and(|b| {
                b.end == left.start
                    && b.text(text)
                        .ends_with(|c: char| c == '.' || c.is_alphanumeric())
            });
            (matches!(l, "'" | "’") && glued) || is_decade(l)
        }
        _ => {
            l.ends_with([':', '/']) && digits_and(&l[..l.len() - 1], &l[l.len() - 1..]) && digits(r)
        }
    }
}

/// Digits, possibly already joined by `sep` (`11`, `11:16`).
fn digits_and(s: &str, sep: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
        && s.len() <= 8
        && s.split(sep)
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// One to three capital letters (`S`, `AT`).
fn initials(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase())
}

/// A decade written with an apostrophe, one token in PTB: `60's`, `1990's` (or its start,
/// `60'`).
fn is_decade(t: &str) -> bool {
    let t = t.strip_suffix('s').unwrap_or(t);
    t.strip_suffix(['\'', '’']).is_some_and(decade_digits)
}

fn decade_digits(d: &str) -> bool {
    matches!(d.len(), 2 | 4) && d.ends_with('0') && d.chars().all(|c| c.is_ascii_digit())
}

fn split_clitic(text: &str, tok: Token, out: &mut Vec<Token>) {
    let t = tok.text(text);
    let norm: String = t.replace('’', "'").to_lowercase();
    if t.chars().any(char::is_alphabetic) && !is_decade(&norm) {
        for clitic in CLITICS {
            if norm.ends_with(clitic) && norm.len() > clitic.len() {
                // Byte length of the clitic in the original (’ is 3 bytes, ' is 1).
                let orig_len: usize = t
                    .char_indices()
                    .rev()
                    .nth(clitic.chars().count() - 1)
                    .map(|(i, _)| t.len() - i)
                    .unwrap_or(0);
                let cut = tok.end - orig_len;
                out.push(Token {
                    start: tok.start,
                    end: cut,
                });
                out.push(Token {
                    start: cut,
                    end: tok.end,
                });
                return;
            }
        }
    }
    out.push(tok);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn ptb_conventions() {
        assert_eq!(toks("Kirby didn't go."), ["Kirby", "did", "n't", "go", "."]);
        assert_eq!(
            toks("the country’s invasion"),
            ["the", "country", "’s", "invasion"]
        );
        assert_eq!(
            toks("U.S. officials paid $1.2 billion, 3.5%."),
            [
                "U.S.",
                "officials",
                "paid",
                "$",
                "1.2",
                "billion",
                ",",
                "3.5",
                "%",
                "."
            ]
        );
        assert_eq!(
            toks("Mr. J. Smith at 10:30 a.m. said..."),
            ["Mr.", "J.", "Smith", "at", "10:30", "a.m.", "said", "..."]
        );
        assert_eq!(
            toks("more than 1,000 pro-Russian"),
            ["more", "than", "1,000", "pro", "-", "Russian"]
        );
        assert_eq!(toks("“Yes,” he said"), ["“", "Yes", ",", "”", "he", "said"]);
        assert_eq!(
            toks("HK$3.87 and US$ 5"),
            ["HK$", "3.87", "and", "US$", "5"]
        );
        assert_eq!(
            toks("S&P and AT&T, not Smith&Co or A & B"),
            ["S&P", "and", "AT&T", ",", "not", "Smith", "&", "Co", "or", "A", "&", "B"]
        );
        assert_eq!(
            toks("Honda Motor Co.'s 16 3/4% at 11:16:04 fell 75.62."),
            [
                "Honda", "Motor", "Co.", "'s", "16", "3/4", "%", "at", "11:16:04", "fell", "75.62",
                "."
            ]
        );
        assert_eq!(toks("Sens. Pell"), ["Sens.", "Pell"]);
        assert_eq!(
            toks("the 60's and 1990's, 2023's"),
            ["the", "60's", "and", "1990's", ",", "2023", "'s"]
        );
    }

    #[test]
    fn runs_of_dots_and_dashes_are_one_token_at_any_length() {
        let dots = ".".repeat(5000);
        assert_eq!(toks(&format!("a {dots} b")), ["a", dots.as_str(), "b"]);
        let dashes = "-".repeat(5000);
        assert_eq!(toks(&format!("a {dashes} b")), ["a", dashes.as_str(), "b"]);
        assert_eq!(toks("wait...--no"), ["wait", "...", "--", "no"]);
        assert_eq!(toks("``Yes")[..2], ["``", "Yes"]);
        assert_eq!(toks(&"`".repeat(5000)), ["`".repeat(5000)]);
    }

    #[test]
    fn offsets_cover_text_without_overlap() {
        let s = "Café 😀 e\u{301}t\u{e9}, l'été — \"ok\"\r\n\r\nNext.";
        let t = tokenize(s, 0, s.len());
        let mut last = 0;
        for tok in &t {
            assert!(tok.start >= last && tok.end > tok.start);
            assert!(!tok.text(s).trim().is_empty());
            last = tok.end;
        }
    }
}
