//! Shared by the corpus tests (`ner_dev`, `speakers_polnear`): where the shared data lives.
//! Those tests are `#[ignore]`d (cargo lists them as ignored, with the reason); asked for with
//! `-- --include-ignored` they need the data and fail without it.

use std::path::PathBuf;

/// The shared data folder: `LEDE_DATA`, else `../shared/data` beside the checkout (where CI
/// has it).
pub fn data_dir() -> PathBuf {
    std::env::var_os("LEDE_DATA").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"),
        PathBuf::from,
    )
}

/// `relative` under the data folder; panics when it is not there, so a corpus test that was
/// asked for never passes without its data.
pub fn data(relative: &str) -> PathBuf {
    let path = data_dir().join(relative);
    assert!(
        path.exists(),
        "data not found at {} (set LEDE_DATA, or run without --include-ignored)",
        path.display()
    );
    path
}
