//! `lede train-coref`: learns the mention tagger and the mention ranker from OntoNotes
//! coreference train, reports the CoNLL score (MUC, B³, CEAF-e, scored by the reference scorer)
//! by K-fold cross-validation over train documents and, at milestones, on dev, and writes the
//! models learned on all of train.

use super::say;
use crate::tools::coref::{self, learn, predict, Conll, Prepared};
use crate::tools::Error;
use std::path::Path;

pub struct CorefArgs<'a> {
    pub data: &'a Path,
    pub scorer: &'a Path,
    pub folds: usize,
    pub epochs: usize,
    pub max_docs: Option<usize>,
    pub dev: bool,
    pub min: f32,
    /// Give the ranker the gold mentions (a diagnostic of the ranker alone).
    pub gold_mentions: bool,
    pub write_tagger: Option<&'a Path>,
    pub write_ranker: Option<&'a Path>,
}

fn row(name: &str, c: &Conll, mentions: (usize, usize, usize)) -> String {
    let (gold, found, right) = mentions;
    format!(
        "| {name} | {:.1} / {:.1} | {:.2} | {:.2} | {:.2} | **{:.2}** | {:.3} / {:.3} |",
        c.muc_pr.0,
        c.muc_pr.1,
        c.muc,
        c.b3,
        c.ceafe,
        c.conll,
        right as f64 / found.max(1) as f64,
        right as f64 / gold.max(1) as f64
    )
}

fn prepare_all(data: &Path, split: &str, max: Option<usize>) -> Result<Vec<Prepared>, Error> {
    let mut docs = coref::load(data, split)?;
    if let Some(m) = max {
        docs.truncate(m);
    }
    let prepared: Vec<Prepared> = docs.iter().map(coref::prepare).collect();
    let (gold, unmapped) = prepared
        .iter()
        .fold((0, 0), |a, p| (a.0 + p.gold_mentions, a.1 + p.unmapped));
    eprintln!(
        "{split}: {} documents, {gold} gold mentions, {unmapped} not on Lede's tokens",
        prepared.len()
    );
    Ok(prepared)
}

/// Learns on `train`, scores `test`.
fn run(a: &CorefArgs, train: &[&Prepared], test: &[&Prepared]) -> Result<String, Error> {
    let (tagger, ranker) = learn(train, a.epochs, a.gold_mentions);
    let predicted: Vec<_> = (test.iter())
        .map(|p| predict(p, &tagger, &ranker, a.gold_mentions))
        .collect();
    let conll = coref::score(test, &predicted, a.scorer)?;
    let counts = test.iter().fold((0, 0, 0), |s, p| {
        let c = coref::mention_counts(p, &tagger);
        (s.0 + c.0, s.1 + c.1, s.2 + c.2)
    });
    Ok(row("", &conll, counts))
}

pub fn train_coref(a: &CorefArgs) -> Result<(), Error> {
    let train = prepare_all(a.data, "train", a.max_docs)?;
    say("| set | MUC P / R | MUC F1 | B³ F1 | CEAF-e F1 | CoNLL F1 | mentions P / R |")?;
    say("|---|---|---|---|---|---|---|")?;
    if a.folds >= 2 {
        for k in 0..a.folds {
            let (rest, fold) = crate::seq::folds::split(&train, a.folds, k);
            let line = run(a, &rest, &fold)?;
            say(&line.replacen("|  |", &format!("| fold {} |", k + 1), 1))?;
        }
    }
    let all: Vec<&Prepared> = train.iter().collect();
    if a.dev {
        let dev = prepare_all(a.data, "dev", a.max_docs)?;
        let dev: Vec<&Prepared> = dev.iter().collect();
        let line = run(a, &all, &dev)?;
        say(&line.replacen("|  |", "| dev |", 1))?;
    }
    if a.write_tagger.is_some() || a.write_ranker.is_some() {
        let (tagger, ranker) = learn(&all, a.epochs, a.gold_mentions);
        for (path, table, n) in [
            (a.write_tagger, tagger.table(a.min), tagger.len()),
            (a.write_ranker, ranker.table(a.min), ranker.len()),
        ] {
            if let Some(path) = path {
                std::fs::write(path, &table).map_err(Error::write(path))?;
                eprintln!(
                    "wrote {} ({} bytes, {n} weights)",
                    path.display(),
                    table.len()
                );
            }
        }
    }
    Ok(())
}
