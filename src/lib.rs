//! Lede: annotates news articles with entities, dates, quotations and their speakers.
//!
//! The flow: text → `article` (dateline, paragraphs, boilerplate) → `doc` (tokens,
//! sentences) → `ner` model + `numeric` rule entities → `consistency` (tidied names, `mentions`
//! clustered, short forms joined, one type per cluster) →
//! `quotes` (spans, cues, speakers) → [`Annotation`]. Each stage is a pure function
//! of the previous stage's output; the wasm binding and the CLI are thin shells over [`annotate`].
//!
//! The public surface is [`annotate`] with its [`Options`] and [`Units`], the schema types
//! ([`Annotation`] and its parts), [`token_count`] and [`is_iso_date`]; the stages are private.
//! With the feature `tools`, [`tools`] adds training, evaluation and corpus readers; on wasm32,
//! `wasm` is the JS binding.

mod article;
mod clusters;
mod consistency;
mod doc;
/// Exports of an Annotation and its text: JSON, displaCy, brat, CoNLL, Web Annotation, CSV.
pub mod export;
mod header;
mod header_entities;
mod mentions;
mod ner;
mod numeric;
mod quotes;
mod schema;
mod seq;
mod text;
mod time;
mod words;

/// The JS binding; public so the in-browser tests (`tests/wasm.rs`) call exactly what JS calls.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(feature = "tools")]
pub mod tools;

// The tools read files and train models: nothing for a browser. Catches a wasm build that
// forgot --no-default-features.
#[cfg(all(feature = "tools", target_arch = "wasm32"))]
compile_error!("the `tools` feature is native only: build wasm with --no-default-features");

use doc::Doc;
pub use schema::*;
pub use text::Units;

use clusters::Clustered;
use serde::{Deserialize, Serialize};

/// Options for [`annotate`]; every field has a default so `{}` from JS works.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Unit of every offset in the result; code points when unset (the JS binding sets UTF-16).
    pub offsets: Option<Units>,
    /// Article date (`YYYY-MM-DD`) that relative dates ("last month") resolve against; it
    /// overrides the date the text's header gives.
    pub date: Option<String>,
}

/// The longest text Lede annotates: 16 MiB of UTF-8. Annotating takes about 35 MB of memory per
/// MB of news natively (`lede bench --hostile` shows hostile text within 4× of that), so a text at
/// the limit needs about 600 MB, well below what a wasm32 page can hold (it traps near 56 MB of
/// text). Split longer texts into articles.
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// Why a text is not annotated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Longer than [`MAX_TEXT_BYTES`].
    TooLarge { bytes: usize },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::TooLarge { bytes } => write!(
                f,
                "the text is {:.1} MB; Lede annotates texts up to {} MB: split it into articles",
                *bytes as f64 / (1 << 20) as f64,
                MAX_TEXT_BYTES >> 20
            ),
        }
    }
}

impl std::error::Error for Refusal {}

/// Annotates `text`, or says why not (a text over [`MAX_TEXT_BYTES`]).
pub fn try_annotate(text: &str, options: &Options) -> Result<Annotation, Refusal> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Refusal::TooLarge { bytes: text.len() });
    }
    Ok(annotate_within_limit(text, options))
}

/// Annotates `text`. Never panics on any input; problems with the input come back as warnings,
/// and a text over [`MAX_TEXT_BYTES`] comes back with nothing but the warning saying so (use
/// [`try_annotate`] to get that as an error).
pub fn annotate(text: &str, options: &Options) -> Annotation {
    try_annotate(text, options).unwrap_or_else(|refusal| Annotation {
        warnings: vec![format!("Not annotated: {refusal}.")],
        ..Annotation::default()
    })
}

fn annotate_within_limit(text: &str, options: &Options) -> Annotation {
    annotate_rated(text, options, &Models::shipped(), false).0
}

/// The learned models the pipeline runs with (the shipped ones, or others the trainers learn
/// fold by fold).
pub(crate) struct Models<'a> {
    pub rater: quotes::confidence::Rater<'a>,
    pub reporting: quotes::Reporting<'a>,
}

impl Models<'static> {
    pub(crate) fn shipped() -> Models<'static> {
        Models {
            rater: quotes::confidence::Rater::shipped(),
            reporting: quotes::Reporting {
                tagger: Some(quotes::tagger_table::Table::shipped()),
                rules_fill: true,
            },
        }
    }
}

/// Entities of the model and the rules, made consistent, and their mentions.
pub(crate) fn entities(doc: &Doc) -> (Vec<Entity>, mentions::Mentions) {
    let entities = ner::combine::combine(ner::find(doc), numeric::find(doc), ner::combine::policy);
    consistency::resolve(doc, entities)
}

