//! `lede annotate --jsonl`: lines `{"id", "text", "date"?}` in, one line `{"id", ...Annotation}`
//! out per record, in input order, annotated on `threads` cores (see [`crate::ordered`]).
//!
//! Each record stands alone: a bad line is reported on stderr with its line number, at its
//! place among the others, and skipped; only a write error stops the run. Every line is
//! counted in the summary: annotated, error or blank; a repeated id is warned about.

use crate::ordered;
use crate::progress::Progress;
use lede::tools::Error;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Records in flight per worker thread: enough to keep every worker busy while one slow
/// article holds back the output, few enough that memory stays that of a few dozen articles.
const WINDOW_PER_THREAD: usize = 16;

/// Annotates the JSONL `files` (stdin when none) on `threads` workers, writing records to
/// stdout in input order; a progress bar on a terminal's stderr and a summary at the end.
pub fn annotate_files(files: &[PathBuf], threads: usize) -> Result<ExitCode, Error> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let code = run(files, threads, json_line, |mut json: String| {
        json.push('\n');
        // One write per record, unbuffered: each record leaves as soon as it is ready.
        out.write_all(json.as_bytes())
            .map_err(Error::write(crate::STDOUT))
    })?;
    out.flush().map_err(Error::write(crate::STDOUT))?;
    Ok(code)
}

