//! The article's header: its date (Published/Updated lines, bylines, date lines, the marker),
//! the place dateline, header paragraphs, and the caller's date overriding the text's.

// Only `check` is used here.
#[allow(dead_code)]
use crate::invariants;

use lede::{annotate, Annotation, DateSourceKind, Label, Options, ParagraphKind, Units};

const AP: &str = "North Korea sends arms to Russia, White House says\n\
By Jane Doe and John Roe, Associated Press\n\
Published 9:41 AM EDT, Fri October 13, 2023\n\
\n\
WASHINGTON (AP) — The White House on Friday said North Korea has delivered more than 1,000 \
containers of military equipment to Russia.\n\
\n\
“We condemn the DPRK,” National Security Adviser John Kirby told reporters in Washington last week.\n";

fn run(text: &str, options: Options) -> Annotation {
    let a = annotate(text, &options);
    invariants::check(text, options.offsets.unwrap_or(Units::Chars), &a);
    a
}

fn value_of<'a>(a: &'a Annotation, text: &str) -> Option<&'a str> {
    a.entities
        .iter()
        .find(|e| e.text == text)
        .and_then(|e| e.value.as_deref())
}

#[test]
fn an_ap_article_gets_its_date_and_dateline() {
    let a = run(AP, Options::default());
    assert_eq!(a.date.as_deref(), Some("2023-10-13"));
    let source = a.date_source.as_ref().expect("a date source");
    assert_eq!(source.kind, DateSourceKind::Published);
    assert_eq!(
        source.span.as_ref().map(|s| s.text.as_str()),
        Some("Fri October 13, 2023")
    );
    // Relative dates resolve against it.
    assert_eq!(value_of(&a, "Friday"), Some("2023-10-13"));
    assert_eq!(value_of(&a, "last week"), Some("2023-W40"));

    let dateline = a.dateline.as_ref().expect("a dateline");
    assert_eq!(dateline.text, "WASHINGTON (AP) —");
    assert_eq!(dateline.place.text, "WASHINGTON");
    assert_eq!(
        dateline.agency.as_ref().map(|s| s.text.as_str()),
        Some("AP")
    );
    let place = a
        .entities
        .iter()
        .find(|e| e.start == dateline.place.start)
        .expect("the place is an entity");
    assert_eq!(
        (place.text.as_str(), place.label),
        ("WASHINGTON", Label::Gpe)
    );
    // It is the same place as "Washington" in the body.
    let body = a.entities.iter().find(|e| e.text == "Washington").unwrap();
    assert_eq!(place.cluster, body.cluster);
    assert!(place.cluster.is_some());
}

#[test]
fn header_lines_are_not_body_text() {
    let bytes = Options {
        offsets: Some(Units::Bytes),
        ..Options::default()
    };
    let a = run(AP, bytes);
    let kinds: Vec<(ParagraphKind, &str)> = a
        .paragraphs
        .iter()
        .map(|p| (p.kind, &AP[p.start..p.end]))
        .collect();
    assert_eq!(
        kinds[1..4],
        [
            (
                ParagraphKind::Header,
                "By Jane Doe and John Roe, Associated Press"
            ),
            (
                ParagraphKind::Header,
                "Published 9:41 AM EDT, Fri October 13, 2023"
            ),
            (ParagraphKind::Dateline, "WASHINGTON (AP) —"),
        ]
    );
    let header_end = a.paragraphs[3].end;
    assert!(
        !a.entities
            .iter()
            .any(|e| e.label == Label::Gpe && e.text.contains("Fri")),
        "Fri is no place: {:?}",
        a.entities
    );
    // The byline's names are entities of their own, the date line's date a DATE.
    let label_of = |t: &str| a.entities.iter().find(|e| e.text == t).map(|e| e.label);
    assert_eq!(label_of("Jane Doe"), Some(Label::Person));
    assert_eq!(label_of("John Roe"), Some(Label::Person));
    assert_eq!(label_of("Associated Press"), Some(Label::Org));
    let date = a.entities.iter().find(|e| e.text == "Fri October 13, 2023");
    assert_eq!(date.map(|e| e.label), Some(Label::Date));
    // No quote and no speaker in the byline, the Published line or the dateline.
    let byline = a.paragraphs[1].start;
    for q in &a.quotes {
        assert!(
            q.end <= byline || q.start >= header_end,
            "quote in the header: {q:?}"
        );
        if let Some(s) = &q.speaker {
            assert!(s.end <= byline || s.start >= header_end, "speaker {s:?}");
        }
    }
    assert!(a
        .quotes
        .iter()
        .any(|q| q.speaker_name.as_deref() == Some("John Kirby")));
}

#[test]
fn the_callers_date_overrides_the_text() {
    let options = Options {
        date: Some("2023-11-20".into()),
        ..Options::default()
    };
    let a = run(AP, options);
    assert_eq!(a.date.as_deref(), Some("2023-11-20"));
    let source = a.date_source.as_ref().unwrap();
    assert_eq!(
        (source.kind, source.span.is_none()),
        (DateSourceKind::Option, true)
    );
    assert_eq!(value_of(&a, "Friday"), Some("2023-11-17"));
}

#[test]
fn reuters_dateline_and_a_dated_byline() {
    let t = "By Jane Doe, Associated Press | October 13, 2023\n\n\
             LONDON, Oct 13 (Reuters) - Britain's economy grew last month, officials said on Friday.";
    let a = run(t, Options::default());
    assert_eq!(a.date.as_deref(), Some("2023-10-13"));
    assert_eq!(a.date_source.as_ref().unwrap().kind, DateSourceKind::Byline);
    let d = a.dateline.as_ref().unwrap();
    assert_eq!(d.text, "LONDON, Oct 13 (Reuters) -");
    assert_eq!(d.date.as_ref().unwrap().text, "Oct 13");
    assert_eq!(value_of(&a, "last month"), Some("2023-09"));
    assert!(a
        .entities
        .iter()
        .any(|e| e.text == "LONDON" && e.label == Label::Gpe));
}

#[test]
fn offsets_of_the_header_fields_in_every_unit() {
    // Emoji and a combining accent before the dateline shift every unit differently.
    let t = "Café́ 🎉 news\nPublished Oct. 13, 2023\n\nBEIJING (Reuters) - China said on Friday 😀 it would act.";
    for unit in [Units::Bytes, Units::Chars, Units::Utf16] {
        let a = run(
            t,
            Options {
                offsets: Some(unit),
                ..Options::default()
            },
        );
        assert_eq!(a.date.as_deref(), Some("2023-10-13"), "{unit:?}");
        assert_eq!(a.dateline.as_ref().unwrap().place.text, "BEIJING");
    }
}

#[test]
fn the_marker_still_dates_the_article() {
    let a = run("date 2023-10-13 They met on Friday.", Options::default());
    assert_eq!(a.date_source.as_ref().unwrap().kind, DateSourceKind::Marker);
    assert_eq!(
        a.date_source.as_ref().unwrap().span.as_ref().unwrap().text,
        "2023-10-13"
    );
    assert_eq!(value_of(&a, "Friday"), Some("2023-10-13"));
    assert!(a.dateline.is_none());
}
