//! The native integration tests: one binary with a module per area, so the crate is linked once
//! (`cargo test --test all`; one area: `cargo test --test all speakers::`). `tests/wasm.rs` runs
//! on wasm32 in a browser and stays a binary of its own. Areas that need the CLI binary or the
//! tools are compiled only with the feature (`cli`, `tools`), as `required-features` did.
//! The corpus tests (`ner_dev`, `speakers_polnear`) are `#[ignore]`d: they read the shared data
//! (`-- --include-ignored` runs them; `scripts/test` does when the data is there).

#[cfg(feature = "cli")]
mod acts;
mod cli;
#[cfg(feature = "cli")]
mod cli_corpus;
#[cfg(feature = "cli")]
mod cli_input;
#[cfg(feature = "cli")]
mod cli_interrupt;
#[cfg(feature = "tools")]
mod common;
mod consistency;
#[cfg(feature = "cli")]
mod coref_train;
mod dates;
mod exports;
mod furniture;
mod fuzz_replay;
#[cfg(feature = "cli")]
mod genders;
mod header;
#[path = "../invariants/mod.rs"]
mod invariants;
#[cfg(feature = "tools")]
mod ner_dev;
#[cfg(feature = "tools")]
mod ner_seed;
mod robustness;
mod seed;
mod speaker_cases;
mod speakers;
#[cfg(feature = "tools")]
mod speakers_polnear;
mod types;
