//! Replays the fuzz corpus (`fuzz/corpus/annotate/`) and the saved crash/timeout inputs
//! (`tests/fuzz_regressions/`) through the fuzz target's decoding and invariant checker:
//! `cargo test` checks what the campaign found, without nightly or cargo-fuzz.
//!
//! A regression named `timeout-*` is an input the campaign found too slow (over 10 s); it is
//! replayed only with `LEDE_FUZZ_SLOW=1`, so `cargo test` stays under a minute until it is fixed.
//! `LEDE_FUZZ_DIRS=dir1:dir2` replays other folders instead (say `fuzz/artifacts/annotate`).

use crate::invariants;

use std::path::Path;
use std::time::Instant;

#[test]
fn fuzz_corpus_keeps_the_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let slow = std::env::var_os("LEDE_FUZZ_SLOW").is_some_and(|v| v == "1");
    let dirs = std::env::var("LEDE_FUZZ_DIRS")
        .unwrap_or_else(|_| "fuzz/corpus/annotate:tests/fuzz_regressions".to_string());
    let (mut replayed, mut skipped, mut slowest) = (0, Vec::new(), (0.0, String::new()));
    let started = Instant::now();
    for dir in dirs.split(':') {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        for path in files {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') || name.ends_with(".md") {
                continue;
            }
            if name.starts_with("timeout-") && !slow {
                skipped.push(name);
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            let one = Instant::now();
            let result = std::panic::catch_unwind(|| invariants::check_bytes(&data));
            assert!(result.is_ok(), "invariant broken by {}", path.display());
            let secs = one.elapsed().as_secs_f64();
            if secs > slowest.0 {
                slowest = (secs, path.display().to_string());
            }
            replayed += 1;
        }
    }
    println!(
        "replayed {replayed} fuzz inputs in {:.1} s (slowest {:.2} s: {})",
        started.elapsed().as_secs_f64(),
        slowest.0,
        slowest.1
    );
    if !skipped.is_empty() {
        println!(
            "skipped {} slow input(s) of tests/fuzz_regressions/ (LEDE_FUZZ_SLOW=1 replays them): {}",
            skipped.len(),
            skipped.join(", ")
        );
    }
}
