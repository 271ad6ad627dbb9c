//! `lede annotate --format F [--out DIR]`: exports (`lede::export`) of each input, to stdout or
//! one file per input in DIR named from its headline. (Apart from the JSON output of
//! `lede annotate` so the two can change independently.)

use crate::{STDIN, STDOUT};
use lede::export::{self, Format};
use lede::tools::Error;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Annotates each file (stdin when none) and writes it as `format`: to stdout, one after the
/// other, or with `out` into that folder as `<headline slug><extension>` (a second article with
/// the same headline gets `-2`, …), listing the files written on stdout. For brat the folder
/// also gets the article as `<slug>.txt`, which brat reads beside the `.ann`.
pub fn annotate(
    files: &[PathBuf],
    options: &lede::Options,
    format: Format,
    out: Option<&Path>,
) -> Result<ExitCode, Error> {
    let mut out = out.map(OutDir::new).transpose()?;
    let stdout = std::io::stdout();
    let mut stdout = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let stdin = [PathBuf::from(STDIN)];
    let inputs = if files.is_empty() { &stdin[..] } else { files };
    for f in inputs {
        // An unreadable, oversized or binary input is reported and skipped; the others are
        // exported. Offsets default to code points, what exports take.
        let (text, annotation) = match crate::input::annotate(f, files.is_empty(), options) {
            Ok(a) => (a.text, a.annotation),
            Err(e) => {
                eprintln!("{e}");
                failed = true;
                continue;
            }
        };
        let export = export::export(&text, &annotation, format)
            .expect("an annotation of this text with code-point offsets");
        match &mut out {
            None => crate::interrupt::whole(|| {
                stdout.write_all(export.file.content.as_bytes())?;
                stdout.flush()
            })
            .map_err(Error::write(STDOUT))?,
            Some(dir) => {
                let filename = &export.file.filename;
                let stem = filename
                    .strip_suffix(format.extension())
                    .unwrap_or(filename);
                let files = std::iter::once((format.extension(), &export.file.content))
                    .chain(export.companion.as_ref().map(|c| (".txt", &c.content)));
                crate::interrupt::whole(|| dir.write(stem, files, &mut stdout))?;
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

/// An `--out` folder: each input's files are written under a stem no earlier input of the run
/// took (`-2`, `-3`, … otherwise), and every path written is listed on stdout.
pub struct OutDir<'a> {
    dir: &'a Path,
    taken: HashSet<String>,
}

impl<'a> OutDir<'a> {
    pub fn new(dir: &'a Path) -> Result<Self, Error> {
        std::fs::create_dir_all(dir).map_err(Error::write(dir))?;
        Ok(OutDir {
            dir,
            taken: HashSet::new(),
        })
    }

    /// Writes `<stem><extension>` for each `(extension, content)`.
    pub fn write<'c>(
        &mut self,
        stem: &str,
        files: impl IntoIterator<Item = (&'c str, &'c String)>,
        stdout: &mut impl Write,
    ) -> Result<(), Error> {
        let stem = unique(stem, &mut self.taken);
        for (extension, content) in files {
            let path = self.dir.join(format!("{stem}{extension}"));
            std::fs::write(&path, content).map_err(Error::write(&path))?;
            writeln!(stdout, "{}", path.display()).map_err(Error::write(STDOUT))?;
        }
        Ok(())
    }
}

/// `stem`, or `stem-2`, `stem-3`, … when `taken` holds it; the name returned is taken.
pub fn unique(stem: &str, taken: &mut HashSet<String>) -> String {
    let mut name = stem.to_string();
    for n in 2.. {
        if taken.insert(name.clone()) {
            break;
        }
        name = format!("{stem}-{n}");
    }
    name
}
