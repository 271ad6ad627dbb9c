//! `lede bench`: the pipeline's throughput on a reproducible corpus, the hostile inputs'
//! time and memory (each in a process of its own), and `annotate --jsonl` on several threads.

use crate::{all_cores, jsonl};
use lede::tools::commands::{emit, say};
use lede::tools::{self, Error};
use std::num::NonZeroUsize;

/// Runs `lede bench --one NAME` for every hostile generator and prints time and peak memory
/// beside ordinary news of the same size.
pub fn bench_hostile(size: usize) -> Result<(), Error> {
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

pub fn bench_one(name: &str, size: usize) -> Result<(), Error> {
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
