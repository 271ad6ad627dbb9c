//! The quantised weight table every linear model of Lede scores with: per feature key a row of
//! (tag, int8 weight) entries with one scale per row, as one little-endian byte buffer read in
//! place. `build.rs` lays out the shipped entity model at compile time (with
//! [`table_build`](super::table_build)), so start-up decodes nothing (decoding took ~35 ms of
//! the first annotation in wasm); other models are laid out once when read.
//!
//! Layout: a header (magic `LEDETAB2`, then u32 tag count, the model's own value (the entity
//! model: its lexicon columns), rows, slot count `s`, dense rows `d`, data bytes), then
//! sections each starting at a multiple of 8:
//! - scales: 256 f32, the row scale of each scale code (computed once, where the table is
//!   built, so every platform scores with the same values);
//! - slots: `s` u64 (rows × 5/3: 60% full), an open-addressing table (home slot = the key
//!   scaled to `s`, linear probing, keys inserted in sorted order) of `key << 32 | row offset
//!   into data`, or `DENSE | index into dense` for long rows; 0 = empty;
//! - dense: `d × tags` f32, long rows as full score vectors (absent tags 0.0);
//! - dense offsets: `d` u32, the offset into data of each dense row;
//! - data: rows back to back, entry count, scale code, then (tag, i8 weight) pairs.

use super::ModelError;
use std::borrow::Cow;

/// Magic of a laid-out table.
pub const TABLE_MAGIC: &[u8; 8] = b"LEDETAB2";

/// Marks a slot whose low bits index the dense rows.
pub const DENSE: u32 = 1 << 31;

const HEADER: usize = 32;

/// Row scale for a scale code: 2^((code − 128) / 8). Rows differ in magnitude by orders, so one
/// global scale would zero the rare features.
pub fn scale_of(code: u8) -> f32 {
    ((code as f32 - 128.0) / 8.0).exp2()
}

