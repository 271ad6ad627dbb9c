//! Constrained first-order Viterbi: the best tag sequence for per-token emission scores and
//! tag-to-tag transition scores, visiting only the transitions a [`Constraint`] allows (BIO,
//! BILOU). One decoder for every sequence model, generic over the number of tags `N`.
//!
//! Tags whose predecessors are exactly the tags a sequence may end on (O, B-*, U-* in BILOU)
//! are scored together as a broadcast-add-max over contiguous lanes; the others (I-*, L-*)
//! visit their few predecessors one by one. Maxima are exact whatever the visiting order, and
//! ties go to the lowest tag (at the last token optionally the highest), so the layout never
//! changes a result.

/// Which tag may follow which, laid out for decoding.
pub struct Constraint<const N: usize> {
    /// Tags a sequence may start with.
    first: Vec<usize>,
    /// Tags a sequence may end on, ascending.
    ends: Vec<usize>,
    /// Tags whose predecessors are exactly `ends`: scored densely.
    open: Vec<usize>,
    /// The other tags, each with its predecessors.
    sparse: Vec<(usize, Vec<usize>)>,
    /// Predecessors of every tag, ascending (for the way back).
    preds: Vec<Vec<usize>>,
    /// Whether a tie between ending tags goes to the highest (else the lowest).
    end_ties_to_highest: bool,
}

impl<const N: usize> Constraint<N> {
    /// From `allowed(prev, tag)` (`prev` `None`: the sequence start) and `may_end(tag)`.
    pub fn new(
        allowed: impl Fn(Option<usize>, usize) -> bool,
        may_end: impl Fn(usize) -> bool,
    ) -> Self {
        let preds: Vec<Vec<usize>> = (0..N)
            .map(|t| (0..N).filter(|&p| allowed(Some(p), t)).collect())
            .collect();
        let ends: Vec<usize> = (0..N).filter(|&t| may_end(t)).collect();
        let (open, sparse): (Vec<usize>, Vec<usize>) = (0..N).partition(|&t| preds[t] == ends);
        Constraint {
            first: (0..N).filter(|&t| allowed(None, t)).collect(),
            sparse: sparse.into_iter().map(|t| (t, preds[t].clone())).collect(),
            ends,
            open,
            preds,
            end_ties_to_highest: false,
        }
    }

    /// The same constraint with ties between the last token's best tags going to the highest
    /// tag: how the attribution tagger was learned (from all-zero weights every score ties, so
    /// the rule shapes the weights learned).
    pub fn end_ties_to_highest(mut self) -> Self {
        self.end_ties_to_highest = true;
        self
    }
}

/// Transition scores under a constraint, ready to decode with.
///
/// `L` is the width of the dense step, at least the number of open tags (a multiple of 8 suits
/// vector units): a fixed width lets the compiler make the broadcast-add-max vector code
/// (with a width known only at run time the step took a third more instructions).
pub struct Transitions<'c, const N: usize, const L: usize = 8> {
    constraint: &'c Constraint<N>,
    /// `m[prev][tag]`; row `N` is the sequence start.
    m: Vec<[f32; N]>,
    /// Per ending tag, its scores to every open tag (padded with -inf).
    dense: Vec<[f32; L]>,
}

impl<'c, const N: usize, const L: usize> Transitions<'c, N, L> {
    /// `m` has `N + 1` rows: `m[prev][tag]`, row `N` for the sequence start.
    pub fn new(constraint: &'c Constraint<N>, m: Vec<[f32; N]>) -> Self {
        assert_eq!(
            m.len(),
            N + 1,
            "one transition row per tag and one for the start"
        );
        assert!(
            constraint.open.len() <= L,
            "{} open tags do not fit {L} lanes",
            constraint.open.len()
        );
        let mut dense = vec![[f32::NEG_INFINITY; L]; constraint.ends.len()];
        for (row, &p) in dense.iter_mut().zip(&constraint.ends) {
            for (w, &t) in row.iter_mut().zip(&constraint.open) {
                *w = m[p][t];
            }
        }
        Transitions {
            constraint,
            m,
            dense,
        }
    }

