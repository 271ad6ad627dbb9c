//! Learns the act classifier (`quotes::acts`): every primary cue of PolNeAR train is an example,
//! its act the class `model/acts.tsv` gives its head lemma; an averaged multiclass perceptron
//! over the cue's features learns them. Scored two ways by K-fold cross-validation: folds of
//! documents (how often the shipped model is right on new text, mostly on heads it knows), and
//! folds of heads (every head of a test fold unseen in training, scored on the heads labelled
//! by hand: how it judges a verb it never saw). `lede train-acts` reports both, with ablations,
//! and writes the model (`model/acts.bin`).

use super::polnear::PolnearDoc;
use crate::quotes::acts::{self, features, Group, Verbs, ACTS, N_ACTS};
use crate::schema::Act;
use crate::seq::hash::hash_str;
use crate::seq::perceptron::Averaged;
use crate::seq::table_build::quantised;
use std::collections::HashMap;

/// One cue: its features, its act, its head lemma, its document, whether the label is by hand.
pub struct Example {
    pub features: Vec<u64>,
    pub act: Act,
    pub lemma: String,
    pub doc: usize,
    pub by_hand: bool,
}

/// `model/acts.tsv`: head lemma → (act, labelled by hand).
pub fn labels(tsv: &str) -> HashMap<String, (Act, bool)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let name = *c.get(1)?;
            let act = ACTS.into_iter().find(|a| act_name(*a) == name)?;
            Some((c[0].to_string(), (act, c.get(3) == Some(&"hand"))))
        })
        .collect()
}

pub fn act_name(a: Act) -> &'static str {
    match a {
        Act::Statement => "statement",
        Act::Belief => "belief",
        Act::Plan => "plan",
        Act::Finding => "finding",
        Act::Perception => "perception",
        Act::Action => "action",
    }
}

/// The head lemma of a cue ("" for punctuation), as `quotes::acts` reads it.
pub fn head_lemma(cue: &str, verbs: &Verbs) -> String {
    let words = acts::cue_words(cue);
    match acts::head_of(&words) {
        Some(h) => verbs.lemma(&words[h]).into_owned(),
        None => String::new(),
    }
}

/// The examples of `docs`, without the feature groups in `without`; cues whose head has no
/// label are counted in the second value.
pub fn examples(
    docs: &[PolnearDoc],
    labels: &HashMap<String, (Act, bool)>,
    without: &[Group],
) -> (Vec<Example>, usize) {
    let verbs = Verbs::shipped();
    let (mut out, mut unlabelled) = (Vec::new(), 0);
    for (d, doc) in docs.iter().enumerate() {
        for a in &doc.attributions {
            let cue: Vec<&str> = a.cue.iter().map(|s| s.text.as_str()).collect();
            let cue = cue.join(" ");
            let lemma = head_lemma(&cue, verbs);
            let Some(&(act, by_hand)) = labels.get(&lemma) else {
                unlabelled += 1;
                continue;
            };
            out.push(Example {
                features: features(&cue, verbs, without),
                act,
                lemma,
                doc: d,
                by_hand,
            });
        }
    }
    (out, unlabelled)
}

fn index(a: Act) -> usize {
    ACTS.iter().position(|&b| b == a).unwrap_or(0)
}

/// Averaged multiclass perceptron weights: feature → one weight per act.
pub struct Weights(HashMap<u64, [f32; N_ACTS]>);

impl Weights {
    pub fn learn(train: &[&Example], epochs: usize) -> Weights {
        let mut w: HashMap<u64, [Averaged<f64>; N_ACTS]> = HashMap::new();
        let mut now = 0u32;
        // A fixed interleaving instead of a shuffle: example i of each epoch at i*7919 mod n.
        let n = train.len();
        for _ in 0..epochs {
            for k in 0..n {
                let e = train[(k * 7919) % n.max(1)];
                now += 1;
                let mut scores = [0f32; N_ACTS];
                for f in &e.features {
                    if let Some(r) = w.get(f) {
                        for (s, a) in scores.iter_mut().zip(r) {
                            *s += a.weight;
                        }
                    }
                }
                let guess = index(acts::best(&scores));
                let gold = index(e.act);
                if guess != gold {
                    for f in &e.features {
                        let r = w.entry(*f).or_insert_with(|| [Averaged::new(0); N_ACTS]);
                        r[gold].add(1.0, now);
                        r[guess].add(-1.0, now);
                    }
                }
            }
        }
        Weights(
            w.into_iter()
                .map(|(f, r)| (f, std::array::from_fn(|t| r[t].mean(now))))
                .collect(),
        )
    }

