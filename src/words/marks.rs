//! Quote marks: the one definition every stage uses.

/// Every character news copy writes as a quote mark: curly and straight double and single
/// quotes, guillemets, the low-high „ and the backtick of PTB-style ``` `` ```.
pub const QUOTE_MARKS: &str = "“”\"‘’'`«»„";

/// Whether `c` is a quote-mark character.
pub fn is_quote_char(c: char) -> bool {
    QUOTE_MARKS.contains(c)
}

/// Whether a token is a quote mark: one quote-mark character, or PTB's doubled `''` / ``` `` ```.
pub fn is_quote_mark(token: &str) -> bool {
    let mut chars = token.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c), None, _) => is_quote_char(c),
        (Some(a), Some(b), None) => a == b && (a == '\'' || a == '`'),
        _ => false,
    }
}

/// A quote mark that is never an apostrophe: every mark but `’` and `'` (`News’ coverage`).
pub fn is_unambiguous_mark(token: &str) -> bool {
    is_quote_mark(token) && !matches!(token, "’" | "'")
}

/// Characters that open a quotation: curly, straight, guillemet and low-high.
pub const OPENING_MARKS: &str = "“\"‘'«„";

/// Opening marks that are never an apostrophe (`'` is also NYT's doubled `''`).
pub const UNAMBIGUOUS_OPENERS: &str = "“\"‘";

/// A token that opens a quotation: one of [`OPENING_MARKS`] or PTB's ``` `` ```.
pub fn is_opening_mark(token: &str) -> bool {
    token == "``"
        || (token.chars().count() == 1 && token.chars().all(|c| OPENING_MARKS.contains(c)))
}

/// A quote mark that closes a quotation, also `“` (often typed for `”`).
pub fn is_closing_mark(token: &str) -> bool {
    matches!(token, "”" | "\"" | "’" | "'" | "»" | "“")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_class_of_marks() {
        for t in ["“", "”", "\"", "‘", "’", "'", "«", "»", "„", "``", "''"] {
            assert!(is_quote_mark(t), "{t}");
        }
        for t in ["a", "'s", "'''", "`'", ","] {
            assert!(!is_quote_mark(t), "{t}");
        }
        for t in ["“", "\"", "‘", "'", "«", "„", "``"] {
            assert!(is_opening_mark(t) && is_quote_mark(t), "{t}");
        }
        for t in ["”", "’", "»", "''"] {
            assert!(!is_opening_mark(t) && is_quote_mark(t), "{t}");
        }
        assert!(is_closing_mark("”") && is_unambiguous_mark("“") && !is_unambiguous_mark("’"));
    }
}
