//! The progress bar of `lede annotate --jsonl` on stderr (only when stderr is a terminal) and
//! the one-line summary printed at the end.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Counts the lines of one run, each one way (annotated, error, blank), and the duplicate
/// ids; draws a bar over one input at a time.
pub struct Progress {
    bar: ProgressBar,
    articles: Arc<AtomicU64>,
    errors: u64,
    blank: u64,
    duplicates: u64,
    start: Instant,
}

impl Progress {
    pub fn new() -> Self {
        Progress {
            bar: ProgressBar::hidden(),
            articles: Arc::default(),
            errors: 0,
            blank: 0,
            duplicates: 0,
            start: Instant::now(),
        }
    }

    /// Starts the bar of one input of `bytes` (unknown for stdin: no ETA then). The bar
    /// advances by the bytes of the records written, so the ETA holds for long and short
    /// articles alike; it shows articles and articles/s beside it.
    pub fn input(&mut self, bytes: Option<u64>) {
        self.bar.finish_and_clear();
        if !std::io::stderr().is_terminal() {
            return;
        }
        let articles = Arc::clone(&self.articles);
        let start = self.start;
        let count = move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{}", articles.load(Ordering::Relaxed));
        };
        let articles = Arc::clone(&self.articles);
        let rate = move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
            let secs = start.elapsed().as_secs_f64().max(1e-3);
            let _ = write!(w, "{:.0}", articles.load(Ordering::Relaxed) as f64 / secs);
        };
        let template = if bytes.is_some() {
            "{spinner} [{bar:30}] {percent:>3}%  {articles} articles  {rate} articles/s  ETA {eta}"
        } else {
            "{spinner} {articles} articles  {rate} articles/s  {elapsed}"
        };
        let style = ProgressStyle::with_template(template)
            .expect("a valid template")
            .progress_chars("=> ")
            .with_key("articles", count)
            .with_key("rate", rate);
        self.bar =
            ProgressBar::with_draw_target(bytes, ProgressDrawTarget::stderr()).with_style(style);
    }

    /// One record written (`bytes` of input, its line end included).
    pub fn record(&self, bytes: u64) {
        self.articles.fetch_add(1, Ordering::Relaxed);
        self.bar.inc(bytes);
    }

    /// One record skipped.
    pub fn error(&mut self, bytes: u64) {
        self.errors += 1;
        self.bar.inc(bytes);
    }

    /// One blank line skipped.
    pub fn blank(&mut self, bytes: u64) {
        self.blank += 1;
        self.bar.inc(bytes);
    }

    /// One record whose id an earlier record had (it is counted as annotated or error too).
    pub fn duplicate(&mut self) {
        self.duplicates += 1;
    }

    /// Prints `line` on stderr without tearing the bar.
    pub fn note(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Clears the bar and prints the summary line, where every input line is counted:
    /// records (annotated + errors) and blank lines.
    pub fn finish(self) {
        self.bar.finish_and_clear();
        let secs = self.start.elapsed().as_secs_f64();
        let articles = self.articles.load(Ordering::Relaxed);
        eprintln!(
            "lede: {} records, {articles} annotated, {} errors, {} blank lines skipped, \
             {} duplicate ids, {secs:.2} s, {:.1} articles/s",
            articles + self.errors,
            self.errors,
            self.blank,
            self.duplicates,
            articles as f64 / secs.max(1e-9)
        );
    }
}
