//! Bare weekdays resolve by the tense of their own clause: in an article of Friday 13 October
//! 2023, "said Thursday" is the day before and "will meet Thursday" the coming Thursday, even
//! when another clause of the sentence says otherwise.

// Only `check` is used here.
#[allow(dead_code)]
use crate::invariants;

use lede::{annotate, Options, Units};

/// The values of the DATE entities written `text`, in order, in `body` annotated as an article
/// of Friday 13 October 2023 (the caller's date).
fn values(body: &str, text: &str) -> Vec<String> {
    let options = Options {
        date: Some("2023-10-13".into()),
        ..Options::default()
    };
    let a = annotate(body, &options);
    invariants::check(body, Units::Chars, &a);
    a.entities
        .iter()
        .filter(|e| e.text == text)
        .map(|e| e.value.clone().unwrap_or_default())
        .collect()
}

#[test]
fn said_thursday_is_the_day_before() {
    assert_eq!(
        values("Rates will stay high, officials said Thursday.", "Thursday"),
        ["2023-10-12"]
    );
}

#[test]
fn will_meet_thursday_is_the_coming_one() {
    assert_eq!(
        values("The council will meet Thursday.", "Thursday"),
        ["2023-10-19"]
    );
    assert_eq!(
        values("The council is meeting on Thursday to vote.", "Thursday"),
        ["2023-10-19"]
    );
}

#[test]
fn the_weekday_reads_its_own_clause_not_the_sentence() {
    // The sentence has "will" and "next", but "Thursday" is the day of "said".
    assert_eq!(
        values(
            "The minister will meet them next month, officials said Thursday.",
            "Thursday"
        ),
        ["2023-10-12"]
    );
    // And the other way round.
    assert_eq!(
        values(
            "Officials said on Monday that the council will vote Thursday.",
            "Thursday"
        ),
        ["2023-10-19"]
    );
}

#[test]
fn a_possessive_weekday_reads_the_verb_after_it() {
    assert_eq!(
        values("Thursday's vote will decide the budget.", "Thursday"),
        ["2023-10-19"]
    );
    assert_eq!(
        values("Thursday's vote decided the budget.", "Thursday"),
        ["2023-10-12"]
    );
}

#[test]
fn a_dated_header_dates_the_weekdays_too() {
    let body = "Council sets budget\nPublished Oct. 13, 2023\n\n\
                The council met Tuesday and will vote Thursday, the mayor said Friday.";
    let a = annotate(body, &Options::default());
    invariants::check(body, Units::Chars, &a);
    let value = |text: &str| {
        a.entities
            .iter()
            .find(|e| e.text == text)
            .and_then(|e| e.value.as_deref())
    };
    assert_eq!(value("Tuesday"), Some("2023-10-10"));
    assert_eq!(value("Thursday"), Some("2023-10-19"));
    assert_eq!(value("Friday"), Some("2023-10-13"));
}

#[test]
fn explicit_weekdays_keep_their_word() {
    // "next" and "last" say which Friday, whatever the verb's tense.
    let body = "The council will meet next Friday, officials said last Friday.";
    assert_eq!(values(body, "next Friday"), ["2023-10-20"]);
    assert_eq!(values(body, "last Friday"), ["2023-10-06"]);
    let body = "The council met last Thursday and will meet next Thursday.";
    assert_eq!(values(body, "last Thursday"), ["2023-10-12"]);
    assert_eq!(values(body, "next Thursday"), ["2023-10-19"]);
}
