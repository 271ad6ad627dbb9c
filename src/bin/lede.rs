//! The `lede` command line: annotate articles in batches, benchmark the pipeline, and the
//! model-making tools (train, prune, tag-bio, eval) from `lede::tools`.

#[path = "lede/corpus_export.rs"]
mod corpus_export;
#[path = "lede/export.rs"]
mod export;

use clap::{Parser, Subcommand};
use lede::tools::{self, Error};
use std::io::{Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// The JSONL path's modules live beside this file, in src/bin/lede/.
#[path = "lede/jsonl.rs"]
mod jsonl;
#[path = "lede/ordered.rs"]
mod ordered;
#[path = "lede/progress.rs"]
mod progress;

#[derive(Parser)]
#[command(
    name = "lede",
    version,
    about = "Annotate news articles: entities, dates, quotes and speakers"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
    /// --write save it to model/quote_confidence.tsv (rebuild to ship it).
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
        /// Size of each hostile input, bytes (with --hostile).
        #[arg(long, default_value_t = 300_000)]
        size: usize,
        /// Annotate one generated input and print its seconds and peak KiB (used by --hostile).
        #[arg(long, hide = true)]
        one: Option<String>,
        /// Throughput of `annotate --jsonl` (records parsed, annotated, serialized) on 1 and 2
        /// threads, or on the counts given (`--threads 1,2,4`).
        #[arg(long, num_args = 0.., value_delimiter = ',', default_missing_values = ["1", "2"])]
        threads: Option<Vec<NonZeroUsize>>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate {
            files,
            jsonl: true,
            format,
            out,
            threads,
            ..
        } if format.is_some() || out.is_some() => corpus_export::annotate_files(
            &files,
            threads.map_or_else(all_cores, |n| n.get()),
            format.unwrap_or(lede::export::Format::Json),
            out.as_deref(),
        ),
        Command::Annotate {
            files,
            date,
            format,
            out,
            ..
        } if format.is_some() || out.is_some() => export::annotate(
            &files,
            date,
            format.unwrap_or(lede::export::Format::Json),
            out.as_deref(),
        ),
        Command::Annotate {
            files,
            jsonl,
            pretty,
            date,
            threads,
            ..
        } => match jsonl {
            true => jsonl::annotate_files(&files, threads.map_or_else(all_cores, |n| n.get())),
            false => annotate(&files, pretty, date),
        },
        Command::Eval {
            ner,
            model,
            raw,
            quotes,
            split,
            folds,
            errors,
        } => eval(
            ner.as_deref(),
            model.as_deref(),
            raw,
            quotes.as_deref(),
            &split,
            folds,
            errors,
        ),
        Command::Bench {
            one: Some(name),
            size,
            ..
        } => bench_one(&name, size),
        Command::Bench {
            hostile: true,
            size,
            ..
        } => bench_hostile(size),
        Command::Bench {
            threads: Some(counts),
            rounds,
            ..
        } => bench_threads(rounds, &counts),
        Command::Bench { rounds, .. } => bench(rounds),
        Command::TrainQuotes {
            data,
            folds,
            epochs,
            dev,
            keep,
            write,
            ablation,
        } => train_quotes(&data, folds, epochs, dev, keep, write.as_deref(), ablation),
        Command::TrainConfidence {
            data,
            folds,
            epochs,
            dev,
            write,
        } => train_confidence(&data, folds, epochs, dev, write.as_deref()),
        Command::Train(args) => {
            tools::train::train_model(&args.into()).and_then(|report| emit(&report))
        }
        Command::Prune { model, out, min } => {
            tools::train::prune_model(&model, &out, min).and_then(|summary| emit(&summary))
        }
        Command::TagBio { file, model } => tag_bio(file, model),
    };
    match result {
        Ok(code) => code,
        // `| head` closed stdout: the reader has what it wanted, so stop quietly.
        Err(Error::Write { path, source })
            if source.kind() == std::io::ErrorKind::BrokenPipe && path.as_os_str() == STDOUT =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lede: {e}");
            ExitCode::FAILURE
        }
    }
}

const STDIN: &str = "<stdin>";
const STDOUT: &str = "<stdout>";

fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Writes `text` to stdout; a closed stdout is an `Error::Write` that `main` ends on quietly
/// (`print!` would panic instead).
/// The bytes of input file `f`, or of stdin when `stdin`.
fn read_input(f: &Path, stdin: bool) -> Result<Vec<u8>, Error> {
    if stdin {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(Error::read(STDIN))
    } else {
        std::fs::read(f).map_err(Error::read(f))
    }
}

fn emit(text: &str) -> Result<ExitCode, Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(Error::write(STDOUT))?;
    Ok(ExitCode::SUCCESS)
}

/// [`emit`] with a line end.
fn say(line: &str) -> Result<ExitCode, Error> {
    emit(&format!("{line}\n"))
}

