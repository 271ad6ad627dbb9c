//! Reporting cues in the token stream ("said", "told", "according to"); the cue words
//! themselves are word knowledge ([`crate::words::cues`]).

use crate::doc::Doc;
use crate::words::cues::lookup;

/// A cue found in the token stream: tokens `[first, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub first: usize,
    pub end: usize,
    /// "according to": the source follows the cue and the content is the rest of the sentence.
    pub according: bool,
}

/// The cue starting at token `i`, if any: "according to", or a reporting word from the table.
/// Capitalised words are not cues unless sentence-initial ("Said" as a name is rare but
/// "Says" as a headline word is not speech).
pub fn cue_at(doc: &Doc, i: usize) -> Option<Cue> {
    if i >= doc.tokens.len() {
        return None;
    }
    let w = doc.token_text(i);
    if w.eq_ignore_ascii_case("according") {
        let to = i + 1 < doc.tokens.len() && doc.token_text(i + 1).eq_ignore_ascii_case("to");
        return to.then_some(Cue {
            first: i,
            end: i + 2,
            according: true,
        });
    }
    // Capitalised words are names or headlines, except the inverted `Said Ellis: “…”`.
    let inverted = matches!(w, "Said" | "Says")
        && doc
            .sentences
            .get(doc.sentence_of(i))
            .is_some_and(|s| s.first == i);
    if !inverted && !w.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
        return None;
    }
    lookup(w)?;
    Some(Cue {
        first: i,
        end: i + 1,
        according: false,
    })
}
