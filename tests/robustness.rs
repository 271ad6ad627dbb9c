//! Bad input never panics, loses nothing and gets a clear warning.

use lede::{annotate, Options, Units};
use proptest::prelude::*;

fn check_spans(text: &str) {
    let a = annotate(
        text,
        &Options {
            offsets: Some(Units::Bytes),
            ..Default::default()
        },
    );
    for p in &a.paragraphs {
        assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end) && p.start <= p.end);
    }
    for e in &a.entities {
        assert_eq!(&text[e.start..e.end], e.text);
    }
    for q in &a.quotes {
        assert_eq!(&text[q.start..q.end], q.text);
        for t in q.speaker.iter().chain(&q.cue).chain(&q.parts) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
    // Sentences are ordered and disjoint.
    for w in a.sentences.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn empty_text_warns() {
    let a = annotate("", &Options::default());
    assert!(a.warnings[0].contains("empty"));
    assert!(a.paragraphs.is_empty() && a.quotes.is_empty());
    assert!(annotate(" \n\n\t ", &Options::default()).warnings[0].contains("empty"));
}

#[test]
fn binary_junk_and_html_warn() {
    let junk: String = (0u8..=255)
        .map(|b| b as char)
        .chain("\u{0}\u{1}\u{2}".chars())
        .collect();
    let a = annotate(&junk, &Options::default());
    assert!(a.warnings.iter().any(|w| w.contains("binary")));
    check_spans(&junk);
    let html = "<p>He said <img src=x onerror=alert(1)> “hi,” she said.</p>";
    let a = annotate(html, &Options::default());
    assert!(a.warnings.iter().any(|w| w.contains("HTML")));
    assert_eq!(
        a.quotes
            .iter()
            .filter(|q| q.kind != lede::QuoteKind::Indirect)
            .count(),
        1
    );
}

#[test]
fn unbalanced_quotes_warn() {
    let a = annotate("He said “this never ends.", &Options::default());
    assert!(a.quotes.is_empty());
    assert!(a.warnings.iter().any(|w| w.contains("no partner")));
}

#[test]
fn huge_text_is_annotated_whole() {
    let seed = include_str!("../seeds/000_d4b5ee5f7b1b9140.txt");
    let big = seed.repeat(1000); // ~2 MB
    let a = annotate(&big, &Options::default());
    assert!(a.quotes.len() >= 5000);
    assert_eq!(
        a.paragraphs.last().unwrap().end,
        big.trim_end().chars().count()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_unicode_never_panics(text in any::<String>()) {
        check_spans(&text);
    }

    #[test]
    fn quote_and_punctuation_soup_never_panics(text in "[“”‘’'\"«»„ .,!?…\\na-zA-Z0-9$%😀\u{301}-]{0,200}") {
        check_spans(&text);
    }
}
