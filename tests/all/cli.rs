//! The `lede` command line: annotate files/stdin, JSON lines in and out, bench.

use std::io::Write;
use std::process::{Command, Stdio};

/// The built `lede` with `args`, stdin, stdout and stderr piped.
pub fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lede runs")
}

fn lede(args: &[&str], stdin: &str) -> (String, String, bool) {
    let mut child = spawn(args);
    // lede may exit before reading stdin (bad arguments): a broken pipe here is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.success(),
    )
}

#[test]
fn annotate_file_uses_code_point_offsets() {
    let (out, _, ok) = lede(&["annotate", "seeds/000_d4b5ee5f7b1b9140.txt"], "");
    assert!(ok);
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["date"], "2023-10-13");
    let text: Vec<char> = std::fs::read_to_string("seeds/000_d4b5ee5f7b1b9140.txt")
        .unwrap()
        .chars()
        .collect();
    for q in a["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            q["text"].as_str().unwrap()
        );
    }
}

#[test]
fn annotate_stdin_with_emoji_and_accents() {
    let input = "😀 Cafe\u{301} said “3.5% on Friday,” he said.";
    let (out, _, ok) = lede(&["annotate"], input);
    assert!(ok);
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    let chars: Vec<char> = input.chars().collect();
    let ents = a["entities"].as_array().unwrap();
    assert!(!ents.is_empty());
    for e in ents {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..t].iter().collect::<String>(),
            e["text"].as_str().unwrap()
        );
    }
}

#[test]
fn jsonl_reports_bad_lines_and_keeps_going() {
    let input = concat!(
        r#"{"id": 1, "text": "It rained on Friday.", "date": "2023-10-13"}"#,
        "\n",
        "not json\n",
        r#"{"id": "b", "text": "“Yes,” he said."}"#,
        "\n",
        r#"{"text": "no id"}"#,
        "\n",
    );
    let (out, err, ok) = lede(&["annotate", "--jsonl"], input);
    assert!(!ok, "a bad line makes the exit status non-zero");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["entities"][0]["value"], "2023-10-13");
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["quotes"].as_array().unwrap().len(), 1);
    assert!(err.contains(":2:") && err.contains(":4:"), "{err}");
}

#[test]
fn bench_prints_figures() {
    let (out, _, ok) = lede(&["bench", "--rounds", "2"], "");
    assert!(ok);
    assert!(
        out.contains("tokens/s:") && out.contains("ms/article:"),
        "{out}"
    );
}

#[test]
fn bench_hostile_prints_a_table_per_size_and_the_slopes() {
    let (out, err, ok) = lede(&["bench", "--hostile", "--sizes", "2k,4k"], "");
    assert!(ok, "{err}");
    assert!(out.contains("hostile inputs of 2000 bytes"), "{out}");
    assert!(out.contains("hostile inputs of 4000 bytes"), "{out}");
    let slopes = out.split("slope:").nth(1).expect("a slope table");
    for name in lede::tools::hostile::NAMES {
        assert!(slopes.lines().any(|l| l.starts_with(name)), "{name}: {out}");
    }
    let (_, err, ok) = lede(&["bench", "--hostile", "--sizes", "2k,lots"], "");
    assert!(!ok && err.contains("not a size"), "{err}");
}

#[test]
fn date_flag_resolves_relative_dates() {
    let (out, _, ok) = lede(
        &["annotate", "--date", "2023-10-13"],
        "They met last Friday.",
    );
    assert!(ok);
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(a["entities"][0]["value"], "2023-10-06");
    let (_, err, ok) = lede(&["annotate", "--date", "2023-13-01"], "x");
    assert!(!ok && err.contains("not a date"), "{err}");
}

