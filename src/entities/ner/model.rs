//! The entity model: the core's quantised table (`seq::table`: 32-bit feature keys, one int8
//! row per feature with a per-row scale code) over the BILOU tags, its lexicon columns and a
//! per-thread cache of word scores. The model file (`model/ner.bin`, written by training) is
//! read by `tables_build::from_file`; the shipped model is that file, laid out at first use.

use super::labels::N_TAGS;
use super::tables_build;
#[cfg(feature = "tools")]
use super::tables_build::DENSE_MIN;
#[cfg(feature = "tools")]
pub use crate::seq::table::scale_of;
use crate::seq::table::Table;
#[cfg(feature = "tools")]
use crate::seq::table_build::Builder;
use crate::seq::ModelError;
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The shipped model file (`build.rs` checks it lays out).
const SHIPPED_FILE: &[u8] = include_bytes!("../../../model/ner.bin");

pub struct Model {
    table: Table<N_TAGS>,
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

#[cfg(feature = "tools")]
pub use crate::seq::table_build::scale_code;

/// A feature row: 32-bit key, scale code, (tag, int8 weight) entries.
#[cfg(feature = "tools")]
pub type Row = (u32, u8, Vec<(u8, i8)>);

impl Model {
    /// A model over a laid-out table (`seq::table`).
    pub fn from_table(table: Cow<'static, [u8]>) -> Result<Model, ModelError> {
        let table = Table::new(table)?;
        Ok(Model {
            lex_columns: table.h.value,
            table,
            id: NEXT_MODEL_ID.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// The embedded model, read in place.
    ///
    /// Panics if the table is unreadable: `build.rs` checked the file lays out when this
    /// crate was compiled, so that cannot happen short of a bug, and an annotator quietly
    /// finding no names would be worse than one that stops.
    pub fn shipped() -> Model {
        // Laid out once (~7 ms natively): the file is half the table's size in the wasm.
        static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
        let table = TABLE.get_or_init(|| {
            tables_build::from_file(SHIPPED_FILE)
                .unwrap_or_else(|e| panic!("the embedded entity model is unreadable: {e}"))
        });
        Model::from_table(Cow::Borrowed(table.as_slice()))
            .unwrap_or_else(|e| panic!("the embedded entity model is unreadable: {e}"))
    }

    // Making, writing and measuring models: for the tools (training, `lede prune`).

    /// Builds a model from rows of (key, scale code, entries). Rows must have distinct keys.
    #[cfg(feature = "tools")]
    pub fn from_rows(mut rows: Vec<Row>, lex_columns: usize) -> Model {
        rows.sort_unstable_by_key(|r| r.0);
        let weights = rows.iter().map(|r| r.2.len()).sum();
        let mut t = Builder::new(N_TAGS, rows.len(), weights, lex_columns, DENSE_MIN);
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
        tables_build::to_file(self.lex_columns, &self.table.rows())
    }

    #[cfg(feature = "tools")]
    pub fn features(&self) -> usize {
        self.table.h.rows
    }

    #[cfg(feature = "tools")]
    pub fn weights(&self) -> usize {
        (self.table.h.data_len - 2 * self.table.h.rows) / 2
    }

    /// A copy without the weights whose magnitude is below `min_abs` (and rows left empty):
    /// rare features with tiny weights cost size, load time and probes but hardly change a tag.
    #[cfg(feature = "tools")]
    pub fn pruned(&self, min_abs: f32) -> Model {
        let rows: Vec<Row> = self
            .table
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

    /// Adds the weights of `features` to `scores`.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        self.table.add_scores(features, scores)
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
        let m = Model::shipped();
        assert!(m.features() > 0);
        assert_eq!(m.to_bytes(), SHIPPED_FILE);
    }
}
