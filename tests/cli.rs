//! The `lede` command line: annotate files/stdin, JSON lines in and out, bench.

use std::io::Write;
use std::process::{Command, Stdio};

fn lede(args: &[&str], stdin: &str) -> (String, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lede runs");
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
fn missing_file_is_a_clear_error() {
    let (_, err, ok) = lede(&["annotate", "no/such/file.txt"], "");
    assert!(!ok);
    assert!(err.contains("cannot read no/such/file.txt"), "{err}");
}