    pub fn classify(&self, features: &[u64]) -> Act {
        let mut scores = [0f32; N_ACTS];
        for f in features {
            if let Some(r) = self.0.get(f) {
                for (s, w) in scores.iter_mut().zip(r) {
                    *s += w;
                }
            }
        }
        acts::best(&scores)
    }

    /// The weights as a table (`seq::table`), one byte per weight; rows whose largest weight
    /// is under `min` are dropped (the wasm size budget; `lede train-acts --min`).
    pub fn table(&self, min: f32) -> Vec<u8> {
        quantised(self.0.iter().map(|(&f, r)| (f, *r)), min)
    }
}

/// Accuracy, and precision and recall of `statement`, of `guess` against the examples' acts.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub n: usize,
    pub right: usize,
    /// Right as statement or not (what decides whether an item is a quote).
    pub right_binary: usize,
    /// Statement: predicted and gold, predicted, gold.
    pub both: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Score {
    pub fn add(&mut self, gold: Act, guess: Act) {
        self.n += 1;
        self.right += usize::from(gold == guess);
        let (g, p) = (gold.is_statement(), guess.is_statement());
        self.right_binary += usize::from(g == p);
        self.both += usize::from(g && p);
        self.predicted += usize::from(p);
        self.gold += usize::from(g);
    }

    pub fn accuracy(&self) -> f64 {
        self.right as f64 / self.n.max(1) as f64
    }

    pub fn binary_accuracy(&self) -> f64 {
        self.right_binary as f64 / self.n.max(1) as f64
    }

    pub fn statement_pr(&self) -> (f64, f64) {
        (
            self.both as f64 / self.predicted.max(1) as f64,
            self.both as f64 / self.gold.max(1) as f64,
        )
    }
}

/// K-fold cross-validation with folds made by `fold_of` (example → fold); only examples
/// `scored` are counted. Each fold's model is scored as it would ship: laid out as a table
/// without the rows under `min`. Returns the score per cue and per head type (a head counts once,
/// right when most of its cues are; its statement P / R are not kept).
pub fn cross_validate(
    examples: &[Example],
    folds: usize,
    epochs: usize,
    min: f32,
    fold_of: impl Fn(&Example) -> usize,
    scored: impl Fn(&Example) -> bool,
) -> (Score, Score) {
    let mut per_cue = Score::default();
    // Per head: (right, right as statement or not, cues).
    let mut per_head: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for k in 0..folds {
        let train: Vec<&Example> = examples.iter().filter(|e| fold_of(e) != k).collect();
        let table = Weights::learn(&train, epochs).table(min);
        let w = acts::Acts::from_bytes(std::borrow::Cow::Owned(table))
            .expect("a table just laid out reads back");
        for e in examples.iter().filter(|e| fold_of(e) == k && scored(e)) {
            let guess = w.classify_features(&e.features);
            per_cue.add(e.act, guess);
            let h = per_head.entry(&e.lemma).or_default();
            h.0 += usize::from(guess == e.act);
            h.1 += usize::from(guess.is_statement() == e.act.is_statement());
            h.2 += 1;
        }
    }
    let mut heads = Score::default();
    for (right, right_binary, n) in per_head.into_values() {
        heads.n += 1;
        heads.right += usize::from(2 * right > n);
        heads.right_binary += usize::from(2 * right_binary > n);
    }
    (per_cue, heads)
}

/// The fold of a head (by its hash), so every cue of a head is in one fold.
pub fn head_fold(lemma: &str, folds: usize) -> usize {
    (hash_str(lemma) % folds as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(cue: &str, act: Act) -> Example {
        let verbs = Verbs::shipped();
        Example {
            features: features(cue, verbs, &[]),
            act,
            lemma: head_lemma(cue, verbs),
            doc: 0,
            by_hand: true,
        }
    }

    #[test]
    fn learns_heads_and_writes_a_table_that_scores_the_same() {
        let data = [
            example("said", Act::Statement),
            example("told", Act::Statement),
            example("believes", Act::Belief),
            example("wants", Act::Plan),
            example("found", Act::Finding),
            example("sued", Act::Action),
        ];
        let train: Vec<&Example> = data.iter().collect();
        let w = Weights::learn(&train, 10);
        let table = acts::Acts::from_bytes(std::borrow::Cow::Owned(w.table(0.0))).unwrap();
        for e in &data {
            assert_eq!(w.classify(&e.features), e.act, "{}", e.lemma);
            assert_eq!(table.classify_features(&e.features), e.act, "{}", e.lemma);
        }
    }

    #[test]
    fn labels_read_the_tsv() {
        let l = labels("# h\nsay\tstatement\t10\thand\nmull\tbelief\t1\twordnet\n");
        assert_eq!(l["say"], (Act::Statement, true));
        assert_eq!(l["mull"], (Act::Belief, false));
    }
}
