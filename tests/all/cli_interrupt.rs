//! Ctrl-C (SIGINT) stops `lede annotate --jsonl` with status 130, its output ending with the
//! last whole record.
#![cfg(unix)]

use super::cli::spawn;
use std::io::{BufRead, BufReader, Write};

const SEED: &str = include_str!("../../seeds/000_d4b5ee5f7b1b9140.txt");

fn interrupt(child: &std::process::Child) {
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

fn record(id: usize) -> String {
    serde_json::json!({"id": id, "text": SEED}).to_string() + "\n"
}

#[test]
fn ctrl_c_exits_130_after_the_last_whole_record() {
    // stdin stays open, so lede is surely still running when the signal comes.
    let mut child = spawn(&["annotate", "--jsonl", "--threads", "1"]);
    let mut stdin = child.stdin.take().unwrap();
    for id in 0..3 {
        stdin.write_all(record(id).as_bytes()).unwrap();
    }
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut lines = Vec::new();
    for _ in 0..3 {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        lines.push(line);
    }
    interrupt(&child);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert!(rest.is_empty(), "{rest}");
    for (id, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"], id);
    }
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(err.contains("interrupted"), "{err}");
}

#[test]
fn ctrl_c_in_a_busy_run_leaves_only_whole_records() {
    let dir = std::env::temp_dir().join(format!("lede-interrupt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, (0..3000).map(record).collect::<String>()).unwrap();
    let mut child = spawn(&["annotate", "--jsonl", path.to_str().unwrap()]);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    interrupt(&child);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(130));
    let out = first + &rest;
    assert!(out.ends_with('\n'));
    let ids: Vec<u64> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert!(ids.len() < 3000, "interrupted before the end");
    assert_eq!(ids, (0..ids.len() as u64).collect::<Vec<_>>());
}
