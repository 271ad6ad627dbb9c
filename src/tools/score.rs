//! Precision, recall and F1: the one figure every evaluation reports (entities, quotes, exact
//! role spans, the attribution tagger, the confidence threshold), so they all count and
//! compute it the same way.

/// Counts behind precision, recall and F1.
///
/// Most evaluations pair predictions and gold items one to one, and `matched` is then both
/// numerators. The quote evaluation also counts a prediction right that matches a gold item
/// another prediction took, or one outside recall's gold (reported speech without a speech
/// cue): those are `right_unmatched`, counted by precision only.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Prf {
    pub gold: usize,
    pub predicted: usize,
    /// Gold items paired with a prediction (recall's numerator).
    pub matched: usize,
    /// Predictions right without a gold item of their own.
    pub right_unmatched: usize,
}

impl Prf {
    /// Counts of a one-to-one matching.
    pub fn new(gold: usize, predicted: usize, matched: usize) -> Prf {
        Prf {
            gold,
            predicted,
            matched,
            right_unmatched: 0,
        }
    }

    /// Predictions that are right (precision's numerator).
    pub fn right(&self) -> usize {
        self.matched + self.right_unmatched
    }

    pub fn precision(&self) -> f64 {
        ratio(self.right(), self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    pub fn f1(&self) -> f64 {
        harmonic_mean(self.precision(), self.recall())
    }

    /// Precision, recall and F1 in percent, computed in percent as conlleval does (100 × the
    /// fractions can differ in the last bit, and so in a printed digit).
    pub fn percent(&self) -> (f64, f64, f64) {
        let percent = |a: usize, b: usize| match b {
            0 => 0.0,
            _ => 100.0 * a as f64 / b as f64,
        };
        let (p, r) = (
            percent(self.right(), self.predicted),
            percent(self.matched, self.gold),
        );
        (p, r, harmonic_mean(p, r))
    }

    pub fn add(&mut self, o: Prf) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.right_unmatched += o.right_unmatched;
    }
}

impl std::iter::Sum for Prf {
    fn sum<I: Iterator<Item = Prf>>(iter: I) -> Prf {
        let mut total = Prf::default();
        iter.for_each(|p| total.add(p));
        total
    }
}

/// As the quote reports print it: `P 0.981  R 0.955  F1 0.968   (gold 602, predicted 586,
/// matched 575)`.
impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}   (gold {}, predicted {}, matched {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.gold,
            self.predicted,
            self.matched
        )
    }
}

/// `a / b`, 0 when there is nothing to divide by.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn harmonic_mean(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_give_the_figures() {
        let s = Prf::new(4, 2, 1);
        assert_eq!((s.precision(), s.recall()), (0.5, 0.25));
        assert!((s.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.percent().0, 50.0);
        assert_eq!(Prf::default().f1(), 0.0);
        assert_eq!(
            s.to_string(),
            "P 0.500  R 0.250  F1 0.333   (gold 4, predicted 2, matched 1)"
        );
    }

    #[test]
    fn right_without_a_gold_item_counts_for_precision_only() {
        let s = Prf {
            right_unmatched: 1,
            ..Prf::new(4, 2, 1)
        };
        assert_eq!((s.precision(), s.recall()), (1.0, 0.25));
        let total: Prf = [s, Prf::new(1, 1, 1)].into_iter().sum();
        assert_eq!((total.gold, total.right()), (5, 3));
    }
}
