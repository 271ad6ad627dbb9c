//! Statements apart from other attributions (issue 22): a quote is something a source said or
//! wrote; beliefs, plans, findings and actions are kept apart, and only when asked for.

use lede::{annotate, Act, Annotation, Options, QuoteKind};

fn run(text: &str, attributions: bool) -> Annotation {
    annotate(
        text,
        &Options {
            attributions,
            ..Options::default()
        },
    )
}

fn has(items: &[lede::Quote], words: &str) -> bool {
    items.iter().any(|q| q.text.contains(words))
}

#[test]
fn only_statements_are_quotes() {
    let text = "The minister said the budget would be balanced next year. \
                Opposition leader Jane Smith believes that the deficit will grow. \
                A study by the central bank found that prices rose sharply. \
                The company sued the province over the new rules.";
    let a = run(text, false);
    assert!(
        has(&a.quotes, "the budget would be balanced"),
        "{:?}",
        a.quotes
    );
    assert!(!has(&a.quotes, "the deficit will grow"), "{:?}", a.quotes);
    assert!(!has(&a.quotes, "prices rose sharply"), "{:?}", a.quotes);
    assert!(a.quotes.iter().all(|q| q.act == Act::Statement));
    assert!(a.attributions.is_empty(), "attributions are off by default");
    // Sources count statements only.
    let quoted: usize = a.sources.iter().map(|s| s.quotes.len()).sum();
    assert_eq!(quoted, a.quotes.len());

    let b = run(text, true);
    assert_eq!(
        b.quotes, a.quotes,
        "asking for attributions leaves the quotes as they are"
    );
    let act_of = |words: &str| {
        b.attributions
            .iter()
            .find(|q| q.text.contains(words))
            .map(|q| q.act)
    };
    assert_eq!(
        act_of("the deficit will grow"),
        Some(Act::Belief),
        "{:?}",
        b.attributions
    );
    assert_eq!(
        act_of("prices rose sharply"),
        Some(Act::Finding),
        "{:?}",
        b.attributions
    );
}

#[test]
fn direct_quotes_are_statements_whatever_the_cue() {
    let text = "“We will win this fight,” the mayor told reporters in Ottawa.";
    let a = run(text, true);
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].kind, QuoteKind::Direct);
    assert!(a.attributions.is_empty());
}

#[test]
fn content_first_reported_speech_is_a_quote() {
    for (text, content, speaker) in [
        (
            "The death toll rose to 12 overnight, officials said.",
            "The death toll rose to 12 overnight",
            "officials",
        ),
        // The tagger reads "are monitoring" as a cue (a perception); the statement is Kirby's.
        (
            "U.S. officials are monitoring the situation closely, Kirby said.",
            "U.S. officials are monitoring the situation closely",
            "Kirby",
        ),
    ] {
        let a = run(text, false);
        let q = a
            .quotes
            .iter()
            .find(|q| q.text == content)
            .unwrap_or_else(|| panic!("{text}: {:?}", a.quotes));
        assert_eq!(q.kind, QuoteKind::Indirect);
        assert_eq!(q.speaker.as_ref().map(|s| s.text.as_str()), Some(speaker));
        assert_eq!(q.cue.as_ref().map(|c| c.text.as_str()), Some("said"));
    }
}
