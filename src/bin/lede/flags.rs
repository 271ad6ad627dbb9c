//! The `lede` command line's arguments, as clap reads them: every subcommand, flag and help
//! text. `main` dispatches on [`Command`].

use clap::{Parser, Subcommand};
use lede::tools::{self, Error};
use std::num::NonZeroUsize;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "lede",
    version,
    about = "Annotate news articles: entities, dates, quotes and speakers"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Annotate articles and print the Annotation as JSON (offsets in Unicode code points).
    Annotate {
        /// Text files to annotate; reads stdin when none are given.
        files: Vec<PathBuf>,
        /// Read JSON lines `{"id", "text", "date"?}` and write one JSON object per line.
        #[arg(long)]
        jsonl: bool,
        /// Pretty-print the JSON.
        #[arg(long)]
        pretty: bool,
        /// Article date (YYYY-MM-DD) that relative dates resolve against; overrides the date the
        /// text's header gives (a `date` marker, a Published line, a dated byline).
        #[arg(long, value_parser = parse_date)]
        date: Option<String>,
        /// Also report the attributions that are not statements (beliefs, plans, findings,
        /// perceptions, actions) under `attributions`, each with its `act`.
        #[arg(long)]
        attributions: bool,
        /// Write an export format instead of the Annotation JSON (offsets in code points). With
        /// --jsonl: JSON formats as JSONL, CSV as one table with an `id` column, CoNLL blocks under
        /// `# id = …`; brat needs --out.
        #[arg(long, value_enum)]
        format: Option<lede::export::Format>,
        /// Write one file per input into DIR, named from its headline (with --jsonl: from its
        /// id); `json` unless --format.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Worker threads for --jsonl (default: every core); output keeps the input order.
        #[arg(long, requires = "jsonl")]
        threads: Option<NonZeroUsize>,
    },
    /// Train the entity model from CoNLL files (OntoNotes IOB2); keeps the best epoch on dev.
    Train(TrainArgs),
    /// Drop small weights from a trained entity model (same as `train --prune`).
    Prune {
        #[arg(long)]
        model: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        min: f32,
    },
    /// Tag CoNLL columns (token first) with IOB2 entity tags, bypassing the tokenizer.
    TagBio {
        /// Input file; reads stdin when absent.
        file: Option<PathBuf>,
        /// A model file to use instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Who gets quoted: one JSON line per (article, source) with its type, gender, gender
    /// evidence, quotes and words; with --summary one line per outlet and one for all articles
    /// (named people by gender, women's share of them and of their quoted words).
    Sources {
        /// Text files (one article each, its id the path), or with --jsonl JSONL files of
        /// records `{"id", "text", "date"?, "outlet"?}`; reads stdin when none are given.
        files: Vec<PathBuf>,
        /// Read JSON lines `{"id", "text", "date"?, "outlet"?}`.
        #[arg(long)]
        jsonl: bool,
        /// Write the sums per outlet and over all articles instead of the rows.
        #[arg(long)]
        summary: bool,
        /// Worker threads for --jsonl (default: every core); output keeps the input order.
        #[arg(long, requires = "jsonl")]
        threads: Option<NonZeroUsize>,
    },
    /// Score the pipeline against annotated data.
    Eval {
        /// Gold CoNLL file (OntoNotes IOB2): entity precision, recall, F1 per type.
        #[arg(long)]
        ner: Option<PathBuf>,
        /// A model file to use instead of the embedded one (with --ner).
        #[arg(long)]
        model: Option<PathBuf>,
        /// PolNeAR folder (with attributions.jsonl and text/): quote and speaker figures.
        #[arg(long)]
        quotes: Option<PathBuf>,
        /// Split to score: dev or train (with --quotes).
        #[arg(long, default_value = "dev")]
        split: String,
        /// Score the train split in K folds (document i in fold i mod K, names sorted): each
        /// fold's figures and their mean ± sample standard deviation (with --quotes).
        #[arg(long, value_name = "K", conflicts_with = "split")]
        folds: Option<usize>,
        /// Print each error (quotes the corpus; for analysis, never for committing).
        #[arg(long)]
        errors: bool,
        /// Rebuild raw text from the tokens and run the whole pipeline (tokenizer, model, rules).
        #[arg(long)]
        raw: bool,
        /// Hand labels of PERSON clusters' genders (tests/data/gender_*.tsv; several files are
        /// scored as one sample): precision per gender and the share left unknown, first-name
        /// guesses on and off (needs --texts; --errors lists each wrong gender).
        #[arg(long, requires = "texts", num_args = 1..)]
        genders: Vec<PathBuf>,
        /// The folder of the labelled articles' texts (`<article>.txt`; with --genders).
        #[arg(long)]
        texts: Option<PathBuf>,
    },
    /// Learn to tag attribution sources, cues and contents from PolNeAR, report exact-span
    /// role F1 by K-fold cross-validation over the train documents, and with --write save the
    /// model to model/quote_tagger.bin (rebuild to ship it).
    TrainQuotes {
        /// PolNeAR folder (with attributions.jsonl and text/).
        #[arg(long)]
        data: std::path::PathBuf,
        /// Folds over the train documents.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Training passes.
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        /// Also train on all of train and score dev (a milestone, not for tuning).
        #[arg(long)]
        dev: bool,
        /// Feature rows the written model keeps (the strongest; the wasm size budget).
        #[arg(long, default_value_t = 20_000)]
        keep: usize,
        /// Train on all of train and write the model here.
        #[arg(long)]
        write: Option<PathBuf>,
        /// Also cross-validate the whole pipeline with each learned part on and off.
        #[arg(long)]
        ablation: bool,
    },
    /// Learn the quote confidence model from PolNeAR train, report it by K-fold
    /// cross-validation (rules alone vs rules + confidence learned on the other folds), and with
    /// --write save it to model/quote_confidence.tsv (rebuild to ship it). With --speakers, the
    /// speaker confidence model instead (model/speaker_confidence.tsv).
    TrainConfidence {
        /// PolNeAR folder (with attributions.jsonl and text/).
        #[arg(long)]
        data: std::path::PathBuf,
        /// Folds over the train documents.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Training passes.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Also score dev with the model learned on all of train (a milestone, not for tuning).
        #[arg(long)]
        dev: bool,
        /// Write the model learned on all of train to this file.
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
        /// Learn how sure each quote's speaker is (right or not, apart from the quote) instead.
        #[arg(long)]
        speakers: bool,
    },
    /// Learn the act classifier (statements apart from beliefs, plans, findings, perceptions
    /// and actions) from PolNeAR train's cues and model/acts.tsv, report it by K-fold
    /// cross-validation over documents and over heads (with ablations), and with --write save
    /// it to model/acts.bin (rebuild to ship it).
    TrainActs {
        /// PolNeAR folder (with attributions.jsonl and text/).
        #[arg(long)]
        data: std::path::PathBuf,
        /// Folds over the train documents (and over the heads).
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Training passes.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Also score dev with the model learned on all of train (a milestone, not for tuning).
        #[arg(long)]
        dev: bool,
        /// Rows whose largest weight is under this are left out of the written model.
        #[arg(long, default_value_t = 0.0)]
        min: f32,
        /// Write the model learned on all of train to this file.
        #[arg(long, value_name = "FILE")]
        write: Option<PathBuf>,
    },
    /// Learn coreference (mention tagger and ranker) from OntoNotes coreference and report the
    /// CoNLL score by folds of train and on dev.
    TrainCoref {
        /// Folder with train.jsonl and dev.jsonl (CoNLL-2012 jsonlines).
        #[arg(long)]
        data: std::path::PathBuf,
        /// The reference scorer (coref_score.py).
        #[arg(long, default_value = "../shared/tools/coref_score.py")]
        scorer: std::path::PathBuf,
        /// Folds over the train documents (0: none).
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Training passes of each model.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Only the first N documents of each split (quick experiments).
        #[arg(long)]
        max_docs: Option<usize>,
        /// Also score dev with the models learned on all of train (a milestone, not for tuning).
        #[arg(long)]
        dev: bool,
        /// Rows whose largest weight is under this are left out of the models.
        #[arg(long, default_value_t = 0.0)]
        min: f32,
        /// Rows the mention tagger keeps, its strongest (the wasm size budget; figures are
        /// those of the pruned models).
        #[arg(long, value_name = "ROWS")]
        keep_tagger: Option<usize>,
        /// Rows the mention ranker keeps, its strongest.
        #[arg(long, value_name = "ROWS")]
        keep_ranker: Option<usize>,
        /// Also score the ranker with each of its feature groups left out (folds, and dev with
        /// --dev).
        #[arg(long)]
        ablation: bool,
        /// Give the ranker the gold mentions: how well it links when mentions are right (a
        /// diagnostic, not a score of Lede).
        #[arg(long)]
        gold_mentions: bool,
        /// Write the mention tagger learned on all of train to this file.
        #[arg(long, value_name = "FILE")]
        write_tagger: Option<PathBuf>,
        /// Write the mention ranker learned on all of train to this file.
        #[arg(long, value_name = "FILE")]
        write_ranker: Option<PathBuf>,
        /// How many mentions back the ranker looks when scoring (it always learns with 120; the
        /// pipeline links with `coref::chains::LINK_WINDOW`).
        #[arg(long, default_value_t = 120)]
        window: usize,
        /// Write the speaker naming model (how sure a pronoun's or description's name is),
        /// learned on the folds' speakers, to this file (needs --folds).
        #[arg(long, value_name = "FILE")]
        write_naming: Option<PathBuf>,
    },
    /// Measure throughput of the whole pipeline on a reproducible input.
    Bench {
        /// How many times to annotate the benchmark corpus.
        #[arg(long, default_value_t = 200)]
        rounds: usize,
        /// Time and peak memory of each hostile input beside ordinary news of the same size,
        /// each annotated in a process of its own.
        #[arg(long)]
        hostile: bool,
        /// Size of each hostile input, bytes (with --hostile; 300k and 2m also read).
        #[arg(long, default_value_t = 300_000, value_parser = tools::hostile::parse_size)]
        size: usize,
        /// Several sizes (with --hostile, e.g. `--sizes 300k,2m,8m`): a table per size, then
        /// each input's slope of time and memory against size (1 = linear).
        #[arg(long, value_delimiter = ',', value_parser = tools::hostile::parse_size)]
        sizes: Option<Vec<usize>>,
        /// Annotate one generated input and print its seconds and peak KiB (used by --hostile).
        #[arg(long, hide = true)]
        one: Option<String>,
        /// Throughput of `annotate --jsonl` (records parsed, annotated, serialized) on 1 and 2
        /// threads, or on the counts given (`--threads 1,2,4`).
        #[arg(long, num_args = 0.., value_delimiter = ',', default_missing_values = ["1", "2"])]
        threads: Option<Vec<NonZeroUsize>>,
    },
}

