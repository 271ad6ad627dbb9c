//! `lede train-coref` end to end on a small corpus written here: it learns the mention tagger
//! and the ranker fold by fold and scores them with the reference scorer of the shared tools.

use super::common::data_dir;
use std::process::Command;

/// A document part: "<First> <Last> arrived in <Place> . He said the talks went well . <Last>
/// left on Friday ." with the person's three mentions as one chain.
fn part(key: &str, first: &str, last: &str, place: &str, pronoun: &str) -> String {
    let sentences = [
        vec![first, last, "arrived", "in", place, "."],
        vec![pronoun, "said", "the", "talks", "went", "well", "."],
        vec![last, "left", "on", "Friday", "."],
    ];
    serde_json::json!({
        "doc_key": key,
        "sentences": sentences,
        "clusters": [[[0, 1], [6, 6], [13, 13]]],
    })
    .to_string()
}

#[test]
#[ignore = "reads the shared tools (LEDE_DATA/../tools/coref_score.py)"]
fn train_coref_learns_and_scores_folds_and_dev() {
    let scorer = data_dir().join("../tools/coref_score.py");
    assert!(scorer.exists(), "no scorer at {}", scorer.display());
    let dir = std::env::temp_dir().join(format!("lede-coref-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let people = [
        ("John", "Kirby", "Ottawa", "He"),
        ("Maria", "Lopez", "Madrid", "She"),
        ("Peter", "Brown", "London", "He"),
        ("Anna", "Schmidt", "Berlin", "She"),
        ("David", "Miller", "Boston", "He"),
        ("Sarah", "Wilson", "Toronto", "She"),
    ];
    let lines = |range: std::ops::Range<usize>, prefix: &str| -> String {
        (0..40)
            .map(|k| {
                let (f, l, p, pr) = people[range.start + k % range.len()];
                part(&format!("{prefix}{k}"), f, l, p, pr) + "\n"
            })
            .collect()
    };
    std::fs::write(dir.join("train.jsonl"), lines(0..4, "train/")).unwrap();
    std::fs::write(dir.join("dev.jsonl"), lines(4..6, "dev/")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["train-coref", "--folds", "2", "--epochs", "3", "--dev"])
        .arg("--data")
        .arg(&dir)
        .arg("--scorer")
        .arg(&scorer)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conll = |row: &str| -> f64 {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {row} |")))
            .unwrap_or_else(|| panic!("no {row} row in\n{stdout}"));
        let cell = line.split('|').nth(6).unwrap().trim().trim_matches('*');
        cell.parse().unwrap()
    };
    // People never seen in training (dev) are linked as well: names, pronouns, surnames.
    for row in ["fold 1", "fold 2", "dev"] {
        assert!(conll(row) > 80.0, "{row}: {stdout}");
    }
}
