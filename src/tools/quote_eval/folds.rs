//! Folds (`--folds K`): the documents in name order, document i in fold i mod K; each fold is
//! scored by a predictor made from the other K−1 (see [`cross_validate`]). The shipped pipeline
//! learns nothing from the corpus, so for it the folds are only a partition of the split.

use super::{evaluate_docs, Report};
use crate::schema::Quote;
use crate::seq::folds;
use crate::tools::polnear::PolnearDoc;
use crate::tools::Error;

/// `k`-fold cross-validation on `docs` (in the order given;
/// [`polnear::load`](crate::tools::polnear::load) sorts by name): document i is held out in
/// fold i mod k. For each fold, `train` gets the other folds' documents and returns the
/// predictor that is scored on the held-out ones. `name` is what `docs` are.
pub fn cross_validate<P: Fn(&str) -> Vec<Quote>>(
    name: &str,
    docs: &[PolnearDoc],
    k: usize,
    mut train: impl FnMut(&[&PolnearDoc]) -> P,
    show_errors: bool,
) -> Result<Folds, Error> {
    if k < 2 || k > docs.len() {
        return Err(Error::Usage(format!(
            "{k} folds of {} documents: need at least 2 folds and a document in each",
            docs.len()
        )));
    }
    let folds = (0..k)
        .map(|fold| {
            let (rest, held_out) = folds::split(docs, k, fold);
            let predict = train(&rest);
            evaluate_docs(
                &format!("{name} fold {}/{k}", fold + 1),
                held_out,
                &predict,
                show_errors,
            )
        })
        .collect();
    Ok(Folds {
        name: name.to_string(),
        folds,
    })
}

/// Cross-validation results: one report per fold.
#[derive(Debug)]
pub struct Folds {
    pub name: String,
    pub folds: Vec<Report>,
}

/// A figure of a report, by name.
type Figure = (&'static str, fn(&Report) -> f64);

/// The figures the fold table shows.
const FOLD_FIGURES: &[Figure] = &[
    ("direct P", |r| r.direct.prf.precision()),
    ("direct R", |r| r.direct.prf.recall()),
    ("direct F1", |r| r.direct.prf.f1()),
    ("direct speaker", |r| r.direct.speaker_accuracy()),
    ("reported P", |r| r.indirect.prf.precision()),
    ("reported R", |r| r.indirect.prf.recall()),
    ("reported F1", |r| r.indirect.prf.f1()),
    ("reported speaker", |r| r.indirect.speaker_accuracy()),
    ("statement P", |r| r.statements.prf.precision()),
    ("statement R", |r| r.statements.prf.recall()),
    ("statement F1", |r| r.statements.prf.f1()),
    ("content-first share", |r| {
        r.content_first.prf.gold as f64 / r.statements.prf.gold.max(1) as f64
    }),
    ("content-first R", |r| r.content_first.prf.recall()),
    ("pron/role unnamed", |r| r.naming(|s| s.pronoun_or_role)),
    ("person pron/role unnamed", |r| r.naming(|s| s.person)),
    ("exact content P", |r| r.exact.content.precision()),
    ("exact content R", |r| r.exact.content.recall()),
    ("exact content F1", |r| r.exact.content.f1()),
    ("exact source P", |r| r.exact.source.precision()),
    ("exact source R", |r| r.exact.source.recall()),
    ("exact source F1", |r| r.exact.source.f1()),
    ("exact cue P", |r| r.exact.cue.precision()),
    ("exact cue R", |r| r.exact.cue.recall()),
    ("exact cue F1", |r| r.exact.cue.f1()),
];

/// Mean and sample standard deviation (n − 1; 0 for fewer than two values).
pub fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    if xs.is_empty() {
        return (0.0, 0.0);
    }
    let mean = xs.iter().sum::<f64>() / n;
    if xs.len() < 2 {
        return (mean, 0.0);
    }
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

impl Folds {
    /// Mean and sample standard deviation over folds of one figure.
    pub fn mean_sd(&self, figure: impl Fn(&Report) -> f64) -> (f64, f64) {
        mean_sd(&self.folds.iter().map(figure).collect::<Vec<_>>())
    }
}

impl std::fmt::Display for Folds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let k = self.folds.len();
        let documents: usize = self.folds.iter().map(|r| r.documents).sum();
        writeln!(
            f,
            "PolNeAR {}, {k} folds ({documents} documents in name order, document i in fold i mod {k}; primary annotations)",
            self.name
        )?;
        write!(f, "{:<18}", "")?;
        for i in 1..=k {
            write!(f, " {:>8}", format!("fold {i}"))?;
        }
        writeln!(f, "   mean ± sd")?;
        write!(f, "{:<18}", "documents")?;
        for r in &self.folds {
            write!(f, " {:>8}", r.documents)?;
        }
        writeln!(f)?;
        for (name, figure) in FOLD_FIGURES {
            write!(f, "{name:<18}")?;
            for r in &self.folds {
                write!(f, " {:>8.3}", figure(r))?;
            }
            let (mean, sd) = self.mean_sd(figure);
            writeln!(f, "   {mean:.3} ± {sd:.3}")?;
        }
        for r in &self.folds {
            for e in &r.errors {
                writeln!(f, "[{}] {e}", r.split)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::quote_eval::annotate_quotes;

    #[test]
    fn folds_partition_documents_by_index() {
        let docs: Vec<PolnearDoc> = (0..5)
            .map(|i| PolnearDoc {
                id: format!("d{i}"),
                text: format!("Doc {i} said hello."),
                attributions: Vec::new(),
            })
            .collect();
        let mut trained_on = Vec::new();
        let folds = cross_validate(
            "synthetic",
            &docs,
            2,
            |rest| {
                trained_on.push(rest.iter().map(|d| d.id.clone()).collect::<Vec<_>>());
                |_: &str| Vec::new()
            },
            false,
        )
        .expect("two folds of five documents");
        assert_eq!(trained_on, vec![vec!["d1", "d3"], vec!["d0", "d2", "d4"]]);
        let sizes: Vec<usize> = folds.folds.iter().map(|r| r.documents).collect();
        assert_eq!(sizes, vec![3, 2]);
        assert!(folds.to_string().contains("mean ± sd"));
        assert!(cross_validate("synthetic", &docs, 1, |_| annotate_quotes, false).is_err());
        assert!(cross_validate("synthetic", &docs, 6, |_| annotate_quotes, false).is_err());
    }

    #[test]
    fn mean_and_sample_standard_deviation() {
        let (m, sd) = mean_sd(&[0.5, 0.7, 0.9]);
        assert!((m - 0.7).abs() < 1e-12);
        assert!((sd - 0.2).abs() < 1e-12);
        assert_eq!(mean_sd(&[0.4]), (0.4, 0.0));
    }
}
