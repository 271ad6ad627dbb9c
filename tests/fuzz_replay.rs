//! Replays the fuzz corpus (`fuzz/corpus/annotate/`) and the saved crash/timeout inputs
//! (`tests/fuzz_regressions/`, when present) through the fuzz target's decoding and invariant
//! checker: `cargo test` checks what the campaign found, without nightly or cargo-fuzz.

#[path = "invariants/mod.rs"]
mod invariants;

use std::path::Path;

#[test]
fn fuzz_corpus_keeps_the_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut replayed = 0;
    for dir in ["fuzz/corpus/annotate", "tests/fuzz_regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        for path in files {
            let data = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| invariants::check_bytes(&data));
            assert!(result.is_ok(), "invariant broken by {}", path.display());
            replayed += 1;
        }
    }
    println!("replayed {replayed} fuzz inputs");
}
