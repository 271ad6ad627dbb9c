//! `lede annotate --jsonl --format F [--out DIR]`: each record's export (`lede::export`), in input
//! order, on every core.
//!
//! Without `--out`, one stream where the format allows it: the JSON formats as JSONL (the export's
//! object with the record's `id` first; `record_id` for Web Annotation, whose collection has an
//! `id`), the CSV tables as one table with an `id` column and one
//! header row, CoNLL as blocks under a `# id = …` comment line. brat's standoff files cannot share
//! a stream: it needs `--out`. With `--out DIR`, one file per record named from its id (`-2`, …
//! when two ids make the same name), and for brat the article `.txt` beside it.

use crate::export::OutDir;
use crate::jsonl::{self, Record};
use lede::export::{self, Format};
use lede::tools::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What a record becomes: a piece of the stream, or files for `--out`.
pub enum Piece {
    Stream(String),
    Files {
        stem: String,
        files: Vec<(&'static str, String)>,
    },
}

/// Whether `format` can be written as one stream (else it needs `--out`).
pub fn streams(format: Format) -> bool {
    format != Format::Brat
}

/// Annotates the JSONL `files` and writes `format` exports (see the module documentation).
pub fn annotate_files(
    files: &[PathBuf],
    threads: usize,
    format: Format,
    out: Option<&Path>,
) -> Result<ExitCode, Error> {
    if out.is_none() && !streams(format) {
        return Err(Error::Usage(format!(
            "--format {} with --jsonl needs --out DIR: its files cannot share one stream",
            format.name()
        )));
    }
    let mut out_dir = out.map(OutDir::new).transpose()?;
    let stdout = std::io::stdout();
    let mut stdout = std::io::BufWriter::new(stdout.lock());
    let mut first = true;
    let to_files = out.is_some();
    let render = move |r: Record| piece(r, format, to_files);
    let write = |p: Piece| -> Result<(), Error> {
        match p {
            Piece::Stream(s) => {
                // A table's header row once, before the first record's rows.
                let s = match (is_table(format), first) {
                    (true, false) => s.split_once('\n').map_or("", |(_, rows)| rows).to_string(),
                    _ => s,
                };
                first = false;
                // Flushed per record: Ctrl-C (crate::interrupt) leaves only whole records.
                (stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()))
                    .map_err(Error::write(crate::STDOUT))
            }
            Piece::Files { stem, files } => {
                let dir = out_dir.as_mut().expect("files only with --out");
                dir.write(&stem, files.iter().map(|(e, c)| (*e, c)), &mut stdout)
            }
        }
    };
    let code = jsonl::run(files, threads, render, write)?;
    stdout.flush().map_err(Error::write(crate::STDOUT))?;
    Ok(code)
}

fn is_table(format: Format) -> bool {
    matches!(format, Format::QuotesCsv | Format::EntitiesCsv)
}

/// One record's export as a piece of the stream or as files.
fn piece(r: Record, format: Format, files: bool) -> Result<Piece, String> {
    let e = export::export(&r.text, &r.annotation, format).map_err(|e| e.to_string())?;
    if files {
        let mut out = vec![(format.extension(), e.file.content)];
        out.extend(e.companion.map(|c| (".txt", c.content)));
        return Ok(Piece::Files {
            stem: file_stem(r.id.get()),
            files: out,
        });
    }
    let id = r.id.get();
    Ok(Piece::Stream(match format {
        Format::QuotesCsv | Format::EntitiesCsv => with_id_column(id, &e.file.content)?,
        // A blank line closes the record's last sentence block.
        Format::Conll => format!("# id = {id}\n{}\n", e.file.content.trim_end_matches('\n')) + "\n",
        // JSON formats: the export's object, compact, on one line with the id first.
        _ => {
            let value: serde_json::Value =
                serde_json::from_str(&e.file.content).map_err(|e| e.to_string())?;
            let serde_json::Value::Object(fields) = value else {
                return Err("the export is not a JSON object".into());
            };
            // A format with an `id` of its own (Web Annotation's collection) keeps it, and the
            // record's goes under `record_id`.
            let key = if fields.contains_key("id") {
                "record_id"
            } else {
                "id"
            };
            let mut line = format!("{{\"{key}\":{id}");
            for (k, v) in fields {
                line.push(',');
                line.push_str(&serde_json::to_string(&k).map_err(|e| e.to_string())?);
                line.push(':');
                line.push_str(&serde_json::to_string(&v).map_err(|e| e.to_string())?);
            }
            line.push_str("}\n");
            line
        }
    }))
}

/// The CSV `table` with an `id` column first (its header row included); the id as written in
/// the record, a JSON string without its quotes.
fn with_id_column(id: &str, table: &str) -> Result<String, String> {
    let id = serde_json::from_str::<String>(id).unwrap_or_else(|_| id.to_string());
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(table.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for (n, row) in reader.records().enumerate() {
        let row = row.map_err(|e| e.to_string())?;
        let first = if n == 0 { "id" } else { id.as_str() };
        writer
            .write_record(std::iter::once(first).chain(row.iter()))
            .map_err(|e| e.to_string())?;
    }
    String::from_utf8(writer.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

/// A file name from a record id: its letters, digits, `-`, `_` and `.` (others as `_`), at most
/// 80 characters, without leading or trailing dots and underscores; `record` when nothing is left.
fn file_stem(id: &str) -> String {
    let id = serde_json::from_str::<String>(id).unwrap_or_else(|_| id.to_string());
    let stem: String = id
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' => c,
            '.' => '.',
            _ => '_',
        })
        .take(80)
        .collect();
    // No hidden files and no name of dots alone ("../.." is `record`).
    let stem = stem.trim_matches(|c| c == '.' || c == '_');
    if stem.is_empty() {
        "record".to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::unique;
    use std::collections::HashSet;

    #[test]
    fn ids_make_safe_unique_file_names() {
        assert_eq!(file_stem("\"nyt/2016-01-02\""), "nyt_2016-01-02");
        assert_eq!(file_stem("42"), "42");
        assert_eq!(file_stem("\"../..\""), "record");
        let mut taken = HashSet::new();
        assert_eq!(unique("a", &mut taken), "a");
        assert_eq!(unique("a", &mut taken), "a-2");
    }

    #[test]
    fn a_table_gets_an_id_column() {
        let t = with_id_column("\"x,1\"", "label,text\r\nPERSON,Kirby\r\n").unwrap();
        assert_eq!(t, "id,label,text\r\n\"x,1\",PERSON,Kirby\r\n");
    }

    #[test]
    fn brat_needs_files() {
        assert!(!streams(Format::Brat));
        assert!(Format::ALL
            .iter()
            .filter(|&&f| f != Format::Brat)
            .all(|&f| streams(f)));
    }
}
