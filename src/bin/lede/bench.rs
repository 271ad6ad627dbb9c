//! `lede bench`: the pipeline's throughput on a reproducible corpus, the hostile inputs'
//! time and memory (each in a process of its own), and `annotate --jsonl` on several threads.

use crate::{all_cores, jsonl};
use lede::tools::commands::{emit, say};
use lede::tools::{self, Error};
use std::num::NonZeroUsize;

/// One hostile input annotated in a process of its own: its bytes, seconds and peak KiB.
struct Run {
    bytes: f64,
    secs: f64,
    kib: f64,
}

fn run_one(exe: &std::path::Path, name: &str, size: usize) -> Result<Run, Error> {
    let out = std::process::Command::new(exe)
        .args(["bench", "--one", name, "--size", &size.to_string()])
        .output()
        .map_err(|e| Error::Usage(format!("cannot run {}: {e}", exe.display())))?;
    let line = String::from_utf8_lossy(&out.stdout);
    let mut f = line
        .split_whitespace()
        .map(|x| x.parse::<f64>().unwrap_or(f64::NAN));
    let mut next = || f.next().unwrap_or(f64::NAN);
    let (secs, kib, bytes) = (next(), next(), next());
    Ok(Run { bytes, secs, kib })
}

/// Runs `lede bench --one NAME` for every hostile generator at each size and prints time and
/// peak memory beside ordinary news of the same size; with several sizes, then each input's
/// slope (log-log exponent of time and of memory against size: 1 grows as the text does).
pub fn bench_hostile(sizes: &[usize]) -> Result<(), Error> {
    use tools::hostile::{slope, NAMES};
    let exe = std::env::current_exe().map_err(|e| Error::Usage(e.to_string()))?;
    // runs[s][k]: size s, generator k.
    let mut runs: Vec<Vec<Run>> = Vec::new();
    for &size in sizes {
        let row = (NAMES.iter())
            .map(|name| run_one(&exe, name, size))
            .collect::<Result<Vec<Run>, Error>>()?;
        let news = &row[0];
        let mut table = format!(
            "hostile inputs of {size} bytes, each annotated in its own process (release build)\n"
        );
        table += &format!(
            "{:<16} {:>9} {:>8} {:>10} {:>8} {:>8}\n",
            "input", "seconds", "× news", "peak MiB", "× news", "B/byte"
        );
        for (name, r) in NAMES.iter().zip(&row) {
            table += &format!(
                "{name:<16} {:>9.3} {:>8.1} {:>10.1} {:>8.1} {:>8.0}\n",
                r.secs,
                r.secs / news.secs,
                r.kib / 1024.0,
                r.kib / news.kib,
                r.kib * 1024.0 / r.bytes
            );
        }
        emit(&table)?;
        runs.push(row);
    }
    if sizes.len() < 2 {
        return Ok(());
    }
    // Memory grows from what an empty run holds (the binary, its tables): the slope is of that
    // growth, or the start-up would hide it at small sizes.
    let start_kib = run_one(&exe, NAMES[0], 1)?.kib;
    let mut table = format!(
        "\nslope: log-log exponent against size over all sizes (1 = linear, 2 = quadratic); \
         memory above the {:.1} MiB of an empty run\n",
        start_kib / 1024.0
    );
    table += &format!("{:<16} {:>10} {:>10}\n", "input", "time", "memory");
    for (k, name) in NAMES.iter().enumerate() {
        let of = |figure: &dyn Fn(&Run) -> f64| {
            let points: Vec<(f64, f64)> = runs
                .iter()
                .map(|row| (row[k].bytes, figure(&row[k])))
                .collect();
            slope(&points).map_or("-".to_string(), |b| format!("{b:.2}"))
        };
        table += &format!(
            "{name:<16} {:>10} {:>10}\n",
            of(&|r| r.secs),
            of(&|r| r.kib - start_kib)
        );
    }
    emit(&table)
}

pub fn bench_one(name: &str, size: usize) -> Result<(), Error> {
    let text = tools::hostile::generate(name, size)
        .ok_or_else(|| Error::Usage(format!("bench: no generator named {name:?}")))?;
    let start = std::time::Instant::now();
    std::hint::black_box(lede::annotate(&text, &lede::Options::default()));
    let secs = start.elapsed().as_secs_f64();
    let kib = tools::hostile::peak_kib().map_or(f64::NAN, |k| k as f64);
    say(&format!("{secs} {kib} {}", text.len()))
}

/// Annotates 20 copies of the seed article (each with another date) `rounds` times after an
/// untimed round, reporting tokens/s and ms/article.
pub fn bench(rounds: usize) -> Result<(), Error> {
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
    Ok(())
}

/// `lede bench --threads`: the bench corpus as JSONL records, `rounds` times, through
/// `annotate --jsonl`'s pipeline on each thread count, output discarded.
pub fn bench_threads(rounds: usize, counts: &[NonZeroUsize]) -> Result<(), Error> {
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
    Ok(())
}

/// 20 copies of the seed article, each with another date, and their token count.
fn bench_corpus() -> (Vec<String>, usize) {
    let seed = include_str!("../../../seeds/000_d4b5ee5f7b1b9140.txt");
    let corpus: Vec<String> = (0..20)
        .map(|i| seed.replace("2023-10-13", &format!("2023-10-{:02}", i + 1)))
        .collect();
    let tokens = corpus.iter().map(|t| lede::token_count(t)).sum();
    (corpus, tokens)
}
