//! Whether a text is binary data rather than writing: an executable, an image or an archive
//! decoded as text. Such input is refused, not annotated (it gave thousands of junk entities).

/// At most one character in this many may be a control character in a text.
const CONTROL_SHARE: usize = 20;

/// Whether `text` looks binary: it holds a NUL (no text format writes one; UTF-16 read as
/// UTF-8 is full of them), or more than one character in [`CONTROL_SHARE`] is a control
/// character other than tab, line ends and form feed.
pub fn looks_binary(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
        .count();
    controls > 0 && controls * CONTROL_SHARE > text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::looks_binary;

    #[test]
    fn nuls_and_many_controls_are_binary_text_is_not() {
        assert!(looks_binary("PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(looks_binary(&"ab\x01\x02".repeat(10)));
        assert!(!looks_binary(
            "Café, “quoted”, tabs\tand\x0cform feeds.\r\n"
        ));
        // A stray control character in a long text is not enough.
        assert!(!looks_binary(&format!("{}\x1b", "word ".repeat(20))));
        assert!(!looks_binary(""));
    }
}
