//! Training the entity model (`lede train`, `lede prune`): an averaged structured perceptron
//! (Collins 2002).
//!
//! Each sentence is Viterbi-decoded exactly as at run time (document history from the model's
//! own earlier predictions); where the best path differs from gold, the gold tags' emission and
//! transition weights go up and the predicted ones' go down. Weights are averaged over all steps (lazy timestamps), then quantised
//! to int8 with one global scale. The epoch with the best dev F1 is kept.

use super::conll::{self, BioDoc, Scores};
use super::{read_text, Error};
use crate::entities::ner::decode::{tag_document, transitions, History, Scorer};
use crate::entities::ner::features::{
    history_features, static_features, static_features_without_identity, transition_feature,
};
use crate::entities::ner::labels::{self, N_TAGS};
use crate::entities::ner::lexicon::Lexicon;
use crate::entities::ner::model::{scale_code, scale_of, Model};
use crate::entities::ner::{prepare, Prepared};
use crate::seq::hash::PreHashedMap;
use crate::seq::perceptron::{update, Averaged, Update};
use crate::seq::table::short_key;
use crate::text::TokenRange;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `lede train` reads and writes, and how it trains.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Training files (CoNLL columns, OntoNotes IOB2).
    pub train: Vec<PathBuf>,
    /// Dev file: the epoch with the best dev F1 is kept.
    pub dev: PathBuf,
    /// Where the model is written.
    pub out: PathBuf,
    pub lexicon: PathBuf,
    pub gazetteer: PathBuf,
    pub epochs: usize,
    pub seed: u64,
    /// Chance that a training token is seen without its identity features (word dropout).
    pub word_dropout: f32,
    /// Models trained on different shuffles and averaged into one (same size and speed as one).
    pub ensemble: usize,
    /// Drop weights below this magnitude from the written model (0 keeps all).
    pub prune: f32,
}

/// Trains a model, writes it to `options.out`, returns the dev report.
pub fn train_model(options: &TrainOptions) -> Result<String, Error> {
    let start = Instant::now();
    let lexicon = Lexicon::parse(
        &read_text(&options.lexicon)?,
        &read_text(&options.gazetteer)?,
    );
    let mut docs = Vec::new();
    for f in &options.train {
        docs.extend(conll::parse(&read_text(f)?));
    }
    let train_set = examples(&docs, &lexicon);
    let dev_set = examples(&conll::parse(&read_text(&options.dev)?), &lexicon);
    eprintln!(
        "{} training documents, {} dev documents, lexicon columns {}, gazetteer lists {:?} ({:.0}s)",
        train_set.len(),
        dev_set.len(),
        lexicon.columns(),
        lexicon.lists,
        start.elapsed().as_secs_f64()
    );
    let (model, scores) = train(
        &train_set,
        &dev_set,
        &lexicon,
        &Config {
            epochs: options.epochs,
            seed: options.seed,
            word_dropout: options.word_dropout,
            ensemble: options.ensemble,
        },
    );
    let model = if options.prune > 0.0 {
        model.pruned(options.prune)
    } else {
        model
    };
    let bytes = model.to_bytes();
    std::fs::write(&options.out, &bytes).map_err(Error::write(&options.out))?;
    Ok(format!(
        "model: {} features, {} weights, {} bytes -> {}\ntraining time: {:.0}s\n{}",
        model.features(),
        model.weights(),
        bytes.len(),
        options.out.display(),
        start.elapsed().as_secs_f64(),
        scores.report()
    ))
}

/// Reads a model file.
pub fn load_model(path: &Path) -> Result<Model, Error> {
    model_from_bytes(path, &std::fs::read(path).map_err(Error::read(path))?)
}

fn model_from_bytes(path: &Path, bytes: &[u8]) -> Result<Model, Error> {
    Model::from_bytes(bytes).map_err(|source| Error::Model {
        path: path.to_path_buf(),
        source,
    })
}

