//! What a neural tagger would cost per token: the forward pass of one bidirectional LSTM layer
//! of the size published OntoNotes taggers use (100-dim word vectors + 25-dim character
//! features in, 100 hidden units per direction) plus the output layer, with random weights.
//! Only the arithmetic is measured — no embedding look-ups, character encoder, CRF or the rest
//! of the pipeline — so it is a lower bound on the cost of such a model.
//!
//! `cargo run --release --example bilstm_cost [HIDDEN]` prints tokens/s on one thread.

use std::time::Instant;

const INPUT: usize = 125;
const TAGS: usize = 73;

/// Gate weights of one direction: 4 gates × hidden rows over [input, previous hidden].
struct Direction {
    w: Vec<f32>,
    hidden: usize,
}

impl Direction {
    fn new(hidden: usize, seed: &mut u64) -> Direction {
        let w = (0..4 * hidden * (INPUT + hidden))
            .map(|_| random(seed) * 0.1)
            .collect();
        Direction { w, hidden }
    }

    /// Runs over `xs` (in the given order) and writes each step's hidden state.
    fn run<'a>(&self, xs: impl Iterator<Item = &'a [f32]>, out: &mut Vec<Vec<f32>>) {
        let n = INPUT + self.hidden;
        let (mut h, mut c) = (vec![0f32; self.hidden], vec![0f32; self.hidden]);
        let mut z = vec![0f32; n];
        let mut gates = vec![0f32; 4 * self.hidden];
        for x in xs {
            z[..INPUT].copy_from_slice(x);
            z[INPUT..].copy_from_slice(&h);
            for (g, row) in gates.iter_mut().zip(self.w.chunks_exact(n)) {
                *g = dot(row, &z);
            }
            for j in 0..self.hidden {
                let i = sigmoid(gates[j]);
                let f = sigmoid(gates[self.hidden + j]);
                let o = sigmoid(gates[2 * self.hidden + j]);
                let u = gates[3 * self.hidden + j].tanh();
                c[j] = f * c[j] + i * u;
                h[j] = o * c[j].tanh();
            }
            out.push(h.clone());
        }
    }
}

/// Dot product with eight partial sums, so the compiler can use SIMD lanes.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

fn random(seed: &mut u64) -> f32 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    (*seed >> 40) as f32 / (1u64 << 24) as f32 - 0.5
}

fn main() {
    let hidden: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let mut seed = 0x9e37_79b9_7f4a_7c15;
    let (fwd, bwd) = (
        Direction::new(hidden, &mut seed),
        Direction::new(hidden, &mut seed),
    );
    let out_w: Vec<f32> = (0..TAGS * 2 * hidden)
        .map(|_| random(&mut seed) * 0.1)
        .collect();
    // 2,000 sentences of 25 tokens.
    let sentence: Vec<Vec<f32>> = (0..25)
        .map(|_| (0..INPUT).map(|_| random(&mut seed)).collect())
        .collect();
    let (sentences, mut checksum) = (2000, 0f32);
    let start = Instant::now();
    for _ in 0..sentences {
        let (mut hf, mut hb) = (Vec::new(), Vec::new());
        fwd.run(sentence.iter().map(Vec::as_slice), &mut hf);
        bwd.run(sentence.iter().rev().map(Vec::as_slice), &mut hb);
        for (a, b) in hf.iter().zip(hb.iter().rev()) {
            let both: Vec<f32> = a.iter().chain(b).copied().collect();
            for row in out_w.chunks_exact(2 * hidden) {
                checksum += dot(row, &both);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let tokens = (sentences * sentence.len()) as f64;
    let macs = 2 * 4 * hidden * (INPUT + hidden) + TAGS * 2 * hidden;
    println!("BiLSTM hidden {hidden}/direction, {macs} multiply-adds per token");
    println!("tokens/s: {:.0}  (checksum {checksum:.3})", tokens / secs);
}
