//! Part-of-speech tags for the attribution experiment: a greedy averaged perceptron (left to
//! right, the two previous tags as features) trained on the gold POS column of OntoNotes
//! (`WORD<TAB>POS<TAB>NER`). Tokens are unescaped from PTB to the characters Lede's tokenizer
//! sees, so it tags Lede's tokens.

use super::conll::unescape;
use crate::ner::hash::{hash_str, FeatureHash};
use crate::ner::normalize::normalize_into;
use std::collections::HashMap;

/// Sentences of (token, POS) from OntoNotes columns.
pub fn read(text: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let mut out = Vec::new();
    let (mut words, mut tags) = (Vec::new(), Vec::new());
    for line in text.lines().chain(std::iter::once("")) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 || cols[0] == "-DOCSTART-" {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            continue;
        }
        words.push(unescape(cols[0]).to_string());
        tags.push(cols[1].to_string());
    }
    out
}

/// A trained tagger.
#[derive(Default)]
pub struct Tagger {
    pub tags: Vec<String>,
    weights: HashMap<u64, Vec<f32>>,
}

/// The words as the features read them: normalised (digits as 0, quotes and dashes unified)
/// and lower-cased, plus shape.
fn forms(words: &[&str]) -> Vec<(u64, String, u64)> {
    let mut buf = String::new();
    words
        .iter()
        .map(|w| {
            normalize_into(w, &mut buf);
            let lower = buf.to_lowercase();
            let mut shape = 0u64;
            if w.chars().next().is_some_and(char::is_uppercase) {
                shape |= 1;
            }
            if w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
                shape |= 2;
            }
            if w.contains('-') {
                shape |= 4;
            }
            (hash_str(&lower), lower, shape)
        })
        .collect()
}

fn suffix(w: &str, k: usize) -> u64 {
    let cs: Vec<char> = w.chars().collect();
    hash_str(&cs[cs.len().saturating_sub(k)..].iter().collect::<String>())
}

fn features(f: &[(u64, String, u64)], i: usize, p1: usize, p2: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = |d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 || j as usize >= f.len() {
            7
        } else {
            f[j as usize].0
        }
    };
    let mut add = |t: u64, a: u64, b: u64| out.push(FeatureHash::new(t).add(a).add(b).finish());
    let (h, lower, shape) = &f[i];
    add(0, 0, 0);
    add(1, *h, 0);
    add(2, suffix(lower, 3), 0);
    add(3, suffix(lower, 2), 0);
    add(4, suffix(lower, 1), 0);
    add(5, lower.chars().next().map_or(0, |c| c as u64), 0);
    add(6, *shape, u64::from(i == 0));
    add(7, w(-1), 0);
    add(8, w(1), 0);
    add(9, w(-2), 0);
    add(10, w(2), 0);
    add(11, p1 as u64, 0);
    add(12, p1 as u64, p2 as u64);
    add(13, p1 as u64, *h);
    add(14, w(1), suffix(lower, 3));
    add(15, w(-1), *h);
}

impl Tagger {
    fn best(&self, feats: &[u64]) -> usize {
        let mut s = vec![0f32; self.tags.len()];
        for h in feats {
            if let Some(w) = self.weights.get(h) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        (0..s.len())
            .max_by(|&a, &b| s[a].total_cmp(&s[b]))
            .unwrap_or(0)
    }

    /// Tag indices (into [`Tagger::tags`]) of a sentence.
    pub fn tag(&self, words: &[&str]) -> Vec<usize> {
        let f = forms(words);
        let none = self.tags.len();
        let mut out: Vec<usize> = Vec::with_capacity(words.len());
        let mut feats = Vec::new();
        for i in 0..words.len() {
            let p1 = if i > 0 { out[i - 1] } else { none };
            let p2 = if i > 1 { out[i - 2] } else { none };
            features(&f, i, p1, p2, &mut feats);
            out.push(self.best(&feats));
        }
        out
    }

    /// Share of tokens tagged as the gold column says.
    pub fn accuracy(&self, sents: &[(Vec<String>, Vec<String>)]) -> f64 {
        let (mut ok, mut all) = (0usize, 0usize);
        for (words, gold) in sents {
            let w: Vec<&str> = words.iter().map(String::as_str).collect();
            for (t, g) in self.tag(&w).into_iter().zip(gold) {
                ok += usize::from(self.tags[t] == *g);
                all += 1;
            }
        }
        ok as f64 / all.max(1) as f64
    }
}

/// Trains on `sents` for `epochs` passes.
pub fn train(sents: &[(Vec<String>, Vec<String>)], epochs: usize) -> Tagger {
    let mut tags: Vec<String> = Vec::new();
    for (_, ts) in sents {
        for t in ts {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
    }
    let n = tags.len();
    let index: HashMap<&str, usize> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    let mut tagger = Tagger {
        tags: tags.clone(),
        weights: HashMap::new(),
    };
    let mut totals: HashMap<u64, Vec<f32>> = HashMap::new();
    let mut stamps: HashMap<u64, Vec<u32>> = HashMap::new();
    let mut clock = 0u32;
    let mut feats = Vec::new();
    for _ in 0..epochs {
        for (words, gold) in sents {
            let w: Vec<&str> = words.iter().map(String::as_str).collect();
            let f = forms(&w);
            let mut prev: Vec<usize> = Vec::with_capacity(w.len());
            for i in 0..w.len() {
                clock += 1;
                let p1 = if i > 0 { prev[i - 1] } else { n };
                let p2 = if i > 1 { prev[i - 2] } else { n };
                features(&f, i, p1, p2, &mut feats);
                let guess = tagger.best(&feats);
                let truth = index[gold[i].as_str()];
                if guess != truth {
                    for &h in &feats {
                        let wv = tagger.weights.entry(h).or_insert_with(|| vec![0.0; n]);
                        let tv = totals.entry(h).or_insert_with(|| vec![0.0; n]);
                        let sv = stamps.entry(h).or_insert_with(|| vec![0; n]);
                        for (t, d) in [(truth, 1.0f32), (guess, -1.0)] {
                            tv[t] += (clock - sv[t]) as f32 * wv[t];
                            sv[t] = clock;
                            wv[t] += d;
                        }
                    }
                }
                // Train on the tagger's own history, as it will run.
                prev.push(guess);
            }
        }
    }
    let c = clock as f32;
    for (h, wv) in tagger.weights.iter_mut() {
        let (tv, sv) = (&totals[h], &stamps[h]);
        for t in 0..n {
            wv[t] = (tv[t] + (clock - sv[t]) as f32 * wv[t]) / c;
        }
    }
    tagger.weights.retain(|_, w| w.iter().any(|&x| x != 0.0));
    tagger
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_and_learns_a_toy_grammar() {
        let text = "-DOCSTART-\t-X-\tO\n\nThe\tDT\tO\ndog\tNN\tO\nbarks\tVBZ\tO\n.\t.\tO\n\nA\tDT\tO\ncat\tNN\tO\nsleeps\tVBZ\tO\n.\t.\tO\n";
        let sents = read(text);
        assert_eq!(sents.len(), 2);
        assert_eq!(sents[0].1, ["DT", "NN", "VBZ", "."]);
        let t = train(&sents, 5);
        assert_eq!(t.accuracy(&sents), 1.0);
    }
}
