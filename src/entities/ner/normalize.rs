//! Token normalisation shared by the features and the lexicon. Standalone (no crate imports)
//! so `build.rs` can include it to lay out the shipped lexicon at build time.

/// Maps a token to the form the model reads: curly and PTB quotes to `"`/`'`, dashes to `-`
/// (a dash-only token of two or more, or an em/en dash, to `--`), digits to `0`.
pub fn normalize_into(token: &str, out: &mut String) {
    out.clear();
    let dash_only = token.chars().all(|c| matches!(c, '-' | '–' | '—' | '―'));
    if dash_only && (token.len() > 1) {
        out.push_str("--");
        return;
    }
    if token == "``" || token == "''" {
        out.push('"');
        return;
    }
    for c in token.chars() {
        out.push(match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '‛' | '`' | '′' => '\'',
            '‐' | '‑' | '‒' => '-',
            c if c.is_ascii_digit() => '0',
            c => c,
        });
    }
}
