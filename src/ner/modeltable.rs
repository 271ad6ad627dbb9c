//! The entity model's lookup structure as one little-endian byte buffer, read in place.
//! `build.rs` lays out the shipped `model/ner.bin` with [`from_file`] at compile time, so
//! start-up decodes nothing (decoding the file into tables took ~35 ms of the first annotation
//! in wasm); models given on the command line go through the same code at load. Standalone
//! (imports only `labels`) so `build.rs` can include it.
//!
//! Layout: a header (magic `LEDETAB2`, then u32 tag count, lexicon columns, rows, slot count
//! `s`, dense rows `d`, data bytes), then sections each starting at a multiple of 8:
//! - scales: 256 f32, the row scale of each scale code (computed once, where the table is
//!   built, so every platform scores with the same values);
//! - slots: `s` u64 (rows × 5/3: 60% full), an open-addressing table (home slot = the key
//!   scaled to `s`, linear probing, keys inserted in sorted order) of `key << 32 | row offset into data`, or
//!   `DENSE | index into dense` for long rows; 0 = empty;
//! - dense: `d × N_TAGS` f32, long rows as full score vectors (absent tags 0.0);
//! - dense offsets: `d` u32, the offset into data of each dense row;
//! - data: rows back to back, entry count, scale code, then (tag, i8 weight) pairs.

use super::labels::N_TAGS;

/// Magic of the model file written by training (`model/ner.bin`).
pub const FILE_MAGIC: &[u8; 8] = b"LEDENER3";
/// Magic of a laid-out table.
pub const TABLE_MAGIC: &[u8; 8] = b"LEDETAB2";

/// Rows with at least this many entries are also kept dense (about 1% of rows, most of the
/// weights read at run time: bias, shapes, common context words).
const DENSE_MIN: usize = 20;
/// Marks a slot whose low bits index the dense rows.
pub const DENSE: u32 = 1 << 31;
/// Bytes of a dense row.
pub const DENSE_ROW: usize = 4 * N_TAGS;

const HEADER: usize = 32;

/// Why a model file or table cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Neither a model file (`LEDENER3`) nor a table (`LEDETAB2`), as the case may be.
    BadMagic { table: bool },
    /// Trained for another tag set.
    TagCount { found: usize, expected: usize },
    /// The buffer ends before the data it announces.
    Truncated { table: bool },
    /// A table header whose slot count cannot hold its rows.
    BadTableSize,
    /// Feature keys that do not ascend within 32 bits.
    KeyOverflow,
    /// A feature key delta longer than five bytes.
    BadVarint,
    /// A weight for a tag the tag set does not have.
    TagOutOfRange(u8),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = |table: bool| if table { "model table" } else { "model file" };
        match self {
            ModelError::BadMagic { table } => {
                write!(f, "not a Lede entity {} (bad magic)", what(*table))
            }
            ModelError::TagCount { found, expected } => {
                write!(f, "model has {found} tags, this build expects {expected}")
            }
            ModelError::Truncated { table } => write!(f, "{} truncated", what(*table)),
            ModelError::BadTableSize => write!(f, "bad model table size"),
            ModelError::KeyOverflow => write!(f, "feature keys overflow 32 bits"),
            ModelError::BadVarint => write!(f, "bad varint in the feature keys"),
            ModelError::TagOutOfRange(t) => write!(f, "tag {t} out of range"),
        }
    }
}

impl std::error::Error for ModelError {}

/// Row scale for a scale code.
pub fn scale_of(code: u8) -> f32 {
    ((code as f32 - 128.0) / 8.0).exp2()
}

/// Home slot of a key among `slots`: the key scaled to the table (keys are hash values, so
/// uniform; any table size works). Inserting keys in sorted order fills it front to back.
#[inline]
pub fn slot_of(k: u32, slots: usize) -> usize {
    ((k as u64 * slots as u64) >> 32) as usize
}

/// The slot probed after `s` in a table of `slots`.
#[inline]
pub fn next_slot(s: usize, slots: usize) -> usize {
    if s + 1 == slots {
        0
    } else {
        s + 1
    }
}

/// Section offsets and sizes of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub lex_columns: usize,
    pub rows: usize,
    pub slots: usize,
    pub dense: usize,
    pub data_len: usize,
    pub scales_at: usize,
    pub slots_at: usize,
    pub dense_at: usize,
    pub offsets_at: usize,
    pub data_at: usize,
}

fn align8(n: usize) -> usize {
    n.div_ceil(8) * 8
}

impl Header {
    fn new(lex_columns: usize, rows: usize, slots: usize, dense: usize, data_len: usize) -> Header {
        let scales_at = HEADER;
        let slots_at = align8(scales_at + 4 * 256);
        let dense_at = slots_at + 8 * slots;
        let offsets_at = align8(dense_at + DENSE_ROW * dense);
        let data_at = align8(offsets_at + 4 * dense);
        Header {
            lex_columns,
            rows,
            slots,
            dense,
            data_len,
            scales_at,
            slots_at,
            dense_at,
            offsets_at,
            data_at,
        }
    }

    pub fn table_len(&self) -> usize {
        self.data_at + self.data_len
    }
}

fn u32_at(b: &[u8], i: usize) -> usize {
    u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize
}

/// Reads and checks a table's header.
pub fn header(t: &[u8]) -> Result<Header, ModelError> {
    if t.len() < HEADER || &t[..8] != TABLE_MAGIC {
        return Err(ModelError::BadMagic { table: true });
    }
    let tags = u32_at(t, 8);
    if tags != N_TAGS {
        return Err(ModelError::TagCount {
            found: tags,
            expected: N_TAGS,
        });
    }
    let slots = u32_at(t, 20);
    if slots < 16 || slots <= u32_at(t, 16) {
        return Err(ModelError::BadTableSize);
    }
    let h = Header::new(
        u32_at(t, 12),
        u32_at(t, 16),
        slots,
        u32_at(t, 24),
        u32_at(t, 28),
    );
    if h.table_len() != t.len() {
        return Err(ModelError::Truncated { table: true });
    }
    Ok(h)
}

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
        return Err(ModelError::BadMagic { table: false });
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
            .ok_or(ModelError::KeyOverflow)?;
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
        if let Some(&t) = tags.iter().find(|&&t| t as usize >= N_TAGS) {
            return Err(ModelError::TagOutOfRange(t));
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
            .ok_or(ModelError::Truncated { table: false })?;
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
        Err(ModelError::BadVarint)
    }
}
