//! `lede annotate` without --format, --out or --jsonl: each file (or stdin) as one Annotation
//! JSON line.

use crate::{STDIN, STDOUT};
use lede::tools::Error;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Annotates each of `files` (stdin when none); an unreadable or refused file (too large,
/// binary) is reported and the exit code is 1, the others are still annotated.
pub fn annotate(
    files: &[PathBuf],
    pretty: bool,
    options: &lede::Options,
) -> Result<ExitCode, Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let stdin = [PathBuf::from(STDIN)];
    let stdin_only = files.is_empty();
    for f in if stdin_only { &stdin[..] } else { files } {
        // An unreadable or refused input is reported and skipped; the others are annotated.
        match crate::input::annotate(f, stdin_only, options) {
            Ok(a) => crate::interrupt::whole(|| {
                writeln!(out, "{}", to_json(&a.annotation, pretty))?;
                out.flush()
            })
            .map_err(Error::write(STDOUT))?,
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    out.flush().map_err(Error::write(STDOUT))?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn to_json(value: &impl serde::Serialize, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .expect("an Annotation always serializes")
}
