//! `lede annotate --jsonl` on a corpus: every thread count gives the single-threaded output
//! byte for byte, in input order, with per-line errors in place, and output streams while the
//! input is still arriving. `lede bench --threads` prints its figures.

use std::io::{BufRead, BufReader, Write};

const SEED: &str = include_str!("../../seeds/000_d4b5ee5f7b1b9140.txt");

use super::cli::spawn;

/// stdout, stderr and success of `lede args` fed `stdin` (written from a thread: the output
/// of a big input would fill the pipe before the input is all written).
fn lede(args: &[&str], stdin: String) -> (String, String, bool) {
    let mut child = spawn(args);
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(stdin.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

/// `count` records cut from the seed article's paragraphs (1 to 4 of them, so lengths vary),
/// with dates, unicode and, every 37th line, a line that is not a record.
fn corpus(count: usize) -> (String, Vec<usize>) {
    let paragraphs: Vec<&str> = SEED.split("\n\n").filter(|p| !p.is_empty()).collect();
    let mut lines = String::new();
    let mut bad = Vec::new();
    for i in 0..count {
        if i % 37 == 5 {
            lines += "{\"id\": 1, \"text\": \n";
            bad.push(i + 1);
            continue;
        }
        let from = (i * 7) % paragraphs.len();
        let take = 1 + (i * 5) % 4;
        let mut text: Vec<&str> = paragraphs
            .iter()
            .cycle()
            .skip(from)
            .take(take)
            .copied()
            .collect();
        if i % 3 == 0 {
            text.push("Zoë 👩‍🔬 said “it works” on Friday.");
        }
        let record = serde_json::json!({
            "id": format!("doc-{i}"),
            "text": text.join("\n\n"),
            "date": format!("2023-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
        });
        lines += &format!("{record}\n");
    }
    (lines, bad)
}

/// The per-line stderr notes, without the run's summary line.
fn notes(err: &str) -> Vec<&str> {
    err.lines().filter(|l| !l.contains(" records, ")).collect()
}

#[test]
fn two_threads_give_the_single_threaded_output_in_input_order() {
    let (input, bad) = corpus(500);
    let (one, one_err, one_ok) = lede(&["annotate", "--jsonl", "--threads", "1"], input.clone());
    let (two, two_err, two_ok) = lede(&["annotate", "--jsonl", "--threads", "2"], input.clone());
    assert!(
        !one_ok && !two_ok,
        "bad lines make the exit status non-zero"
    );
    assert_eq!(
        one, two,
        "--threads 2 writes what --threads 1 writes, byte for byte"
    );
    assert_eq!(notes(&one_err), notes(&two_err));

    let ids: Vec<String> = two
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    let want: Vec<String> = (0..500)
        .filter(|i| !bad.contains(&(i + 1)))
        .map(|i| format!("\"doc-{i}\""))
        .collect();
    assert_eq!(ids, want, "records come out in input order");

    // Each bad line is reported with its line number, in input order.
    let reported: Vec<usize> = notes(&two_err)
        .iter()
        .map(|l| {
            let n = l.strip_prefix("lede: <stdin>:").expect(l);
            n[..n.find(':').unwrap()].parse().unwrap()
        })
        .collect();
    assert_eq!(reported, bad, "{two_err}");
    let summary = two_err.lines().last().unwrap();
    assert!(
        summary.starts_with(&format!(
            "lede: 500 records, {} annotated, {} errors, 0 blank lines skipped, 0 duplicate ids, ",
            want.len(),
            bad.len()
        )),
        "{summary}"
    );
    assert!(summary.ends_with(" articles/s"), "{summary}");
}

#[test]
fn files_are_read_in_turn_with_their_own_line_numbers() {
    let dir = std::env::temp_dir().join(format!("lede-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    std::fs::write(&a, "{\"id\": 1, \"text\": \"Kirby spoke.\"}\nnot json\n").unwrap();
    std::fs::write(&b, "\u{feff}{\"id\": 2, \"text\": \"It rained.\"}\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let (out, err, ok) = lede(
        &["annotate", "--jsonl", "--threads", "2", a, b],
        String::new(),
    );
    assert!(!ok);
    let ids: Vec<&str> = out.lines().map(|l| &l[..l.find(',').unwrap()]).collect();
    assert_eq!(ids, ["{\"id\":1", "{\"id\":2"]);
    assert!(err.starts_with(&format!("lede: {a}:2: skipped")), "{err}");
    assert!(
        err.contains("lede: 3 records, 2 annotated, 1 errors, 0 blank lines skipped, "),
        "{err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// Records come out while the input is still open: the first one is read back before the
/// rest of the input is written. (Were output held until the end of input, the reader thread
/// would wait forever; the test gives up after a minute instead.)
#[test]
fn output_streams_before_the_input_ends() {
    let mut child = spawn(&["annotate", "--jsonl", "--threads", "2"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let record = |i: usize| format!("{}\n", serde_json::json!({"id": i, "text": SEED}));
    let timeout = std::time::Duration::from_secs(60);
    for i in 0..3 {
        stdin.write_all(record(i).as_bytes()).unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(timeout)
            .expect("a record comes out while the input is still open");
        assert!(line.starts_with(&format!("{{\"id\":{i},")), "{line}");
    }
    drop(stdin);
    assert!(
        rx.recv_timeout(timeout).is_err(),
        "nothing more after the input ends"
    );
    assert!(child.wait().unwrap().success());
}

#[test]
fn thread_counts_are_checked() {
    let (_, err, ok) = lede(&["annotate", "--jsonl", "--threads", "0"], String::new());
    assert!(!ok && err.contains("--threads"), "{err}");
    let (_, err, ok) = lede(&["annotate", "--threads", "2"], String::new());
    assert!(
        !ok && err.contains("--jsonl"),
        "--threads needs --jsonl: {err}"
    );
}

#[test]
fn bench_threads_prints_figures_per_thread_count() {
    let (out, err, ok) = lede(&["bench", "--threads", "--rounds", "1"], String::new());
    assert!(ok, "{err}");
    for threads in ["threads:  1", "threads:  2"] {
        let line = out.lines().find(|l| l.starts_with(threads)).expect(&out);
        assert!(
            line.contains("articles/s:") && line.contains("tokens/s:"),
            "{line}"
        );
    }
}

/// `n` small records with ids, unicode and quotes; returns the JSONL and (id, text) pairs.
fn records(n: usize) -> (String, Vec<(String, String)>) {
    let paragraphs: Vec<&str> = SEED.split("\n\n").filter(|p| !p.is_empty()).collect();
    let mut jsonl = String::new();
    let mut out = Vec::new();
    for i in 0..n {
        let text = format!(
            "{}\n\nZoë 👩‍🔬 said “it works, {i}” on Friday.",
            paragraphs[i % paragraphs.len()]
        );
        let id = format!("doc/{i}");
        jsonl += &serde_json::json!({"id": id, "text": text}).to_string();
        jsonl.push('\n');
        out.push((id, text));
    }
    (jsonl, out)
}

fn export_of(text: &str, format: lede::export::Format) -> String {
    let a = lede::annotate(text, &lede::Options::default());
    lede::export::export(text, &a, format).unwrap().file.content
}

/// `--jsonl --format F` gives, per record, what the single-article export gives: JSON formats
/// as JSONL lines with the id, CSV as one table with an id column and one header, CoNLL blocks
/// under `# id = …`; the same on 1 and 2 threads.
#[test]
fn jsonl_exports_equal_the_single_article_exports() {
    use lede::export::Format;
    let (input, docs) = records(12);
    for format in [
        Format::Json,
        Format::Displacy,
        Format::Webanno,
        Format::QuotesCsv,
        Format::EntitiesCsv,
        Format::Conll,
    ] {
        let name = format.name();
        let (out, err, ok) = lede(
            &["annotate", "--jsonl", "--format", name, "--threads", "2"],
            input.clone(),
        );
        assert!(ok, "{name}: {err}");
        let (one, _, _) = lede(
            &["annotate", "--jsonl", "--format", name, "--threads", "1"],
            input.clone(),
        );
        assert_eq!(out, one, "{name}: 1 and 2 threads differ");
        match format {
            Format::QuotesCsv | Format::EntitiesCsv => {
                let mut reader = csv::Reader::from_reader(out.as_bytes());
                assert_eq!(&reader.headers().unwrap()[0], "id");
                let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
                for (id, text) in &docs {
                    let want = export_of(text, format);
                    let mut single = csv::Reader::from_reader(want.as_bytes());
                    let want: Vec<Vec<String>> = single
                        .records()
                        .map(|r| r.unwrap().iter().map(String::from).collect())
                        .collect();
                    let got: Vec<Vec<String>> = rows
                        .iter()
                        .filter(|r| &r[0] == id)
                        .map(|r| r.iter().skip(1).map(String::from).collect())
                        .collect();
                    assert_eq!(got, want, "{name} {id}");
                }
            }
            Format::Conll => {
                let blocks: Vec<&str> = out.split("# id = ").filter(|b| !b.is_empty()).collect();
                assert_eq!(blocks.len(), docs.len());
                for (block, (id, text)) in blocks.iter().zip(&docs) {
                    let (head, body) = block.split_once('\n').unwrap();
                    assert_eq!(head, serde_json::to_string(id).unwrap());
                    assert_eq!(body.trim_end(), export_of(text, format).trim_end(), "{id}");
                }
            }
            _ => {
                let lines: Vec<serde_json::Value> = out
                    .lines()
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect();
                assert_eq!(lines.len(), docs.len(), "{name}");
                for (mut line, (id, text)) in lines.into_iter().zip(&docs) {
                    let key = if format == Format::Webanno {
                        "record_id"
                    } else {
                        "id"
                    };
                    let got_id = line.as_object_mut().unwrap().remove(key).unwrap();
                    assert_eq!(got_id, serde_json::json!(id));
                    let want: serde_json::Value =
                        serde_json::from_str(&export_of(text, format)).unwrap();
                    assert_eq!(line, want, "{name} {id}");
                }
            }
        }
    }
}

/// brat's files cannot share a stream: `--out DIR` writes `<id>.ann` and `<id>.txt` per record;
/// without it the run stops with a message.
#[test]
fn jsonl_brat_writes_files_named_from_ids() {
    let (input, docs) = records(3);
    let (_, err, ok) = lede(&["annotate", "--jsonl", "--format", "brat"], input.clone());
    assert!(!ok && err.contains("needs --out"), "{err}");
    let dir = std::env::temp_dir().join(format!("lede-brat-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (out, err, ok) = lede(
        &[
            "annotate",
            "--jsonl",
            "--format",
            "brat",
            "--out",
            dir.to_str().unwrap(),
        ],
        input,
    );
    assert!(ok, "{err}");
    for (id, text) in &docs {
        let stem = id.replace('/', "_");
        let ann = std::fs::read_to_string(dir.join(format!("{stem}.ann"))).unwrap();
        assert_eq!(ann, export_of(text, lede::export::Format::Brat));
        let txt = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).unwrap();
        assert_eq!(&txt, text);
        assert!(out.contains(&format!("{stem}.ann")), "{out}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every input line is accounted for in the summary: annotated, error (an id that is not a
/// string or a number among them) or blank; repeated ids and lines that are not UTF-8 are
/// named on stderr.
#[test]
fn every_line_is_accounted_for() {
    let mut input = Vec::new();
    let mut line = |l: &[u8]| {
        input.extend_from_slice(l);
        input.push(b'\n');
    };
    line(br#"{"id": "a", "text": "It rained."}"#);
    line(b"");
    line(br#"{"id": 1, "text": "It rained."}"#);
    line(b"   ");
    line(br#"{"id": null, "text": "x"}"#);
    line(br#"{"id": [1], "text": "x"}"#);
    line(br#"{"id": {"k": 1}, "text": "x"}"#);
    line(br#"{"id": true, "text": "x"}"#);
    line(br#"{"id": "\u0061", "text": "The same id as line 1."}"#);
    line(br#"{"id": "1", "text": "A string, not the number 1."}"#);
    line(br#"{"id": 1, "text": "Again 1."}"#);
    line(b"{\"id\": \"caf\xe9\", \"text\": \"Caf\xe9 Paris opened.\"}");
    line(b"not json");
    let mut child = spawn(&["annotate", "--jsonl", "--threads", "2"]);
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success(), "errors make the exit status 1");
    let (stdout, err) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    let summary = err.lines().last().unwrap();
    assert!(
        summary.starts_with(
            "lede: 11 records, 6 annotated, 5 errors, 2 blank lines skipped, 2 duplicate ids, "
        ),
        "{err}"
    );
    assert_eq!(stdout.lines().count(), 6);
    for (n, kind) in [
        (5, "null"),
        (6, "an array"),
        (7, "an object"),
        (8, "a boolean"),
    ] {
        assert!(
            err.contains(&format!(
                "<stdin>:{n}: skipped: id must be a string or a number, not {kind}"
            )),
            "{err}"
        );
    }
    assert!(err.contains(r#"<stdin>:9: warning: duplicate id "\u0061", first on <stdin>:1"#));
    assert!(err.contains("<stdin>:11: warning: duplicate id 1, first on <stdin>:3"));
    assert!(!err.contains("<stdin>:10: warning"), "{err}");
    assert!(
        err.contains(
            "<stdin>:12: warning: the line is not valid UTF-8 (an invalid byte at column 12)"
        ),
        "{err}"
    );
    let last: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    let warnings = last["warnings"].to_string();
    assert!(warnings.contains("not valid UTF-8") && !warnings.contains("binary"));
}