/// Reads and annotates the JSONL `files` (stdin when none) on `threads` workers, turns each
/// record into `render`'s output there, and hands the outputs to `write` in input order. Notes
/// and the progress bar go to stderr; a record `render` fails on is reported and skipped.
pub fn run<P: Send + 'static>(
    files: &[PathBuf],
    threads: usize,
    render: impl Fn(Record) -> Result<P, String> + Send + Sync + 'static,
    mut write: impl FnMut(P) -> Result<(), Error>,
) -> Result<ExitCode, Error> {
    let render = std::sync::Arc::new(render);
    let mut progress = Progress::new();
    let mut failed = false;
    // The ids seen so far, across inputs (see `Outcome::id`).
    let mut ids = std::collections::HashMap::new();
    let stdin = [PathBuf::from(crate::STDIN)];
    let stdin_only = files.is_empty();
    for f in if stdin_only { &stdin[..] } else { files } {
        // An unreadable file is reported and skipped; the others are still annotated.
        let (input, bytes) = match open(f, stdin_only) {
            Ok(opened) => opened,
            Err(e) => {
                progress.note(&format!("lede: {e}"));
                failed = true;
                continue;
            }
        };
        progress.input(bytes);
        let name = f.display().to_string();
        let render = render.clone();
        let annotate = move |n, line: Vec<u8>| {
            let outcome = read_record(&name, n, &line);
            let at = format!("lede: {name}:{n}");
            outcome.and_then(|r| render(r).map_err(|e| format!("{at}: skipped: {e}")))
        };
        let name = f.display().to_string();
        let sink = |outcome: Outcome<P>| {
            for note in &outcome.notes {
                progress.note(note);
            }
            if let Some(((id, written), n)) = outcome.id {
                let at = format!("{name}:{n}");
                if let Some(first) = ids.get(&id) {
                    progress.note(&format!(
                        "lede: {at}: warning: duplicate id {written}, first on {first}"
                    ));
                    progress.duplicate();
                } else {
                    ids.insert(id, at);
                }
            }
            match outcome.output {
                Some(p) => {
                    crate::interrupt::whole(|| write(p))?;
                    progress.record(outcome.bytes);
                }
                None if outcome.failed => progress.error(outcome.bytes),
                None => progress.blank(outcome.bytes),
            }
            failed |= outcome.failed;
            Ok(())
        };
        if let Some(e) =
            ordered::map_lines(input, threads, threads * WINDOW_PER_THREAD, annotate, sink)?
        {
            progress.note(&format!("lede: {}", Error::read(f)(e)));
            failed = true;
        }
    }
    progress.finish();
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

type Input = Box<dyn BufRead + Send>;

/// The lines of `path` (or stdin) and its size in bytes when known.
fn open(path: &Path, stdin: bool) -> Result<(Input, Option<u64>), Error> {
    const BUFFER: usize = 1 << 16;
    if stdin {
        return Ok((
            Box::new(std::io::BufReader::with_capacity(BUFFER, std::io::stdin())),
            None,
        ));
    }
    let file = std::fs::File::open(path).map_err(Error::read(path))?;
    let bytes = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    Ok((
        Box::new(std::io::BufReader::with_capacity(BUFFER, file)),
        bytes,
    ))
}

/// What one input line gives: its stderr notes, its output, whether it failed (no output and
/// not failed: a blank line).
pub struct Outcome<T> {
    notes: Vec<String>,
    output: Option<T>,
    failed: bool,
    /// The record's id (as compared for duplicates) and its line number, once read.
    id: Option<(IdKey, usize)>,
    /// Input bytes of the line, its `\n` included (for the progress bar).
    bytes: u64,
}

impl<T> Outcome<T> {
    /// The output turned by `f`; an error of `f` becomes a note and a failure.
    fn and_then<U>(self, f: impl FnOnce(T) -> Result<U, String>) -> Outcome<U> {
        let Outcome {
            mut notes,
            output,
            mut failed,
            id,
            bytes,
        } = self;
        let output = output.and_then(|t| match f(t) {
            Ok(u) => Some(u),
            Err(e) => {
                notes.push(e);
                failed = true;
                None
            }
        });
        Outcome {
            notes,
            output,
            failed,
            id,
            bytes,
        }
    }
}

/// An id as compared for duplicates (see [`IdValue`]) and as written, for messages.
type IdKey = (IdValue, String);

/// A string id by its value (`"a"` and `"\u0061"` are one id), a number by its text.
#[derive(PartialEq, Eq, Hash)]
enum IdValue {
    String(String),
    Number(String),
}

/// The key of `id`, or why it is not an id: it must be a string or a number.
fn id_key(id: &serde_json::value::RawValue) -> Result<IdKey, String> {
    let raw = id.get();
    let value = match raw.as_bytes().first() {
        Some(b'"') => IdValue::String(serde_json::from_str(raw).map_err(|e| e.to_string())?),
        Some(b'-' | b'0'..=b'9') => IdValue::Number(raw.to_string()),
        _ => {
            let kind = match serde_json::from_str::<serde_json::Value>(raw) {
                Ok(serde_json::Value::Null) => "null",
                Ok(serde_json::Value::Bool(_)) => "a boolean",
                Ok(serde_json::Value::Array(_)) => "an array",
                _ => "an object",
            };
            return Err(format!("id must be a string or a number, not {kind}"));
        }
    };
    Ok((value, raw.to_string()))
}

/// A record read and annotated (offsets in code points), with the id as written.
pub struct Record {
    pub id: Box<serde_json::value::RawValue>,
    /// The record's `outlet` (a string; any other JSON value is written as its JSON text).
    pub outlet: Option<String>,
    pub text: String,
    pub annotation: lede::Annotation,
}

/// The id is kept as the raw JSON text of the input (`RawValue`, serde_json feature
/// `raw_value`) and written back unchanged: an integer above 2^64 or a number such as `1.50`
/// comes back exactly as given. (`arbitrary_precision` would do it too, but it changes how every
/// number in every serde_json user of the crate graph is stored; this touches the id alone.)
#[derive(serde::Deserialize)]
struct JsonlInput {
    id: Box<serde_json::value::RawValue>,
    text: String,
    /// Any JSON value: a date that is not a `YYYY-MM-DD` string (`20231013`, `"13/10/2023"`)
    /// is warned about and left out, never a reason to skip the record.
    #[serde(default)]
    date: Option<serde_json::Value>,
    /// Where the article was published, for `lede sources --summary`.
    #[serde(default)]
    outlet: Option<serde_json::Value>,
}

#[derive(serde::Serialize)]
struct JsonlOutput {
    id: Box<serde_json::value::RawValue>,
    #[serde(flatten)]
    annotation: lede::Annotation,
}

/// Rewrites each `\uXXXX` escape of a UTF-16 surrogate without its partner (which serde_json
/// rejects in a string) as `\uFFFD`. Returns `None` when there is none.
fn replace_lone_surrogates(line: &str) -> Option<String> {
    let b = line.as_bytes();
    let hex = |i: usize| {
        line.get(i..i + 4)
            .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()))
            .and_then(|h| u16::from_str_radix(h, 16).ok())
    };
    // The code unit of a `\uXXXX` escape at byte `i`.
    let escape = |i: usize| {
        (b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u'))
            .then(|| hex(i + 2))
            .flatten()
    };
    let mut out = String::with_capacity(line.len());
    let (mut i, mut copied, mut changed) = (0, 0, false);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match escape(i) {
            Some(0xD800..=0xDBFF) if matches!(escape(i + 6), Some(0xDC00..=0xDFFF)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&line[copied..i]);
                out.push_str("\\uFFFD");
                i += 6;
                copied = i;
                changed = true;
            }
            Some(_) => i += 6,
            // `\\`, `\"`, `\n`, …: skip the escaped character so `\\u` is not read as an escape.
            None => i += 2,
        }
    }
    out.push_str(&line[copied.min(line.len())..]);
    changed.then_some(out)
}

/// Annotates line `n` (1-based) of the input `name` into its JSONL output line.
pub fn record(name: &str, n: usize, line: &[u8]) -> Outcome<String> {
    read_record(name, n, line).and_then(json_line)
}

