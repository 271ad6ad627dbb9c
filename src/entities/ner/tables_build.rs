//! The entity model's file (read and written by the core's `seq::table_file`; the runtime lays
//! it out when first used) and the lexicon's word table (see `wordtable.rs`, laid out by
//! `build.rs`, which includes this file).

use super::labels::N_TAGS;
use super::normalize::normalize_into;
use super::wordtable::{bucket, MAX_COLUMNS};
use crate::seq::hash::hash_str;
use crate::seq::table_file::{lay_out, write, Kind};
use crate::seq::ModelError;

/// Magic of the model file written by training (`model/ner.bin`).
pub const FILE_MAGIC: &[u8; 8] = b"LEDENER3";

/// Rows with at least this many entries are also kept dense (about 1% of rows, most of the
/// weights read at run time: bias, shapes, common context words).
pub const DENSE_MIN: usize = 20;

/// What the entity model file is (`seq::table_file`).
pub const FILE: Kind = Kind {
    magic: FILE_MAGIC,
    name: "entity model file",
    tags: N_TAGS,
    dense_min: DENSE_MIN,
};

/// Lays out a model file (`b"LEDENER3"`, `seq::table_file`; the model value is its lexicon
/// columns) as a table.
pub fn from_file(b: &[u8]) -> Result<Vec<u8>, ModelError> {
    lay_out(b, &FILE)
}

/// Writes rows of (key, scale code, entries as tag/weight byte pairs), sorted by key, in the
/// model file format [`from_file`] reads.
pub fn to_file(lex_columns: usize, rows: &[(u32, u8, &[u8])]) -> Vec<u8> {
    write(&FILE, lex_columns, rows)
}

/// Lays out the lexicon text (`word<TAB>v1<TAB>v2…`, `#` header lines): a word listed twice
/// keeps its last values, unparsable values are 0.
pub fn word_table(text: &str) -> Vec<u8> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::ner::wordtable::get;

    #[test]
    fn lookups_match_the_text() {
        let t = word_table("# word\tc1\tc2\nthe\t3\t9\nKirby\t7\nthe\t4\t5\nbad\tx\t2\n");
        assert_eq!(u32::from_le_bytes(t[..4].try_into().unwrap()), 2, "columns");
        let at = |w: &str| get(&t, hash_str(w)).map(|v| (v[0], v[1], v[2]));
        assert_eq!(at("the"), Some((4, 5, 0)));
        assert_eq!(at("Kirby"), Some((7, 0, 0)));
        assert_eq!(at("bad"), Some((0, 2, 0)));
        assert_eq!(at("kirby"), None);
        assert_eq!(get(&word_table(""), 5), None);
        assert_eq!(get(&[], 5), None);
    }
}
