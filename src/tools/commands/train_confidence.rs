//! `lede train-confidence`: learns the quote confidence model from PolNeAR train, reports it
//! by K-fold cross-validation against the pipeline without it, and writes it.

use super::say;
use crate::tools::confidence as conf;
use crate::tools::pipeline_folds as pf;
use crate::tools::polnear::{self, PolnearDoc};
use crate::tools::speaker_confidence as speakers;
use crate::tools::Error;
use std::path::Path;

/// PolNeAR train, the training set-up for `epochs`, and the shipped pipeline's quotes on it
/// with their features, each half tagged by a tagger learned on the other (both confidence
/// models learn from these).
fn cross_fitted(
    data: &Path,
    epochs: usize,
) -> Result<(Vec<PolnearDoc>, pf::Training, Vec<conf::Rated>), Error> {
    let docs = polnear::load(data, "train")?;
    let training = pf::Training {
        confidence_epochs: epochs,
        ..pf::TRAINING
    };
    let all: Vec<&PolnearDoc> = docs.iter().collect();
    let halves = pf::cross_fit_taggers(&all, training);
    let rated = pf::confidence_examples(&all, pf::SHIPPED, &halves);
    Ok((docs, training, rated))
}

/// Cross-validates the confidence model on PolNeAR train in `folds` folds, and with `write`
/// saves the model learned on all of train.
pub fn train_confidence(
    data: &Path,
    folds: usize,
    epochs: usize,
    dev: bool,
    write: Option<&Path>,
) -> Result<(), Error> {
    let start = std::time::Instant::now();
    let (docs, training, rated) = cross_fitted(data, epochs)?;
    let found: usize = rated.iter().map(|r| r.quotes.len()).sum();
    let right: usize = rated
        .iter()
        .flat_map(|r| &r.correct)
        .filter(|&&c| c)
        .count();
    eprintln!(
        "{} train articles, {found} quotes found, {right} right ({:.0}s)",
        docs.len(),
        start.elapsed().as_secs_f64()
    );
    let setups = [
        pf::Setup {
            name: "tagger + rules fill, no confidence",
            confidence: false,
            ..pf::SHIPPED
        },
        pf::SHIPPED,
    ];
    for f in pf::cross_validate("train", &docs, folds, &setups, training, false)? {
        say(&f.to_string())?;
    }
    let all: Vec<&conf::Rated> = rated.iter().collect();
    let model = conf::learn(&all, epochs);
    say(&format!(
        "model on all of train: {} weights, threshold {:.2}",
        model.weights.len(),
        model.threshold
    ))?;
    if dev {
        let dev_docs = polnear::load(data, "dev")?;
        let (train, dev): (Vec<_>, Vec<_>) = (docs.iter().collect(), dev_docs.iter().collect());
        for r in pf::evaluate("dev", &train, &dev, &setups, training, false) {
            say(&r.to_string())?;
        }
    }
    if let Some(path) = write {
        std::fs::write(path, model.to_tsv()).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
        eprintln!("wrote {}", path.display());
    }
    eprintln!("{:.0}s", start.elapsed().as_secs_f64());
    Ok(())
}

/// Cross-validates the speaker confidence model on PolNeAR train in `folds` folds (the
/// examples cross-fitted as the quote confidence's are), with `dev` scores dev with the model
/// learned on all of train, and with `write` saves that model.
pub fn train_speaker_confidence(
    data: &Path,
    folds: usize,
    epochs: usize,
    dev: bool,
    write: Option<&Path>,
) -> Result<(), Error> {
    let start = std::time::Instant::now();
    let (docs, _, rated) = cross_fitted(data, epochs)?;
    let rated: Vec<&conf::Rated> = rated.iter().collect();
    eprintln!(
        "{} train articles ({:.0}s)",
        docs.len(),
        start.elapsed().as_secs_f64()
    );
    say(&format!(
        "{folds} folds over train:\n{}",
        speakers::cross_validate(&rated, folds, epochs)
    ))?;
    let model = speakers::learn(&rated, epochs);
    say(&format!(
        "model on all of train: {} weights",
        model.weights.len()
    ))?;
    if dev {
        // Dev articles tagged by the shipped tagger, which never saw them.
        let dev_docs = polnear::load(data, "dev")?;
        let shipped = crate::pipeline::Models::shipped();
        let dev_rated = conf::examples(dev_docs.iter(), shipped.reporting);
        let dev_rated: Vec<&conf::Rated> = dev_rated.iter().collect();
        say(&format!(
            "dev, model learned on all of train:\n{}",
            speakers::held_out(&model, &rated, &dev_rated)
        ))?;
    }
    if let Some(path) = write {
        std::fs::write(path, model.to_speaker_tsv()).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
        eprintln!("wrote {}", path.display());
    }
    eprintln!("{:.0}s", start.elapsed().as_secs_f64());
    Ok(())
}