/// The output line of a record: its id, then the Annotation's fields.
fn json_line(r: Record) -> Result<String, String> {
    let record = JsonlOutput {
        id: r.id,
        annotation: r.annotation,
    };
    Ok(serde_json::to_string(&record).expect("an Annotation always serializes"))
}

/// Reads and annotates line `n` (1-based) of the input `name`. A blank line gives nothing; a
/// bad line gives only its notes and `failed`.
fn read_record(name: &str, n: usize, line: &[u8]) -> Outcome<Record> {
    let mut outcome = Outcome {
        notes: Vec::new(),
        output: None,
        failed: false,
        id: None,
        bytes: line.len() as u64 + 1,
    };
    // A byte-order mark at the file start is not part of the first record.
    let line = match n {
        1 => line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line),
        _ => line,
    };
    let at = format!("lede: {name}:{n}");
    let mut warnings = Vec::new();
    // Bad bytes are named as such (JSON is UTF-8): replaced, the record still annotated.
    if let Err(e) = std::str::from_utf8(line) {
        let column = e.valid_up_to() + 1;
        outcome.notes.push(format!(
            "{at}: warning: the line is not valid UTF-8 (an invalid byte at column {column}); \
             invalid bytes were replaced with U+FFFD"
        ));
        warnings.push(
            "The record's line is not valid UTF-8; invalid bytes were replaced with U+FFFD."
                .to_string(),
        );
    }
    let line = String::from_utf8_lossy(line);
    if line.trim().is_empty() {
        return outcome;
    }
    let skip = |mut outcome: Outcome<Record>, why: &dyn std::fmt::Display| {
        outcome.notes.push(format!(
            "{at}: skipped, not a {{\"id\", \"text\"}} JSON object: {why}"
        ));
        outcome.failed = true;
        outcome
    };
    // A struct also deserializes from an array (`[1, "text"]`): only objects are records.
    if !line.trim_start().starts_with('{') {
        return skip(outcome, &"a record must be a JSON object");
    }
    let parsed = serde_json::from_str::<JsonlInput>(&line).or_else(|e| {
        let fixed = replace_lone_surrogates(&line).ok_or(e)?;
        warnings.push(
            "A lone UTF-16 surrogate escape in the record was replaced with U+FFFD.".to_string(),
        );
        serde_json::from_str::<JsonlInput>(&fixed)
    });
    let input = match parsed {
        Ok(input) => input,
        Err(e) => return skip(outcome, &e),
    };
    if let Some(w) = warnings.iter().find(|w| w.contains("surrogate")) {
        outcome.notes.push(format!("{at}: {w}"));
    }
    match id_key(&input.id) {
        Ok(key) => outcome.id = Some((key, n)),
        Err(e) => {
            outcome.notes.push(format!("{at}: skipped: {e}"));
            outcome.failed = true;
            return outcome;
        }
    }
    let date = match input.date {
        None => None,
        Some(serde_json::Value::String(d)) if lede::is_iso_date(&d) => Some(d),
        Some(d) => {
            outcome.notes.push(format!(
                "{at}: date {d} is not a YYYY-MM-DD string; annotating without it"
            ));
            warnings.push(format!(
                "The date {d} is not a YYYY-MM-DD string; annotated without it."
            ));
            None
        }
    };
    let options = lede::Options {
        date,
        ..Default::default()
    };
    let mut annotation = match lede::try_annotate(&input.text, &options) {
        Ok(a) => a,
        Err(refusal) => {
            outcome.notes.push(format!("{at}: skipped: {refusal}"));
            outcome.failed = true;
            return outcome;
        }
    };
    annotation.warnings.extend(warnings);
    let outlet = match input.outlet {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    };
    outcome.output = Some(Record {
        id: input.id,
        outlet,
        text: input.text,
        annotation,
    });
    outcome
}

/// Runs `input` (JSONL records) through the pipeline on `threads` workers with the output
/// discarded: articles written and seconds taken (for `lede bench --threads`).
pub fn throughput(input: Vec<u8>, threads: usize) -> (u64, f64) {
    let start = std::time::Instant::now();
    let mut articles = 0;
    let input: Input = Box::new(std::io::Cursor::new(input));
    let annotate = |n, line: Vec<u8>| record("bench", n, &line);
    let count = |outcome: Outcome<String>| {
        articles += u64::from(outcome.output.is_some());
        std::hint::black_box(outcome.output);
        Ok::<(), ()>(())
    };
    let window = threads * WINDOW_PER_THREAD;
    let read = ordered::map_lines(input, threads, window, annotate, count);
    assert!(matches!(read, Ok(None)), "an in-memory corpus reads");
    (articles, start.elapsed().as_secs_f64())
}
