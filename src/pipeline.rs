//! The stage order, top to bottom: article and text (`Doc`), entities, coreference, quotes
//! and their confidence, clusters, sources, then the Annotation with its warnings and offsets in the
//! caller's units.

use crate::article::warnings::input_warnings;
use crate::article::{header_entities, time};
use crate::clusters::{self, Clustered};
use crate::coref::{self, mentions::Mentions};
use crate::entities;
use crate::quotes;
use crate::schema::*;
use crate::sources;
use crate::text::{self, doc::Doc, unify_line_ends};

/// The learned models the pipeline runs with (the shipped ones, or others the trainers learn
/// fold by fold).
pub struct Models<'a> {
    pub rater: quotes::confidence::Rater<'a>,
    /// How sure a quote's speaker is.
    pub speakers: quotes::speaker_confidence::SpeakerRaters<'a>,
    pub reporting: quotes::Reporting<'a>,
    /// Tells statements (quotes) from the other attributions.
    pub acts: &'a quotes::acts::Acts,
}

impl Models<'static> {
    pub fn shipped() -> Models<'static> {
        Models {
            rater: quotes::confidence::Rater::shipped(),
            speakers: quotes::speaker_confidence::shipped(),
            reporting: quotes::Reporting {
                tagger: Some(quotes::tagger_table::Table::shipped()),
                rules_fill: true,
                chains: Some(coref::chains::Models::shipped()),
            },
            acts: quotes::acts::Acts::shipped(),
        }
    }
}

/// Entities of the model and the rules, tidied, clustered into mentions, one type per cluster.
pub fn entities(doc: &Doc) -> (Vec<Entity>, Mentions) {
    coref::resolve(doc, entities::find(doc))
}

/// The pipeline with a given quote confidence model; with `with_features`, also each kept
/// quote's confidence features, in the order of `Annotation::quotes` (the trainer learns from
/// them; annotating keeps none).
#[cfg(feature = "tools")]
pub fn annotate_rated(
    text: &str,
    options: &Options,
    models: &Models,
    with_features: bool,
) -> (Annotation, Vec<QuoteFeatures>) {
    annotate_until(text, options, models, with_features, &|| false).expect("never stopped")
}

/// A kept statement's features, for the trainers: its confidence's and its speaker's.
#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub struct QuoteFeatures {
    pub quote: Vec<String>,
    pub speaker: Vec<String>,
}

/// [`annotate_rated`] asking `stop` between stages: `None` once it says to stop.
pub fn annotate_until(
    text: &str,
    options: &Options,
    models: &Models,
    with_features: bool,
    stop: &dyn Fn() -> bool,
) -> Option<(Annotation, Vec<QuoteFeatures>)> {
    // The checkpoint between two stages.
    let go_on = || (!stop()).then_some(());
    let original = text;
    let unified = unify_line_ends(text);
    let text: &str = &unified;
    let given = options.date.as_deref().and_then(time::parse_iso);
    // article + text: the header, paragraphs, tokens and sentences.
    let doc = Doc::new(text, given);
    go_on()?;
    let header_entities = header_entities::find(text, &doc.header);
    // entities + coref.
    let (entities, mentions) = entities(&doc);
    go_on()?;
    // quotes.
    let (quotes, unbalanced) = quotes::find(&doc);
    let (mut quotes, references) =
        quotes::attribute_and_refer(&doc, &entities, &mentions, quotes, models.reporting);
    // The pronouns and descriptions each name group is referred to by, for its cluster.
    let references = (references.into_iter())
        .filter_map(|r| Some((quotes::text_span(&doc, r.tokens)?, r.group)))
        .collect();
    go_on()?;
    // Statements are quotes; the other attributions are kept only when asked for.
    for a in &mut quotes {
        quotes::acts::mark(&mut a.quote, models.acts);
    }
    if !options.attributions {
        quotes.retain(|a| a.quote.act.is_statement());
    }
    let mut quotes = quotes::confidence::rate(&doc, quotes, &models.rater);
    quotes::speaker_confidence::rate(&doc, &mentions, &mut quotes, &models.speakers);
    go_on()?;
    let features = match with_features {
        true => (quotes.iter())
            .filter(|a| a.quote.act.is_statement())
            .map(|a| QuoteFeatures {
                quote: quotes::confidence::features(&doc, &a.quote),
                speaker: quotes::speaker_confidence::features(&doc, &mentions, a),
            })
            .collect(),
        false => Vec::new(),
    };
    let Clustered {
        entities,
        mut clusters,
        quotes,
    } = clusters::build(mentions, entities, quotes, header_entities, references);
    let (mut quotes, attributions): (Vec<Quote>, Vec<Quote>) =
        quotes.into_iter().partition(|q| q.act.is_statement());
    sources::name_coordinations(&mut quotes, &entities, &clusters);
    // People's genders from the article's words (and the reader's corrections).
    coref::gender::assign(text, &mut clusters, &entities, &quotes, options.first_names);
    coref::gender::correct(&options.genders, &mut clusters, &mut []);
    // sources: who is quoted, with their quotes.
    let mut sources = sources::of(&quotes, &clusters, &entities);
    coref::gender::correct(&options.genders, &mut clusters, &mut sources);
    let source_genders = sources::genders(&sources);
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
        sources,
        source_genders,
        attributions,
        warnings,
    };
    if let std::borrow::Cow::Owned(_) = unified {
        annotation.restore_texts(original);
    }
    let map = text::OffsetMap::new(text, options.offsets.unwrap_or(Units::Chars));
    annotation.convert_offsets(|b| map.convert(b));
    Some((annotation, features))
}

fn text_span(text: &str, s: Span) -> TextSpan {
    TextSpan {
        start: s.start,
        end: s.end,
        text: text[s.start..s.end].to_string(),
    }
}
