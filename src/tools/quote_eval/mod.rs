//! PolNeAR evaluation of quotes and speakers (`lede eval --quotes DIR`): the pipeline's quotes
//! against the primary attributions of one split ([`crate::tools::polnear`] reads them).
//!
//! - [`gold`] reads the gold direct quotes and reported speech out of the attributions;
//! - [`matching`] pairs predictions with them and counts [`metrics`]: quotes found, speakers;
//! - [`exact`] scores exact role spans (content, source, cue) over all attributions;
//! - [`report`] prints one evaluation, [`folds`] several (cross-validation).

mod exact;
mod folds;
mod gold;
mod matching;
mod metrics;
mod report;

pub use exact::{exact_scores, gold_roles, predicted_roles, Roles, Spans};
pub use folds::{cross_validate, mean_sd, Folds};
pub use matching::{correct_predictions, speaker_right};
pub use metrics::{Naming, Score};
pub use report::Report;

use super::polnear::{self, PolnearDoc};
use super::Error;
use crate::schema::{Quote, QuoteKind};
use gold::{gold_items, Item};
use matching::score;
use std::path::Path;

/// Whether a quote's speaker is something that speaks: resolved to a name, or a phrase headed
/// by a pronoun, a capitalised name or a noun that heads sources in PolNeAR train (never a
/// clause fragment such as `came away` or `who in 2010`).
pub fn speaker_speaks(q: &Quote) -> bool {
    let Some(s) = &q.speaker else {
        return true;
    };
    if q.speaker_name.is_some() {
        return true;
    }
    let head = s
        .text
        .split(|c: char| c.is_whitespace() || c == ',')
        .rfind(|w| !w.is_empty())
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric());
    let lower = head.to_lowercase();
    crate::words::is_pronoun(head)
        || head.starts_with(char::is_uppercase)
        || crate::words::is_source_head(&lower)
        // titles, person nouns and the nouns OntoNotes shows heading people
        || crate::words::is_person_noun(head)
        || crate::words::ORG_NOUNS.contains(&lower.as_str())
        // "the 46-year-old"
        || lower.ends_with("-year-old")
}

/// The shipped pipeline as a predictor: [`crate::annotate`]'s quotes, offsets in code points.
pub fn annotate_quotes(text: &str) -> Vec<Quote> {
    crate::annotate(text, &crate::Options::default()).quotes
}

/// Evaluates the pipeline on one PolNeAR split under `dir` (the `polnear` folder).
/// `show_errors` collects error lines for analysis (they quote the corpus: do not commit them).
pub fn evaluate(dir: &Path, split: &str, show_errors: bool) -> Result<Report, Error> {
    let docs = polnear::load(dir, split)?;
    Ok(evaluate_docs(split, &docs, &annotate_quotes, show_errors))
}

/// Scores `predict` (text → quotes, offsets in code points) on `docs`; `name` says what they
/// are in the report (a split, a fold). `show_errors` as for [`evaluate`].
pub fn evaluate_docs<'a>(
    name: &str,
    docs: impl IntoIterator<Item = &'a PolnearDoc>,
    predict: &dyn Fn(&str) -> Vec<Quote>,
    show_errors: bool,
) -> Report {
    let mut report = Report {
        split: name.to_string(),
        ..Report::default()
    };
    for doc in docs {
        let (doc_id, text) = (doc.id.as_str(), doc.text.as_str());
        let quotes = predict(text);
        let chars: Vec<char> = text.chars().collect();
        let gold = gold_items(&doc.attributions, &chars);
        let (direct, reported, any) = (&gold.direct, &gold.reported, &gold.any);
        let preds = |kinds: &[QuoteKind]| {
            quotes
                .iter()
                .filter(|q| kinds.contains(&q.kind))
                .collect::<Vec<_>>()
        };
        let mut errs = Vec::new();
        let d = score(
            &preds(&[QuoteKind::Direct]),
            direct,
            direct,
            show_errors.then_some((doc_id, text, &mut errs)),
        );
        report.direct.add(d);
        let mut errs2 = Vec::new();
        let i = score(
            // Reported speech, with or without quoted parts.
            &preds(&[QuoteKind::Indirect, QuoteKind::Mixed]),
            reported,
            any,
            show_errors.then_some((doc_id, text, &mut errs2)),
        );
        report.indirect.add(i);
        // Statements only: a prediction is right only on a gold statement; and the recall of
        // the content-first ones ("…, officials said").
        let reported_preds = preds(&[QuoteKind::Indirect, QuoteKind::Mixed]);
        let statements = &gold.statements;
        report
            .statements
            .add(score(&reported_preds, statements, statements, None));
        let first: Vec<Item> = statements
            .iter()
            .filter(|g| g.content_first)
            .cloned()
            .collect();
        report
            .content_first
            .add(score(&reported_preds, &first, statements, None));
        report.exact.add(&exact_scores(
            text,
            &gold_roles(doc),
            &predicted_roles(&quotes),
        ));
        report
            .errors
            .extend(errs.into_iter().map(|e| format!("[direct] {e}")));
        report
            .errors
            .extend(errs2.into_iter().map(|e| format!("[indirect] {e}")));
        report.documents += 1;
    }
    report
}

