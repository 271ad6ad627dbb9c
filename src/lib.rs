//! Lede: annotates news articles with entities, dates, quotations and their speakers.
//!
//! The stages are folders, run in this order by [`pipeline`]: `article` (header, date,
//! dateline, paragraphs, boilerplate) → `text` (tokens, sentences: the `Doc`) → `entities` (the
//! model's names and the rules' dates and numbers) → `coref` (mentions clustered into things)
//! → `quotes` (quote marks, reported speech, cues, speakers, confidence) → `sources` (who is
//! quoted, in panel order) → the [`Annotation`].
//! Each stage is a pure function of the earlier stages' output; the wasm binding, the CLI and
//! Python are thin shells over [`annotate`].
//!
//! The public surface is [`annotate`] with its [`Options`] and [`Units`], the schema types
//! ([`Annotation`] and its parts), [`token_count`] and [`is_iso_date`]; the stages are private.
//! With the feature `tools`, [`tools`] adds training, evaluation and corpus readers; on wasm32,
//! `wasm` is the JS binding.

mod article;
mod binary;
mod clusters;
mod coref;
pub mod corpus;
/// Bytes → text for native callers (files, Python `bytes`): UTF-8, UTF-16 with a byte-order
/// mark, Windows-1252. Native only (`encoding_rs` would weigh on the wasm build).
#[cfg(feature = "decode")]
pub mod decode;
mod entities;
/// Exports of an Annotation and its text: JSON, displaCy, brat, CoNLL, Web Annotation, CSV.
pub mod export;

mod pipeline;
mod quotes;
mod schema;
mod seq;
mod sources;
mod text;
mod words;

/// The JS binding; public so the in-browser tests (`tests/wasm.rs`) call exactly what JS calls.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(feature = "tools")]
pub mod tools;

// The tools read files and train models: nothing for a browser. Catches a wasm build that
// forgot --no-default-features.
#[cfg(all(feature = "tools", target_arch = "wasm32"))]
compile_error!("the `tools` feature is native only: build wasm with --no-default-features");

pub use binary::looks_binary;
pub use schema::*;

/// The warning given when a lone UTF-16 surrogate (which no UTF-8 text can hold) is read as
/// U+FFFD: the same words from JS and Python.
pub const LONE_SURROGATE_WARNING: &str =
    "Lone surrogate replaced: a UTF-16 surrogate without its partner was read as U+FFFD.";

/// The longest text Lede annotates: 16 MiB of UTF-8. Annotating takes about 35 MB of memory per
/// MB of news natively (`lede bench --hostile` shows hostile text within 4× of that), so a text at
/// the limit needs about 600 MB, well below what a wasm32 page can hold (it traps near 56 MB of
/// text). Split longer texts into articles.
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// Why a text is not annotated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Longer than [`MAX_TEXT_BYTES`].
    TooLarge { bytes: usize },
    /// Binary data, not writing ([`looks_binary`]).
    Binary,
    /// The caller's `stop` asked to stop ([`try_annotate_until`]).
    Stopped,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::TooLarge { bytes } => write!(
                f,
                "the text is {:.1} MB; Lede annotates texts up to {} MB: split it into articles",
                *bytes as f64 / (1 << 20) as f64,
                MAX_TEXT_BYTES >> 20
            ),
            Refusal::Binary => write!(
                f,
                "the input looks binary (NUL bytes or many control characters), not text: \
                 not annotated"
            ),
            Refusal::Stopped => write!(f, "stopped before the end: not annotated"),
        }
    }
}

impl std::error::Error for Refusal {}

/// Annotates `text`, or says why not (a text over [`MAX_TEXT_BYTES`], binary data).
pub fn try_annotate(text: &str, options: &Options) -> Result<Annotation, Refusal> {
    try_annotate_until(text, options, &|| false)
}

/// [`try_annotate`] that asks `stop` between the pipeline's stages and gives up with
/// [`Refusal::Stopped`] once it says so: a caller (Python on Ctrl-C) can drop a long run.
pub fn try_annotate_until(
    text: &str,
    options: &Options,
    stop: &dyn Fn() -> bool,
) -> Result<Annotation, Refusal> {
    // Binary first: a big executable is binary before it is too long.
    if looks_binary(text) {
        return Err(Refusal::Binary);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(Refusal::TooLarge { bytes: text.len() });
    }
    let models = pipeline::Models::shipped();
    pipeline::annotate_until(text, options, &models, false, stop)
        .map(|(annotation, _)| annotation)
        .ok_or(Refusal::Stopped)
}

/// Annotates `text`. Never panics on any input; problems with the input come back as warnings,
/// and a text over [`MAX_TEXT_BYTES`] comes back with nothing but the warning saying so (use
/// [`try_annotate`] to get that as an error).
pub fn annotate(text: &str, options: &Options) -> Annotation {
    try_annotate(text, options).unwrap_or_else(|refusal| Annotation {
        warnings: vec![format!("Not annotated: {refusal}.")],
        ..Annotation::default()
    })
}

/// Number of tokens the pipeline reads in `text` (what `lede bench` and the browser benchmark
/// count tokens/s by).
pub fn token_count(text: &str) -> usize {
    text::doc::Doc::new(&text::unify_line_ends(text), None)
        .tokens
        .len()
}

/// Whether `s` is a calendar date written `YYYY-MM-DD`, the form [`Options::date`] takes.
pub fn is_iso_date(s: &str) -> bool {
    article::time::parse_iso(s).is_some()
}