/// Prunes a model file (see [`Model::pruned`]); returns a one-line summary.
pub fn prune_model(model: &Path, out: &Path, min_abs: f32) -> Result<String, Error> {
    let bytes = std::fs::read(model).map_err(Error::read(model))?;
    let m = model_from_bytes(model, &bytes)?;
    let p = m.pruned(min_abs);
    let b = p.to_bytes();
    std::fs::write(out, &b).map_err(Error::write(out))?;
    Ok(format!(
        "{} -> {} features, {} -> {} weights, {} -> {} bytes\n",
        m.features(),
        p.features(),
        m.weights(),
        p.weights(),
        bytes.len(),
        b.len()
    ))
}

/// A labelled document ready for training: features plus gold BILOU tags.
pub struct Example {
    pub prepared: Prepared,
    pub gold: Vec<usize>,
    /// Gold spans per sentence, for scoring.
    pub spans: Vec<Vec<(usize, usize, usize)>>,
}

pub fn examples(docs: &[BioDoc], lexicon: &Lexicon) -> Vec<Example> {
    docs.iter()
        .map(|d| {
            let prepared = prepare(
                lexicon,
                d.sentences.iter().map(|s| s.tokens.len()).sum(),
                d.sentences
                    .iter()
                    .map(|s| s.tokens.iter().map(|t| conll::unescape(t))),
            );
            let spans: Vec<_> = d
                .sentences
                .iter()
                .map(|s| conll::iob_spans(&s.tags))
                .collect();
            let gold = d
                .sentences
                .iter()
                .zip(&spans)
                .flat_map(|(s, sp)| labels::from_spans(s.tokens.len(), sp))
                .collect();
            Example {
                prepared,
                gold,
                spans,
            }
        })
        .collect()
}

/// A tag's weight in a feature's row (rows are sparse: 73 tags, most rows name a few).
#[derive(Clone, Copy)]
struct Entry {
    tag: u8,
    w: Averaged<f64>,
}

#[derive(Default)]
pub struct Perceptron {
    index: PreHashedMap<u32>,
    rows: Vec<Vec<Entry>>,
    steps: u32,
    lex_columns: usize,
    /// Chance that a training token loses its identity features ([`Config::word_dropout`]).
    word_dropout: f32,
    rng: u64,
}

/// Reused buffers for one sentence.
#[derive(Default)]
struct Work {
    feats: Vec<u64>,
    bounds: Vec<(usize, usize)>,
    emit: Vec<[f32; N_TAGS]>,
    pred: Vec<usize>,
}

impl Scorer for Perceptron {
    fn lex_columns(&self) -> usize {
        self.lex_columns
    }
    fn add_scores(&self, features: &[u64], s: &mut [f32; N_TAGS]) {
        for f in features {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    s[e.tag as usize] += e.w.weight;
                }
            }
        }
    }
}

impl Perceptron {
    /// Uniform in [0, 1) from the member's own generator (seeded by [`Config::seed`]).
    fn coin(&mut self) -> f32 {
        (xorshift(&mut self.rng) >> 40) as f32 / (1u64 << 24) as f32
    }

