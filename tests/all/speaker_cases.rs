//! Who said it, case by case: `tests/speakers/cases.jsonl` holds short paragraphs written for
//! this test (no corpus text), one per case of issue 23 (pronouns, descriptions, titles and
//! roles, hyphenated and apostrophe names, content-first attribution, organisations, documents,
//! coordination), each with the name every quote should carry (`null`: none, the speaker is
//! unnamed; `speaker`, where given, is the first quote's speaker as written). A case marked
//! `gap` is one Lede gets wrong today: it must still fail, so fixing it shows here and the mark
//! comes off.

use lede::{annotate, Options};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    case: String,
    text: String,
    /// (how the quote's text starts, the speaker name it should carry).
    quotes: Vec<(String, Option<String>)>,
    /// The first quote's speaker mention as written, where the case is about that.
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    gap: Option<String>,
}

/// A name as compared: lower case, without a leading "the".
fn norm(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

/// What goes wrong with a case, if anything.
fn check(c: &Case) -> Option<String> {
    let a = annotate(&c.text, &Options::default());
    if let (Some(want), Some(q)) = (&c.speaker, a.quotes.first()) {
        let written = q.speaker.as_ref().map(|s| s.text.as_str());
        if written != Some(want.as_str()) {
            return Some(format!("speaker written {written:?}, want {want:?}"));
        }
    }
    for (head, want) in &c.quotes {
        let Some(q) = a.quotes.iter().find(|q| q.text.starts_with(head.as_str())) else {
            let found: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
            return Some(format!("no quote starting {head:?} (found {found:?})"));
        };
        let got = q.speaker_name.as_deref();
        if got.map(norm) != want.as_deref().map(norm) {
            let written = q.speaker.as_ref().map(|s| s.text.as_str());
            return Some(format!(
                "{head:?}: speaker_name {got:?} (written {written:?}), want {want:?}"
            ));
        }
    }
    None
}

#[test]
fn every_case_names_its_speakers_and_every_known_gap_still_fails() {
    let cases: Vec<Case> = include_str!("../speakers/cases.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut wrong = Vec::new();
    let (mut right, mut gaps) = (0, 0);
    for c in &cases {
        match (check(c), &c.gap) {
            (None, None) => right += 1,
            (Some(e), None) => wrong.push(format!("{}: {e}", c.case)),
            (Some(_), Some(_)) => gaps += 1,
            (None, Some(why)) => wrong.push(format!(
                "{}: passes now; take off its gap mark ({why})",
                c.case
            )),
        }
    }
    eprintln!(
        "{right} cases right, {gaps} known gaps, {} wrong",
        wrong.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
