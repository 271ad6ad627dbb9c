//! `lede eval`: entity figures on a CoNLL file, quote figures on PolNeAR (a split, or folds
//! with the learned parts relearned per fold); `lede tag-bio`.

use super::{emit, STDIN, STDOUT};
use crate::tools::pipeline_folds as pf;
use crate::tools::{gender_eval, ner_eval, polnear, quote_eval, Error};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// `lede eval --genders LABELS --texts DIR`: PERSON clusters' genders against hand labels.
pub fn eval_genders(files: &[PathBuf], texts: &Path, errors: bool) -> Result<(), Error> {
    let mut labels = Vec::new();
    for f in files {
        labels.extend(gender_eval::read_labels(f)?);
    }
    let scores = gender_eval::evaluate(&labels, texts)?;
    emit(&gender_eval::report(&scores, errors))
}

/// Scores what is asked for: `ner` (a gold CoNLL file) and/or `quotes` (the PolNeAR folder).
pub fn eval(
    ner: Option<&Path>,
    model: Option<&Path>,
    raw: bool,
    quotes: Option<&Path>,
    split: &str,
    folds: Option<usize>,
    errors: bool,
) -> Result<(), Error> {
    let mut any = false;
    if let Some(gold) = ner {
        let rec = ner_eval::recognizer(model)?;
        if raw {
            emit(&ner_eval::eval_raw(rec, gold)?)?;
        } else {
            emit(&ner_eval::eval(rec, gold)?.report())?;
        }
        any = true;
    }
    if let Some(dir) = quotes {
        let report = match folds {
            Some(k) => {
                let docs = polnear::load(dir, "train")?;
                // The pipeline's tagger and confidence model are learned from train: each fold
                // relearns them on the other folds, so no fold is scored by a model that saw it.
                let mut folds =
                    pf::cross_validate("train", &docs, k, &[pf::SHIPPED], pf::TRAINING, errors)?;
                folds.remove(0).to_string()
            }
            None => quote_eval::evaluate(dir, split, errors)?.to_string(),
        };
        emit(&report)?;
        any = true;
    }
    if !any {
        return Err(Error::Usage(
            "eval: nothing to score; pass --ner FILE and/or --quotes DIR".into(),
        ));
    }
    Ok(())
}

/// Tags CoNLL columns (`file`, or stdin) with IOB2 entity tags on stdout.
pub fn tag_bio(file: Option<PathBuf>, model: Option<PathBuf>) -> Result<(), Error> {
    let rec = ner_eval::recognizer(model.as_deref())?;
    let mut input = String::new();
    match &file {
        Some(f) => input = std::fs::read_to_string(f).map_err(Error::read(f))?,
        None => {
            std::io::stdin()
                .read_to_string(&mut input)
                .map_err(Error::read(STDIN))?;
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    ner_eval::tag_bio(rec, &input, &mut out)
        .and_then(|_| out.flush())
        .map_err(Error::write(STDOUT))?;
    Ok(())
}