fn parse_date(s: &str) -> Result<String, Error> {
    if lede::is_iso_date(s) {
        Ok(s.to_string())
    } else {
        Err(Error::Usage(format!(
            "{s:?} is not a date in YYYY-MM-DD form"
        )))
    }
}

/// Options of `lede train` (see [`tools::train::TrainOptions`]).
#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training files (CoNLL columns, OntoNotes IOB2).
    #[arg(long, num_args = 1.., required = true)]
    train: Vec<PathBuf>,
    /// Dev file: the epoch with the best dev F1 is kept.
    #[arg(long)]
    dev: PathBuf,
    #[arg(long, default_value = "model/ner.bin")]
    out: PathBuf,
    #[arg(long, default_value = "model/lexicon.tsv")]
    lexicon: PathBuf,
    #[arg(long, default_value = "model/gazetteer.tsv")]
    gazetteer: PathBuf,
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Chance that a training token is seen without its identity features (word dropout).
    #[arg(long, default_value_t = 0.0)]
    word_dropout: f32,
    /// Models trained on different shuffles and averaged into one (same size and speed as one).
    #[arg(long, default_value_t = 1)]
    ensemble: usize,
    /// Drop weights below this magnitude from the written model (0 keeps all).
    #[arg(long, default_value_t = 0.0)]
    prune: f32,
}

/// Field by field, with no `..`: a field added to either struct and not the other fails to
/// compile, so the arguments and the options cannot drift apart.
impl From<TrainArgs> for tools::train::TrainOptions {
    fn from(args: TrainArgs) -> Self {
        let TrainArgs {
            train,
            dev,
            out,
            lexicon,
            gazetteer,
            epochs,
            seed,
            word_dropout,
            ensemble,
            prune,
        } = args;
        tools::train::TrainOptions {
            train,
            dev,
            out,
            lexicon,
            gazetteer,
            epochs,
            seed,
            word_dropout,
            ensemble,
            prune,
        }
    }
}
