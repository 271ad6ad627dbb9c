//! `lede sources`: who gets quoted, as rows for a data frame. One JSON line per (article,
//! source) — id, outlet, name, type, group, named, gender, gender evidence, quotes, words —
//! or with --summary one line per outlet and one for all articles (named people by gender,
//! women's share of them and of their quoted words).

use crate::jsonl;
use crate::{STDIN, STDOUT};
use lede::corpus::{self, SourceRow, Tally};
use lede::tools::Error;
use serde::Serialize;
use serde_json::value::RawValue;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a RawValue,
    outlet: Option<&'a str>,
    #[serde(flatten)]
    source: &'a SourceRow,
}

#[derive(Serialize)]
struct SummaryLine<'a> {
    /// "outlet" for one outlet's line (`outlet` null: the articles without one), "all" for the
    /// line over every article.
    scope: &'static str,
    outlet: Option<&'a str>,
    #[serde(flatten)]
    summary: &'a corpus::Summary,
}

/// What one article gives: its source rows, or only its gender sums for --summary.
struct Article {
    id: Box<RawValue>,
    outlet: Option<String>,
    rows: Vec<SourceRow>,
    genders: lede::SourceGenders,
}

/// Reads JSONL records (`jsonl`) or one article per text file, and writes source rows or the
/// summary to stdout.
pub fn sources(
    files: &[PathBuf],
    jsonl: bool,
    summary: bool,
    threads: usize,
) -> Result<ExitCode, Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    let mut write = |a: Article| -> Result<(), Error> {
        if summary {
            tally.add(a.outlet.as_deref(), &a.genders);
            return Ok(());
        }
        // Called inside `interrupt::whole` (by `jsonl::run` and `text_files`): an article's
        // rows are written whole or not at all.
        let mut lines = Vec::new();
        for source in &a.rows {
            let row = Row {
                id: &a.id,
                outlet: a.outlet.as_deref(),
                source,
            };
            serde_json::to_writer(&mut lines, &row).expect("a row serializes");
            lines.push(b'\n');
        }
        out.write_all(&lines)
            .and_then(|()| out.flush())
            .map_err(Error::write(STDOUT))
    };
    let code = match jsonl {
        true => jsonl::run(files, threads, |r| Ok(article(r)), &mut write)?,
        false => text_files(files, &mut write)?,
    };
    if summary {
        let lines = (tally.outlets.iter())
            .map(|(outlet, s)| SummaryLine {
                scope: "outlet",
                outlet: outlet.as_deref(),
                summary: s,
            })
            .chain([SummaryLine {
                scope: "all",
                outlet: None,
                summary: &tally.all,
            }]);
        for line in lines {
            serde_json::to_writer(&mut out, &line)
                .map_err(std::io::Error::from)
                .map_err(Error::write(STDOUT))?;
            out.write_all(b"\n").map_err(Error::write(STDOUT))?;
        }
    }
    out.flush().map_err(Error::write(STDOUT))?;
    Ok(code)
}

fn article(r: jsonl::Record) -> Article {
    Article {
        rows: corpus::rows(&r.annotation),
        genders: r.annotation.source_genders,
        id: r.id,
        outlet: r.outlet,
    }
}

/// Each text file (stdin when none) as one article, its id the file's path.
fn text_files(
    files: &[PathBuf],
    write: &mut impl FnMut(Article) -> Result<(), Error>,
) -> Result<ExitCode, Error> {
    let mut failed = false;
    let stdin = [PathBuf::from(STDIN)];
    let stdin_only = files.is_empty();
    for f in if stdin_only { &stdin[..] } else { files } {
        match crate::input::annotate(f, stdin_only, &Default::default()) {
            Ok(a) => {
                let article = Article {
                    id: file_id(f),
                    outlet: None,
                    rows: corpus::rows(&a.annotation),
                    genders: a.annotation.source_genders,
                };
                crate::interrupt::whole(|| write(article))?;
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn file_id(path: &Path) -> Box<RawValue> {
    let json = serde_json::to_string(&path.display().to_string()).expect("a string serializes");
    RawValue::from_string(json).expect("a JSON string is JSON")
}
