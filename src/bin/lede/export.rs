//! `lede annotate --format F [--out DIR]`: exports (`lede::export`) of each input, to stdout or
//! one file per input in DIR named from its headline. (Apart from the JSON output of
//! `lede annotate` so the two can change independently.)

use crate::{STDIN, STDOUT};
use lede::export::{self, Format};
use lede::tools::Error;
use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Annotates each file (stdin when none) and writes it as `format`: to stdout, one after the
/// other, or with `out` into that folder as `<headline slug><extension>` (a second article with
/// the same headline gets `-2`, …), listing the files written on stdout. For brat the folder
/// also gets the article as `<slug>.txt`, which brat reads beside the `.ann`.
pub fn annotate(
    files: &[PathBuf],
    date: Option<String>,
    format: Format,
    out: Option<&Path>,
) -> Result<ExitCode, Error> {
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).map_err(Error::write(dir))?;
    }
    let stdout = std::io::stdout();
    let mut stdout = std::io::BufWriter::new(stdout.lock());
    let mut taken = HashSet::new();
    let mut failed = false;
    let stdin = [PathBuf::from(STDIN)];
    let inputs = if files.is_empty() { &stdin[..] } else { files };
    for f in inputs {
        let read = if files.is_empty() {
            let mut buf = Vec::new();
            (std::io::stdin().read_to_end(&mut buf).map(|_| buf)).map_err(Error::read(STDIN))
        } else {
            std::fs::read(f).map_err(Error::read(f))
        };
        // An unreadable or oversized input is reported and skipped; the others are exported.
        let bytes = match read {
            Ok(b) => b,
            Err(e) => {
                eprintln!("lede: {e}");
                failed = true;
                continue;
            }
        };
        let name = f.display();
        let text = String::from_utf8_lossy(&bytes);
        if matches!(text, std::borrow::Cow::Owned(_)) {
            eprintln!("lede: {name}: not valid UTF-8; invalid bytes were replaced with U+FFFD");
        }
        // Offsets default to code points, what exports take.
        let options = lede::Options {
            date: date.clone(),
            ..Default::default()
        };
        let annotation = match lede::try_annotate(&text, &options) {
            Ok(a) => a,
            Err(refusal) => {
                eprintln!("lede: {name}: {refusal}");
                failed = true;
                continue;
            }
        };
        let export = export::export(&text, &annotation, format)
            .expect("an annotation of this text with code-point offsets");
        match out {
            None => stdout
                .write_all(export.file.content.as_bytes())
                .map_err(Error::write(STDOUT))?,
            Some(dir) => {
                let stem = unique_stem(&export.file.filename, format, &mut taken);
                let files = std::iter::once((format.extension(), &export.file))
                    .chain(export.companion.as_ref().map(|c| (".txt", c)));
                for (extension, file) in files {
                    let path = dir.join(format!("{stem}{extension}"));
                    std::fs::write(&path, &file.content).map_err(Error::write(&path))?;
                    writeln!(stdout, "{}", path.display()).map_err(Error::write(STDOUT))?;
                }
            }
        }
    }
    stdout.flush().map_err(Error::write(STDOUT))?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The file name without its extension, with `-2`, `-3`, … when an earlier input of this run
/// took it.
fn unique_stem(filename: &str, format: Format, taken: &mut HashSet<String>) -> String {
    let stem = filename
        .strip_suffix(format.extension())
        .unwrap_or(filename);
    let mut unique = stem.to_string();
    for n in 2.. {
        if taken.insert(unique.clone()) {
            break;
        }
        unique = format!("{stem}-{n}");
    }
    unique
}
