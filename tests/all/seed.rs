//! Acceptance on the seed article: dateline, paragraphs, boilerplate, quotes, numeric entities.

use lede::{annotate, Options, ParagraphKind, QuoteKind, Units};

const SEED: &str = include_str!("../../seeds/000_d4b5ee5f7b1b9140.txt");

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn dateline_paragraphs_and_boilerplate() {
    let a = annotate(SEED, &Options::default());
    assert_eq!(a.date.as_deref(), Some("2023-10-13"));
    let dateline = &a.paragraphs[0];
    assert_eq!(dateline.kind, ParagraphKind::Dateline);
    assert_eq!(slice(SEED, dateline.start, dateline.end), "date 2023-10-13");
    let first = &a.sentences[0];
    assert!(slice(SEED, first.start, first.end).starts_with("The White House on Friday announced"));
    let dimmed: Vec<String> = a
        .paragraphs
        .iter()
        .filter(|p| matches!(p.kind, ParagraphKind::Boilerplate | ParagraphKind::Caption))
        .map(|p| slice(SEED, p.start, p.end))
        .collect();
    assert_eq!(dimmed.len(), 3, "{dimmed:?}");
    assert_eq!(dimmed[0], "ADVERTISEMENT Advertisement");
    assert!(dimmed[1].starts_with("Graphic provided by"));
    assert!(dimmed[2].starts_with("For the latest news"));
    // Later layers skip boilerplate: nothing is annotated inside it.
    for e in &a.entities {
        assert!(!dimmed
            .iter()
            .any(|d| d.contains(&e.text) && e.text == "The Hill"));
    }
}

#[test]
fn four_direct_quotes_and_one_mixed() {
    let a = annotate(SEED, &Options::default());
    let quotes: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    assert_eq!(quotes.len(), 5);
    let expect = [
        ("“Due in part", "equipment,”", QuoteKind::Direct),
        ("“We now have information", "munitions.”", QuoteKind::Direct),
        ("“We condemn the DPRK", "equipment,”", QuoteKind::Direct),
        ("“This expanding military", "regime,”", QuoteKind::Direct),
        ("Pyongyang will “pay a price”", "deal", QuoteKind::Mixed),
    ];
    for (q, (head, tail, kind)) in quotes.iter().zip(expect) {
        assert_eq!(slice(SEED, q.start, q.end), q.text);
        assert!(
            q.text.starts_with(head) && q.text.ends_with(tail),
            "{}",
            q.text
        );
        assert_eq!(q.kind, kind, "{}", q.text);
    }
    let parts: Vec<&str> = quotes[4].parts.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(parts, ["“pay a price”"]);
    for p in &quotes[4].parts {
        assert_eq!(slice(SEED, p.start, p.end), p.text);
    }
}

#[test]
fn numeric_entities_with_resolved_dates() {
    let a = annotate(SEED, &Options::default());
    let find = |text: &str| {
        a.entities
            .iter()
            .filter(|e| e.text == text)
            .collect::<Vec<_>>()
    };
    for (text, label, value) in [
        ("last month", "DATE", "2023-09"),
        ("Friday", "DATE", "2023-10-13"),
        ("Thursday", "DATE", "2023-10-12"),
        ("next Monday", "DATE", "2023-10-16"),
        ("more than 1000", "CARDINAL", ">1000"),
    ] {
        let found = find(text);
        assert!(!found.is_empty(), "{text} not found");
        for e in found {
            assert_eq!(e.label.as_str(), label);
            assert_eq!(e.value.as_deref(), Some(value));
            assert_eq!(slice(SEED, e.start, e.end), text);
        }
    }
    // Nothing inside the dateline marker.
    let dateline_end = a.paragraphs[0].end;
    assert!(a.entities.iter().all(|e| e.start >= dateline_end));
}

#[test]
fn offsets_in_every_unit_agree_with_the_text() {
    let text = format!(
        "date 2023-10-13 Café 😀 e\u{301}tat.\r\n\r\n{}",
        SEED.trim_start_matches(" date 2023-10-13 ")
    );
    for units in [Units::Bytes, Units::Chars, Units::Utf16] {
        let a = annotate(
            &text,
            &Options {
                offsets: Some(units),
                ..Default::default()
            },
        );
        for q in &a.quotes {
            let got = match units {
                Units::Bytes => text[q.start..q.end].to_string(),
                Units::Chars => slice(&text, q.start, q.end),
                Units::Utf16 => {
                    let u: Vec<u16> = text.encode_utf16().collect();
                    String::from_utf16(&u[q.start..q.end]).unwrap()
                }
            };
            assert_eq!(got, q.text, "{units:?}");
        }
    }
}

#[test]
fn clusters_are_things() {
    let a = annotate(SEED, &Options::default());
    let cluster = |name: &str| {
        a.clusters
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no cluster {name}: {:?}", a.clusters))
    };
    let texts = |name: &str| -> Vec<&str> {
        let c = cluster(name);
        c.mentions
            .iter()
            .map(|&e| a.entities[e].text.as_str())
            .collect()
    };
    // Short forms and aliases are one thing with the full name.
    assert_eq!(texts("John Kirby"), ["John Kirby", "Kirby", "Kirby"]);
    assert!(texts("North Korea").contains(&"DPRK"));
    assert_eq!(cluster("John Kirby").label, Some(lede::Label::Person));
    assert_eq!(cluster("The White House").label, Some(lede::Label::Org));
    // Each name is one cluster, and every mention has its cluster's type.
    let mut names: Vec<&str> = a.clusters.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), a.clusters.len(), "{names:?}");
    for c in &a.clusters {
        for &e in &c.mentions {
            assert_eq!(Some(a.entities[e].label), c.label, "{}", a.entities[e].text);
            assert_eq!(a.entities[e].cluster, Some(c.id));
        }
    }
    for e in &a.entities {
        assert!(
            !e.text.ends_with("'s") && !e.text.ends_with("’s"),
            "{}",
            e.text
        );
    }
}
