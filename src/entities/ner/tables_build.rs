//! Writes the tables the runtime reads in place: the entity model's lookup table (from the
//! model file training writes, laid out by the core's `seq::table_build`) and the lexicon's word table
//! (see `wordtable.rs`). Only `build.rs` (which includes this file) and the tools write tables;
//! the runtime never does.

use super::labels::N_TAGS;
use super::normalize::normalize_into;
use super::wordtable::{bucket, MAX_COLUMNS};
use crate::seq::hash::hash_str;
use crate::seq::table_build::Builder;
use crate::seq::ModelError;

/// Magic of the model file written by training (`model/ner.bin`).
pub const FILE_MAGIC: &[u8; 8] = b"LEDENER3";

/// Rows with at least this many entries are also kept dense (about 1% of rows, most of the
/// weights read at run time: bias, shapes, common context words).
pub const DENSE_MIN: usize = 20;

/// Lays out a model file (`b"LEDENER3"`, u32 tag count, u32 lexicon columns, u32 feature
/// count, the 32-bit feature keys sorted and delta-varint coded, one u8 entry count per
/// feature, one u8 scale code per feature, then the entries, u8 tags then i8 weights, row by
/// row) as a table.
pub fn from_file(b: &[u8]) -> Result<Vec<u8>, ModelError> {
    let mut r = Reader { b, pos: 0 };
    if r.take(8)? != FILE_MAGIC {
        return Err(ModelError::BadMagic {
            model: "entity model file",
        });
    }
    let tags = r.u32()? as usize;
    if tags != N_TAGS {
        return Err(ModelError::TagCount {
            found: tags,
            expected: N_TAGS,
        });
    }
    let lex_columns = r.u32()? as usize;
    let n = r.u32()? as usize;
    let mut keys = Vec::with_capacity(n.min(b.len()));
    let mut last = 0u32;
    for _ in 0..n {
        last = last
            .checked_add(r.varint()?)
            .ok_or(ModelError::Corrupt("feature keys overflow 32 bits"))?;
        keys.push(last);
    }
    let counts = r.take(n)?;
    let codes = r.take(n)?;
    let weights: usize = counts.iter().map(|&c| c as usize).sum();
    let mut t = Builder::new(N_TAGS, n, weights, lex_columns, DENSE_MIN);
    for ((&k, &c), &code) in keys.iter().zip(counts).zip(codes) {
        let c = c as usize;
        let tags = r.take(c)?;
        let ws = r.take(c)?;
        if tags.iter().any(|&t| t as usize >= N_TAGS) {
            return Err(ModelError::Corrupt("a weight for a tag out of range"));
        }
        t.push_row(k, code, tags.iter().zip(ws).map(|(&t, &w)| (t, w as i8)));
    }
    Ok(t.finish())
}

/// Writes rows of (key, scale code, entries as tag/weight byte pairs), sorted by key, in the
/// model file format [`from_file`] reads.
pub fn to_file(lex_columns: usize, rows: &[(u32, u8, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(FILE_MAGIC);
    out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    out.extend_from_slice(&(lex_columns as u32).to_le_bytes());
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut last = 0u32;
    for &(k, _, _) in rows {
        write_varint(&mut out, k - last);
        last = k;
    }
    out.extend(rows.iter().map(|r| (r.2.len() / 2) as u8));
    out.extend(rows.iter().map(|r| r.1));
    for &(_, _, e) in rows {
        out.extend(e.iter().step_by(2));
        out.extend(e.iter().skip(1).step_by(2));
    }
    out
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .b
            .get(self.pos..self.pos.saturating_add(n))
            .ok_or(ModelError::Truncated)?;
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            v |= ((byte & 0x7F) as u32) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt("bad varint in the feature keys"))
    }
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
