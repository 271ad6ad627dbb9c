//! The `lede` commands that train and evaluate, as the binary calls them once it has parsed
//! the arguments: figures go to stdout, progress to stderr.

mod eval;
mod train_acts;
mod train_confidence;
mod train_coref;
mod train_quotes;

pub use eval::{eval, eval_genders, tag_bio};
pub use train_acts::train_acts;
pub use train_confidence::{train_confidence, train_speaker_confidence};
pub use train_coref::{train_coref, CorefArgs};
pub use train_quotes::train_quotes;

use super::Error;
use std::io::Write;

/// The name a read from stdin reports in errors.
pub const STDIN: &str = "<stdin>";
/// The name a write to stdout reports in errors; the binary ends quietly on a broken pipe there.
pub const STDOUT: &str = "<stdout>";

/// Writes `text` to stdout; a closed stdout is an `Error::Write` that `main` ends on quietly
/// (`print!` would panic instead).
pub fn emit(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(Error::write(STDOUT))
}

/// [`emit`] with a line end.
pub fn say(line: &str) -> Result<(), Error> {
    emit(&format!("{line}\n"))
}
