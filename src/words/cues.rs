//! Reporting cues: the words that attribute speech ("said", "told", "according to").
//!
//! The table (`CUES`) comes from `model/cues.txt`, derived from PolNeAR's train cues by
//! `scripts/derive/cues.py`: each form with how often it is a cue among all its occurrences.
//! Forms in `not_cues.txt` are left out at build time.

use super::{CUES, LISTENER_VERBS, TELLING_VERBS};

/// Forms below this cue ratio are attitude or evidence words ("seemed", "found", "known")
/// rather than speech; they only count as cues before `that` or a colon.
const SPEECH_RATIO: f32 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CueInfo {
    /// How often this form is a cue where it occurs in PolNeAR train.
    pub ratio: f32,
    /// Training count, for tie-breaking and reporting.
    pub count: u32,
}

/// The table entry for a word (case-insensitive), if it is a reporting cue.
pub fn lookup(word: &str) -> Option<CueInfo> {
    lookup_lower(&word.to_ascii_lowercase())
}

/// [`lookup`] for a word already in lower case.
pub fn lookup_lower(lower: &str) -> Option<CueInfo> {
    if lower.len() > 20 || !lower.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let i = CUES.binary_search_by(|(f, _, _)| (*f).cmp(lower)).ok()?;
    let (_, count, ratio) = CUES[i];
    Some(CueInfo { ratio, count })
}

/// Whether `word` is a verb of saying strong enough to introduce reported speech on its own.
pub fn is_speech(word: &str) -> bool {
    lookup(word).is_some_and(|c| c.ratio >= SPEECH_RATIO)
}

/// Verbs of telling: a listener may sit between the verb and `that` ("told reporters that").
pub fn tells(word: &str) -> bool {
    TELLING_VERBS.contains(&word.to_ascii_lowercase().as_str())
}

/// Verbs whose object is the listener, not the content ("told reporters that …", "warned
/// Moscow against …").
pub fn takes_listener(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    TELLING_VERBS.contains(&w.as_str()) || LISTENER_VERBS.contains(&w.as_str())
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
        assert!(tells("Told") && takes_listener("urged") && takes_listener("praised"));
        assert!(!tells("praised"));
    }
}
