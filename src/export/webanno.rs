//! `webanno`: W3C Web Annotation Data Model JSON-LD — an `AnnotationCollection` whose one page
//! holds an `Annotation` per entity and per quote. Each target carries a `TextPositionSelector`
//! (code points, as the model requires) and a `TextQuoteSelector` (the exact text and up to 32
//! characters either side), so a client finds the span even in a slightly edited copy.
//! Identifiers are `urn:lede:<slug>…`: the article has no address of its own.

use super::{kind_name, Article};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Characters of context in `prefix` and `suffix`.
const CONTEXT: usize = 32;

pub(super) fn write(article: &Article, slug: &str) -> String {
    let a = article.annotation;
    let base = format!("urn:lede:{slug}");
    let source = format!("{base}:text");
    let target = |start: usize, end: usize| {
        json!({
            "source": source,
            "selector": [
                { "type": "TextPositionSelector", "start": start, "end": end },
                {
                    "type": "TextQuoteSelector",
                    "exact": article.slice(start, end),
                    "prefix": article.slice(start.saturating_sub(CONTEXT), start),
                    "suffix": article.slice(end, (end + CONTEXT).min(article.len)),
                },
            ],
        })
    };
    let tag = |purpose: &str, value: &str| json!({ "type": "TextualBody", "purpose": purpose, "value": value });
    let mut items = Vec::with_capacity(a.entities.len() + a.quotes.len());
    let mut entity_at = HashMap::new();
    for (i, e) in a.entities.iter().enumerate() {
        let id = format!("{base}:entity:{}", i + 1);
        let mut body = vec![tag("tagging", e.label.as_str())];
        if let Some(value) = &e.value {
            body.push(tag("describing", value));
        }
        if let Some(c) = e.cluster.and_then(|c| a.clusters.get(c)) {
            body.push(tag("identifying", &c.name));
        }
        items.push(annotation(&id, "tagging", body, target(e.start, e.end)));
        entity_at.entry((e.start, e.end)).or_insert(id);
    }
    for (i, q) in a.quotes.iter().enumerate() {
        let mut body = vec![
            tag("tagging", "quote"),
            tag("classifying", kind_name(q.kind)),
        ];
        if let Some(name) = &q.speaker_name {
            body.push(tag("identifying", name));
        }
        // The speaker's entity annotation, when the speaker span is one.
        if let Some(id) = (q.speaker.as_ref()).and_then(|s| entity_at.get(&(s.start, s.end))) {
            body.push(json!({ "type": "SpecificResource", "purpose": "linking", "source": id }));
        }
        if let Some(cue) = &q.cue {
            body.push(tag("describing", &format!("cue: {}", cue.text)));
        }
        let id = format!("{base}:quote:{}", i + 1);
        items.push(annotation(&id, "classifying", body, target(q.start, q.end)));
    }
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": base,
        "type": "AnnotationCollection",
        "label": article.headline,
        "total": items.len(),
        "first": {
            "id": format!("{base}:page:1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut out = serde_json::to_string_pretty(&collection).expect("JSON values serialize");
    out.push('\n');
    out
}

fn annotation(id: &str, motivation: &str, body: Vec<Value>, target: Value) -> Value {
    json!({
        "id": id,
        "type": "Annotation",
        "motivation": motivation,
        "body": body,
        "target": target,
    })
}