fn to_json(value: &impl serde::Serialize, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .expect("an Annotation always serializes")
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
struct TrainArgs {
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

fn annotate(files: &[PathBuf], pretty: bool, date: Option<String>) -> Result<ExitCode, Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let stdin = [PathBuf::from(STDIN)];
    let stdin_only = files.is_empty();
    for f in if stdin_only { &stdin[..] } else { files } {
        // An unreadable file is reported and skipped; the others are still annotated.
        let bytes = match read_input(f, stdin_only) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("lede: {e}");
                failed = true;
                continue;
            }
        };
        let name = f.display().to_string();
        let text = String::from_utf8_lossy(&bytes);
        let options = lede::Options {
            date: date.clone(),
            ..Default::default()
        };
        let mut annotation = match lede::try_annotate(&text, &options) {
            Ok(a) => a,
            Err(refusal) => {
                eprintln!("lede: {name}: {refusal}");
                failed = true;
                continue;
            }
        };
        if matches!(text, std::borrow::Cow::Owned(_)) {
            annotation.warnings.push(format!(
                "{name} is not valid UTF-8; invalid bytes were replaced with U+FFFD"
            ));
        }
        writeln!(out, "{}", to_json(&annotation, pretty)).map_err(Error::write(STDOUT))?;
    }
    out.flush().map_err(Error::write(STDOUT))?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn tag_bio(file: Option<PathBuf>, model: Option<PathBuf>) -> Result<ExitCode, Error> {
    let rec = tools::ner_eval::recognizer(model.as_deref())?;
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
    tools::ner_eval::tag_bio(rec, &input, &mut out)
        .and_then(|_| out.flush())
        .map_err(Error::write(STDOUT))?;
    Ok(ExitCode::SUCCESS)
}