    fn update(&mut self, features: &[u64], tag: usize, delta: f32) {
        let now = self.steps;
        for &f in features {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next) as usize;
            if r == self.rows.len() {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r];
            let e = match row.iter().position(|e| e.tag as usize == tag) {
                Some(i) => &mut row[i],
                None => {
                    row.push(Entry {
                        tag: tag as u8,
                        w: Averaged::new(now),
                    });
                    row.last_mut().expect("just pushed")
                }
            };
            e.w.add(delta, now);
        }
    }

    /// Structured-perceptron step per sentence: Viterbi-decode with the current weights; if the
    /// best path differs from gold, add gold's features and subtract the prediction's.
    fn train_document(&mut self, ex: &Example, work: &mut Work) -> (usize, usize) {
        let (mut errors, mut tokens) = (0, 0);
        let mut history = History::default();
        let trans_keys: Vec<u64> = (0..=N_TAGS).map(transition_feature).collect();
        for &TokenRange { first, end } in &ex.prepared.sentences {
            let sent = &ex.prepared.infos[first..end];
            let gold = &ex.gold[first..end];
            // Features per token, kept for the update.
            work.feats.clear();
            work.bounds.clear();
            for i in 0..sent.len() {
                let a = work.feats.len();
                if self.word_dropout > 0.0 && self.coin() < self.word_dropout {
                    static_features_without_identity(sent, i, self.lex_columns, &mut work.feats);
                } else {
                    static_features(sent, i, self.lex_columns, &mut work.feats);
                }
                history_features(&sent[i], history.get(&sent[i]), &mut work.feats);
                work.bounds.push((a, work.feats.len()));
            }
            work.emit.clear();
            for &(a, b) in &work.bounds {
                work.emit.push(self.scores(&work.feats[a..b]));
            }
            let trans = transitions(self);
            trans.decode(&work.emit, &mut work.pred);
            self.steps += 1;
            errors += gold.iter().zip(&work.pred).filter(|(g, p)| g != p).count();
            update(gold, &work.pred, N_TAGS, |u| match u {
                Update::Token { token, tag, delta } => {
                    let (a, b) = work.bounds[token];
                    self.update(&work.feats[a..b], tag, delta);
                }
                Update::Transition { prev, tag, delta } => {
                    self.update(&[trans_keys[prev]], tag, delta)
                }
            });
            tokens += sent.len();
            for (i, &t) in work.pred.iter().enumerate() {
                history.record(&sent[i], t);
            }
        }
        (errors, tokens)
    }

    /// Averaged weights, quantised: int8 with one scale per feature row.
    pub fn export(&self) -> Model {
        export_mean(std::slice::from_ref(self))
    }
}

/// Next value of a xorshift64 generator (deterministic, so a seed reproduces a model).
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// The mean of several perceptrons' averaged weights, quantised. A linear model's scores are
/// linear in its weights, so this is the score-averaging ensemble at the cost of one model.
fn export_mean(ps: &[Perceptron]) -> Model {
    let mut merged: HashMap<u32, Vec<(u8, f32)>> = HashMap::new();
    for p in ps {
        for (&f, &r) in &p.index {
            let row = merged.entry(short_key(f)).or_default();
            for e in &p.rows[r as usize] {
                let avg = e.w.mean(p.steps) / ps.len() as f32;
                match row.iter_mut().find(|x| x.0 == e.tag) {
                    Some(x) => x.1 += avg,
                    None => row.push((e.tag, avg)),
                }
            }
        }
    }
    let rows = merged
        .into_iter()
        .filter_map(|(k, row)| {
            let max = row.iter().map(|x| x.1.abs()).fold(0.0f32, f32::max);
            if max == 0.0 {
                return None;
            }
            let code = scale_code(max);
            let scale = scale_of(code);
            let q: Vec<(u8, i8)> = row
                .into_iter()
                .map(|(t, w)| (t, (w / scale).round().clamp(-127.0, 127.0) as i8))
                .filter(|x| x.1 != 0)
                .collect();
            (!q.is_empty()).then_some((k, code, q))
        })
        .collect();
    Model::from_rows(rows, ps.first().map_or(0, |p| p.lex_columns))
}

/// Scores a scorer on examples (exact spans, conlleval rules).
pub fn evaluate<S: Scorer>(scorer: &S, examples: &[Example]) -> Scores {
    let mut scores = Scores::default();
    let mut tags = Vec::new();
    for ex in examples {
        tag_document(
            scorer,
            &ex.prepared.infos,
            &ex.prepared.sentences,
            &mut tags,
        );
        for (&TokenRange { first: a, end: b }, gold) in ex.prepared.sentences.iter().zip(&ex.spans)
        {
            scores.add(gold, &labels::spans(&tags[a..b]));
        }
    }
    scores
}

pub struct Config {
    pub epochs: usize,
    pub seed: u64,
    /// Chance that a training token is seen without its identity features.
    pub word_dropout: f32,
    /// Perceptrons trained on different shuffles, their weights averaged into one model.
    pub ensemble: usize,
}

