//! Fuzz target: bytes → (text, offset unit, optional date) → `lede::annotate`, then every
//! invariant of the result (tests/invariants/mod.rs, shared with `tests/all/fuzz_replay.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    invariants::check_bytes(data);
});