#[test]
fn attributions_flag_adds_the_other_acts() {
    let text = "The senator said the bill would pass. Critics believe the plan will fail.";
    let read = |args: &[&str]| -> serde_json::Value {
        let (out, err, ok) = lede(args, text);
        assert!(ok, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let plain = read(&["annotate"]);
    assert!(plain.get("attributions").is_none(), "off by default");
    let asked = read(&["annotate", "--attributions"]);
    assert_eq!(asked["quotes"], plain["quotes"], "quotes stay statements");
    let others = asked["attributions"].as_array().expect("attributions");
    assert!(
        others
            .iter()
            .any(|a| a["act"] == "belief"
                && a["text"].as_str().unwrap().contains("the plan will fail")),
        "{others:?}"
    );
}

#[test]
fn missing_file_is_a_clear_error() {
    let (_, err, ok) = lede(&["annotate", "no/such/file.txt"], "");
    assert!(!ok);
    assert!(err.contains("cannot read no/such/file.txt"), "{err}");
}

/// A scratch folder for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SEED: &str = "seeds/000_d4b5ee5f7b1b9140.txt";

/// The stem `--out` names the seed's files by: its headline, slugified.
const SEED_STEM: &str = "the-white-house-on-friday-announced-that-north-korea-has";

#[test]
fn format_writes_each_export_to_stdout() {
    let text = std::fs::read_to_string(SEED).unwrap();
    let annotation = lede::annotate(&text, &lede::Options::default());
    for format in lede::export::Format::ALL {
        let (out, err, ok) = lede(&["annotate", "--format", format.name(), SEED], "");
        assert!(ok && err.is_empty(), "{format}: {err}");
        let want = lede::export::export(&text, &annotation, format).unwrap();
        assert_eq!(out, want.file.content, "{format}");
    }
    // Without --format the output is the Annotation JSON as before: no text.
    let (out, _, ok) = lede(&["annotate", SEED], "");
    assert!(ok);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json.get("text").is_none() && json["quotes"].is_array());
    // stdin works as for JSON.
    let (out, _, ok) = lede(
        &["annotate", "--format", "entities-csv"],
        "It rained on Friday.",
    );
    assert!(ok);
    assert_eq!(
        out,
        "label,text,value,cluster,start,end\r\nDATE,Friday,,,13,19\r\n"
    );
}

#[test]
fn out_writes_one_file_per_input_named_from_its_headline() {
    let dir = scratch("out");
    let other = dir.join("input.txt");
    std::fs::write(
        &other,
        "Café prices rise\n\nPrices rose 3.5% on Friday, officials said.\n",
    )
    .unwrap();
    let other = other.to_str().unwrap();
    let out_dir = dir.join("exports");
    let out_arg = out_dir.to_str().unwrap();
    let (out, err, ok) = lede(
        &[
            "annotate", "--format", "brat", "--out", out_arg, SEED, other, SEED,
        ],
        "",
    );
    assert!(ok, "{err}");
    let written: Vec<String> = out.lines().map(String::from).collect();
    let names = [
        format!("{SEED_STEM}.ann"),
        format!("{SEED_STEM}.txt"),
        "cafe-prices-rise.ann".to_string(),
        "cafe-prices-rise.txt".to_string(),
        format!("{SEED_STEM}-2.ann"),
        format!("{SEED_STEM}-2.txt"),
    ];
    let want: Vec<String> = (names.iter())
        .map(|n| out_dir.join(n).display().to_string())
        .collect();
    assert_eq!(
        written, want,
        "the files written, in order, a repeated headline numbered"
    );
    assert_eq!(
        std::fs::read_to_string(out_dir.join(format!("{SEED_STEM}.txt"))).unwrap(),
        std::fs::read_to_string(SEED).unwrap(),
        "brat's .txt is the article"
    );
    let ann = std::fs::read_to_string(out_dir.join("cafe-prices-rise.ann")).unwrap();
    assert!(ann.contains("\tPERCENT 30 34\t3.5%\n"), "{ann}");
    // --out alone writes the JSON export, with the text.
    let (out, err, ok) = lede(&["annotate", "--out", out_arg, other], "");
    assert!(ok, "{err}");
    assert_eq!(
        out.trim(),
        out_dir.join("cafe-prices-rise.json").display().to_string()
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.trim()).unwrap()).unwrap();
    assert!(json["text"]
        .as_str()
        .unwrap()
        .starts_with("Café prices rise"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn format_names_are_checked_and_brat_needs_out_with_jsonl() {
    let (_, err, ok) = lede(&["annotate", "--format", "xml", SEED], "");
    assert!(!ok);
    assert!(
        err.contains("invalid value 'xml'") && err.contains("quotes-csv"),
        "{err}"
    );
    let (_, err, ok) = lede(&["annotate", "--jsonl", "--format", "brat"], "");
    assert!(!ok);
    assert!(err.contains("needs --out DIR"), "{err}");
}

#[test]
fn unreadable_file_is_reported_and_the_others_annotated() {
    let (out, err, ok) = lede(&["annotate", SEED, "no/such/file.txt", SEED], "");
    assert!(!ok, "a missing file makes the exit status non-zero");
    let docs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert!(docs.iter().all(|d| d["date"] == "2023-10-13"));
    assert!(err.contains("cannot read no/such/file.txt"), "{err}");
}

#[test]
fn jsonl_byte_order_mark_is_not_part_of_the_first_record() {
    let input = "\u{FEFF}{\"id\": 1, \"text\": \"It rained.\"}\n{\"id\": 2, \"text\": \"Yes.\"}\n";
    let (out, err, ok) = lede(&["annotate", "--jsonl"], input);
    assert!(ok, "{err}");
    let ids: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids, [1, 2]);
}

#[test]
fn jsonl_lone_surrogate_is_replaced_with_a_warning() {
    let input = concat!(
        r#"{"id": 1, "text": "Bad \ud800 mark, pair \ud83d\ude00, escaped \\ud800 and \udc00."}"#,
        "\n"
    );
    let (out, err, ok) = lede(&["annotate", "--jsonl"], input);
    assert!(ok, "{err}");
    let a: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let text = "Bad \u{FFFD} mark, pair 😀, escaped \\ud800 and \u{FFFD}.";
    assert_eq!(a["paragraphs"][0]["end"], text.chars().count());
    let warnings = a["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("surrogate")),
        "{warnings:?}"
    );
    assert!(err.contains(":1:") && err.contains("surrogate"), "{err}");
}

#[test]
fn jsonl_bad_dates_warn_alike_and_are_annotated() {
    let input = concat!(
        r#"{"id": 1, "text": "They met last Friday.", "date": 20231013}"#,
        "\n",
        r#"{"id": 2, "text": "They met last Friday.", "date": "13/10/2023"}"#,
        "\n",
        r#"{"id": 3, "text": "They met last Friday.", "date": "2023-10-13"}"#,
        "\n",
    );
    let (out, err, ok) = lede(&["annotate", "--jsonl"], input);
    assert!(ok, "a bad date only warns: {err}");
    let recs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3);
    for r in &recs[..2] {
        assert_eq!(r["entities"][0]["text"], "last Friday");
        assert!(r["entities"][0].get("value").is_none());
        assert!(r["warnings"][0]
            .as_str()
            .unwrap()
            .contains("not a YYYY-MM-DD"));
    }
    assert_eq!(recs[2]["entities"][0]["value"], "2023-10-06");
    assert!(err.contains(":1: date 20231013 is not"), "{err}");
    assert!(err.contains(":2: date \"13/10/2023\" is not"), "{err}");
}

#[test]
fn jsonl_non_objects_are_bad_lines() {
    let input = "[1, \"It rained.\"]\n\"text\"\n42\n{\"id\": 4, \"text\": \"Fine.\"}\n";
    let (out, err, ok) = lede(&["annotate", "--jsonl"], input);
    assert!(!ok);
    assert_eq!(out.lines().count(), 1);
    for n in 1..=3 {
        assert!(
            err.contains(&format!(
                ":{n}: skipped, not a {{\"id\", \"text\"}} JSON object"
            )),
            "{err}"
        );
    }
}

#[test]
fn jsonl_ids_come_back_exactly() {
    let ids = [
        "18446744073709551617",
        "123456789012345678901234567890",
        "1.50",
        "-0",
        "\"x\\u00e9\"",
    ];
    let input: String = ids
        .iter()
        .map(|id| format!("{{\"id\": {id}, \"text\": \"Hi.\"}}\n"))
        .collect();
    let (out, err, ok) = lede(&["annotate", "--jsonl"], &input);
    assert!(ok, "{err}");
    let got: Vec<&str> = out
        .lines()
        .map(|l| {
            let rest = l.strip_prefix("{\"id\":").unwrap();
            &rest[..rest.find(",\"date\"").unwrap()]
        })
        .collect();
    assert_eq!(got, ids);
    // Any other JSON is no id: an error for that record.
    let (out, err, ok) = lede(
        &["annotate", "--jsonl"],
        "{\"id\": null, \"text\": \"Hi.\"}\n{\"id\": {\"a\": [1, 2]}, \"text\": \"Hi.\"}\n",
    );
    assert!(!ok && out.is_empty());
    assert!(err.contains(":1: skipped: id must be a string or a number, not null"));
    assert!(err.contains(":2: skipped: id must be a string or a number, not an object"));
}

/// Runs lede with its stdout already closed by the reader, as `| head -c 10` does.
fn closed_stdout(args: &[&str], stdin: &str) -> (Option<i32>, String) {
    let mut child = spawn(args);
    drop(child.stdout.take());
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = scratch("pipe");
    let conll = dir.join("gold.conll");
    std::fs::write(&conll, "Kirby\tB-PERSON\nsaid\tO\n.\tO\n\n").unwrap();
    let conll = conll.to_str().unwrap();
    let jsonl = r#"{"id": 1, "text": "It rained on Friday."}"#;
    for (args, stdin) in [
        (&["annotate", SEED][..], ""),
        (&["annotate", "--pretty"], "It rained on Friday."),
        (&["annotate", "--jsonl"], jsonl),
        (&["tag-bio", conll], ""),
        (&["tag-bio"], "Kirby\nsaid\n.\n"),
        (&["eval", "--ner", conll], ""),
        (&["bench", "--rounds", "1"], ""),
    ] {
        let (code, err) = closed_stdout(args, stdin);
        // 0, or killed by SIGPIPE (no exit code; 141 in a shell): either way no message.
        assert!(matches!(code, Some(0) | None), "{args:?}: {code:?} {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_text_over_the_size_limit_is_refused_and_the_others_annotated() {
    let big = scratch("too-big").join("too-big.txt");
    std::fs::write(&big, "word ".repeat(lede::MAX_TEXT_BYTES / 5 + 1)).unwrap();
    let (out, err, ok) = lede(&["annotate", big.to_str().unwrap(), SEED], "");
    assert!(!ok, "a refused file makes the exit status non-zero");
    assert_eq!(out.lines().count(), 1, "the seed is still annotated");
    assert!(err.contains("Lede annotates texts up to 16 MB"), "{err}");
    std::fs::remove_file(big).ok();
}