/// Helpers the modules' tests share.
#[cfg(test)]
mod test_support {
    use crate::tools::score::Prf;

    /// The code-point span of the `n`th occurrence (from 0) of `needle` in `text`.
    pub(super) fn find(text: &str, needle: &str, n: usize) -> (usize, usize) {
        let (b, _) = text.match_indices(needle).nth(n).expect("needle in text");
        let start = text[..b].chars().count();
        (start, start + needle.chars().count())
    }

    pub(super) fn exact(gold: usize, predicted: usize, matched: usize) -> Prf {
        Prf::new(gold, predicted, matched)
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{exact, find};
    use super::*;
    use crate::schema::TextSpan;
    use crate::tools::polnear::{Attribution, GoldSpan};

    fn gold(spans: &[(usize, usize)]) -> Vec<GoldSpan> {
        spans
            .iter()
            .map(|&(start, end)| GoldSpan {
                start,
                end,
                text: String::new(),
            })
            .collect()
    }

    fn attribution(
        source: &[(usize, usize)],
        cue: &[(usize, usize)],
        content: &[(usize, usize)],
    ) -> Attribution {
        Attribution {
            source: gold(source),
            cue: gold(cue),
            content: gold(content),
            quoted_segments: Vec::new(),
        }
    }

    fn quote(
        content: (usize, usize),
        speaker: Option<(usize, usize)>,
        cue: Option<(usize, usize)>,
    ) -> Quote {
        let span = |(start, end): (usize, usize)| TextSpan {
            start,
            end,
            text: String::new(),
        };
        Quote {
            start: content.0,
            end: content.1,
            text: String::new(),
            kind: QuoteKind::Direct,
            speaker: speaker.map(span),
            speaker_name: None,
            speaker_cluster: None,
            cue: cue.map(span),
            parts: Vec::new(),
            confidence: 1.0,
            speaker_confidence: None,
            act: crate::schema::Act::Statement,
        }
    }

    #[test]
    fn equal_spans_count_once_and_every_content_span_is_scored() {
        let text =
            "“Taxes are too high,” Lee said. “And spending too,” Lee added, “is out of hand.”";
        let first = find(text, "“Taxes are too high,”", 0);
        let second = find(text, "“And spending too,”", 0);
        let third = find(text, "“is out of hand.”", 0);
        let lee = (find(text, "Lee", 0), find(text, "Lee", 1));
        let doc = PolnearDoc {
            id: "synthetic".into(),
            text: text.into(),
            attributions: vec![
                attribution(&[lee.0], &[find(text, "said", 0)], &[first]),
                // One record, two content spans: two gold content spans.
                attribution(&[lee.1], &[find(text, "added", 0)], &[second, third]),
                // The same source again: still one gold source span.
                attribution(&[lee.1], &[find(text, "added", 0)], &[second]),
            ],
        };
        let g = gold_roles(&doc);
        assert_eq!(g.content, vec![first, second, third]);
        assert_eq!(g.source, vec![lee.0, lee.1]);
        assert_eq!(g.cue.len(), 2);
        // Three quotes naming the same speaker and cue, one content span missed.
        let quotes = vec![
            quote(first, Some(lee.1), Some(find(text, "added", 0))),
            quote(second, Some(lee.1), Some(find(text, "added", 0))),
            quote(
                find(text, "Lee added", 0),
                Some(lee.1),
                Some(find(text, "added", 0)),
            ),
        ];
        let p = predicted_roles(&quotes);
        assert_eq!(p.source.len(), 3);
        let s = exact_scores(text, &g, &p);
        assert_eq!(s.content, exact(3, 3, 2));
        assert_eq!(s.source, exact(2, 1, 1));
        assert_eq!(s.cue, exact(2, 1, 1));
        let report = evaluate_docs("synthetic", [&doc], &|_| quotes.clone(), false);
        assert_eq!(report.exact, s);
        assert_eq!(report.documents, 1);
    }
}
