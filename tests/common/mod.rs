//! Shared by the corpus tests (`ner_dev`, `speakers_polnear`): where the shared data lives.

use std::io::Write;
use std::path::PathBuf;

/// The shared data folder: `LEDE_DATA`, else `../shared/data` beside the checkout (where CI
/// has it).
pub fn data_dir() -> PathBuf {
    std::env::var_os("LEDE_DATA").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        PathBuf::from,
    )
}

/// `relative` under the data folder when it exists. When it does not, the test should return
/// (and pass): this prints `skipped: data not found at <path> (set LEDE_DATA)` straight to the
/// stderr handle, which `cargo test` does not capture (it captures `eprintln!`), so the skip
/// shows in every run.
pub fn data(relative: &str) -> Option<PathBuf> {
    let path = data_dir().join(relative);
    if path.exists() {
        return Some(path);
    }
    let _ = writeln!(
        std::io::stderr(),
        "skipped: data not found at {} (set LEDE_DATA)",
        path.display()
    );
    None
}
