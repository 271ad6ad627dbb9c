//! `lede train-coref`: learns the mention tagger and the mention ranker from OntoNotes
//! coreference train, reports the CoNLL score (MUC, B³, CEAF-e, scored by the reference scorer)
//! by K-fold cross-validation over train documents and, at milestones, on dev, and writes the
//! models learned on all of train.

use super::say;
use crate::coref::chains::{RANKER_FILE, TAGGER_FILE};
use crate::coref::rank::{Group, GROUPS};
use crate::tools::coref::{self, learn, predict, Conll, Prepared, SpeakerNaming};
use crate::tools::speaker_confidence as speakers;
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
    /// Rows each model keeps (its strongest); `None` keeps all.
    pub keep_tagger: Option<usize>,
    pub keep_ranker: Option<usize>,
    /// Also score the ranker with each feature group left out.
    pub ablation: bool,
    /// Give the ranker the gold mentions (a diagnostic of the ranker alone).
    pub gold_mentions: bool,
    pub write_tagger: Option<&'a Path>,
    pub write_ranker: Option<&'a Path>,
    pub write_naming: Option<&'a Path>,
    /// How many mentions back the ranker looks when predicting (it learns with `rank::WINDOW`).
    pub window: usize,
}

/// A set-up's figures on some documents: the scores and (gold, found, right) mentions.
type Figures = (Conll, (usize, usize, usize));

/// How the speakers written as a pronoun or description are named (see `SpeakerNaming`).
fn naming_row(name: &str, n: &SpeakerNaming) -> String {
    let share = |c: (usize, usize)| {
        let of = n.speakers.max(1) as f64;
        format!("{:.3} / {:.3}", c.0 as f64 / of, c.1 as f64 / of)
    };
    format!(
        "| {name} | {} | {} | {} | {} | {} |",
        n.speakers,
        share(n.rules),
        share(n.chains),
        share(n.chains_then_rules),
        share(n.shipped)
    )
}

