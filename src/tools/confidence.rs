//! Learns the quote confidence model (src/quotes/confidence.rs) from PolNeAR: every quote the
//! pipeline finds in a train article is an example, correct when it matches a gold attribution
//! (as `lede eval --quotes` counts a prediction right); a logistic regression over the quote's
//! features learns the odds, and the drop threshold is the one that maximises direct plus
//! reported-speech F1 on the training articles. `lede train-confidence` reports it by K-fold
//! cross-validation (model and threshold learned on the other folds) and writes the model.

use super::polnear::PolnearDoc;
use super::quote_eval;
use super::score::Prf;
use crate::quotes::confidence::{Rater, BIAS, THRESHOLD};
pub use crate::quotes::Reporting;
use crate::schema::Quote;
use crate::Options;
use std::collections::HashMap;

/// One article's quotes as the pipeline finds them with no confidence model (none dropped),
/// offsets in code points, each with its features and whether it is right.
pub struct Rated {
    pub quotes: Vec<Quote>,
    pub features: Vec<Vec<String>>,
    pub correct: Vec<bool>,
    /// Per quote, its speaker's features (empty without a speaker) and, for a quote with a
    /// speaker that matches a gold item, whether the speaker is right.
    pub speaker_features: Vec<Vec<String>>,
    pub speaker_right: Vec<Option<bool>>,
    /// Gold direct quotes and gold reported-speech items in the article (recall's denominators).
    pub gold: (usize, usize),
}

/// A rater that keeps everything: the features do not depend on the model.
pub(crate) fn keep_all() -> Rater<'static> {
    Rater {
        weight: &|_| 0.0,
        threshold: 0.0,
    }
}

/// Runs the pipeline on every document (reported speech found as `reporting` says) and labels
/// its quotes.
pub fn examples<'d>(
    docs: impl IntoIterator<Item = &'d PolnearDoc>,
    reporting: Reporting,
) -> Vec<Rated> {
    let models = crate::pipeline::Models {
        rater: keep_all(),
        speakers: crate::quotes::speaker_confidence::SpeakerRaters {
            speaker: keep_all(),
            naming: keep_all(),
        },
        reporting,
        acts: crate::quotes::acts::Acts::shipped(),
    };
    docs.into_iter()
        .map(|d| {
            let (a, features) =
                crate::pipeline::annotate_rated(&d.text, &Options::default(), &models, true);
            let (correct, gold) = quote_eval::correct_predictions(d, &a.quotes);
            let speaker_right = quote_eval::speaker_right(d, &a.quotes);
            let (features, speaker_features) =
                features.into_iter().map(|f| (f.quote, f.speaker)).unzip();
            Rated {
                quotes: a.quotes,
                features,
                correct,
                speaker_features,
                speaker_right,
                gold,
            }
        })
        .collect()
}

/// Logistic weights per feature name.
#[derive(Default, Clone)]
pub struct Model {
    pub weights: HashMap<String, f64>,
    pub threshold: f64,
}

impl Model {
    fn weight(&self, f: &str) -> f64 {
        self.weights.get(f).copied().unwrap_or(0.0)
    }

    pub fn probability(&self, features: &[String]) -> f64 {
        let weight = |f: &str| self.weight(f);
        Rater {
            weight: &weight,
            threshold: self.threshold,
        }
        .probability(features)
    }

    /// The article's quotes this model keeps, with their confidence.
    pub fn keep(&self, r: &Rated) -> Vec<Quote> {
        r.quotes
            .iter()
            .zip(&r.features)
            .filter_map(|(q, f)| {
                let p = self.probability(f);
                (p >= self.threshold).then(|| Quote {
                    confidence: (p * 1000.0).round() / 1000.0,
                    ..q.clone()
                })
            })
            .collect()
    }

    /// The model file: `feature<TAB>weight`, sorted, weights too small to matter left out.
    pub fn to_tsv(&self) -> String {
        self.tsv(
            "# Quote confidence: logistic weights per feature (src/quotes/confidence.rs), written by\n\
             # `lede train-confidence --data PolNeAR --write` from PolNeAR train. Rows sorted; `_bias`\n\
             # and `_threshold` (quotes under it are dropped) are not features.\n# columns: str f64\n",
            true,
        )
    }

    /// The speaker confidence model's file (no threshold: no speaker is dropped).
    pub fn to_speaker_tsv(&self) -> String {
        self.to_tsv_with(
            "# Speaker confidence: logistic weights per feature (src/quotes/speaker_confidence.rs),\n\
             # written by `lede train-confidence --data PolNeAR --speakers --write` from PolNeAR\n\
             # train. Rows sorted; `_bias` is not a feature.\n# columns: str f64\n",
        )
    }

    /// A model file without a threshold, under `header`.
    pub fn to_tsv_with(&self, header: &str) -> String {
        self.tsv(header, false)
    }

