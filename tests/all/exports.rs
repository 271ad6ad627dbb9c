//! Each export read back the way its consumer reads it: offsets are code points that slice the
//! text (emoji and combining accents included), displaCy finds its keys, a brat reader finds each
//! `T` line's text at its offsets, CoNLL is token TAB IOB2 tag, the Web Annotation selectors
//! agree with the text, CSV has a header row.

use lede::export::{export, Format};
use lede::{annotate, Annotation, Options};
use std::collections::{HashMap, HashSet};

const SEED: &str = include_str!("../../seeds/000_d4b5ee5f7b1b9140.txt");

/// Emoji (one code point, two UTF-16 units, four bytes; and a ZWJ family), combining accents and
/// a line break inside a paragraph, before and between the spans.
const MIXED: &str = "Chefs 👩‍🍳 reopen Cafe\u{301} Zoë\n\n\
    😀 Cafe\u{301} owner Zoë Ørsted said on Friday: “We’ll open 👩‍👩‍👧 three stores in Paris \
    next\nyear.”\n\nPrices rose 3.5% in Łódź last month, said Marie Dupont, the mayor of Paris.\n";

fn articles() -> Vec<(&'static str, &'static str, Annotation)> {
    let options = Options::default();
    vec![
        ("seed", SEED, annotate(SEED, &options)),
        ("mixed", MIXED, annotate(MIXED, &options)),
    ]
}

/// Python's `text[start:end]`.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn content(text: &str, a: &Annotation, format: Format) -> String {
    export(text, a, format).unwrap().file.content
}

fn n(v: &serde_json::Value) -> usize {
    v.as_u64().expect("an offset is a number") as usize
}

#[test]
fn the_articles_have_what_the_exports_carry() {
    for (name, _, a) in articles() {
        assert!(a.entities.len() >= 4, "{name}: {:?}", a.entities);
        assert!(a.quotes.iter().any(|q| q.speaker.is_some()), "{name}");
    }
    // Spans after the emoji and accents, where code points, bytes and UTF-16 units differ.
    let (_, text, a) = &articles()[1];
    let paris = a.entities.iter().rev().find(|e| e.text == "Paris").unwrap();
    let before: String = text.chars().take(paris.start).collect();
    assert!(before.len() > paris.start && before.encode_utf16().count() > paris.start);
}

#[test]
fn json_holds_the_text_and_its_offsets_slice_it() {
    for (name, text, a) in articles() {
        let json: serde_json::Value =
            serde_json::from_str(&content(text, &a, Format::Json)).unwrap();
        assert_eq!(json["text"], text, "{name}");
        let back: Annotation = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, a, "{name}: the Annotation round-trips");
        for item in
            (json["entities"].as_array().unwrap().iter()).chain(json["quotes"].as_array().unwrap())
        {
            let (s, e) = (n(&item["start"]), n(&item["end"]));
            assert_eq!(slice(text, s, e), item["text"].as_str().unwrap(), "{name}");
        }
    }
}

#[test]
fn displacy_has_its_keys_and_slices_the_text() {
    for (name, text, a) in articles() {
        let doc: serde_json::Value =
            serde_json::from_str(&content(text, &a, Format::Displacy)).unwrap();
        // displacy.render(doc, style="ent", manual=True) reads exactly these.
        assert_eq!(doc["text"], text, "{name}");
        assert!(
            doc["title"].is_string(),
            "{name}: the headline is the title"
        );
        let ents = doc["ents"].as_array().unwrap();
        assert!(!ents.is_empty());
        let labels: HashMap<(usize, usize), &str> = (a.entities.iter())
            .map(|e| ((e.start, e.end), e.label.as_str()))
            .collect();
        let mut last_end = 0;
        for ent in ents {
            let (s, e) = (n(&ent["start"]), n(&ent["end"]));
            assert!(last_end <= s && s < e, "{name}: sorted, not overlapping");
            last_end = e;
            assert_eq!(
                Some(&ent["label"].as_str().unwrap()),
                labels.get(&(s, e)),
                "{name}: {} at {s}..{e}",
                slice(text, s, e)
            );
        }
    }
    let (_, text, a) = &articles()[1];
    let doc: serde_json::Value = serde_json::from_str(&content(text, a, Format::Displacy)).unwrap();
    assert_eq!(doc["title"], "Chefs 👩‍🍳 reopen Cafe\u{301} Zoë");
}

/// A `T` line: type, fragments (code points), text.
type TextBound = (String, Vec<(usize, usize)>, String);

/// A small brat standoff reader: `T` spans (fragments `s e;s e`, text joined by spaces), and
/// the ids each other line refers to.
struct Brat {
    spans: HashMap<String, TextBound>,
    refs: Vec<(String, String)>,
}

