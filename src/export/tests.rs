//! Each format on small hand-made annotations: the exact lines it writes. (tests/all/exports.rs
//! reads the exports of real annotations back as their consumers do.)

use super::*;
use crate::schema::{Cluster, Entity, Label, Paragraph, Quote, Sentence, TextSpan};

/// `Kirby` and `Friday` tagged, one cluster, one direct quote by Kirby, cue `said`.
///           0         1         2         3         4
///           0123456789012345678901234567890123456789012345
const TEXT: &str = "Héadline 😀\n\n“We act,” Kirby said on Friday.\n";

fn span(start: usize, end: usize) -> TextSpan {
    let text = TEXT.chars().skip(start).take(end - start).collect();
    TextSpan { start, end, text }
}

/// Schema items are read from JSON, so fields added to the schema with a default leave these
/// tests alone.
fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("a schema item")
}

fn entity(start: usize, end: usize, label: Label) -> Entity {
    from_json(serde_json::json!({
        "start": start, "end": end, "text": span(start, end).text, "label": label,
    }))
}

fn sample() -> Annotation {
    let mut kirby = entity(22, 27, Label::Person);
    kirby.cluster = Some(0);
    let mut friday = entity(36, 42, Label::Date);
    friday.value = Some("2023-10-13".into());
    let cluster: Cluster = from_json(serde_json::json!({
        "id": 0, "name": "John Kirby", "label": "PERSON", "mentions": [0],
    }));
    let quote: Quote = from_json(serde_json::json!({
        "start": 12, "end": 21, "text": span(12, 21).text, "kind": "direct",
        "speaker": span(22, 27), "speaker_name": "John Kirby", "speaker_cluster": 0,
        "cue": span(28, 32), "confidence": 0.875, "speaker_confidence": 0.75,
    }));
    let paragraph = |start, end| Paragraph {
        start,
        end,
        kind: ParagraphKind::Body,
    };
    Annotation {
        paragraphs: vec![paragraph(0, 10), paragraph(12, 43)],
        sentences: vec![
            Sentence { start: 0, end: 10 },
            Sentence { start: 12, end: 43 },
        ],
        entities: vec![kirby, friday],
        clusters: vec![cluster],
        quotes: vec![quote],
        ..Annotation::default()
    }
}

fn write(format: Format) -> String {
    export(TEXT, &sample(), format).unwrap().file.content
}

#[test]
fn the_sample_spans_are_what_they_say() {
    let a = sample();
    assert_eq!(a.entities[0].text, "Kirby");
    assert_eq!(a.entities[1].text, "Friday");
    assert_eq!(a.quotes[0].text, "“We act,”");
    assert_eq!(a.quotes[0].cue.as_ref().unwrap().text, "said");
}

#[test]
fn brat_lines() {
    assert_eq!(
        write(Format::Brat),
        "T1\tPERSON 22 27\tKirby\n\
         T2\tDATE 36 42\tFriday\n\
         #1\tAnnotatorNotes T2\t2023-10-13\n\
         T3\tQuote 12 21\t“We act,”\n\
         A1\tKind T3 direct\n\
         R1\tSpokenBy Arg1:T3 Arg2:T1\n\
         #2\tAnnotatorNotes T3\tspeaker: John Kirby\n\
         T4\tCue 28 32\tsaid\n\
         R2\tCuedBy Arg1:T3 Arg2:T4\n"
    );
}

#[test]
fn brat_splits_a_span_at_line_ends_and_gives_a_pronoun_speaker_its_own_span() {
    let mut a = sample();
    // One entity over the paragraph break: two fragments, their text joined by a space.
    a.entities = vec![entity(9, 14, Label::Org)];
    a.clusters.clear();
    a.quotes[0].speaker_cluster = None;
    a.quotes[0].speaker = Some(span(22, 27));
    let brat = export(TEXT, &a, Format::Brat).unwrap().file.content;
    let lines: Vec<&str> = brat.lines().collect();
    assert_eq!(lines[0], "T1\tORG 9 10;12 14\t😀 “W");
    assert!(lines.contains(&"T3\tSpeaker 22 27\tKirby"), "{brat}");
    assert!(lines.contains(&"R1\tSpokenBy Arg1:T2 Arg2:T3"), "{brat}");
}

#[test]
fn brat_puts_a_clusters_references_in_its_coreference_and_a_speaker_reuses_one() {
    let mut a = sample();
    // "We" (12..14 in code points is “W; 13..15 is "We") refers to the Kirby cluster, and
    // speaks a second quote.
    a.clusters[0].references = vec![span(13, 15)];
    let mut second = a.quotes[0].clone();
    second.speaker = Some(span(13, 15));
    a.quotes.push(second);
    let brat = export(TEXT, &a, Format::Brat).unwrap().file.content;
    let lines: Vec<&str> = brat.lines().collect();
    assert!(lines.contains(&"T3\tReference 13 15\tWe"), "{brat}");
    assert!(lines.contains(&"*\tCoreference T1 T3"), "{brat}");
    // The second quote is spoken by that reference, not by a new Speaker span.
    assert!(!brat.contains("Speaker"), "{brat}");
    assert!(lines.iter().any(|l| l.ends_with("Arg2:T3")), "{brat}");
}