    fn tsv(&self, header: &str, threshold: bool) -> String {
        let mut rows: Vec<(String, f64)> = self
            .weights
            .iter()
            .filter(|(f, w)| w.abs() >= 5e-3 || f.as_str() == BIAS)
            .map(|(f, w)| (f.clone(), (w * 1e4).round() / 1e4))
            .collect();
        if threshold {
            rows.push((THRESHOLD.to_string(), self.threshold));
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out = String::from(header);
        for (f, w) in rows {
            // Tabs and line ends cannot occur in features: they come from split words.
            out.push_str(&format!("{f}\t{w}\n"));
        }
        out
    }
}

/// Learns the weights on all of `train` and the threshold on articles the weights did not see:
/// weights learned on every other article choose it on the rest (on its own training articles a
/// model is overconfident, and the threshold it picks drops right quotes elsewhere).
pub fn learn(train: &[&Rated], epochs: usize) -> Model {
    if train.len() < 2 {
        return Model::default();
    }
    let even: Vec<&Rated> = train.iter().copied().step_by(2).collect();
    let odd: Vec<&Rated> = train.iter().copied().skip(1).step_by(2).collect();
    let half = fit(&even, epochs);
    let mut model = fit(train, epochs);
    model.threshold = best_threshold(&half, &odd);
    model
}

fn fit(train: &[&Rated], epochs: usize) -> Model {
    let examples: Vec<(&Vec<String>, bool)> = train
        .iter()
        .flat_map(|r| r.features.iter().zip(r.correct.iter().copied()))
        .collect();
    fit_examples(&examples, epochs)
}

/// L2-regularised logistic regression by stochastic gradient descent, in a fixed order.
pub(crate) fn fit_examples(examples: &[(&Vec<String>, bool)], epochs: usize) -> Model {
    let mut model = Model::default();
    let (rate, l2) = (0.05, 1e-4);
    for epoch in 0..epochs {
        let step = rate / (1.0 + epoch as f64);
        for &(features, correct) in examples {
            let p = model.probability(features);
            let g = (if correct { 1.0 } else { 0.0 }) - p;
            for f in features.iter().map(String::as_str).chain([BIAS]) {
                let w = model.weights.entry(f.to_string()).or_insert(0.0);
                *w += step * (g - l2 * *w);
            }
        }
    }
    model
}

/// The threshold (0 to 0.7 by 0.05) under which dropping quotes gives the highest direct plus
/// reported-speech F1 on `train`.
fn best_threshold(model: &Model, train: &[&Rated]) -> f64 {
    let mut best = (f64::MIN, 0.0);
    for step in 0..=14 {
        let t = step as f64 * 0.05;
        let m = Model {
            threshold: t,
            ..model.clone()
        };
        let (direct, reported) = counts(&m, train);
        let f = direct.f1() + reported.f1();
        if f > best.0 + 1e-9 {
            best = (f, t);
        }
    }
    best.1
}

/// Direct and reported-speech counts under `model`; a right quote kept stands for a gold item
/// found (as the evaluation's one-to-one matching nearly always pairs them), as far as there
/// are gold items.
fn counts(model: &Model, train: &[&Rated]) -> (Prf, Prf) {
    use crate::schema::QuoteKind::*;
    let (mut direct, mut reported) = (Prf::default(), Prf::default());
    for r in train {
        direct.gold += r.gold.0;
        reported.gold += r.gold.1;
        for ((q, f), &ok) in r.quotes.iter().zip(&r.features).zip(&r.correct) {
            let c = match q.kind {
                Direct => &mut direct,
                Indirect | Mixed => &mut reported,
                Partial => continue,
            };
            let kept = model.probability(f) >= model.threshold;
            if kept {
                c.predicted += 1;
                c.matched += usize::from(ok);
            }
        }
    }
    (within_gold(direct), within_gold(reported))
}

/// Right quotes beyond the gold items count for precision only.
fn within_gold(c: Prf) -> Prf {
    let matched = c.matched.min(c.gold);
    Prf {
        matched,
        right_unmatched: c.matched - matched,
        ..c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rated(examples: &[(&[&str], bool)]) -> Rated {
        Rated {
            quotes: examples
                .iter()
                .map(|_| Quote::unattributed(0, 1, String::new(), crate::schema::QuoteKind::Direct))
                .collect(),
            features: examples
                .iter()
                .map(|(f, _)| f.iter().map(|s| s.to_string()).collect())
                .collect(),
            correct: examples.iter().map(|&(_, ok)| ok).collect(),
            speaker_features: vec![Vec::new(); examples.len()],
            speaker_right: vec![None; examples.len()],
            gold: (examples.iter().filter(|e| e.1).count(), 0),
        }
    }

    #[test]
    fn learns_which_features_mark_false_quotes_and_drops_them() {
        let mut examples = Vec::new();
        for _ in 0..50 {
            examples.push((&["speaker=named", "cue=said"][..], true));
            examples.push((&["speaker=none", "cue=none"][..], false));
        }
        let (r, s) = (rated(&examples), rated(&examples));
        let model = learn(&[&r, &s], 10);
        let good = model.probability(&["speaker=named".into(), "cue=said".into()]);
        let bad = model.probability(&["speaker=none".into(), "cue=none".into()]);
        assert!(good > 0.8 && bad < 0.2, "good {good}, bad {bad}");
        assert!(model.threshold > bad && model.threshold <= good);
        assert_eq!(model.keep(&r).len(), 50);
    }

    #[test]
    fn the_model_file_is_sorted_and_reads_back() {
        let mut model = Model::default();
        model.weights.insert("kind=direct".into(), 0.5);
        model.weights.insert(BIAS.into(), -0.25);
        model.weights.insert("tiny".into(), 1e-6);
        model.threshold = 0.3;
        let tsv = model.to_tsv();
        let rows: Vec<(&str, f64)> = tsv
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| {
                let (f, w) = l.split_once('\t').unwrap();
                (f, w.parse().unwrap())
            })
            .collect();
        assert_eq!(
            rows,
            vec![(BIAS, -0.25), (THRESHOLD, 0.3), ("kind=direct", 0.5)]
        );
    }
}
