//! The lexicon's word table (normalised-word hash → column values) as one little-endian byte
//! buffer. `build.rs` lays out the shipped lexicon with [`build`] at compile time, so start-up
//! reads it in place instead of parsing 1 MB of text (slow in wasm). Standalone (imports only
//! `hash` and `normalize`) so `build.rs` can include it.
//!
//! Layout: u32 columns, u32 entry count `n`, u32 bucket bits `b`, `2^b + 1` u32 bucket starts
//! (buckets are the keys' top `b` bits, about eight keys each), `n` u32 low key halves in key
//! order (with the bucket, a ~45-bit fingerprint at half the size of whole keys), `n × columns`
//! u16 values.

use super::hash::hash_str;
use super::normalize::normalize_into;

/// Most lexicon columns a word can carry.
pub const MAX_COLUMNS: usize = 8;

const HEADER: usize = 12;

/// Lays out the lexicon text (`word<TAB>v1<TAB>v2…`, `#` header lines): a word listed twice
/// keeps its last values, unparsable values are 0.
pub fn build(text: &str) -> Vec<u8> {
    let mut entries: Vec<(u64, [u16; MAX_COLUMNS])> = Vec::new();
    let mut columns = 0;
    let mut buf = String::new();
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let Some(word) = cols.next() else { continue };
        let mut vals = [0u16; MAX_COLUMNS];
        let mut n = 0;
        for (slot, v) in vals.iter_mut().zip(cols) {
            *slot = v.parse().unwrap_or(0);
            n += 1;
        }
        columns = columns.max(n);
        normalize_into(word, &mut buf);
        entries.push((hash_str(&buf), vals));
    }
    // Stable sort, then keep the last of equal keys.
    entries.sort_by_key(|e| e.0);
    let mut unique: Vec<(u64, [u16; MAX_COLUMNS])> = Vec::with_capacity(entries.len());
    for e in entries {
        match unique.last_mut() {
            Some(last) if last.0 == e.0 => *last = e,
            _ => unique.push(e),
        }
    }
    let n = unique.len();
    // About eight keys per bucket: a short scan of 4-byte keys, and a small bucket index.
    let bits = (usize::BITS - 1 - (n / 8).max(1).leading_zeros()).min(24);
    let mut out = Vec::new();
    for v in [columns as u32, n as u32, bits] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let mut next = 0;
    for b in 0..=(1u64 << bits) {
        while next < n && bucket(unique[next].0, bits) < b {
            next += 1;
        }
        out.extend_from_slice(&(next as u32).to_le_bytes());
    }
    for e in &unique {
        out.extend_from_slice(&(e.0 as u32).to_le_bytes());
    }
    for e in &unique {
        for v in &e.1[..columns] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

fn bucket(key: u64, bits: u32) -> u64 {
    if bits == 0 {
        0
    } else {
        key >> (64 - bits)
    }
}

fn u32_at(b: &[u8], i: usize) -> usize {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize
}

/// Number of value columns of a table built by [`build`] (0 for an empty buffer).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_match_the_text() {
        let t = build("# word\tc1\tc2\nthe\t3\t9\nKirby\t7\nthe\t4\t5\nbad\tx\t2\n");
        assert_eq!(columns(&t), 2);
        let at = |w: &str| get(&t, hash_str(w)).map(|v| (v[0], v[1], v[2]));
        assert_eq!(at("the"), Some((4, 5, 0)));
        assert_eq!(at("Kirby"), Some((7, 0, 0)));
        assert_eq!(at("bad"), Some((0, 2, 0)));
        assert_eq!(at("kirby"), None);
        assert_eq!(get(&build(""), 5), None);
        assert_eq!(get(&[], 5), None);
    }
}
