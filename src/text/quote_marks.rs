//! Pairs quote marks into quotation spans: curly “…”, straight "…", single ‘…’ (apostrophes
//! in words are left alone), guillemets «…» and low-high „…“. Inner quotes nest inside the
//! outer one. A quote running over several paragraphs (each reopening it, only the last
//! closing it) gives one quotation per paragraph, as readers and annotators count them; a
//! line break counts as a paragraph break when the next line reopens the quote. Unbalanced
//! marks are dropped and counted, never guessed.

use crate::schema::Paragraph;
use crate::schema::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Curly,
    Straight,
    Single,
    Apostrophe,
    Guillemet,
    Low,
}

impl Family {
    fn closes_with(self, c: char) -> bool {
        match self {
            // Mixed pairs (“…" and "…”) are common typos in news copy.
            Family::Curly | Family::Straight => c == '”' || c == '"',
            Family::Single => c == '’',
            Family::Apostrophe => c == '\'',
            Family::Guillemet => c == '»',
            Family::Low => c == '“' || c == '”',
        }
    }
    /// Double-quote families are the ones news uses to continue a quote over paragraphs.
    fn reopens_with(self, c: char) -> bool {
        matches!(
            (self, c),
            (Family::Curly, '“')
                | (Family::Straight, '"')
                | (Family::Guillemet, '«')
                | (Family::Low, '„')
        )
    }
}

/// Quotes nest two or three deep in real copy; an opener deeper than this is left unpaired,
/// which keeps every mark's search of the open ones short (`“word “word …` pasted 100,000
/// times would otherwise make pairing quadratic).
const MAX_NESTING: usize = 8;

/// The result of pairing: outermost quotation spans (including their marks) and how many
/// marks could not be paired.
#[derive(Debug, Default)]
pub struct Pairing {
    pub spans: Vec<Span>,
    pub unbalanced: usize,
}

impl Pairing {
    /// A quote reopened on a new paragraph or line: the part before is one quotation, inner
    /// quotes left open there are unbalanced, and the outer quote goes on from `reopened_at`.
    fn reopen(&mut self, stack: &mut Vec<(Family, usize)>, part: Span, reopened_at: usize) {
        self.unbalanced += stack.len() - 1;
        self.spans.push(part);
        stack.truncate(1);
        stack[0].1 = reopened_at;
    }
}

fn is_open_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘«„:".contains(p))
}

/// ` … word` or `…word` right after a mark.
fn opens_ellipsis(rest: &[(usize, char, usize)]) -> bool {
    let mut it = rest.iter().map(|&(_, c, _)| c).skip_while(|&c| c == ' ');
    it.next() == Some('…') && it.find(|&c| c != ' ').is_some_and(char::is_alphanumeric)
}

/// The characters of a paragraph as (byte offset, char, byte width). PTB-style `''` and ``` `` ```,
/// which some outlets' copy uses for double quotes, become one `"` or `“` mark.
fn marks_of(text: &str, par: Span) -> Vec<(usize, char, usize)> {
    let mut out = Vec::with_capacity(par.len());
    let mut it = text[par.start..par.end].char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if (c == '\'' || c == '`') && it.peek().is_some_and(|&(_, n)| n == c) {
            it.next();
            out.push((par.start + i, if c == '`' { '“' } else { '"' }, 2));
        } else {
            out.push((par.start + i, c, c.len_utf8()));
        }
    }
    out
}