    /// The best allowed tag sequence for emission scores `emit`, written to `out`. The forward
    /// pass keeps only scores; the way back recomputes the best predecessor along the path.
    pub fn decode(&self, emit: &[[f32; N]], out: &mut Vec<usize>) {
        let c = self.constraint;
        let n = emit.len();
        out.clear();
        if n == 0 {
            return;
        }
        let mut score = vec![[f32::NEG_INFINITY; N]; n];
        for &t in &c.first {
            score[0][t] = emit[0][t] + self.m[N][t];
        }
        for i in 1..n {
            let (before, now) = score.split_at_mut(i);
            let (prev, cur) = (&before[i - 1], &mut now[0]);
            let mut best = [f32::NEG_INFINITY; L];
            for (&p, row) in c.ends.iter().zip(&self.dense) {
                let g = prev[p];
                for (b, &w) in best.iter_mut().zip(row) {
                    let s = g + w;
                    *b = if s > *b { s } else { *b };
                }
            }
            for (&t, &b) in c.open.iter().zip(&best) {
                cur[t] = b + emit[i][t];
            }
            for (t, preds) in &c.sparse {
                let b = preds
                    .iter()
                    .map(|&p| prev[p] + self.m[p][*t])
                    .fold(f32::NEG_INFINITY, |a, b| if b > a { b } else { a });
                cur[*t] = b + emit[i][*t];
            }
        }
        let last = &score[n - 1];
        let better = |t: usize, b: usize| match c.end_ties_to_highest {
            true => last[t] >= last[b],
            false => last[t] > last[b],
        };
        let mut tag =
            (c.ends.iter().copied()).fold(c.ends[0], |b, t| if better(t, b) { t } else { b });
        out.resize(n, 0);
        for i in (0..n).rev() {
            out[i] = tag;
            if i > 0 {
                let prev = &score[i - 1];
                let mut best = (f32::NEG_INFINITY, 0usize);
                for &p in &c.preds[tag] {
                    let s = prev[p] + self.m[p][tag];
                    if s > best.0 {
                        best = (s, p);
                    }
                }
                tag = best.1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// BIO over one role: O, B, I; I only after B or I.
    fn bio() -> Constraint<3> {
        Constraint::new(|p, t| t != 2 || matches!(p, Some(1 | 2)), |_| true)
    }

    /// Every allowed sequence's score, the best first (ties: the lowest tags first).
    fn brute_force(c: &Constraint<3>, t: &Transitions<3>, emit: &[[f32; 3]]) -> Vec<usize> {
        let n = emit.len();
        let mut best: (f32, Vec<usize>) = (f32::NEG_INFINITY, Vec::new());
        for code in 0..3usize.pow(n as u32) {
            let tags: Vec<usize> = (0..n).map(|i| code / 3usize.pow(i as u32) % 3).collect();
            let ok = c.first.contains(&tags[0])
                && tags.windows(2).all(|w| c.preds[w[1]].contains(&w[0]));
            if !ok {
                continue;
            }
            let s: f32 = (0..n)
                .map(|i| emit[i][tags[i]] + t.m[if i == 0 { 3 } else { tags[i - 1] }][tags[i]])
                .sum();
            if s > best.0 {
                best = (s, tags);
            }
        }
        best.1
    }

    #[test]
    fn decodes_the_best_allowed_sequence() {
        let c = bio();
        let t = Transitions::<3>::new(
            &c,
            vec![
                [0.1, 0.0, 0.3],
                [0.0, -0.2, 0.5],
                [0.2, 0.0, 0.1],
                [0.0, 0.4, 0.0],
            ],
        );
        let mut out = Vec::new();
        // Token 0 looks most like an I, which cannot start: B I wins.
        t.decode(&[[0.0, 1.0, 3.0], [0.0, 0.0, 2.0]], &mut out);
        assert_eq!(out, vec![1, 2]);
        let emits = [
            [
                [0.5, 0.2, 0.9],
                [0.3, 0.8, 0.1],
                [0.2, 0.1, 0.7],
                [0.9, 0.0, 0.4],
            ],
            [
                [0.0, 0.0, 1.0],
                [1.0, 0.0, 0.0],
                [0.0, 1.0, 0.0],
                [0.0, 0.0, 1.0],
            ],
        ];
        for emit in emits {
            t.decode(&emit, &mut out);
            assert_eq!(out, brute_force(&c, &t, &emit));
        }
        t.decode(&[], &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_sequence_ends_only_where_it_may() {
        // BIO where B must be followed by I: a lone B cannot end.
        let c = Constraint::<3>::new(|p, t| t != 2 || matches!(p, Some(1 | 2)), |t| t != 1);
        let t = Transitions::<3>::new(&c, vec![[0.0; 3]; 4]);
        let mut out = Vec::new();
        t.decode(&[[0.0, 5.0, 0.0]], &mut out);
        assert_eq!(out, vec![0]);
    }

    #[test]
    fn ties_go_to_the_lowest_tag_or_at_the_end_to_the_highest() {
        let c = bio();
        let mut out = Vec::new();
        Transitions::<3>::new(&c, vec![[0.0; 3]; 4])
            .decode(&[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], &mut out);
        assert_eq!(out, vec![0, 0]);
        let c = bio().end_ties_to_highest();
        Transitions::<3>::new(&c, vec![[0.0; 3]; 4])
            .decode(&[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], &mut out);
        assert_eq!(out, vec![1, 2]);
    }
}