#[test]
fn conll_blocks() {
    assert_eq!(
        write(Format::Conll),
        "Héadline\tO\n😀\tO\n\n\
         “\tO\nWe\tO\nact\tO\n,\tO\n”\tO\nKirby\tB-PERSON\nsaid\tO\non\tO\nFriday\tB-DATE\n.\tO\n"
    );
}

#[test]
fn conll_starts_a_multi_token_entity_with_b_and_each_sentence_afresh() {
    let mut a = sample();
    a.entities = vec![entity(22, 42, Label::Event)];
    a.clusters.clear();
    a.quotes.clear();
    a.sentences = vec![
        Sentence { start: 12, end: 32 },
        Sentence { start: 33, end: 43 },
    ];
    let conll = export(TEXT, &a, Format::Conll).unwrap().file.content;
    assert!(conll.contains("Kirby\tB-EVENT\nsaid\tI-EVENT\n\non\tB-EVENT\nFriday\tI-EVENT\n.\tO"));
}

#[test]
fn displacy_document() {
    let doc: serde_json::Value = serde_json::from_str(&write(Format::Displacy)).unwrap();
    assert_eq!(
        doc,
        serde_json::json!({
            "text": TEXT,
            "ents": [
                { "start": 22, "end": 27, "label": "PERSON" },
                { "start": 36, "end": 42, "label": "DATE" },
            ],
            "title": "Héadline 😀",
        })
    );
}

#[test]
fn csv_rows() {
    assert_eq!(
        write(Format::QuotesCsv),
        "speaker,speaker_cluster,kind,quote,cue,paragraph,start,end,confidence,speaker_confidence\r\n\
         John Kirby,0,direct,\"“We act,”\",said,2,12,21,0.875,0.75\r\n"
    );
    assert_eq!(
        write(Format::EntitiesCsv),
        "label,text,value,cluster,start,end\r\n\
         PERSON,Kirby,,0,22,27\r\n\
         DATE,Friday,2023-10-13,,36,42\r\n"
    );
}

#[test]
fn csv_cells_that_read_as_formulas_are_defused() {
    let text = "=SUM(A1) and @cmd";
    let product = |start, end| {
        from_json::<Entity>(serde_json::json!({
            "start": start, "end": end, "text": &text[start..end], "label": "PRODUCT",
        }))
    };
    let a = Annotation {
        entities: vec![product(0, 8), product(13, 17)],
        ..Annotation::default()
    };
    let csv = export(text, &a, Format::EntitiesCsv).unwrap().file.content;
    assert!(csv.contains("PRODUCT,'=SUM(A1),,,0,8\r\n"), "{csv}");
    assert!(csv.contains("PRODUCT,'@cmd,,,13,17\r\n"), "{csv}");
}

#[test]
fn web_annotation_of_a_quote() {
    let doc: serde_json::Value = serde_json::from_str(&write(Format::Webanno)).unwrap();
    let items = doc["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(doc["label"], "Héadline 😀");
    let quote = &items[2];
    assert_eq!(quote["id"], "urn:lede:headline:quote:1");
    assert_eq!(quote["motivation"], "classifying");
    assert_eq!(
        quote["target"]["selector"],
        serde_json::json!([
            { "type": "TextPositionSelector", "start": 12, "end": 21 },
            {
                "type": "TextQuoteSelector",
                "exact": "“We act,”",
                "prefix": "Héadline 😀\n\n",
                "suffix": " Kirby said on Friday.\n",
            },
        ])
    );
    let bodies = quote["body"].as_array().unwrap();
    assert!(bodies.contains(&serde_json::json!({
        "type": "SpecificResource", "purpose": "linking", "source": "urn:lede:headline:entity:1"
    })));
    assert!(bodies.contains(&serde_json::json!({
        "type": "TextualBody", "purpose": "identifying", "value": "John Kirby"
    })));
}

#[test]
fn json_adds_the_text() {
    let json: serde_json::Value = serde_json::from_str(&write(Format::Json)).unwrap();
    assert_eq!(json["text"], TEXT);
    assert_eq!(json["quotes"][0]["speaker_name"], "John Kirby");
}

#[test]
fn names_and_types() {
    for f in Format::ALL {
        assert_eq!(Format::parse(f.name()), Some(f));
        let e = export(TEXT, &sample(), f).unwrap();
        assert_eq!(e.file.filename, format!("headline{}", f.extension()));
        assert_eq!(e.file.mime, f.mime());
        assert_eq!(e.companion.is_some(), f == Format::Brat);
    }
    assert_eq!(Format::parse("xml"), None);
}

#[test]
fn mismatched_annotations_are_refused() {
    let mut a = sample();
    a.entities[0].start += 1;
    let err = export(TEXT, &a, Format::Json).unwrap_err().to_string();
    assert!(err.contains("\"Kirby\" at 23..27 reads \"irby\""), "{err}");
    let mut a = sample();
    a.quotes[0].end = 400;
    assert!(export(TEXT, &a, Format::Conll).is_err());
    let mut a = sample();
    a.entities[0].cluster = Some(7);
    assert!(export(TEXT, &a, Format::Brat).is_err());
}
