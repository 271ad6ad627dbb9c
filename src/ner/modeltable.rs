//! The entity model's lookup structure as one little-endian byte buffer, read in place.
//! `build.rs` lays out the shipped `model/ner.bin` at compile time (with `tables_build.rs`), so
//! start-up decodes nothing (decoding the file into tables took ~35 ms of the first annotation
//! in wasm); models given on the command line go through the same code at load. Standalone
//! (imports only `labels` and the `seq` error) so `build.rs` can include it.
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
use crate::seq::ModelError;

/// Magic of a laid-out table.
pub const TABLE_MAGIC: &[u8; 8] = b"LEDETAB2";

/// Marks a slot whose low bits index the dense rows.
pub const DENSE: u32 = 1 << 31;
/// Bytes of a dense row.
pub const DENSE_ROW: usize = 4 * N_TAGS;

const HEADER: usize = 32;

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
    pub fn new(
        lex_columns: usize,
        rows: usize,
        slots: usize,
        dense: usize,
        data_len: usize,
    ) -> Header {
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
        return Err(ModelError::BadMagic {
            model: "entity model table",
        });
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
        return Err(ModelError::Corrupt("slot count too small for the rows"));
    }
    let h = Header::new(
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
