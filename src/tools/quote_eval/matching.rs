//! Matching predicted quotes to gold items. Quotes of kind `direct` are scored against direct
//! items; `indirect` and `mixed` against reported items. A prediction matches a gold item when
//! they overlap by at least half of the longer (one-to-one, greedy by overlap). Indirect
//! precision counts a prediction as correct when it matches any gold attribution content, with
//! or without a speech cue (the cue filter defines recall's denominator, not what a correct
//! prediction is). Speaker accuracy: over matched items, the predicted speaker span overlaps a
//! gold source span (or both are absent).

use super::gold::{gold_items, Item};
use super::metrics::Score;
use crate::schema::{Quote, QuoteKind};
use crate::tools::polnear::PolnearDoc;
use crate::tools::score::Prf;

fn overlap(p: (usize, usize), g: &[(usize, usize)]) -> usize {
    g.iter()
        .map(|&(s, e)| e.min(p.1).saturating_sub(s.max(p.0)))
        .sum()
}

fn matches(p: (usize, usize), g: &Item) -> bool {
    let glen: usize = g.content.iter().map(|&(s, e)| e - s).sum();
    let longer = (p.1 - p.0).max(glen);
    longer > 0 && overlap(p, &g.content) * 2 >= longer
}

fn speaker_ok(q: &Quote, g: &Item) -> bool {
    match &q.speaker {
        None => g.source.is_empty(),
        Some(s) => g.source.iter().any(|&(a, b)| s.start < b && a < s.end),
    }
}

/// Scores one document's predictions against gold items; `any` are all gold contents that make
/// a prediction correct for precision (same as `gold` for direct quotes). With `errors`
/// (document id, text, lines), the errors are written out for analysis.
pub(super) fn score(
    preds: &[&Quote],
    gold: &[Item],
    any: &[Item],
    errors: Option<(&str, &str, &mut Vec<String>)>,
) -> Score {
    let (s, outcome) = pair(preds, gold, any);
    if let Some((doc, text, out)) = errors {
        out.extend(error_lines(doc, text, preds, gold, &outcome));
    }
    s
}

/// Which predictions and gold items the matching took, and the speakers it found wanting.
struct Outcome {
    /// Per prediction: right (paired, or matching a gold item of `any`).
    right: Vec<bool>,
    /// Per gold item: found.
    found: Vec<bool>,
    /// Predictions whose right speaker is a pronoun or role noun left without a name.
    unnamed: Vec<usize>,
    /// Pairs (prediction, gold item) whose speaker is wrong.
    wrong_speaker: Vec<(usize, usize)>,
}