/// Finds quotations in the content paragraphs of `text` (the Doc does, once: `Doc::quotations`).
pub fn pair(text: &str, paragraphs: &[Paragraph]) -> Pairing {
    let mut out = Pairing::default();
    // Stack of open marks: (family, byte offset of the mark).
    let mut stack: Vec<(Family, usize)> = Vec::new();
    let body: Vec<Span> = paragraphs
        .iter()
        .filter(|p| p.kind.is_content())
        .map(|p| Span::new(p.start, p.end))
        .collect();
    for (pi, par) in body.iter().enumerate() {
        let chars = marks_of(text, *par);
        let mut skip = None;
        if let Some(&(outer, start)) = stack.first() {
            // Continuation from the previous paragraph: it must reopen with the same family.
            match chars.first() {
                Some(&(pos, c, _)) if outer.reopens_with(c) => {
                    out.reopen(&mut stack, Span::new(start, body[pi - 1].end), pos);
                    skip = Some(0);
                }
                _ => {
                    out.unbalanced += stack.len();
                    stack.clear();
                }
            }
        }
        for (k, &(pos, c, width)) in chars.iter().enumerate() {
            if skip == Some(k) {
                continue;
            }
            if c == '\n' {
                // A line that reopens the open quote continues it as a new paragraph would.
                let next = chars[k..].iter().find(|&&(_, n, _)| !n.is_whitespace());
                if let (Some(&(outer, start)), Some(&(npos, n, _))) = (stack.first(), next) {
                    if outer.reopens_with(n) {
                        let end = start + text[start..pos].trim_end().len();
                        out.reopen(&mut stack, Span::new(start, end), npos);
                        skip = chars.iter().position(|&(p, _, _)| p == npos);
                    }
                }
                continue;
            }
            let prev = k.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(k + 1).map(|&(_, c, _)| c);
            let next_is_word = next.is_some_and(char::is_alphanumeric);
            let prev_is_word = prev.is_some_and(char::is_alphanumeric);
            // A “ after a word or punctuation and before a space, or ending the paragraph, is a
            // mistyped ” (`“It's unusual,“ said Larry Noble`): it closes an open “ or ".
            let mistyped_closer = c == '“'
                && (next.is_none_or(|n| n == '\n')
                    || (!is_open_context(prev) && next.is_some_and(char::is_whitespace)));
            // Closing an open quote takes priority.
            if let Some(depth) = stack.iter().rposition(|&(f, _)| {
                f.closes_with(c)
                    || (mistyped_closer && matches!(f, Family::Curly | Family::Straight))
            }) {
                let closing_apostrophe = matches!(c, '’' | '\'') && prev_is_word && next_is_word;
                // A straight quote inside a curly one opens a nested quote when it starts a word.
                let straight_opener = c == '"'
                    && stack[depth].0 != Family::Straight
                    && is_open_context(prev)
                    && next_is_word;
                if !closing_apostrophe && !straight_opener {
                    let start = stack[depth].1;
                    out.unbalanced += stack.len() - depth - 1;
                    stack.truncate(depth);
                    if stack.is_empty() {
                        out.spans.push(Span::new(start, pos + width));
                    }
                    continue;
                }
            }
            let family = match c {
                '“' => Some(Family::Curly),
                // A ” at a word start with nothing open is a mistyped opener (also before
                // an ellipsis: `” … what I learned`).
                '”' if stack.is_empty()
                    && is_open_context(prev)
                    && (next_is_word || opens_ellipsis(&chars[k + 1..])) =>
                {
                    Some(Family::Curly)
                }
                '«' => Some(Family::Guillemet),
                '„' => Some(Family::Low),
                '"' if is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace()) => {
                    Some(Family::Straight)
                }
                // ‘ and ' open only at a word start before a letter: not ‘90s, not rock ’n’ roll.
                '‘' if is_open_context(prev) && next.is_some_and(char::is_alphabetic) => {
                    Some(Family::Single)
                }
                '\'' if is_open_context(prev)
                    && next.is_some_and(char::is_alphabetic)
                    && !prev_is_word =>
                {
                    Some(Family::Apostrophe)
                }
                '”' | '»' => {
                    out.unbalanced += 1;
                    None
                }
                _ => None,
            };
            if let Some(f) = family {
                if stack.len() < MAX_NESTING {
                    stack.push((f, pos));
                } else {
                    out.unbalanced += 1;
                }
            }
        }
        // Keep an open double quote only if the next content paragraph reopens it.
        let reopened = stack.first().is_some_and(|&(outer, _)| {
            body.get(pi + 1)
                .and_then(|&n| marks_of(text, n).first().map(|&(_, c, _)| c))
                .is_some_and(|c| outer.reopens_with(c))
        });
        if !reopened {
            out.unbalanced += stack
                .iter()
                .filter(|(f, _)| !matches!(f, Family::Apostrophe | Family::Single))
                .count();
            stack.clear();
        } else {
            stack.truncate(1);
        }
    }
    // Stage directions in a transcript (`"(CROSSTALK.)`) are not speech.
    out.spans.retain(|s| {
        let inner = text[s.start..s.end]
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')');
        inner.chars().any(char::is_alphanumeric)
            && !(inner.starts_with('(') && inner.ends_with(')'))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> (Vec<&str>, usize) {
        let doc = crate::text::doc::Doc::new(text, None);
        let p = &doc.quotations;
        (
            p.spans.iter().map(|s| &text[s.start..s.end]).collect(),
            p.unbalanced,
        )
    }

    #[test]
    fn every_quote_style() {
        assert_eq!(
            quotes("He said “yes,” then \"no\" and ‘maybe’ and «oui» and „ja“.").0,
            ["“yes,”", "\"no\"", "‘maybe’", "«oui»", "„ja“"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("The country’s army and the ’90s, rock ’n’ roll, don't.").0,
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("She said ‘the countries’ leaders’ met.").0,
            ["‘the countries’"]
        );
        assert_eq!(quotes("He said 'it's over' today.").0, ["'it's over'"]);
    }

    #[test]
    fn stage_directions_and_ellipsis_openers() {
        let t = "\"WALLACE: Is she coming?\n\n\"(CROSSTALK.)\n\n\"PENCE: No.\"";
        assert_eq!(quotes(t).0, ["\"WALLACE: Is she coming?", "\"PENCE: No.\""]);
        assert_eq!(
            quotes("He said: ” … what I learned is this,” he said.").0,
            ["” … what I learned is this,”"]
        );
    }

    #[test]
    fn mixed_and_mistyped_marks() {
        assert_eq!(
            quotes("A \"mixed,” B “mixed,\" C ”typo.” D").0,
            ["\"mixed,”", "“mixed,\"", "”typo.”"]
        );
    }

    #[test]
    fn doubled_apostrophes_and_backticks_are_double_quotes() {
        let t = "He said ''It's over,'' and ``fine'' then. The ''Buffett rule'' passed.";
        assert_eq!(
            quotes(t).0,
            ["''It's over,''", "``fine''", "''Buffett rule''"]
        );
        let t = "''First paragraph.\n\n''Second one,'' he said.";
        assert_eq!(quotes(t).0, ["''First paragraph.", "''Second one,''"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(
            quotes("“He told me ‘never again’ twice,” she said.").0,
            ["“He told me ‘never again’ twice,”"]
        );
        assert_eq!(
            quotes("\"He said 'no' to me,\" she said.").0,
            ["\"He said 'no' to me,\""]
        );
    }

    #[test]
    fn unbalanced_marks_are_counted_not_guessed() {
        let (q, n) = quotes("He said “this never closes. Then “ok” here.");
        assert_eq!(q, Vec::<&str>::new());
        assert!(n >= 1);
        let (q, n) = quotes("A stray ” mark, then “fine.”");
        assert_eq!(q, ["“fine.”"]);
        assert_eq!(n, 1);
    }

    #[test]
    fn quote_across_paragraphs_is_one_quote_per_paragraph() {
        let t = "“First part of the quote.\n\n“Second part.\n\n“Last part,” he said.\n\nAfter.";
        assert_eq!(
            quotes(t).0,
            ["“First part of the quote.", "“Second part.", "“Last part,”"]
        );
        // Single line breaks between paragraphs, and a missing closing mark before a new quote.
        let t = "“It is fine,” she said. “Never closed.\n“New quote,” he said.\nAfter “a” b.";
        assert_eq!(
            quotes(t).0,
            ["“It is fine,”", "“Never closed.", "“New quote,”", "“a”"]
        );
        // No reopening mark: the open quote is unbalanced.
        let (q, n) = quotes("“Never closed.\n\nNext paragraph.");
        assert!(q.is_empty());
        assert_eq!(n, 1);
    }

    #[test]
    fn an_opening_mark_typed_for_a_closing_one_closes() {
        let t = "“It's unusual,“ said Larry Noble. “They see that. “\n\nAfter “a “b” c”. \"d.“";
        assert_eq!(
            quotes(t),
            (
                vec!["“It's unusual,“", "“They see that. “", "“a “b” c”", "\"d.“"],
                0
            )
        );
    }

    #[test]
    fn openers_nested_too_deep_are_unbalanced_not_searched() {
        let t = "“a ".repeat(20) + "b”";
        let (q, n) = quotes(&t);
        assert!(q.len() <= 1);
        assert!(n >= 20 - MAX_NESTING);
    }

    #[test]
    fn boilerplate_between_continued_paragraphs_is_skipped() {
        let t = "“First part.\n\nADVERTISEMENT Advertisement\n\n“Last part,” he said.";
        assert_eq!(quotes(t), (vec!["“First part.", "“Last part,”"], 0));
    }
}
