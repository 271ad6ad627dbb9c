//! Reporting cues: the words that attribute speech ("said", "told", "according to").
//!
//! The table `model/cues.txt` is derived from PolNeAR's train cues by
//! `scripts/derive/cues.py`; each line is `form<TAB>count<TAB>ratio`, where ratio is how often
//! the form is a cue among all its occurrences. The cue list is embedded so wasm needs no I/O.

use crate::doc::Doc;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../model/cues.txt");

/// Forms below this cue ratio are attitude or evidence words ("seemed", "found", "known")
/// rather than speech; they only count as cues before `that` or a colon.
const SPEECH_RATIO: f32 = 0.5;

/// Verbs whose object is the listener, not the content: the content follows `that` or the
/// listener ("told reporters that …", "warned Moscow against …").
const LISTENER_VERBS: &[&str] = &[
    "told",
    "tell",
    "tells",
    "telling",
    "warned",
    "warn",
    "warns",
    "warning",
    "assured",
    "informed",
    "reminded",
    "urged",
    "urging",
    "asked",
    "asking",
    "asks",
    "accused",
    "accusing",
    "called",
    "calling",
    "calls",
    "urges",
    "ordered",
    "praised",
    "criticized",
    "thanked",
    "named",
    "described",
    "endorsed",
    "declined",
    "refused",
    "expected",
    "sought",
    "issued",
    "offered",
    "supported",
    "opposed",
    "proposed",
    "attacked",
    "blamed",
    "cited",
    "citing",
    "defended",
    "rejected",
];

/// Words that look like cues in the table but are mostly something else in running text.
const NOT_CUES: &[&str] = &[
    "statement",
    "known",
    "criticism",
    "concern",
    "bible",
    "chatter",
    "tribute",
];

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CueInfo {
    /// How often this form is a cue where it occurs in PolNeAR train.
    pub ratio: f32,
    /// Training count, for tie-breaking and reporting.
    pub count: u32,
}

fn table() -> &'static HashMap<&'static str, CueInfo> {
    static T: OnceLock<HashMap<&'static str, CueInfo>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for line in TABLE.lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(form), Some(count), Some(ratio)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            if NOT_CUES.contains(&form) {
                continue;
            }
            let info = CueInfo {
                count: count.parse().unwrap_or(0),
                ratio: ratio.parse().unwrap_or(0.0),
            };
            m.insert(form, info);
        }
        m
    })
}

/// The table entry for a word (case-insensitive), if it is a reporting cue.
pub fn lookup(word: &str) -> Option<CueInfo> {
    if word.len() > 20 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    table().get(word.to_ascii_lowercase().as_str()).copied()
}

/// Whether `word` is a verb of saying strong enough to introduce reported speech on its own.
pub fn is_speech(word: &str) -> bool {
    lookup(word).is_some_and(|c| c.ratio >= SPEECH_RATIO)
}

/// Verbs of telling: a listener may sit between the verb and `that` ("told reporters that").
pub fn tells(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "told"
            | "tell"
            | "tells"
            | "telling"
            | "warned"
            | "warn"
            | "warns"
            | "warning"
            | "assured"
            | "informed"
            | "reminded"
            | "urged"
            | "urging"
            | "urges"
            | "asked"
            | "asking"
            | "asks"
    )
}

pub fn takes_listener(word: &str) -> bool {
    LISTENER_VERBS.contains(&word.to_ascii_lowercase().as_str())
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_common_cues_in_all_tenses() {
        for w in [
            "said",
            "says",
            "say",
            "told",
            "added",
            "adding",
            "announced",
            "tweeted",
            "wrote",
            "argued",
        ] {
            assert!(lookup(w).is_some(), "{w}");
        }
        assert!(is_speech("said") && is_speech("Told"));
        assert!(lookup("the").is_none() && lookup("in").is_none() && lookup("statement").is_none());
    }
}