fn read_brat(ann: &str) -> Brat {
    let mut brat = Brat {
        spans: HashMap::new(),
        refs: Vec::new(),
    };
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields[0].to_string();
        let mut words = fields[1].split(' ');
        let kind = words.next().unwrap().to_string();
        match id.chars().next().unwrap() {
            'T' => {
                assert_eq!(fields.len(), 3, "{line}");
                let rest: Vec<&str> = words.collect();
                let fragments = (rest.join(" ").split(';'))
                    .map(|f| {
                        let (s, e) = f.split_once(' ').unwrap();
                        (s.parse().unwrap(), e.parse().unwrap())
                    })
                    .collect();
                let old = brat.spans.insert(id, (kind, fragments, fields[2].into()));
                assert!(old.is_none(), "{line}: ids are unique");
            }
            'R' => {
                for arg in words {
                    let (role, target) = arg.split_once(':').unwrap();
                    assert!(role == "Arg1" || role == "Arg2", "{line}");
                    brat.refs.push((line.into(), target.into()));
                }
            }
            'A' => brat.refs.push((line.into(), words.next().unwrap().into())),
            '#' => {
                assert_eq!(kind, "AnnotatorNotes");
                assert_eq!(fields.len(), 3, "{line}");
                brat.refs.push((line.into(), words.next().unwrap().into()));
            }
            '*' => brat
                .refs
                .extend(words.map(|t| (line.to_string(), t.to_string()))),
            _ => panic!("not a brat line: {line}"),
        }
    }
    brat
}

#[test]
fn brat_spans_read_back_at_their_offsets() {
    for (name, text, a) in articles() {
        let export = export(text, &a, Format::Brat).unwrap();
        let companion = export
            .companion
            .expect("brat needs the text beside the .ann");
        assert_eq!(companion.content, text, "{name}: the .txt is the text");
        let stem = export.file.filename.strip_suffix(".ann").unwrap();
        assert_eq!(companion.filename, format!("{stem}.txt"));
        let brat = read_brat(&export.file.content);
        let mut kinds = HashSet::new();
        for (id, (kind, fragments, said)) in &brat.spans {
            let pieces: Vec<String> = (fragments.iter())
                .map(|&(s, e)| slice(text, s, e))
                .collect();
            assert_eq!(&pieces.join(" "), said, "{name}: {id} {kind}");
            assert!(pieces.iter().all(|p| !p.contains('\n')));
            kinds.insert(kind.as_str());
        }
        for (line, target) in &brat.refs {
            assert!(brat.spans.contains_key(target), "{name}: {line}");
        }
        let quotes = brat.spans.values().filter(|s| s.0 == "Quote").count();
        assert_eq!(quotes, a.quotes.len(), "{name}: every quote");
        assert!(kinds.contains("Cue"), "{name}");
        let text_bound = a.entities.len() - a.entities.iter().filter(|e| e.start == e.end).count();
        let entities = (brat.spans.values())
            .filter(|s| lede::Label::parse(&s.0).is_some())
            .count();
        assert_eq!(entities, text_bound, "{name}: every entity");
        let spoken = (export.file.content.lines())
            .filter(|l| l.contains("\tSpokenBy "))
            .count();
        assert_eq!(
            spoken,
            a.quotes.iter().filter(|q| q.speaker.is_some()).count()
        );
    }
    // A quote across a line end is a discontinuous span.
    let (_, text, a) = &articles()[1];
    let brat = read_brat(&content(text, a, Format::Brat));
    assert!(
        (brat.spans.values()).any(|(k, f, _)| k == "Quote" && f.len() == 2),
        "the quote over a line end has two fragments"
    );
}

#[test]
fn conll_tokens_follow_the_text_with_iob2_tags() {
    for (name, text, a) in articles() {
        let conll = content(text, &a, Format::Conll);
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0; // code points read so far
        let mut found = Vec::new(); // (start, end, label) spelled by the tags
        for block in conll.trim_end().split("\n\n") {
            let mut previous = "O".to_string();
            for line in block.lines() {
                let (token, tag) = line.split_once('\t').expect("token TAB tag");
                assert!(!token.is_empty() && !tag.contains('\t'), "{name}: {line}");
                // Each token is next in the text.
                let len = token.chars().count();
                while chars[at..at + len].iter().collect::<String>() != token {
                    at += 1;
                }
                match tag.split_once('-') {
                    Some(("B", label)) => found.push((at, at + len, label.to_string())),
                    Some(("I", label)) => {
                        assert!(previous.ends_with(&format!("-{label}")), "{name}: {line}");
                        found.last_mut().unwrap().1 = at + len;
                    }
                    _ => assert_eq!(tag, "O", "{name}"),
                }
                previous = tag.to_string();
                at += len;
            }
        }
        let sentences = a.sentences.len();
        assert_eq!(conll.trim_end().split("\n\n").count(), sentences, "{name}");
        let want: Vec<(usize, usize, String)> = (a.entities.iter())
            .map(|e| (e.start, e.end, e.label.as_str().to_string()))
            .collect();
        assert_eq!(found, want, "{name}: the tags spell the entities");
    }
}

