//! The work behind the `lede train`, `lede tag-bio` and `lede eval --ner` commands (native only).

use super::conll::{self, Scores};
use super::lexicon::Lexicon;
use super::train::{self, Config};
use super::Recognizer;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub struct TrainArgs {
    pub train: Vec<PathBuf>,
    pub dev: PathBuf,
    pub out: PathBuf,
    pub lexicon: PathBuf,
    pub gazetteer: PathBuf,
    pub epochs: usize,
    pub seed: u64,
}

/// Trains a model, writes it to `out`, returns the dev report.
pub fn train(args: &TrainArgs) -> Result<String, String> {
    let start = Instant::now();
    let lexicon = Lexicon::parse(&read(&args.lexicon)?, &read(&args.gazetteer)?);
    let mut docs = Vec::new();
    for f in &args.train {
        docs.extend(conll::parse(&read(f)?));
    }
    let train_set = train::examples(&docs, &lexicon);
    let dev_set = train::examples(&conll::parse(&read(&args.dev)?), &lexicon);
    eprintln!(
        "{} training documents, {} dev documents, lexicon columns {}, gazetteer lists {:?} ({:.0}s)",
        train_set.len(),
        dev_set.len(),
        lexicon.columns(),
        lexicon.lists,
        start.elapsed().as_secs_f64()
    );
    let (model, scores) = train::train(
        &train_set,
        &dev_set,
        &lexicon,
        &Config {
            epochs: args.epochs,
            seed: args.seed,
        },
    );
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    Ok(format!(
        "model: {} features, {} weights, {} bytes -> {}\ntraining time: {:.0}s\n{}",
        model.features(),
        model.weights(),
        bytes.len(),
        args.out.display(),
        start.elapsed().as_secs_f64(),
        scores.report()
    ))
}

/// The shipped recogniser, or one loaded from a model file (same embedded lexicon).
pub fn recognizer(model: Option<&Path>) -> Result<&'static Recognizer, String> {
    match model {
        None => Ok(Recognizer::shipped()),
        Some(p) => {
            let bytes =
                std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let model = super::model::Model::from_bytes(&bytes)?;
            let lexicon = Lexicon::parse(super::LEXICON, super::GAZETTEER);
            Ok(Box::leak(Box::new(Recognizer::new(model, lexicon))))
        }
    }
}

/// Tags CoNLL columns, bypassing the tokenizer: `token<TAB>tag` lines.
pub fn tag_bio(rec: &Recognizer, input: &str, out: &mut impl Write) -> std::io::Result<()> {
    for doc in conll::parse(input) {
        writeln!(out, "-DOCSTART-\tO\n")?;
        let sentences: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| conll::unescape(t)).collect())
            .collect();
        for (s, spans) in doc.sentences.iter().zip(rec.tag_sentences(&sentences)) {
            for (tok, tag) in s.tokens.iter().zip(conll::iob_tags(s.tokens.len(), &spans)) {
                writeln!(out, "{tok}\t{tag}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Scores a recogniser on a gold CoNLL file (pre-tokenised input).
pub fn eval(rec: &Recognizer, path: &Path) -> Result<Scores, String> {
    let mut scores = Scores::default();
    for doc in conll::parse(&read(path)?) {
        let sentences: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| conll::unescape(t)).collect())
            .collect();
        for (s, guess) in doc.sentences.iter().zip(rec.tag_sentences(&sentences)) {
            scores.add(&conll::iob_spans(&s.tags), &guess);
        }
    }
    Ok(scores)
}
