//! Plain-language warnings about input that may not be an article: empty, binary, HTML.

/// Plain-language notes about input that may not be an article.
pub fn input_warnings(text: &str) -> Vec<String> {
    let mut w = Vec::new();
    if text.trim().is_empty() {
        w.push("The text is empty: paste or type an article to annotate.".to_string());
        return w;
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    // U+FFFD is no sign of binary input: the caller that put it there says why (a lone
    // surrogate, bytes that were not UTF-8); binary input itself is refused before this.
    if controls * 100 > text.chars().count().max(1) {
        w.push(
            "The text contains binary or control characters; it may not be an article.".to_string(),
        );
    }
    let lower = text
        .get(..text.len().min(4096))
        .unwrap_or(text)
        .to_ascii_lowercase();
    if ["<p>", "<div", "<html", "<br", "<span", "<a href"]
        .iter()
        .any(|t| lower.contains(t))
    {
        w.push(
            "The text looks like HTML; tags are annotated as plain text, not interpreted."
                .to_string(),
        );
    }
    w
}