/// Trains on `train`, keeps the epoch whose quantised model scores best on `dev`.
pub fn train(
    train: &[Example],
    dev: &[Example],
    lexicon: &Lexicon,
    config: &Config,
) -> (Model, Scores) {
    let mut ps: Vec<Perceptron> = (0..config.ensemble.max(1) as u64)
        .map(|i| Perceptron {
            lex_columns: lexicon.columns(),
            word_dropout: config.word_dropout,
            rng: (config.seed + i).wrapping_mul(0x9E37_79B9_7F4A_7C15).max(1),
            ..Default::default()
        })
        .collect();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = config.seed.max(1);
    let mut work = Work::default();
    let mut best: Option<(f64, Model, Scores)> = None;
    let start = Instant::now();
    for epoch in 1..=config.epochs {
        let (mut errors, mut tokens) = (0, 0);
        // Each member sees its own shuffle of the documents.
        for p in &mut ps {
            for i in (1..order.len()).rev() {
                order.swap(i, (xorshift(&mut rng) % (i as u64 + 1)) as usize);
            }
            for &d in &order {
                let (e, t) = p.train_document(&train[d], &mut work);
                errors += e;
                tokens += t;
            }
        }
        let model = export_mean(&ps);
        let scores = evaluate(&model, dev);
        let f = scores.overall().2;
        if std::env::var_os("LEDE_FLOAT_EVAL").is_some() {
            eprintln!(
                "  unquantised dev F1 {:.2}",
                evaluate(&ps[0], dev).overall().2
            );
        }
        eprintln!(
            "epoch {epoch}: train error {:.2}%  dev F1 {f:.2}  features {}  weights {}  {:.0}s",
            100.0 * errors as f64 / tokens.max(1) as f64,
            model.features(),
            model.weights(),
            start.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, model, scores));
        }
    }
    let (_, model, scores) = best.expect("at least one epoch");
    (model, scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Documents of short sentences naming people and places in a few patterns.
    fn corpus(names: &[(&str, &str)], places: &[&str]) -> String {
        let mut out = String::new();
        for (i, (first, last)) in names.iter().enumerate() {
            let place = places[i % places.len()];
            out += "-DOCSTART-\tO\n\n";
            out += &format!(
                "{first}\tB-PERSON\n{last}\tI-PERSON\nvisited\tO\n{place}\tB-GPE\non\tO\nMonday\tB-DATE\n.\tO\n\n"
            );
            out += &format!(
                "{last}\tB-PERSON\nsaid\tO\nit\tO\nrained\tO\nin\tO\n{place}\tB-GPE\n.\tO\n\n"
            );
        }
        out
    }

    #[test]
    fn ensemble_with_word_dropout_learns_names_it_never_saw() {
        let lexicon = Lexicon::default();
        let train_docs = conll::parse(&corpus(
            &[
                ("John", "Kirby"),
                ("Jake", "Sullivan"),
                ("Mary", "Jones"),
                ("Ann", "Lee"),
                ("Tom", "Brown"),
                ("Kim", "Young"),
            ],
            &["Moscow", "Busan", "Tokyo", "Paris"],
        ));
        let dev_docs = conll::parse(&corpus(&[("Vladimir", "Putin")], &["Seoul"]));
        let (train_set, dev_set) = (
            examples(&train_docs, &lexicon),
            examples(&dev_docs, &lexicon),
        );
        let config = Config {
            epochs: 6,
            seed: 3,
            word_dropout: 0.3,
            ensemble: 2,
        };
        let (model, scores) = train(&train_set, &dev_set, &lexicon, &config);
        assert!(model.features() > 0);
        // New names in the trained patterns: most are found from context and shape alone.
        assert!(scores.overall().2 >= 60.0, "{}", scores.report());
        // Same seed, same model.
        let (again, _) = train(&train_set, &dev_set, &lexicon, &config);
        assert_eq!(again.weights(), model.weights());
    }
}