/// The 32-bit key a 64-bit feature hash is stored under (never 0, the empty marker).
#[inline]
pub fn short_key(h: u64) -> u32 {
    ((h >> 32) as u32).max(1)
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
    pub tags: usize,
    /// The model's own value, kept with its table (the entity model: lexicon columns).
    pub value: usize,
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
    pub fn new(
        tags: usize,
        value: usize,
        rows: usize,
        slots: usize,
        dense: usize,
        data_len: usize,
    ) -> Header {
        let scales_at = HEADER;
        let slots_at = align8(scales_at + 4 * 256);
        let dense_at = slots_at + 8 * slots;
        let offsets_at = align8(dense_at + 4 * tags * dense);
        let data_at = align8(offsets_at + 4 * dense);
        Header {
            tags,
            value,
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

/// Reads and checks a table's header: laid out for `tags` tags.
pub fn header(t: &[u8], tags: usize) -> Result<Header, ModelError> {
    if t.len() < HEADER || &t[..8] != TABLE_MAGIC {
        return Err(ModelError::BadMagic {
            model: "model table",
        });
    }
    let found = u32_at(t, 8);
    if found != tags {
        return Err(ModelError::TagCount {
            found,
            expected: tags,
        });
    }
    let slots = u32_at(t, 20);
    if slots < 16 || slots <= u32_at(t, 16) {
        return Err(ModelError::Corrupt("slot count too small for the rows"));
    }
    let h = Header::new(
        tags,
        u32_at(t, 12),
        u32_at(t, 16),
        slots,
        u32_at(t, 24),
        u32_at(t, 28),
    );
    if h.table_len() != t.len() {
        return Err(ModelError::Truncated);
    }
    Ok(h)
}

/// No row.
const NONE: u32 = u32::MAX;

/// What scores features for `N` tags: a shipped table, or a trainer's weights while it learns
/// (the coreference models decode with either).
pub trait Scores<const N: usize> {
    /// Adds the weights of `features` to `scores`.
    fn add(&self, features: &[u64], scores: &mut [f32; N]);
}

/// The score of `features` under a single-tag model (a ranker's).
pub fn score_of(model: &impl Scores<1>, features: &[u64]) -> f32 {
    let mut s = [0f32; 1];
    model.add(features, &mut s);
    s[0]
}

impl<const N: usize> Scores<N> for Table<N> {
    fn add(&self, features: &[u64], scores: &mut [f32; N]) {
        self.add_scores(features, scores);
    }
}

/// A table over its bytes, scoring `N` tags.
pub struct Table<const N: usize> {
    bytes: Cow<'static, [u8]>,
    pub h: Header,
    scales: [f32; 256],
    /// For a table whose rows are all dense (one laid out when read, as the attribution
    /// tagger's), those rows as aligned floats, so a row is a few vector additions; empty
    /// otherwise, so a table built into the binary (the entity model's) stays read in place.
    dense: Vec<[f32; N]>,
}

impl<const N: usize> Table<N> {
    /// A table over a laid-out buffer (checked).
    pub fn new(bytes: Cow<'static, [u8]>) -> Result<Self, ModelError> {
        let h = header(&bytes, N)?;
        let scales = std::array::from_fn(|c| {
            let at = h.scales_at + 4 * c;
            f32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
        });
        let dense = match h.dense == h.rows {
            true => bytes[h.dense_at..h.dense_at + 4 * N * h.dense]
                .as_chunks::<4>()
                .0
                .chunks_exact(N)
                .map(|row| std::array::from_fn(|t| f32::from_le_bytes(row[t])))
                .collect(),
            false => Vec::new(),
        };
        Ok(Table {
            bytes,
            h,
            scales,
            dense,
        })
    }

    fn slots(&self) -> &[[u8; 8]] {
        self.bytes[self.h.slots_at..self.h.dense_at].as_chunks().0
    }

    fn data(&self) -> &[u8] {
        &self.bytes[self.h.data_at..]
    }

    #[inline]
    fn row(&self, slots: &[[u8; 8]], h: u64) -> u32 {
        let k = short_key(h);
        let mut s = slot_of(k, self.h.slots);
        loop {
            let slot = u64::from_le_bytes(slots[s]);
            if (slot >> 32) as u32 == k {
                return slot as u32;
            }
            if slot == 0 {
                return NONE;
            }
            s = next_slot(s, self.h.slots);
        }
    }

    /// Adds the rows of `features` to `scores`, in order.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32; N]) {
        if self.h.dense == self.h.rows {
            self.add_dense_rows(features, scores);
        } else {
            self.add_rows(features, scores);
        }
    }

    /// [`add_scores`](Self::add_scores) for a table whose rows are all dense (a small tag set,
    /// as the attribution tagger's): each row found is added at once, summed in a local copy the
    /// compiler keeps in registers (the same additions in the same order).
    #[inline]
    fn add_dense_rows(&self, features: &[u64], scores: &mut [f32; N]) {
        let slots = self.slots();
        let mut acc = *scores;
        for &f in features {
            let r = self.row(slots, f);
            if r != NONE {
                for (s, &w) in acc.iter_mut().zip(&self.dense[(r & !DENSE) as usize]) {
                    *s += w;
                }
            }
        }
        *scores = acc;
    }

    /// [`add_scores`](Self::add_scores) for any table. All rows are located first so the table
    /// probes (cache misses) overlap instead of queueing behind the score updates.
    #[inline]
    fn add_rows(&self, features: &[u64], scores: &mut [f32; N]) {
        let slots = self.slots();
        let dense: &[[u8; 4]] = self.bytes[self.h.dense_at..self.h.offsets_at].as_chunks().0;
        let data = self.data();
        for chunk in features.chunks(64) {
            let mut rows = [NONE; 64];
            for (r, &f) in rows.iter_mut().zip(chunk) {
                *r = self.row(slots, f);
            }
            for &r in &rows[..chunk.len()] {
                if r == NONE {
                    continue;
                }
                if r & DENSE != 0 {
                    let at = N * (r & !DENSE) as usize;
                    for (s, &w) in scores.iter_mut().zip(&dense[at..at + N]) {
                        *s += f32::from_le_bytes(w);
                    }
                    continue;
                }
                let r = r as usize;
                let n = data[r] as usize;
                let scale = self.scales[data[r + 1] as usize];
                for e in data[r + 2..r + 2 + 2 * n].chunks_exact(2) {
                    if let Some(s) = scores.get_mut(e[0] as usize) {
                        *s += (e[1] as i8) as f32 * scale;
                    }
                }
            }
        }
    }

    /// Offset into the data of a slot's row.
    #[cfg(any(test, feature = "tools"))]
    fn offset(&self, slot: u64) -> usize {
        let v = slot as u32;
        if v & DENSE != 0 {
            u32_at(&self.bytes, self.h.offsets_at + 4 * (v & !DENSE) as usize)
        } else {
            v as usize
        }
    }

    /// Rows as (key, scale code, entries as tag/weight byte pairs), sorted by key.
    #[cfg(any(test, feature = "tools"))]
    pub fn rows(&self) -> Vec<(u32, u8, &[u8])> {
        let data = self.data();
        let mut out: Vec<(u32, u8, &[u8])> = self
            .slots()
            .iter()
            .map(|&s| u64::from_le_bytes(s))
            .filter(|&s| s != 0)
            .map(|s| {
                let r = self.offset(s);
                let n = data[r] as usize;
                ((s >> 32) as u32, data[r + 1], &data[r + 2..r + 2 + 2 * n])
            })
            .collect();
        out.sort_unstable_by_key(|r| r.0);
        out
    }
}
