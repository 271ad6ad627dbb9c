//! `lede train-acts`: learns the act classifier from PolNeAR train's cues, reports it by K-fold
//! cross-validation (folds of documents, and folds of heads for heads never seen), with the
//! feature groups left out one at a time, and writes the model.

use super::say;
use crate::quotes::acts::{Group, SHIPPED_WITHOUT};
use crate::tools::acts::{self, cross_validate, head_fold, labels, Example, Weights};
use crate::tools::polnear;
use crate::tools::Error;
use std::path::Path;

/// The set-ups reported: the shipped one, and each group it uses left out.
const SETUPS: &[(&str, &[Group])] = &[
    (
        "shipped (head, WordNet, GloVe seeds, cue context)",
        SHIPPED_WITHOUT,
    ),
    ("- cue context", &[Group::Context]),
    ("- GloVe seeds", &[Group::Seeds]),
    ("- WordNet", &[Group::WordNet]),
    ("- GloVe - WordNet", &[Group::Seeds, Group::WordNet]),
    ("- head word", &[Group::Head]),
];

pub fn train_acts(
    data: &Path,
    folds: usize,
    epochs: usize,
    dev: bool,
    min: f32,
    write: Option<&Path>,
) -> Result<(), Error> {
    if folds < 2 {
        return Err(Error::Usage("--folds must be at least 2".into()));
    }
    let labels = labels(include_str!("../../../model/acts.tsv"));
    let docs = polnear::load(data, "train")?;
    say("| features | docs: accuracy | statement P / R | unseen heads: per cue (statement or not) | per head (statement or not) |")?;
    say("|---|---|---|---|---|")?;
    for (name, without) in SETUPS {
        let (examples, unlabelled) = acts::examples(&docs, &labels, without);
        if *name == SETUPS[0].0 {
            eprintln!(
                "{} cues with a labelled head, {unlabelled} without",
                examples.len()
            );
        }
        let (docs_score, _) =
            cross_validate(&examples, folds, epochs, min, |e| e.doc % folds, |_| true);
        let (unseen, heads) = cross_validate(
            &examples,
            folds,
            epochs,
            min,
            |e| head_fold(&e.lemma, folds),
            |e| e.by_hand,
        );
        let (p, r) = docs_score.statement_pr();
        say(&format!(
            "| {name} | {:.3} | {p:.3} / {r:.3} | {:.3} ({:.3}) of {} | {:.3} ({:.3}) of {} |",
            docs_score.accuracy(),
            unseen.accuracy(),
            unseen.binary_accuracy(),
            unseen.n,
            heads.accuracy(),
            heads.binary_accuracy(),
            heads.n
        ))?;
    }
    let (all, _) = acts::examples(&docs, &labels, SHIPPED_WITHOUT);
    let train: Vec<&Example> = all.iter().collect();
    let model = Weights::learn(&train, epochs);
    if dev {
        let dev_docs = polnear::load(data, "dev")?;
        let (dev, unlabelled) = acts::examples(&dev_docs, &labels, SHIPPED_WITHOUT);
        let mut s = acts::Score::default();
        for e in &dev {
            s.add(e.act, model.classify(&e.features));
        }
        let (p, r) = s.statement_pr();
        say(&format!(
            "dev: accuracy {:.3}, statement P / R {p:.3} / {r:.3} ({} cues; {unlabelled} with a head not in model/acts.tsv)",
            s.accuracy(),
            s.n
        ))?;
    }
    if let Some(path) = write {
        let table = model.table(min);
        let kept = crate::quotes::acts::Acts::from_bytes(std::borrow::Cow::Owned(table.clone()))
            .map_err(|e| Error::Usage(format!("the written table does not read back: {e}")))?;
        let (all, _) = acts::examples(&docs, &labels, SHIPPED_WITHOUT);
        let same = all
            .iter()
            .filter(|e| kept.classify_features(&e.features) == model.classify(&e.features))
            .count();
        say(&format!(
            "written table (rows with a weight >= {min}): same act as the full model on {same} of {} train cues",
            all.len()
        ))?;
        std::fs::write(path, &table).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
        eprintln!("wrote {} ({} bytes)", path.display(), table.len());
    }
    Ok(())
}