/// Greedy one-to-one matching by overlap, and the counts it gives.
fn pair(preds: &[&Quote], gold: &[Item], any: &[Item]) -> (Score, Outcome) {
    let mut s = Score {
        prf: Prf::new(gold.len(), preds.len(), 0),
        ..Score::default()
    };
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, p) in preds.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            if matches((p.start, p.end), g) {
                pairs.push((overlap((p.start, p.end), &g.content), pi, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.cmp(a));
    let (mut pu, mut gu) = (vec![false; preds.len()], vec![false; gold.len()]);
    let mut wrong_speaker = Vec::new();
    let mut unnamed = Vec::new();
    for (_, pi, gi) in pairs {
        if pu[pi] || gu[gi] {
            continue;
        }
        pu[pi] = true;
        gu[gi] = true;
        s.prf.matched += 1;
        if speaker_ok(preds[pi], &gold[gi]) {
            s.speaker_ok += 1;
            if gold[gi].source_unnamed && preds[pi].speaker.is_some() {
                let named = preds[pi].speaker_name.is_some();
                s.pronoun_or_role.count(named);
                if gold[gi].source_person {
                    s.person.count(named);
                }
                if preds[pi].speaker_name.is_none() {
                    unnamed.push(pi);
                }
            }
        } else {
            wrong_speaker.push((pi, gi));
        }
    }
    for (pi, p) in preds.iter().enumerate() {
        if !pu[pi] && any.iter().any(|g| matches((p.start, p.end), g)) {
            s.prf.right_unmatched += 1;
            pu[pi] = true;
        }
    }
    let outcome = Outcome {
        right: pu,
        found: gu,
        unnamed,
        wrong_speaker,
    };
    (s, outcome)
}

/// One line per error of a document (they quote the corpus: for analysis, never for
/// committing): false positives, false negatives, speakers left unnamed, wrong speakers.
fn error_lines(
    doc: &str,
    text: &str,
    preds: &[&Quote],
    gold: &[Item],
    outcome: &Outcome,
) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let cut = |a: usize, b: usize| -> String {
        let b = b.min(chars.len());
        let a = a.min(b);
        chars[a..b].iter().collect::<String>().replace('\n', " ")
    };
    for (pi, p) in preds.iter().enumerate() {
        if !outcome.right[pi] {
            out.push(format!(
                "FP {doc} {:?} | {}",
                p.kind,
                cut(p.start, p.end.min(p.start + 160))
            ));
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if !outcome.found[gi] {
            let (a, b) = (g.content[0].0, g.content.last().map_or(0, |c| c.1));
            let near = preds
                .iter()
                .filter(|p| overlap((p.start, p.end), &g.content) > 0)
                .map(|p| cut(p.start, p.end.min(p.start + 100)))
                .next()
                .unwrap_or_default();
            out.push(format!(
                "FN {doc} cue «{}» | {}  «{}» ~ pred «{near}»",
                g.cue,
                cut(a, b.min(a + 160)),
                cut(b, b + 60)
            ));
        }
    }
    for &pi in &outcome.unnamed {
        let p = preds[pi];
        let ps = p
            .speaker
            .as_ref()
            .map_or("-".to_string(), |s| s.text.clone());
        out.push(format!(
            "UNNAMED {doc} «{ps}» | {}",
            cut(p.start.saturating_sub(60), p.start + 40)
        ));
    }
    for &(pi, gi) in &outcome.wrong_speaker {
        let p = preds[pi];
        let gs = gold[gi]
            .source
            .first()
            .map_or(String::from("-"), |&(a, b)| cut(a, b));
        let ps = p
            .speaker
            .as_ref()
            .map_or("-".to_string(), |s| s.text.clone());
        out.push(format!(
            "SPK {doc} pred «{ps}» gold «{gs}» | {}",
            cut(p.start.saturating_sub(80), p.end.min(p.start + 80) + 60)
        ));
    }
    out
}

/// Whether each predicted quote is right as a quote: a direct quote matches a gold quoted
/// content, reported speech a gold statement (the act table's; a belief or a finding is no
/// quote); a partial quote (not scored there) is right when it lies inside a gold content.
/// Also returns how many gold direct quotes and gold reported statements the article has. The
/// confidence model learns from these labels.
pub fn correct_predictions(doc: &PolnearDoc, quotes: &[Quote]) -> (Vec<bool>, (usize, usize)) {
    let chars: Vec<char> = doc.text.chars().collect();
    let gold = gold_items(&doc.attributions, &chars);
    let (direct, statements, any) = (&gold.direct, &gold.statements, &gold.any);
    let correct = quotes
        .iter()
        .map(|q| {
            let p = (q.start, q.end);
            match q.kind {
                QuoteKind::Direct => direct.iter().any(|g| matches(p, g)),
                QuoteKind::Indirect | QuoteKind::Mixed => statements.iter().any(|g| matches(p, g)),
                QuoteKind::Partial => any
                    .iter()
                    .chain(direct)
                    .any(|g| overlap(p, &g.content) == p.1 - p.0),
            }
        })
        .collect();
    (correct, (direct.len(), statements.len()))
}

/// Per quote with a speaker that matches a gold item of its kind (the best-overlapping one):
/// whether the speaker is right, as the evaluation judges it; `None` otherwise. What the speaker
/// confidence model learns from.
pub fn speaker_right(doc: &PolnearDoc, quotes: &[Quote]) -> Vec<Option<bool>> {
    let chars: Vec<char> = doc.text.chars().collect();
    let gold = gold_items(&doc.attributions, &chars);
    quotes
        .iter()
        .map(|q| {
            q.speaker.as_ref()?;
            let p = (q.start, q.end);
            let items: &[Item] = match q.kind {
                QuoteKind::Direct => &gold.direct,
                QuoteKind::Indirect | QuoteKind::Mixed => &gold.statements,
                QuoteKind::Partial => &gold.any,
            };
            let best = (items.iter())
                .filter(|g| matches(p, g))
                .max_by_key(|g| overlap(p, &g.content))?;
            Some(speaker_ok(q, best))
        })
        .collect()
}
