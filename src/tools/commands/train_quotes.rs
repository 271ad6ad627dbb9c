//! `lede train-quotes`: learns the attribution tagger, reports it by K-fold
//! cross-validation (and the ceiling gold tags leave), optionally on dev and with each learned
//! part of the pipeline on and off, and writes its two passes.

use super::say;
use crate::tools::attribution as att;
use crate::tools::pipeline_folds as pf;
use crate::tools::polnear;
use crate::tools::score::Prf;
use crate::tools::Error;
use std::path::Path;

/// Cross-validates the tagger on PolNeAR train in `folds` folds, and with `write` saves the
/// model learned on all of train (the second pass beside the first).
pub fn train_quotes(
    data: &Path,
    folds: usize,
    epochs: usize,
    dev: bool,
    keep: usize,
    write: Option<&Path>,
    ablation: bool,
) -> Result<(), Error> {
    if folds < 2 {
        return Err(Error::Usage(
            "train-quotes: --folds must be at least 2".into(),
        ));
    }
    let start = std::time::Instant::now();
    let train = att::load(data, "train")?;
    eprintln!(
        "{} train articles read ({:.0}s)",
        train.len(),
        start.elapsed().as_secs_f64()
    );
    let all: Vec<&att::Article> = train.iter().collect();
    let mut sum = [Prf::default(); 3];
    let mut sum_kept = sum;
    for (k, (c, kept)) in att::cross_validate(&train, folds, epochs, keep)
        .iter()
        .enumerate()
    {
        say(&att::line(&format!("fold {}", k + 1), c))?;
        say(&att::line(&format!("fold {}, {keep} rows", k + 1), kept))?;
        for r in 0..3 {
            sum[r].add(c[r]);
            sum_kept[r].add(kept[r]);
        }
    }
    say(&att::line(&format!("{folds}-fold total"), &sum))?;
    say(&att::line(&format!("{folds}-fold, {keep} rows"), &sum_kept))?;
    let untrained = att::Model::default();
    let untrained = att::Tagger {
        first: &untrained,
        second: &untrained,
    };
    let ceiling = att::evaluate(untrained, &all).1;
    say(&att::line("gold tags (ceiling)", &ceiling))?;
    let model = (dev || write.is_some()).then(|| att::train(&all, epochs, keep));
    if let (true, Some(model)) = (dev, &model) {
        let dev = att::load(data, "dev")?;
        let dev: Vec<&att::Article> = dev.iter().collect();
        say(&att::line(
            "dev (trained on train)",
            &att::evaluate(model.tagger(), &dev).0,
        ))?;
        say(&att::line(
            &format!("dev, {keep} rows"),
            &att::evaluate(model.tables(keep).tagger(), &dev).0,
        ))?;
    }
    if ablation || dev {
        let training = pf::Training {
            tagger_epochs: epochs,
            keep,
            ..pf::TRAINING
        };
        let docs = polnear::load(data, "train")?;
        if ablation {
            for f in pf::cross_validate("train", &docs, folds, &pf::ABLATION, training, false)? {
                say(&f.to_string())?;
            }
        }
        if dev {
            let dev_docs = polnear::load(data, "dev")?;
            let (train, dev): (Vec<_>, Vec<_>) = (docs.iter().collect(), dev_docs.iter().collect());
            for r in pf::evaluate("dev", &train, &dev, &pf::ABLATION, training, false) {
                say(&r.to_string())?;
            }
        }
    }
    if let (Some(path), Some(model)) = (write, &model) {
        // The second pass's file sits beside the first's: `quote_tagger.bin` and
        // `quote_tagger_second.bin`.
        let second = path.with_file_name(format!(
            "{}_second.bin",
            path.file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("quote_tagger")
        ));
        for (file, bytes, pass) in [
            (path.to_path_buf(), model.first.to_table(keep), &model.first),
            (second, model.second.to_table(keep), &model.second),
        ] {
            std::fs::write(&file, &bytes).map_err(|source| Error::Write {
                path: file.clone(),
                source,
            })?;
            eprintln!(
                "wrote {} ({} of {} rows, {} bytes)",
                file.display(),
                keep.min(pass.len()),
                pass.len(),
                bytes.len()
            );
        }
    }
    eprintln!("{:.0}s", start.elapsed().as_secs_f64());
    Ok(())
}
