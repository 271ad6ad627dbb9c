//! The averaged structured perceptron (Collins 2002) every sequence model of Lede learns with:
//! decode with the current weights; where the best path differs from gold, the gold tags'
//! emission and transition weights go up and the predicted ones' down ([`update`]). The weights
//! kept are each weight's mean over all steps, summed lazily ([`Averaged`]).

/// A weight's running total: `f64` for models with many rare features (entities), `f32` where
/// the shipped model was learned so (attribution); the choice is part of the weights learned.
pub trait Total: Copy + Default {
    /// `total + weight × steps`.
    fn add(self, weight: f32, steps: u32) -> Self;
    /// `(total + weight × steps) / of`, as a weight.
    fn mean(self, weight: f32, steps: u32, of: u32) -> f32;
}

impl Total for f32 {
    fn add(self, weight: f32, steps: u32) -> f32 {
        self + steps as f32 * weight
    }
    fn mean(self, weight: f32, steps: u32, of: u32) -> f32 {
        (self + steps as f32 * weight) / of as f32
    }
}

impl Total for f64 {
    fn add(self, weight: f32, steps: u32) -> f64 {
        self + weight as f64 * steps as f64
    }
    fn mean(self, weight: f32, steps: u32, of: u32) -> f32 {
        ((self + weight as f64 * steps as f64) / of as f64) as f32
    }
}

/// One weight and what its average needs: its sum over the steps before `stamp`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Averaged<T: Total> {
    pub weight: f32,
    total: T,
    stamp: u32,
}

impl<T: Total> Averaged<T> {
    /// A weight first touched at step `now`.
    pub fn new(now: u32) -> Self {
        Averaged {
            weight: 0.0,
            total: T::default(),
            stamp: now,
        }
    }

    /// Adds `delta` at step `now`.
    pub fn add(&mut self, delta: f32, now: u32) {
        self.total = self.total.add(self.weight, now - self.stamp);
        self.stamp = now;
        self.weight += delta;
    }

    /// The weight's mean over steps `1..=now`.
    pub fn mean(&self, now: u32) -> f32 {
        self.total.mean(self.weight, now - self.stamp, now.max(1))
    }
}

/// One change the update makes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Update {
    /// Add `delta` to the weights of `token`'s features for `tag`.
    Token {
        token: usize,
        tag: usize,
        delta: f32,
    },
    /// Add `delta` to the weight of `tag` after `prev`.
    Transition { prev: usize, tag: usize, delta: f32 },
}

/// The structured-perceptron update of one sequence, in order: for each token whose `guess` is
/// not `gold`, its features up for the gold tag then down for the guessed one; where the
/// (previous, tag) pairs differ, the gold pair up then the guessed one down. `start` is the
/// previous tag of the first token.
pub fn update(gold: &[usize], guess: &[usize], start: usize, mut apply: impl FnMut(Update)) {
    for k in 0..gold.len() {
        let (g, p) = (gold[k], guess[k]);
        if g != p {
            apply(Update::Token {
                token: k,
                tag: g,
                delta: 1.0,
            });
            apply(Update::Token {
                token: k,
                tag: p,
                delta: -1.0,
            });
        }
        let (gp, pp) = match k {
            0 => (start, start),
            _ => (gold[k - 1], guess[k - 1]),
        };
        if (gp, g) != (pp, p) {
            apply(Update::Transition {
                prev: gp,
                tag: g,
                delta: 1.0,
            });
            apply(Update::Transition {
                prev: pp,
                tag: p,
                delta: -1.0,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seq::viterbi::{Constraint, Transitions};

    #[test]
    fn averages_are_means_over_steps() {
        let mut w = Averaged::<f64>::new(0);
        w.add(1.0, 1); // weight 1 from step 1
        w.add(-1.0, 3); // weight 0 from step 3
        assert_eq!(w.mean(4), 0.5);
        let mut w = Averaged::<f32>::new(2);
        w.add(2.0, 2);
        assert_eq!(w.mean(4), 1.0);
    }

    /// A toy tagger: tag 1 on the word 7, tag 2 (only after 1) on the word after it, 0 elsewhere.
    #[test]
    fn learns_a_toy_sequence_problem() {
        const N: usize = 3;
        let c = Constraint::<N>::new(|p, t| t != 2 || p == Some(1), |_| true);
        let data: Vec<(Vec<u64>, Vec<usize>)> = vec![
            (vec![1, 7, 3, 4], vec![0, 1, 2, 0]),
            (vec![7, 5, 1], vec![1, 2, 0]),
            (vec![2, 2, 7, 9], vec![0, 0, 1, 2]),
            (vec![4, 3], vec![0, 0]),
            (vec![2, 6], vec![0, 0]),
        ];
        let mut emit_w = vec![[Averaged::<f32>::new(0); N]; 10];
        let mut trans_w = [[Averaged::<f32>::new(0); N]; N + 1];
        let mut now = 0;
        let mut guess = Vec::new();
        for _ in 0..10 {
            for (words, gold) in &data {
                now += 1;
                let emit: Vec<[f32; N]> = words
                    .iter()
                    .map(|&w| std::array::from_fn(|t| emit_w[w as usize][t].weight))
                    .collect();
                let m = trans_w
                    .iter()
                    .map(|r| std::array::from_fn(|t| r[t].weight))
                    .collect();
                Transitions::<_, 8>::new(&c, m).decode(&emit, &mut guess);
                update(gold, &guess, N, |u| match u {
                    Update::Token { token, tag, delta } => {
                        emit_w[words[token] as usize][tag].add(delta, now)
                    }
                    Update::Transition { prev, tag, delta } => trans_w[prev][tag].add(delta, now),
                });
            }
        }
        // The averaged weights tag every sequence right.
        let m = trans_w
            .iter()
            .map(|r| std::array::from_fn(|t| r[t].mean(now)))
            .collect();
        let trans = Transitions::<_, 8>::new(&c, m);
        for (words, gold) in &data {
            let emit: Vec<[f32; N]> = words
                .iter()
                .map(|&w| std::array::from_fn(|t| emit_w[w as usize][t].mean(now)))
                .collect();
            trans.decode(&emit, &mut guess);
            assert_eq!(&guess, gold);
        }
    }
}
