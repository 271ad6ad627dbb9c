//! K-fold cross-validation of the whole pipeline, its learned parts relearned on each fold's
//! other folds: the attribution tagger (written and read back as the runtime table, so a fold
//! measures what ships), then the quote confidence model on what the pipeline finds with that
//! tagger. `lede eval --quotes --folds K` reports the shipped set-up; `lede train-quotes
//! --ablation` switches each part off in turn.

use super::attribution::{self as att, Passes, Table};
use super::confidence as conf;
use super::polnear::PolnearDoc;
use super::quote_eval::{self, Folds, Report};
use super::Error;
use crate::quotes::tagger::Tagger;
use crate::schema::Quote;
use crate::seq::folds;
use std::collections::HashMap;

/// Which learned parts run.
#[derive(Debug, Clone, Copy)]
pub struct Setup {
    pub name: &'static str,
    /// Reported speech from the tagger (else from the rules of `quotes::indirect`).
    pub tagger: bool,
    /// The rules complete the tagger's reported speech.
    pub rules_fill: bool,
    /// Quotes under the confidence threshold dropped (else all kept).
    pub confidence: bool,
}

/// The shipped pipeline.
pub const SHIPPED: Setup = Setup {
    name: "shipped",
    tagger: true,
    rules_fill: true,
    confidence: true,
};

/// Each learned part on and off.
pub const ABLATION: [Setup; 6] = [
    Setup {
        name: "rules alone",
        tagger: false,
        rules_fill: false,
        confidence: false,
    },
    Setup {
        name: "rules + confidence",
        tagger: false,
        rules_fill: false,
        confidence: true,
    },
    Setup {
        name: "tagger alone",
        tagger: true,
        rules_fill: false,
        confidence: false,
    },
    Setup {
        name: "tagger + confidence",
        tagger: true,
        rules_fill: false,
        confidence: true,
    },
    Setup {
        name: "tagger + rules fill",
        tagger: true,
        rules_fill: true,
        confidence: false,
    },
    SHIPPED,
];

/// How the learned parts are trained.
#[derive(Debug, Clone, Copy)]
pub struct Training {
    pub tagger_epochs: usize,
    /// Rows the tagger's table keeps.
    pub keep: usize,
    pub confidence_epochs: usize,
}

pub const TRAINING: Training = Training {
    tagger_epochs: 15,
    keep: 20_000,
    confidence_epochs: 10,
};

/// Learns the tagger on `docs` and returns it as the runtime reads it.
pub fn learn_tagger(docs: &[&PolnearDoc], t: Training) -> Passes<Table> {
    let articles = att::articles(docs.iter().copied());
    let articles: Vec<&att::Article> = articles.iter().collect();
    att::train(&articles, t.tagger_epochs, t.keep).tables(t.keep)
}