/// The pipeline with a given quote confidence model; with `with_features`, also each kept
/// quote's confidence features, in the order of `Annotation::quotes` (the trainer learns from
/// them; annotating keeps none).
pub(crate) fn annotate_rated(
    text: &str,
    options: &Options,
    models: &Models,
    with_features: bool,
) -> (Annotation, Vec<Vec<String>>) {
    let original = text;
    let unified = unify_line_ends(text);
    let text: &str = &unified;
    let given = options.date.as_deref().and_then(time::parse_iso);
    let doc = Doc::new(text, given);
    let (entities, mentions) = entities(&doc);
    let (quotes, unbalanced) = quotes::find(&doc);
    let quotes = quotes::attribute(&doc, &entities, &mentions, quotes, models.reporting);
    let quotes = quotes::confidence::rate(&doc, quotes, &models.rater);
    let features = match with_features {
        true => (quotes.iter())
            .map(|a| quotes::confidence::features(&doc, &a.quote))
            .collect(),
        false => Vec::new(),
    };
    let Clustered {
        entities,
        mut clusters,
        quotes,
    } = clusters::build(mentions, entities, quotes);
    let entities = header_entities::add(text, &doc.header, entities, &mut clusters);
    let mut warnings = input_warnings(text);
    if let Some(d) = options
        .date
        .as_deref()
        .filter(|d| time::parse_iso(d).is_none())
    {
        warnings.push(format!(
            "The date {d:?} is not a YYYY-MM-DD calendar date; relative dates are not resolved."
        ));
    }
    if unbalanced > 0 {
        warnings.push(format!(
            "{unbalanced} quote mark(s) have no partner; those quotes are not marked."
        ));
    }

    let mut annotation = Annotation {
        date: doc.date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        date_source: if given.is_some() {
            Some(DateSource {
                kind: DateSourceKind::Option,
                span: None,
            })
        } else {
            doc.header.date.map(|d| DateSource {
                kind: d.kind,
                span: Some(text_span(text, d.span)),
            })
        },
        dateline: doc.header.dateline.as_ref().map(|d| Dateline {
            start: d.span.start,
            end: d.span.end,
            text: text[d.span.start..d.span.end].to_string(),
            place: text_span(text, d.place),
            agency: d.agency.map(|s| text_span(text, s)),
            date: d.date.map(|s| text_span(text, s)),
        }),
        paragraphs: doc.paragraphs.clone(),
        sentences: doc
            .sentence_spans()
            .map(|s| Sentence {
                start: s.start,
                end: s.end,
            })
            .collect(),
        entities,
        clusters,
        quotes,
        warnings,
    };
    if let std::borrow::Cow::Owned(_) = unified {
        annotation.restore_texts(original);
    }
    let map = text::OffsetMap::new(text, options.offsets.unwrap_or(Units::Chars));
    annotation.convert_offsets(|b| map.convert(b));
    (annotation, features)
}

fn text_span(text: &str, s: Span) -> TextSpan {
    TextSpan {
        start: s.start,
        end: s.end,
        text: text[s.start..s.end].to_string(),
    }
}

/// Number of tokens the pipeline reads in `text` (what `lede bench` and the browser benchmark
/// count tokens/s by).
pub fn token_count(text: &str) -> usize {
    Doc::new(&unify_line_ends(text), None).tokens.len()
}

/// `text` with each lone `\r` (old Mac line end) turned into `\n`, so every stage sees the line
/// ends it knows (`\n`, `\r\n`). Both are one byte, one code point and one UTF-16 unit: every
/// offset into the copy is the same offset into `text`. Borrowed when there is no lone `\r`.
fn unify_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let lone = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if !(0..b.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    for (i, c) in out.iter_mut().enumerate() {
        if lone(i) {
            *c = b'\n';
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    std::borrow::Cow::Owned(String::from_utf8(out).expect("still UTF-8"))
}

/// Whether `s` is a calendar date written `YYYY-MM-DD`, the form [`Options::date`] takes.
pub fn is_iso_date(s: &str) -> bool {
    time::parse_iso(s).is_some()
}

/// Plain-language notes about input that may not be an article.
fn input_warnings(text: &str) -> Vec<String> {
    let mut w = Vec::new();
    if text.trim().is_empty() {
        w.push("The text is empty: paste or type an article to annotate.".to_string());
        return w;
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if controls * 100 > text.chars().count().max(1) || text.contains('\u{FFFD}') {
        w.push(
            "The text contains binary or control characters; it may not be an article.".to_string(),
        );
    }
    let lower = text
        .get(..text.len().min(4096))
        .unwrap_or(text)
        .to_ascii_lowercase();
    if ["<p>", "<div", "<html", "<br", "<span", "<a href"]
        .iter()
        .any(|t| lower.contains(t))
    {
        w.push(
            "The text looks like HTML; tags are annotated as plain text, not interpreted."
                .to_string(),
        );
    }
    w
}
