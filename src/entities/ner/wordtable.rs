//! The lexicon's word table (normalised-word hash → column values) as one little-endian byte
//! buffer. `build.rs` lays out the shipped lexicon at compile time (with `tables_build.rs`), so
//! start-up reads it in place instead of parsing 1 MB of text (slow in wasm). Standalone so
//! `build.rs` can include it.
//!
//! Layout: u32 columns, u32 entry count `n`, u32 bucket bits `b`, `2^b + 1` u32 bucket starts
//! (buckets are the keys' top `b` bits, about eight keys each), `n` u32 low key halves in key
//! order (with the bucket, a ~45-bit fingerprint at half the size of whole keys), `n × columns`
//! u16 values.

/// Most lexicon columns a word can carry.
pub const MAX_COLUMNS: usize = 8;

pub const HEADER: usize = 12;

/// The bucket of a key: its top `bits` bits.
pub fn bucket(key: u64, bits: u32) -> u64 {
    if bits == 0 {
        0
    } else {
        key >> (64 - bits)
    }
}

fn u32_at(b: &[u8], i: usize) -> usize {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize
}

/// Number of value columns of a table (0 for an empty buffer).
#[cfg(feature = "tools")]
pub fn columns(table: &[u8]) -> usize {
    if table.len() < HEADER {
        0
    } else {
        u32_at(table, 0)
    }
}

/// Values of the word with hash `key`, if listed.
pub fn get(table: &[u8], key: u64) -> Option<[u16; MAX_COLUMNS]> {
    if table.len() < HEADER {
        return None;
    }
    let (columns, n, bits) = (u32_at(table, 0), u32_at(table, 4), u32_at(table, 8) as u32);
    let starts = HEADER + 4 * bucket(key, bits) as usize;
    let keys = HEADER + 4 * ((1 << bits) + 1);
    for i in u32_at(table, starts)..u32_at(table, starts + 4) {
        if u32_at(table, keys + 4 * i) == key as u32 as usize {
            let mut vals = [0u16; MAX_COLUMNS];
            let at = keys + 4 * n + 2 * columns * i;
            for (c, v) in vals[..columns].iter_mut().enumerate() {
                *v = u16::from_le_bytes([table[at + 2 * c], table[at + 2 * c + 1]]);
            }
            return Some(vals);
        }
    }
    None
}