fn row(name: &str, (c, mentions): &Figures) -> String {
    let (gold, found, right) = *mentions;
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

/// The mean of fold figures (mention counts summed).
fn mean(folds: &[Figures]) -> Figures {
    let n = folds.len().max(1) as f64;
    let avg = |f: fn(&Conll) -> f64| folds.iter().map(|x| f(&x.0)).sum::<f64>() / n;
    let conll = Conll {
        muc_pr: (avg(|c| c.muc_pr.0), avg(|c| c.muc_pr.1)),
        muc: avg(|c| c.muc),
        b3: avg(|c| c.b3),
        ceafe: avg(|c| c.ceafe),
        conll: avg(|c| c.conll),
    };
    let counts = folds
        .iter()
        .fold((0, 0, 0), |s, x| (s.0 + x.1 .0, s.1 + x.1 .1, s.2 + x.1 .2));
    (conll, counts)
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

/// Learns on `train` without the ranker's feature groups `without`, scores `test`.
fn run(
    a: &CorefArgs,
    train: &[&Prepared],
    test: &[&Prepared],
    without: &[Group],
) -> Result<(Figures, SpeakerNaming), Error> {
    let (tagger, ranker) = learn(train, a.epochs, a.gold_mentions, without);
    // Scored as shipped: quantised, pruned to the size budget.
    let tagger = tagger.shipped(a.min, a.keep_tagger);
    let ranker = ranker.shipped(a.min, a.keep_ranker);
    let predicted: Vec<_> = (test.iter())
        .map(|p| predict(p, &tagger, &ranker, a.gold_mentions, without, a.window))
        .collect();
    let conll = coref::score(test, &predicted, a.scorer)?;
    let counts = test.iter().fold((0, 0, 0), |s, p| {
        let c = coref::mention_counts(p, &tagger);
        (s.0 + c.0, s.1 + c.1, s.2 + c.2)
    });
    let mut naming = SpeakerNaming::default();
    for p in test {
        naming.add(&coref::speaker_naming(p, &tagger, &ranker));
    }
    Ok(((conll, counts), naming))
}

pub fn train_coref(a: &CorefArgs) -> Result<(), Error> {
    let train = prepare_all(a.data, "train", a.max_docs)?;
    let dev = match a.dev {
        true => prepare_all(a.data, "dev", a.max_docs)?,
        false => Vec::new(),
    };
    let all: Vec<&Prepared> = train.iter().collect();
    let dev: Vec<&Prepared> = dev.iter().collect();
    say("| set | MUC P / R | MUC F1 | B³ F1 | CEAF-e F1 | CoNLL F1 | mentions P / R |")?;
    say("|---|---|---|---|---|---|---|")?;
    // Row names: the shipped set-up's plain, each ablation's prefixed "- group: ".
    let mut setups: Vec<(String, Vec<Group>)> = vec![(String::new(), Vec::new())];
    if a.ablation {
        setups.extend(
            GROUPS
                .iter()
                .map(|(g, name)| (format!("- {name}: "), vec![*g])),
        );
    }
    let mut namings = Vec::new();
    for (name, without) in &setups {
        let mut folds = Vec::new();
        for k in 0..a.folds {
            let (rest, fold) = crate::seq::folds::split(&train, a.folds, k);
            let (figures, naming) = run(a, &rest, &fold, without)?;
            folds.push(figures);
            if without.is_empty() {
                say(&row(&format!("fold {}", k + 1), &folds[k]))?;
                namings.push((format!("fold {}", k + 1), naming));
            }
        }
        if !folds.is_empty() {
            say(&row(
                &format!("{name}mean of {} folds", a.folds),
                &mean(&folds),
            ))?;
        }
        if a.dev {
            let (figures, naming) = run(a, &all, &dev, without)?;
            say(&row(&format!("{name}dev"), &figures))?;
            if without.is_empty() {
                namings.push(("dev".to_string(), naming));
            }
        }
    }
    say("")?;
    say("Speakers written as a pronoun or description whose gold chain names them before (subjects of a verb of saying): share named right / named wrong")?;
    say("| set | speakers | rules | learned chains | chains, then rules | shipped (chains in agreement, then rules) |")?;
    say("|---|---|---|---|---|---|")?;
    for (name, naming) in &namings {
        say(&naming_row(name, naming))?;
    }
    // The naming model: the folds' speakers (each named by models that did not see its fold).
    let fold_examples: Vec<Vec<(&Vec<String>, bool)>> = (namings.iter())
        .filter(|(name, _)| name.starts_with("fold"))
        .map(|(_, n)| n.examples.iter().map(|(f, ok)| (f, *ok)).collect())
        .collect();
    if fold_examples.len() >= 2 {
        say("")?;
        say(&format!(
            "Speaker naming model, each fold's speakers scored by the model learned on the other folds' ({} folds):\n{}",
            fold_examples.len(),
            speakers::cross_validate_examples(&fold_examples, a.epochs)
        ))?;
    }
    if let Some(path) = a.write_naming {
        let all: Vec<(&Vec<String>, bool)> = fold_examples.concat();
        if all.is_empty() {
            return Err(Error::Usage("--write-naming needs --folds".to_string()));
        }
        let model = crate::tools::confidence::fit_examples(&all, a.epochs);
        let tsv = model.to_tsv_with(
            "# Speaker naming: logistic weights per feature (src/quotes/speaker_confidence.rs),\n\
             # written by `lede train-coref --write-naming` from the speakers of OntoNotes train's\n\
             # folds. Rows sorted; `_bias` is not a feature.\n# columns: str f64\n",
        );
        std::fs::write(path, tsv).map_err(Error::write(path))?;
        eprintln!("wrote {} ({} speakers)", path.display(), all.len());
    }
    if a.write_tagger.is_some() || a.write_ranker.is_some() {
        let (tagger, ranker) = learn(&all, a.epochs, a.gold_mentions, &[]);
        for (path, table, n) in [
            (
                a.write_tagger,
                tagger.file(&TAGGER_FILE, a.min, a.keep_tagger),
                tagger.len(),
            ),
            (
                a.write_ranker,
                ranker.file(&RANKER_FILE, a.min, a.keep_ranker),
                ranker.len(),
            ),
        ] {
            if let Some(path) = path {
                std::fs::write(path, &table).map_err(Error::write(path))?;
                eprintln!(
                    "wrote {} ({} bytes, {n} rows learned)",
                    path.display(),
                    table.len()
                );
            }
        }
    }
    Ok(())
}
