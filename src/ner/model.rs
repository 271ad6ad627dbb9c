//! The compact model: a feature-key → sparse weight-row table with int8 weights.
//!
//! The model file (`model/ner.bin`, written by training) is described in [`modeltable`]: 32-bit
//! feature keys, one int8 row per feature with a per-row scale code (row scale =
//! 2^((code - 128) / 8): perceptron rows differ in magnitude by orders, so a global scale
//! zeroes the rare features). A [`Model`] reads a [`modeltable`] buffer, an open-addressing
//! table of the keys over rows laid out for scoring: one probe per feature and a short
//! contiguous row. The shipped model's table is laid out by `build.rs` and read in place.

use super::labels::N_TAGS;
use super::modeltable::{self, next_slot, slot_of, Header, DENSE, DENSE_ROW};
#[cfg(feature = "tools")]
use super::tables_build;
#[cfg(feature = "tools")]
pub use super::tables_build::scale_of;
use crate::seq::ModelError;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The shipped model's table, laid out by `build.rs` from `model/ner.bin`.
const SHIPPED_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ner-table.bin"));

pub struct Model {
    /// A [`modeltable`] buffer.
    table: Cow<'static, [u8]>,
    h: Header,
    /// Slot count of the table.
    slots: usize,
    scales: [f32; 256],
    pub lex_columns: usize,
    /// Tells this model's entries in the per-thread word cache from another model's.
    id: usize,
}

const WORD_CACHE_SLOTS: usize = 4096;

static NEXT_MODEL_ID: AtomicUsize = AtomicUsize::new(1);

/// A cache entry: model id, word key, scores.
type CachedWord = (usize, u64, [f32; N_TAGS]);

thread_local! {
    /// Scores of word-level features by word key: most tokens of an article are words seen
    /// before, so this skips two thirds of the table probes. Direct-mapped, filled lazily; one
    /// per thread, so threads annotating at once never wait on a lock per token.
    static WORD_CACHE: RefCell<Vec<CachedWord>> = const { RefCell::new(Vec::new()) };
}

/// Smallest scale code whose scale maps `max_abs` into ±127.
#[cfg(feature = "tools")]
pub fn scale_code(max_abs: f32) -> u8 {
    let code = ((max_abs / 127.0).log2() * 8.0).ceil() + 128.0;
    code.clamp(0.0, 255.0) as u8
}

/// The 32-bit key a 64-bit feature hash is stored under (never 0, the empty marker).
#[inline]
pub fn short_key(h: u64) -> u32 {
    ((h >> 32) as u32).max(1)
}

const NONE: u32 = u32::MAX;

/// A feature row: 32-bit key, scale code, (tag, int8 weight) entries.
#[cfg(feature = "tools")]
pub type Row = (u32, u8, Vec<(u8, i8)>);