#[test]
fn web_annotation_selectors_agree_with_the_text() {
    for (name, text, a) in articles() {
        let doc: serde_json::Value =
            serde_json::from_str(&content(text, &a, Format::Webanno)).unwrap();
        assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(doc["type"], "AnnotationCollection");
        let items = doc["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), a.entities.len() + a.quotes.len(), "{name}");
        assert_eq!(n(&doc["total"]), items.len());
        let mut ids = HashSet::new();
        for item in items {
            assert_eq!(item["type"], "Annotation");
            assert!(ids.insert(item["id"].as_str().unwrap().to_string()));
            assert!(!item["body"].as_array().unwrap().is_empty());
            let selectors = item["target"]["selector"].as_array().unwrap();
            let by_type = |t: &str| selectors.iter().find(|s| s["type"] == t).unwrap();
            let position = by_type("TextPositionSelector");
            let quote = by_type("TextQuoteSelector");
            let (s, e) = (n(&position["start"]), n(&position["end"]));
            assert_eq!(quote["exact"], slice(text, s, e), "{name}");
            let prefix = quote["prefix"].as_str().unwrap();
            let suffix = quote["suffix"].as_str().unwrap();
            assert!(prefix.chars().count() <= 32 && suffix.chars().count() <= 32);
            let before: String = text.chars().take(s).collect();
            let after: String = text.chars().skip(e).collect();
            assert!(before.ends_with(prefix) && after.starts_with(suffix));
        }
        // A quote links to its speaker's entity annotation.
        let linked = (items.iter().flat_map(|i| i["body"].as_array().unwrap()))
            .filter(|b| b["purpose"] == "linking")
            .all(|b| ids.contains(b["source"].as_str().unwrap()));
        assert!(linked, "{name}");
    }
}

fn read_csv(content: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(content.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = (reader.records())
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), header.len());
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn quotes_csv_has_a_header_and_slices_the_text() {
    for (name, text, a) in articles() {
        let (header, rows) = read_csv(&content(text, &a, Format::QuotesCsv));
        let want = [
            "speaker",
            "speaker_cluster",
            "kind",
            "quote",
            "cue",
            "paragraph",
            "start",
            "end",
            "confidence",
            "speaker_confidence",
        ];
        assert_eq!(header, want);
        assert_eq!(rows.len(), a.quotes.len(), "{name}");
        for (row, q) in rows.iter().zip(&a.quotes) {
            assert_eq!(row["confidence"].parse::<f64>().unwrap(), q.confidence);
            assert_eq!(
                row["speaker_confidence"].parse::<f64>().ok(),
                q.speaker_confidence
            );
            let (s, e): (usize, usize) =
                (row["start"].parse().unwrap(), row["end"].parse().unwrap());
            assert_eq!(row["quote"], slice(text, s, e), "{name}");
            assert!(["direct", "partial", "indirect", "mixed"].contains(&row["kind"].as_str()));
            let p = &a.paragraphs[row["paragraph"].parse::<usize>().unwrap() - 1];
            assert!(
                p.start <= s && s < p.end,
                "{name}: the paragraph holds the quote"
            );
            assert_eq!(
                row["speaker_cluster"],
                q.speaker_cluster.map(|c| c.to_string()).unwrap_or_default()
            );
            if let Some(cue) = &q.cue {
                assert_eq!(row["cue"], cue.text);
            }
        }
        assert!(rows.iter().any(|r| !r["speaker"].is_empty()), "{name}");
    }
}

#[test]
fn entities_csv_has_a_header_and_slices_the_text() {
    for (name, text, a) in articles() {
        let (header, rows) = read_csv(&content(text, &a, Format::EntitiesCsv));
        assert_eq!(
            header,
            ["label", "text", "value", "cluster", "start", "end"]
        );
        assert_eq!(rows.len(), a.entities.len(), "{name}");
        for row in &rows {
            let (s, e): (usize, usize) =
                (row["start"].parse().unwrap(), row["end"].parse().unwrap());
            assert_eq!(row["text"], slice(text, s, e), "{name}");
            assert!(lede::Label::parse(&row["label"]).is_some());
        }
        assert!(
            rows.iter().any(|r| !r["value"].is_empty()),
            "{name}: resolved values"
        );
        assert!(
            rows.iter().any(|r| !r["cluster"].is_empty()),
            "{name}: clusters"
        );
    }
}

#[test]
fn file_names_come_from_the_headline() {
    let (_, text, a) = &articles()[1];
    for format in Format::ALL {
        let name = export(text, a, format).unwrap().file.filename;
        assert_eq!(name, format!("chefs-reopen-cafe-zoe{}", format.extension()));
    }
    let (_, seed, a) = &articles()[0];
    let name = export(seed, a, Format::QuotesCsv).unwrap().file.filename;
    assert_eq!(
        name,
        "the-white-house-on-friday-announced-that-north-korea-has.quotes.csv"
    );
    let empty = annotate("", &Options::default());
    assert_eq!(
        export("", &empty, Format::Json).unwrap().file.filename,
        "annotation.json"
    );
}

#[test]
fn an_annotation_of_another_text_or_unit_is_refused() {
    let (_, text, a) = &articles()[1];
    let utf16 = annotate(
        text,
        &Options {
            offsets: Some(lede::Units::Utf16),
            ..Options::default()
        },
    );
    let err = export(text, &utf16, Format::Json).unwrap_err().to_string();
    assert!(err.contains("code-point offsets"), "{err}");
    assert!(export(SEED, a, Format::Brat).is_err());
}
