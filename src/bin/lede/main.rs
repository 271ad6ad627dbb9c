//! The `lede` command line: annotate articles in batches, benchmark the pipeline, and the
//! model-making tools (train, prune, tag-bio, eval) from `lede::tools`. This file only reads
//! the arguments ([`flags`]) and calls the command they name.

mod annotate;
mod bench;
mod corpus_export;
mod export;
mod flags;
mod input;
mod interrupt;
mod jsonl;
mod ordered;
mod progress;
mod sources;

use clap::Parser;
use flags::{Cli, Command};
use lede::tools::{self, commands, Error};
use std::process::ExitCode;

/// Where reads and writes of the standard streams report their errors.
pub(crate) use lede::tools::commands::{STDIN, STDOUT};

fn main() -> ExitCode {
    let cli = Cli::parse();
    interrupt::install();
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
            attributions,
            format,
            out,
            ..
        } if format.is_some() || out.is_some() => export::annotate(
            &files,
            &options(date, attributions),
            format.unwrap_or(lede::export::Format::Json),
            out.as_deref(),
        ),
        Command::Annotate {
            files,
            jsonl,
            pretty,
            date,
            attributions,
            threads,
            ..
        } => match jsonl {
            true => jsonl::annotate_files(&files, threads.map_or_else(all_cores, |n| n.get())),
            false => annotate::annotate(&files, pretty, &options(date, attributions)),
        },
        Command::Sources {
            files,
            jsonl,
            summary,
            threads,
        } => sources::sources(
            &files,
            jsonl,
            summary,
            threads.map_or_else(all_cores, |n| n.get()),
        ),
        Command::Eval {
            ner,
            model,
            raw,
            quotes,
            split,
            folds,
            errors,
            genders,
            ..
        } if genders.is_empty() => done(commands::eval(
            ner.as_deref(),
            model.as_deref(),
            raw,
            quotes.as_deref(),
            &split,
            folds,
            errors,
        )),
        Command::Eval {
            genders,
            texts,
            errors,
            ..
        } => done(commands::eval_genders(
            &genders,
            &texts.expect("clap requires --texts with --genders"),
            errors,
        )),
        Command::Bench {
            one: Some(name),
            size,
            ..
        } => done(bench::bench_one(&name, size)),
        Command::Bench {
            hostile: true,
            size,
            sizes,
            ..
        } => done(bench::bench_hostile(&sizes.unwrap_or(vec![size]))),
        Command::Bench {
            threads: Some(counts),
            rounds,
            ..
        } => done(bench::bench_threads(rounds, &counts)),
        Command::Bench { rounds, .. } => done(bench::bench(rounds)),
        Command::TrainQuotes {
            data,
            folds,
            epochs,
            dev,
            keep,
            write,
            ablation,
        } => done(commands::train_quotes(
            &data,
            folds,
            epochs,
            dev,
            keep,
            write.as_deref(),
            ablation,
        )),
        Command::TrainConfidence {
            data,
            folds,
            epochs,
            dev,
            write,
            speakers,
        } => {
            let train = match speakers {
                true => commands::train_speaker_confidence,
                false => commands::train_confidence,
            };
            done(train(&data, folds, epochs, dev, write.as_deref()))
        }
        Command::TrainActs {
            data,
            folds,
            epochs,
            dev,
            min,
            write,
        } => done(commands::train_acts(
            &data,
            folds,
            epochs,
            dev,
            min,
            write.as_deref(),
        )),
        Command::TrainCoref {
            data,
            scorer,
            folds,
            epochs,
            max_docs,
            dev,
            min,
            keep_tagger,
            keep_ranker,
            gold_mentions,
            ablation,
            write_tagger,
            write_ranker,
            write_naming,
            window,
        } => done(commands::train_coref(&commands::CorefArgs {
            window,
            gold_mentions,
            ablation,
            data: &data,
            scorer: &scorer,
            folds,
            epochs,
            max_docs,
            dev,
            min,
            keep_tagger,
            keep_ranker,
            write_tagger: write_tagger.as_deref(),
            write_ranker: write_ranker.as_deref(),
            write_naming: write_naming.as_deref(),
        })),
        Command::Train(args) => {
            done(tools::train::train_model(&args.into()).and_then(|report| commands::emit(&report)))
        }
        Command::Prune { model, out, min } => done(
            tools::train::prune_model(&model, &out, min)
                .and_then(|summary| commands::emit(&summary)),
        ),
        Command::TagBio { file, model } => done(commands::tag_bio(file, model)),
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

/// The exit code of a command that succeeds or fails with an error (no partial failures).
fn done(result: Result<(), Error>) -> Result<ExitCode, Error> {
    result.map(|()| ExitCode::SUCCESS)
}

fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The annotation options the flags give (offsets stay code points).
fn options(date: Option<String>, attributions: bool) -> lede::Options {
    lede::Options {
        date,
        attributions,
        ..Default::default()
    }
}
