//! `lede annotate` without --format, --out or --jsonl: each file (or stdin) as one Annotation
//! JSON line.

use crate::{STDIN, STDOUT};
use lede::tools::Error;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Annotates each of `files` (stdin when none); an unreadable or refused file is reported and
/// the exit code is 1, the others are still annotated.
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
        let mut annotation = match lede::try_annotate(&text, options) {
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

/// The bytes of input file `f`, or of stdin when `stdin`.
pub fn read_input(f: &Path, stdin: bool) -> Result<Vec<u8>, Error> {
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

fn to_json(value: &impl serde::Serialize, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .expect("an Annotation always serializes")
}
