//! Model-making tools (cargo feature `tools`, native only): corpus readers, training and
//! evaluation. They sit above the runtime — they call [`crate::annotate`] and the stages — and
//! nothing in the runtime calls them, so the wasm build (`--no-default-features`) compiles none
//! of this.
//!
//! - [`attribution`] learns to tag sources, cues and contents (`lede train-quotes`).
//! - [`commands`] are the `lede` commands that train and evaluate, called by the binary.
//! - [`confidence`] learns the quote confidence model (`lede train-confidence`).
//! - [`conll`] reads CoNLL columns (OntoNotes IOB2) and scores spans conlleval style.
//! - [`train`] learns the entity model (`lede train`, `lede prune`).
//! - [`hostile`] generates the hostile texts `lede bench --hostile` times.
//! - [`pipeline_folds`] cross-validates the whole pipeline, its learned parts relearned per fold.
//! - [`ner_eval`] tags and scores CoNLL files with a model (`lede tag-bio`, `lede eval --ner`).
//! - [`polnear`] reads PolNeAR, the attribution corpus.
//! - [`quote_eval`] scores quotes, speakers and exact role spans on PolNeAR, on a split or in
//!   folds (`lede eval --quotes`).
//! - [`score`] is the precision/recall/F1 every evaluation counts.

pub mod acts;
pub mod attribution;
pub mod commands;
pub mod confidence;
pub mod conll;
pub mod coref;
pub mod gender_eval;
pub mod hostile;
pub mod ner_eval;
pub mod pipeline_folds;
pub mod polnear;
pub mod quote_eval;
pub mod score;
pub mod speaker_confidence;
pub mod train;

/// For tools and tests: the entity recogniser (the shipped one is [`Recognizer::shipped`]) and
/// the entity type names its spans index.
pub use crate::entities::ner::Recognizer;
/// For tools and tests: the tokenizer and sentence splitter the pipeline runs, to feed the
/// recogniser text cut as the pipeline cuts it.
pub use crate::text::{split_sentences, tokenize, Token};

use crate::seq::ModelError;
use std::path::{Path, PathBuf};

/// What went wrong in a tool or the command line.
#[derive(Debug)]
pub enum Error {
    /// A file (or `<stdin>`) could not be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file (or `<stdout>`) could not be written.
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A line of a corpus file is not in the form its format requires.
    Parse {
        path: PathBuf,
        line: usize,
        msg: String,
    },
    /// A model file that is not a readable model.
    Model { path: PathBuf, source: ModelError },
    /// Arguments that ask for nothing or for something impossible.
    Usage(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Read { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Error::Write { path, source } => {
                write!(f, "cannot write {}: {source}", path.display())
            }
            Error::Parse { path, line, msg } => write!(f, "{}:{line}: {msg}", path.display()),
            Error::Model { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Usage(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            Error::Model { source, .. } => Some(source),
            Error::Parse { .. } | Error::Usage(_) => None,
        }
    }
}

impl Error {
    /// A read error for `path`, to use with `map_err`.
    pub fn read(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Read { path, source }
    }

    /// A write error for `path`, to use with `map_err`.
    pub fn write(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Write { path, source }
    }
}

/// Reads a UTF-8 text file.
pub fn read_text(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(Error::read(path))
}

/// Byte ranges of the tokens of `text`, cut as [`crate::annotate`] cuts them: paragraph by
/// paragraph with the pipeline's tokenizer. Unlike the pipeline, which skips them, boilerplate
/// paragraphs and the dateline are tokenized too, so every word of the text is in a token.
pub fn token_spans(text: &str) -> Vec<(usize, usize)> {
    crate::article::parse(text)
        .paragraphs
        .iter()
        .flat_map(|p| tokenize(text, p.start, p.end))
        .map(|t| (t.start, t.end))
        .collect()
}
