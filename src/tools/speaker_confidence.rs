//! Learns the speaker confidence model (src/quotes/speaker_confidence.rs) from the same examples
//! as the quote confidence ([`super::confidence::Rated`]): every quote the pipeline finds in a
//! train article whose content matches a gold item and which has a speaker is an example, right
//! when the speaker overlaps that item's source (as `lede eval --quotes` judges speakers). A
//! logistic regression over the speaker's features learns the odds; K-fold cross-validation over
//! the articles reports how well they are told (log loss and Brier score against the base rate,
//! and how many wrong and right speakers fall under 0.5 and 0.7).

use super::confidence::{fit_examples, Model, Rated};
use std::fmt;

/// Probabilities under which a speaker counts as doubtful in the report: 0.5, and the page's
/// level (`DOUBTFUL_SPEAKER` in www/labels.js).
pub const DOUBT_LEVELS: [f64; 2] = [0.5, 0.7];

/// The speaker examples of `rated`: features and whether the speaker is right.
fn examples<'r>(rated: &[&'r Rated]) -> Vec<(&'r Vec<String>, bool)> {
    (rated.iter())
        .flat_map(|r| r.speaker_features.iter().zip(&r.speaker_right))
        .filter_map(|(f, ok)| Some((f, (*ok)?)))
        .collect()
}

/// Learns the model on `train`.
pub fn learn(train: &[&Rated], epochs: usize) -> Model {
    fit_examples(&examples(train), epochs)
}

/// Held-out figures of speaker probabilities.
#[derive(Debug, Default, Clone, Copy)]
pub struct Figures {
    pub speakers: usize,
    pub right: usize,
    /// Summed log loss and squared error of the model, and of the training base rate.
    pub log_loss: f64,
    pub brier: f64,
    pub base_log_loss: f64,
    pub base_brier: f64,
    /// Per level of [`DOUBT_LEVELS`]: wrong and right speakers the model puts under it.
    pub doubted: [(usize, usize); 2],
    /// Per tenth of probability: speakers, right speakers.
    pub bins: [(usize, usize); 10],
}

impl Figures {
    fn add_all(&mut self, o: &Figures) {
        self.speakers += o.speakers;
        self.right += o.right;
        self.log_loss += o.log_loss;
        self.brier += o.brier;
        self.base_log_loss += o.base_log_loss;
        self.base_brier += o.base_brier;
        for (d, o) in self.doubted.iter_mut().zip(o.doubted) {
            d.0 += o.0;
            d.1 += o.1;
        }
        for (b, o) in self.bins.iter_mut().zip(o.bins) {
            b.0 += o.0;
            b.1 += o.1;
        }
    }

    fn add(&mut self, p: f64, base: f64, right: bool) {
        let y = f64::from(u8::from(right));
        let clamp = |p: f64| p.clamp(1e-6, 1.0 - 1e-6);
        let loss = |p: f64| -(y * clamp(p).ln() + (1.0 - y) * (1.0 - clamp(p)).ln());
        self.speakers += 1;
        self.right += usize::from(right);
        self.log_loss += loss(p);
        self.base_log_loss += loss(base);
        self.brier += (p - y).powi(2);
        self.base_brier += (base - y).powi(2);
        for (d, level) in self.doubted.iter_mut().zip(DOUBT_LEVELS) {
            if p < level {
                *(if right { &mut d.1 } else { &mut d.0 }) += 1;
            }
        }
        let bin = &mut self.bins[((p * 10.0) as usize).min(9)];
        bin.0 += 1;
        bin.1 += usize::from(right);
    }
}

/// Cross-validates over `rated` articles in `folds` folds (article i in fold i mod K): each fold
/// scored by the model learned on the others, with the others' base rate as the baseline.
pub fn cross_validate(rated: &[&Rated], folds: usize, epochs: usize) -> Figures {
    let mut figures = Figures::default();
    for k in 0..folds {
        let (train, test): (Vec<_>, Vec<_>) =
            (rated.iter().enumerate()).partition(|(i, _)| i % folds != k);
        let train: Vec<&Rated> = train.into_iter().map(|(_, r)| *r).collect();
        let test: Vec<&Rated> = test.into_iter().map(|(_, r)| *r).collect();
        let model = fit_examples(&examples(&train), epochs);
        figures.add_all(&held_out(&model, &train, &test));
    }
    figures
}

/// `model`'s figures on `test`, with the base rate of `train` as the baseline.
pub fn held_out(model: &Model, train: &[&Rated], test: &[&Rated]) -> Figures {
    held_out_examples(model, &examples(train), &examples(test))
}

