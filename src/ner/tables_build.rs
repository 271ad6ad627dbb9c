//! Writes the tables the runtime reads in place: the entity model's lookup table (from the
//! model file training writes, see `modeltable.rs` for the layout) and the lexicon's word table
//! (see `wordtable.rs`). Only `build.rs` (which includes this file) and the tools write tables;
//! the runtime never does.

use super::labels::N_TAGS;
use super::modeltable::{next_slot, slot_of, Header, DENSE, TABLE_MAGIC};
use super::normalize::normalize_into;
use super::wordtable::{bucket, MAX_COLUMNS};
use crate::seq::hash::hash_str;
use crate::seq::ModelError;

/// Magic of the model file written by training (`model/ner.bin`).
pub const FILE_MAGIC: &[u8; 8] = b"LEDENER3";

/// Row scale for a scale code.
pub fn scale_of(code: u8) -> f32 {
    ((code as f32 - 128.0) / 8.0).exp2()
}

/// Rows with at least this many entries are also kept dense (about 1% of rows, most of the
/// weights read at run time: bias, shapes, common context words).
const DENSE_MIN: usize = 20;

/// Lays out a table row by row (rows in key order keep building fast).
pub struct Builder {
    slots: Vec<u64>,
    data: Vec<u8>,
    dense: Vec<[f32; N_TAGS]>,
    offsets: Vec<u32>,
    scales: [f32; 256],
    rows: usize,
    lex_columns: usize,
}

impl Builder {
    /// An empty table with room for `rows` rows of `weights` entries in all.
    pub fn new(rows: usize, weights: usize, lex_columns: usize) -> Builder {
        let cap = (rows * 5 / 3).max(16);
        Builder {
            slots: vec![0; cap],
            data: Vec::with_capacity(2 * rows + 2 * weights),
            dense: Vec::new(),
            offsets: Vec::new(),
            scales: std::array::from_fn(|c| scale_of(c as u8)),
            rows: 0,
            lex_columns,
        }
    }

    /// Appends a row. A repeated key is stored but never found (the first row wins).
    pub fn push_row(&mut self, key: u32, code: u8, entries: impl Iterator<Item = (u8, i8)>) {
        let offset = self.data.len();
        self.data.push(0);
        self.data.push(code);
        let mut n = 0u8;
        for (t, w) in entries {
            self.data.push(t);
            self.data.push(w as u8);
            n += 1;
        }
        self.data[offset] = n;
        let value = self.densify(offset).unwrap_or(offset as u32);
        let n = self.slots.len();
        let mut s = slot_of(key, n);
        while self.slots[s] != 0 {
            s = next_slot(s, n);
        }
        self.slots[s] = (key as u64) << 32 | value as u64;
        self.rows += 1;
    }

    /// Adds a dense copy of the row at `offset` if it is long and names each tag at most once
    /// (a repeated tag is added twice in order, which a single dense value would not reproduce).
    fn densify(&mut self, offset: usize) -> Option<u32> {
        let n = self.data[offset] as usize;
        if n < DENSE_MIN {
            return None;
        }
        let scale = self.scales[self.data[offset + 1] as usize];
        let mut row = [0f32; N_TAGS];
        let mut seen = [false; N_TAGS];
        for e in self.data[offset + 2..offset + 2 + 2 * n].chunks_exact(2) {
            let t = e[0] as usize;
            if t < N_TAGS {
                if std::mem::replace(&mut seen[t], true) {
                    return None;
                }
                row[t] = (e[1] as i8) as f32 * scale;
            }
        }
        self.dense.push(row);
        self.offsets.push(offset as u32);
        Some(DENSE | (self.dense.len() - 1) as u32)
    }

    /// The table bytes.
    pub fn finish(self) -> Vec<u8> {
        let h = Header::new(
            self.lex_columns,
            self.rows,
            self.slots.len(),
            self.dense.len(),
            self.data.len(),
        );
        let mut out = Vec::with_capacity(h.table_len());
        out.extend_from_slice(TABLE_MAGIC);
        for v in [N_TAGS, h.lex_columns, h.rows, h.slots, h.dense, h.data_len] {
            out.extend_from_slice(&(v as u32).to_le_bytes());
        }
        for s in self.scales {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out.resize(h.slots_at, 0);
        for s in self.slots {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for row in &self.dense {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out.resize(h.offsets_at, 0);
        for o in self.offsets {
            out.extend_from_slice(&o.to_le_bytes());
        }
        out.resize(h.data_at, 0);
        out.extend_from_slice(&self.data);
        out
    }
}

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
    let mut t = Builder::new(n, weights, lex_columns);
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
    use crate::ner::wordtable::get;

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