impl Model {
    /// A model over a [`modeltable`] buffer.
    pub fn from_table(table: Cow<'static, [u8]>) -> Result<Model, ModelError> {
        let h = modeltable::header(&table)?;
        let scales = std::array::from_fn(|c| {
            let at = h.scales_at + 4 * c;
            f32::from_le_bytes(table[at..at + 4].try_into().expect("4 bytes"))
        });
        Ok(Model {
            slots: h.slots,
            scales,
            lex_columns: h.lex_columns,
            h,
            table,
            id: NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// The embedded model, read in place.
    ///
    /// Panics if the table is unreadable: `build.rs` laid it out and checked it when this
    /// crate was compiled, so that cannot happen short of a bug, and an annotator quietly
    /// finding no names would be worse than one that stops.
    pub fn shipped() -> Model {
        Model::from_table(Cow::Borrowed(SHIPPED_TABLE))
            .unwrap_or_else(|e| panic!("the embedded entity model is unreadable: {e}"))
    }

    // Making, writing and measuring models: for the tools (training, `lede prune`).

    /// Builds a model from rows of (key, scale code, entries). Rows must have distinct keys.
    #[cfg(feature = "tools")]
    pub fn from_rows(mut rows: Vec<Row>, lex_columns: usize) -> Model {
        rows.sort_unstable_by_key(|r| r.0);
        let weights = rows.iter().map(|r| r.2.len()).sum();
        let mut t = tables_build::Builder::new(rows.len(), weights, lex_columns);
        for (k, code, row) in rows {
            t.push_row(k, code, row.into_iter());
        }
        Model::from_table(Cow::Owned(t.finish())).expect("a table just laid out")
    }

    /// Reads a model file (the format training writes, see `tables_build::from_file`).
    #[cfg(feature = "tools")]
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let table = tables_build::from_file(b)?;
        Ok(Model::from_table(Cow::Owned(table)).expect("a table just laid out"))
    }

    #[cfg(feature = "tools")]
    pub fn to_bytes(&self) -> Vec<u8> {
        tables_build::to_file(self.lex_columns, &self.rows())
    }

    #[cfg(feature = "tools")]
    pub fn features(&self) -> usize {
        self.h.rows
    }

    #[cfg(feature = "tools")]
    pub fn weights(&self) -> usize {
        (self.h.data_len - 2 * self.h.rows) / 2
    }

    /// A copy without the weights whose magnitude is below `min_abs` (and rows left empty):
    /// rare features with tiny weights cost size, load time and probes but hardly change a tag.
    #[cfg(feature = "tools")]
    pub fn pruned(&self, min_abs: f32) -> Model {
        let rows: Vec<Row> = self
            .rows()
            .into_iter()
            .filter_map(|(k, code, e)| {
                let scale = scale_of(code);
                let kept: Vec<(u8, i8)> = e
                    .chunks_exact(2)
                    .map(|p| (p[0], p[1] as i8))
                    .filter(|&(_, w)| (w as f32 * scale).abs() >= min_abs)
                    .collect();
                (!kept.is_empty()).then_some((k, code, kept))
            })
            .collect();
        Model::from_rows(rows, self.lex_columns)
    }

    fn slots(&self) -> &[[u8; 8]] {
        self.table[self.h.slots_at..self.h.dense_at].as_chunks().0
    }

    fn data(&self) -> &[u8] {
        &self.table[self.h.data_at..]
    }

    /// Offset into the data of a slot's row.
    #[cfg(feature = "tools")]
    fn offset(&self, slot: u64) -> usize {
        let v = slot as u32;
        if v & DENSE != 0 {
            let at = self.h.offsets_at + 4 * (v & !DENSE) as usize;
            u32::from_le_bytes(self.table[at..at + 4].try_into().expect("4 bytes")) as usize
        } else {
            v as usize
        }
    }

    #[inline]
    fn row(&self, slots: &[[u8; 8]], h: u64) -> u32 {
        let k = short_key(h);
        let mut s = slot_of(k, self.slots);
        loop {
            let slot = u64::from_le_bytes(slots[s]);
            if (slot >> 32) as u32 == k {
                return slot as u32;
            }
            if slot == 0 {
                return NONE;
            }
            s = next_slot(s, self.slots);
        }
    }

    /// Adds the weights of `features` to `scores`. All rows are located first so the table
    /// probes (cache misses) overlap instead of queueing behind the score updates.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        let slots = self.slots();
        let dense: &[[u8; DENSE_ROW]] =
            self.table[self.h.dense_at..self.h.offsets_at].as_chunks().0;
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
                    let row: &[[u8; 4]; N_TAGS] = dense[(r & !DENSE) as usize]
                        .as_chunks()
                        .0
                        .try_into()
                        .expect("a dense row");
                    for (s, &w) in scores.iter_mut().zip(row) {
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

    pub fn cached_word(&self, key: u64) -> Option<[f32; N_TAGS]> {
        WORD_CACHE.with_borrow(|cache| {
            let slot = cache.get(key as usize % WORD_CACHE_SLOTS)?;
            (slot.0 == self.id && slot.1 == key).then_some(slot.2)
        })
    }

    pub fn cache_word(&self, key: u64, scores: &[f32; N_TAGS]) {
        WORD_CACHE.with_borrow_mut(|cache| {
            if cache.is_empty() {
                cache.resize(WORD_CACHE_SLOTS, (0, 0, [0.0; N_TAGS]));
            }
            cache[key as usize % WORD_CACHE_SLOTS] = (self.id, key, *scores);
        });
    }

    /// Rows as (key, scale code, entries as tag/weight byte pairs), sorted by key.
    #[cfg(feature = "tools")]
    fn rows(&self) -> Vec<(u32, u8, &[u8])> {
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

#[cfg(all(test, feature = "tools"))]
mod tests {
    use super::*;

    #[test]
    fn serialization_round_trip_and_scoring() {
        let rows = vec![
            (5u32, 128, vec![(0u8, 3i8), (4, -2)]),
            (1 << 31, 120, vec![(72, 127)]),
            (77, 128, vec![]),
        ];
        let m = Model::from_rows(rows, 3);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.features(), 3);
        assert_eq!(back.lex_columns, 3);
        let f = |k: u32| (k as u64) << 32 | 0xABC;
        let mut s = [0f32; N_TAGS];
        back.add_scores(&[f(5), f(1 << 31), f(6), f(5)], &mut s);
        assert_eq!((s[0], s[4], s[72]), (6.0, -4.0, 63.5));
        assert!(Model::from_bytes(b"LEDENER3\x01").is_err());
        assert!(Model::from_bytes(b"garbage").is_err());
        // A long row is scored densely: same sums as adding its entries one by one, and it
        // still serialises as written.
        let long: Vec<(u8, i8)> = (0..36).map(|t| (t * 2, t as i8 - 20)).collect();
        let m = Model::from_rows(vec![(9, 125, long.clone()), (5, 128, vec![(3, 1)])], 0);
        let mut s = [0.5f32; N_TAGS];
        m.add_scores(&[f(5), f(9)], &mut s);
        let mut want = [0.5f32; N_TAGS];
        want[3] += 1.0;
        for &(t, w) in &long {
            want[t as usize] += w as f32 * scale_of(125);
        }
        assert_eq!(s, want);
        assert_eq!(
            Model::from_bytes(&m.to_bytes()).unwrap().to_bytes(),
            m.to_bytes()
        );
        assert!(Model::from_table(Cow::Borrowed(b"LEDETAB2")).is_err());
        for w in [0.01f32, 1.0, 300.0] {
            let scale = scale_of(scale_code(w));
            assert!(w / scale <= 127.0 && w / scale > 100.0, "{w} {scale}");
        }
    }

    #[test]
    fn shipped_table_is_the_shipped_file_laid_out() {
        let file = include_bytes!("../../model/ner.bin");
        assert_eq!(SHIPPED_TABLE, &tables_build::from_file(file).unwrap()[..]);
        let m = Model::shipped();
        assert!(m.features() > 0);
        assert_eq!(m.to_bytes(), file.as_slice());
    }
}