fn held_out_examples(
    model: &Model,
    seen: &[(&Vec<String>, bool)],
    test: &[(&Vec<String>, bool)],
) -> Figures {
    let base = seen.iter().filter(|e| e.1).count() as f64 / seen.len().max(1) as f64;
    let mut figures = Figures::default();
    for &(f, right) in test {
        figures.add(model.probability(f), base, right);
    }
    figures
}

/// Cross-validates over examples already split into folds: each fold scored by the model
/// learned on the others.
pub fn cross_validate_examples(folds: &[Vec<(&Vec<String>, bool)>], epochs: usize) -> Figures {
    let mut figures = Figures::default();
    for k in 0..folds.len() {
        let seen: Vec<(&Vec<String>, bool)> = (folds.iter().enumerate())
            .filter(|(i, _)| *i != k)
            .flat_map(|(_, f)| f.iter().copied())
            .collect();
        let model = fit_examples(&seen, epochs);
        figures.add_all(&held_out_examples(&model, &seen, &folds[k]));
    }
    figures
}

impl fmt::Display for Figures {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let n = self.speakers.max(1) as f64;
        let wrong = self.speakers - self.right;
        writeln!(
            f,
            "held out: {} speakers, {} right ({:.3})",
            self.speakers,
            self.right,
            self.right as f64 / n
        )?;
        writeln!(
            f,
            "  log loss {:.4} (base rate {:.4}), Brier {:.4} (base rate {:.4})",
            self.log_loss / n,
            self.base_log_loss / n,
            self.brier / n,
            self.base_brier / n
        )?;
        for (level, (w, r)) in DOUBT_LEVELS.iter().zip(self.doubted) {
            writeln!(
                f,
                "  under {level}: {w} of {wrong} wrong speakers ({:.3}), {r} of {} right ({:.3})",
                w as f64 / wrong.max(1) as f64,
                self.right,
                r as f64 / self.right.max(1) as f64
            )?;
        }
        write!(f, "  calibration (predicted → right share, speakers):")?;
        for (i, (n, r)) in self.bins.iter().enumerate().filter(|(_, b)| b.0 > 0) {
            write!(
                f,
                " {:.1}–{:.1} → {:.2} ({n});",
                i as f64 / 10.0,
                (i + 1) as f64 / 10.0,
                *r as f64 / *n as f64
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Quote, QuoteKind};

    fn rated(examples: &[(&[&str], Option<bool>)]) -> Rated {
        let n = examples.len();
        Rated {
            quotes: vec![Quote::unattributed(0, 1, String::new(), QuoteKind::Direct); n],
            features: vec![Vec::new(); n],
            correct: vec![true; n],
            speaker_features: (examples.iter())
                .map(|(f, _)| f.iter().map(|s| s.to_string()).collect())
                .collect(),
            speaker_right: examples.iter().map(|e| e.1).collect(),
            gold: (n, 0),
        }
    }

    #[test]
    fn learns_which_speakers_are_doubtful_and_beats_the_base_rate_held_out() {
        let mut ex = Vec::new();
        for i in 0..40 {
            ex.push((&["form=name"][..], Some(true)));
            ex.push((&["form=pronoun", "rivals=3+"][..], Some(i % 4 == 0)));
            // Quotes that match no gold item teach nothing.
            ex.push((&["form=pronoun"][..], None));
        }
        let docs: Vec<Rated> = (0..4).map(|_| rated(&ex)).collect();
        let all: Vec<&Rated> = docs.iter().collect();
        let model = learn(&all, 10);
        let name = model.probability(&["form=name".into()]);
        let crowded = model.probability(&["form=pronoun".into(), "rivals=3+".into()]);
        assert!(
            name > 0.8 && crowded < 0.5,
            "name {name}, crowded {crowded}"
        );
        let f = cross_validate(&all, 4, 10);
        assert_eq!(f.speakers, 4 * 80);
        assert!(
            f.log_loss < f.base_log_loss && f.brier < f.base_brier,
            "{f}"
        );
        assert_eq!(f.doubted[0], (4 * 30, 4 * 10));
        // Examples already in folds (the coreference trainer's speakers) score the same way.
        let folds: Vec<Vec<(&Vec<String>, bool)>> = all.iter().map(|r| examples(&[*r])).collect();
        let g = cross_validate_examples(&folds, 10);
        assert_eq!(
            (g.speakers, g.right, g.doubted),
            (f.speakers, f.right, f.doubted)
        );
    }
}