fn eval(
    ner: Option<&Path>,
    model: Option<&Path>,
    raw: bool,
    quotes: Option<&Path>,
    split: &str,
    folds: Option<usize>,
    errors: bool,
) -> Result<ExitCode, Error> {
    let mut any = false;
    if let Some(gold) = ner {
        let rec = tools::ner_eval::recognizer(model)?;
        if raw {
            emit(&tools::ner_eval::eval_raw(rec, gold)?)?;
        } else {
            emit(&tools::ner_eval::eval(rec, gold)?.report())?;
        }
        any = true;
    }
    if let Some(dir) = quotes {
        let report = match folds {
            Some(k) => {
                use tools::pipeline_folds as pf;
                let docs = tools::polnear::load(dir, "train")?;
                // The pipeline's tagger and confidence model are learned from train: each fold
                // relearns them on the other folds, so no fold is scored by a model that saw it.
                let mut folds =
                    pf::cross_validate("train", &docs, k, &[pf::SHIPPED], pf::TRAINING, errors)?;
                folds.remove(0).to_string()
            }
            None => tools::quote_eval::evaluate(dir, split, errors)?.to_string(),
        };
        emit(&report)?;
        any = true;
    }
    if !any {
        return Err(Error::Usage(
            "eval: nothing to score; pass --ner FILE and/or --quotes DIR".into(),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

fn train_quotes(
    data: &Path,
    folds: usize,
    epochs: usize,
    dev: bool,
    keep: usize,
    write: Option<&Path>,
    ablation: bool,
) -> Result<ExitCode, Error> {
    use lede::tools::attribution as att;
    use tools::pipeline_folds as pf;
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
    let mut sum = [tools::score::Prf::default(); 3];
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
        let docs = tools::polnear::load(data, "train")?;
        if ablation {
            for f in pf::cross_validate("train", &docs, folds, &pf::ABLATION, training, false)? {
                say(&f.to_string())?;
            }
        }
        if dev {
            let dev_docs = tools::polnear::load(data, "dev")?;
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
    Ok(ExitCode::SUCCESS)
}

fn train_confidence(
    data: &Path,
    folds: usize,
    epochs: usize,
    dev: bool,
    write: Option<&Path>,
) -> Result<ExitCode, Error> {
    use tools::confidence as conf;
    let start = std::time::Instant::now();
    let docs = tools::polnear::load(data, "train")?;
    use tools::pipeline_folds as pf;
    let training = pf::Training {
        confidence_epochs: epochs,
        ..pf::TRAINING
    };
    let all: Vec<&tools::polnear::PolnearDoc> = docs.iter().collect();
    let halves = pf::cross_fit_taggers(&all, training);
    let rated = pf::confidence_examples(&all, pf::SHIPPED, &halves);
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
        let dev_docs = tools::polnear::load(data, "dev")?;
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
    Ok(ExitCode::SUCCESS)
}

/// Runs `lede bench --one NAME` for every hostile generator and prints time and peak memory
/// beside ordinary news of the same size.
fn bench_hostile(size: usize) -> Result<ExitCode, Error> {
    use tools::hostile::NAMES;
    let exe = std::env::current_exe().map_err(|e| Error::Usage(e.to_string()))?;
    let mut rows = Vec::new();
    for name in NAMES {
        let out = std::process::Command::new(&exe)
            .args(["bench", "--one", name, "--size", &size.to_string()])
            .output()
            .map_err(|e| Error::Usage(format!("cannot run {}: {e}", exe.display())))?;
        let line = String::from_utf8_lossy(&out.stdout);
        let mut f = line
            .split_whitespace()
            .map(|x| x.parse::<f64>().unwrap_or(f64::NAN));
        rows.push((
            name,
            f.next().unwrap_or(f64::NAN),
            f.next().unwrap_or(f64::NAN),
        ));
    }
    let (news_s, news_kib) = (rows[0].1, rows[0].2);
    let mut table = format!(
        "hostile inputs of {size} bytes, each annotated in its own process (release build)\n"
    );
    table += &format!(
        "{:<16} {:>9} {:>8} {:>10} {:>8}\n",
        "input", "seconds", "× news", "peak MiB", "× news"
    );
    for (name, s, kib) in rows {
        table += &format!(
            "{name:<16} {s:>9.3} {:>8.1} {:>10.1} {:>8.1}\n",
            s / news_s,
            kib / 1024.0,
            kib / news_kib
        );
    }
    emit(&table)
}

fn bench_one(name: &str, size: usize) -> Result<ExitCode, Error> {
    let text = tools::hostile::generate(name, size)
        .ok_or_else(|| Error::Usage(format!("bench: no generator named {name:?}")))?;
    let start = std::time::Instant::now();
    std::hint::black_box(lede::annotate(&text, &lede::Options::default()));
    let secs = start.elapsed().as_secs_f64();
    let kib = tools::hostile::peak_kib().map_or(f64::NAN, |k| k as f64);
    say(&format!("{secs} {kib}"))
}

/// Annotates 20 copies of the seed article (each with another date) `rounds` times after an
/// untimed round, reporting tokens/s and ms/article.
fn bench(rounds: usize) -> Result<ExitCode, Error> {
    let (corpus, tokens) = bench_corpus();
    let options = lede::Options::default();
    // Start-up: every table (model, lexicon, gazetteer, word lists, cues) is laid out at build
    // time and read in place, so the first call costs about what any other does.
    let first = std::time::Instant::now();
    std::hint::black_box(lede::annotate(&corpus[0], &options));
    say(&format!(
        "model load + first annotation: {:.1} ms",
        first.elapsed().as_secs_f64() * 1000.0
    ))?;
    // Warm-up round.
    for t in &corpus {
        std::hint::black_box(lede::annotate(t, &options));
    }
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for t in &corpus {
            std::hint::black_box(lede::annotate(t, &options));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let articles = (rounds * corpus.len()) as f64;
    say(&format!(
        "articles: {articles}  tokens: {}",
        tokens * rounds
    ))?;
    say(&format!("tokens/s: {:.0}", (tokens * rounds) as f64 / secs))?;
    say(&format!("ms/article: {:.3}", secs * 1000.0 / articles))?;
    Ok(ExitCode::SUCCESS)
}

/// `lede bench --threads`: the bench corpus as JSONL records, `rounds` times, through
/// `annotate --jsonl`'s pipeline on each thread count, output discarded.
fn bench_threads(rounds: usize, counts: &[NonZeroUsize]) -> Result<ExitCode, Error> {
    let (corpus, tokens) = bench_corpus();
    let mut records = String::new();
    for round in 0..rounds {
        for (i, text) in corpus.iter().enumerate() {
            let record = serde_json::json!({"id": round * corpus.len() + i, "text": text});
            records += &format!("{record}\n");
        }
    }
    let tokens = (tokens * rounds) as f64;
    say(&format!(
        "annotate --jsonl throughput: {} articles, {tokens} tokens, {} cores available",
        rounds * corpus.len(),
        all_cores()
    ))?;
    let mut first = None;
    for threads in counts {
        let (articles, secs) = jsonl::throughput(records.clone().into_bytes(), threads.get());
        let rate = articles as f64 / secs;
        let speedup = rate / *first.get_or_insert(rate);
        say(&format!(
            "threads: {threads:>2}  articles/s: {rate:>8.1}  tokens/s: {:>9.0}  speed-up: {speedup:.2}×",
            tokens / secs
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// 20 copies of the seed article, each with another date, and their token count.
fn bench_corpus() -> (Vec<String>, usize) {
    let seed = include_str!("../../seeds/000_d4b5ee5f7b1b9140.txt");
    let corpus: Vec<String> = (0..20)
        .map(|i| seed.replace("2023-10-13", &format!("2023-10-{:02}", i + 1)))
        .collect();
    let tokens = corpus.iter().map(|t| lede::token_count(t)).sum();
    (corpus, tokens)
}