/// What the pipeline runs for a set-up.
fn reporting(s: Setup, tagger: Option<Tagger<'_>>) -> conf::Reporting<'_> {
    conf::Reporting {
        tagger: tagger.filter(|_| s.tagger),
        rules_fill: s.rules_fill,
        chains: Some(crate::coref::chains::Models::shipped()),
    }
}

/// Halves the confidence model's examples are cross-fitted in.
const CROSS_FIT: usize = 2;

/// Taggers for cross-fitting on `docs`: the k-th is learned on the documents outside half k.
pub fn cross_fit_taggers(docs: &[&PolnearDoc], t: Training) -> Vec<Passes<Table>> {
    (0..CROSS_FIT)
        .map(|k| {
            let (rest, _) = folds::split(docs, CROSS_FIT, k);
            let rest: Vec<&PolnearDoc> = rest.into_iter().copied().collect();
            learn_tagger(&rest, t)
        })
        .collect()
}

/// The pipeline's quotes on `docs` as the confidence model learns from them: with the tagger,
/// each document is tagged by a tagger learned on the other half of `docs` (`halves`, from
/// [`cross_fit_taggers`]), so the examples carry the tagger's errors on unseen text (on its own
/// training documents it makes almost none, and a model learned there would trust it blindly).
pub fn confidence_examples(
    docs: &[&PolnearDoc],
    s: Setup,
    halves: &[Passes<Table>],
) -> Vec<conf::Rated> {
    if !s.tagger {
        return conf::examples(docs.iter().copied(), reporting(s, None));
    }
    halves
        .iter()
        .enumerate()
        .flat_map(|(k, table)| {
            let (_, half) = folds::split(docs, CROSS_FIT, k);
            conf::examples(
                half.into_iter().copied(),
                reporting(s, Some(table.tagger())),
            )
        })
        .collect()
}

/// The pipeline's quotes on `test` with models learned on `learn`.
fn predictions(
    learn: &[&PolnearDoc],
    test: &[&PolnearDoc],
    s: Setup,
    tagger: Option<Tagger>,
    halves: &[Passes<Table>],
    t: Training,
) -> Vec<Vec<Quote>> {
    let model = match s.confidence {
        true => {
            let rated = confidence_examples(learn, s, halves);
            conf::learn(&rated.iter().collect::<Vec<_>>(), t.confidence_epochs)
        }
        false => conf::Model::default(),
    };
    conf::examples(test.iter().copied(), reporting(s, tagger))
        .iter()
        .map(|r| model.keep(r))
        .collect()
}

/// K-fold cross-validation (document i in fold i mod K) of each set-up; `name` says what
/// `docs` are, `show_errors` as for [`quote_eval::evaluate`].
pub fn cross_validate(
    name: &str,
    docs: &[PolnearDoc],
    k: usize,
    setups: &[Setup],
    t: Training,
    show_errors: bool,
) -> Result<Vec<Folds>, Error> {
    if k < 2 || k > docs.len() {
        return Err(Error::Usage(format!(
            "{k} folds of {} documents: need at least 2 folds and a document in each",
            docs.len()
        )));
    }
    let mut out: Vec<Folds> = setups
        .iter()
        .map(|s| Folds {
            name: format!("{name}, {}", s.name),
            folds: Vec::new(),
        })
        .collect();
    for fold in 0..k {
        let (learn, test) = folds::split(docs, k, fold);
        let name = format!("{name} fold {}/{k}", fold + 1);
        for (report, folds) in evaluate(&name, &learn, &test, setups, t, show_errors)
            .into_iter()
            .zip(&mut out)
        {
            folds.folds.push(report);
        }
    }
    Ok(out)
}

/// Each set-up learned on `learn` and scored on `test` (a fold, or dev at a milestone).
pub fn evaluate(
    name: &str,
    learn: &[&PolnearDoc],
    test: &[&PolnearDoc],
    setups: &[Setup],
    t: Training,
    show_errors: bool,
) -> Vec<Report> {
    // The tagger learns in a second thread while the cross-fitted ones do (two cores).
    let (tagger, halves) = std::thread::scope(|scope| {
        let tagger = scope.spawn(|| {
            setups
                .iter()
                .any(|s| s.tagger)
                .then(|| learn_tagger(learn, t))
        });
        let halves = match setups.iter().any(|s| s.tagger && s.confidence) {
            true => cross_fit_taggers(learn, t),
            false => Vec::new(),
        };
        (tagger.join().expect("the tagger learns"), halves)
    });
    setups
        .iter()
        .map(|s| {
            let tagger = tagger.as_ref().filter(|_| s.tagger).map(Passes::tagger);
            let quotes = predictions(learn, test, *s, tagger, &halves, t);
            let by_text: HashMap<&str, &Vec<Quote>> = test
                .iter()
                .zip(&quotes)
                .map(|(d, q)| (d.text.as_str(), q))
                .collect();
            let predict = |text: &str| by_text[text].clone();
            quote_eval::evaluate_docs(
                &format!("{name}, {}", s.name),
                test.iter().copied(),
                &predict,
                show_errors,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::polnear::{Attribution, GoldSpan};

    /// A document of three `NAME said CONTENT.` paragraphs with its gold spans (code points).
    fn doc(id: usize) -> PolnearDoc {
        let names = [
            "Kirby", "Smith", "Jones", "Lopez", "Chen", "Garcia", "Brown", "Khan",
        ];
        let contents = [
            "the talks had failed",
            "the plan would work",
            "prices were rising fast",
        ];
        let mut text = String::new();
        let mut attributions = Vec::new();
        for (k, content) in contents.iter().enumerate() {
            let name = names[(id + k) % names.len()];
            // Each span is followed by its separator.
            let mut span = |w: &str, after: &str| {
                let start = text.chars().count();
                text.push_str(w);
                text.push_str(after);
                GoldSpan {
                    start,
                    end: start + w.chars().count(),
                    text: w.to_string(),
                }
            };
            let source = span(name, " ");
            let cue = span("said", " ");
            let content = span(content, ".\n\n");
            attributions.push(Attribution {
                source: vec![source],
                cue: vec![cue],
                content: vec![content],
                quoted_segments: Vec::new(),
            });
        }
        PolnearDoc {
            id: format!("doc{id}"),
            text,
            attributions,
        }
    }

    #[test]
    fn each_fold_is_scored_by_a_tagger_learned_on_the_others() {
        let docs: Vec<PolnearDoc> = (0..6).map(doc).collect();
        let setups = [ABLATION[0], ABLATION[2]];
        let t = Training {
            tagger_epochs: 5,
            keep: 10_000,
            confidence_epochs: 5,
        };
        let folds = cross_validate("toy", &docs, 2, &setups, t, false).unwrap();
        assert_eq!(folds.len(), 2);
        for f in &folds {
            assert_eq!(f.folds.len(), 2);
        }
        // The tagger learns the one pattern there is: every content exactly, on unseen folds.
        for report in &folds[1].folds {
            assert_eq!(report.exact.content.matched, 9, "{report}");
            assert_eq!(report.exact.source.matched, 9, "{report}");
        }
        assert!(cross_validate("toy", &docs, 1, &setups, t, false).is_err());
    }
}
