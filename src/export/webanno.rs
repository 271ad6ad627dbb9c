//! `webanno`: W3C Web Annotation Data Model JSON-LD — an `AnnotationCollection` whose one page
//! holds an `Annotation` per entity and per quote. Each target carries a `TextPositionSelector`
//! (code points, as the model requires) and a `TextQuoteSelector` (the exact text and up to 32
//! characters either side), so a client finds the span even in a slightly edited copy.
//! Identifiers are `urn:lede:<slug>…`: the article has no address of its own.

use super::{kind_name, Article};
use serde::Serialize;
use std::collections::HashMap;

/// Characters of context in `prefix` and `suffix`.
const CONTEXT: usize = 32;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Body<'a> {
    TextualBody {
        purpose: &'static str,
        value: std::borrow::Cow<'a, str>,
    },
    /// Another annotation of this collection (a quote's speaker entity).
    SpecificResource {
        purpose: &'static str,
        source: String,
    },
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: [Selector<'a>; 2],
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextPositionSelector {
        start: usize,
        end: usize,
    },
    TextQuoteSelector {
        exact: &'a str,
        prefix: &'a str,
        suffix: &'a str,
    },
}

pub(super) fn write(article: &Article, slug: &str) -> String {
    let a = article.annotation;
    let base = format!("urn:lede:{slug}");
    let source = format!("{base}:text");
    let target = |start: usize, end: usize| Target {
        source: &source,
        selector: [
            Selector::TextPositionSelector { start, end },
            Selector::TextQuoteSelector {
                exact: article.slice(start, end),
                prefix: article.slice(start.saturating_sub(CONTEXT), start),
                suffix: article.slice(end, (end + CONTEXT).min(article.len)),
            },
        ],
    };
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
        entity_at.entry((e.start, e.end)).or_insert(id.clone());
        items.push(annotation(id, "tagging", body, target(e.start, e.end)));
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
            body.push(Body::SpecificResource {
                purpose: "linking",
                source: id.clone(),
            });
        }
        if let Some(cue) = &q.cue {
            body.push(Body::TextualBody {
                purpose: "describing",
                value: format!("cue: {}", cue.text).into(),
            });
        }
        let id = format!("{base}:quote:{}", i + 1);
        items.push(annotation(id, "classifying", body, target(q.start, q.end)));
    }
    let collection = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: &base,
        kind: "AnnotationCollection",
        label: &article.headline,
        total: items.len(),
        first: Page {
            id: format!("{base}:page:1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut out = serde_json::to_string_pretty(&collection).expect("plain data serializes");
    out.push('\n');
    out
}

fn tag<'a>(purpose: &'static str, value: &'a str) -> Body<'a> {
    Body::TextualBody {
        purpose,
        value: value.into(),
    }
}

fn annotation<'a>(
    id: String,
    motivation: &'static str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
) -> Annotation<'a> {
    Annotation {
        id,
        kind: "Annotation",
        motivation,
        body,
        target,
    }
}
