//! The shipped attribution tagger's weights, one table per pass (`model/quote_tagger.bin`,
//! `model/quote_tagger_second.bin`, written by `lede train-quotes --write`): rows pruned to the
//! strongest features and quantised to one byte per tag, read once into the core's table
//! (`seq::table`, every row dense: seven scores, one read).
//!
//! A row's key is the top 32 bits of its feature hash; its bucket is the key's top 16 bits.
//! File layout, little-endian: magic `LEDEQTG2`, u32 row count `r`, `(N_TAGS + 1) × N_TAGS` f32
//! transitions, then columns (they compress better than rows), rows sorted by key: 65,536 u8
//! row counts per bucket, `r` u16 key low halves, `r` u8 scale codes (scale
//! 2^((code − 128) / 8)), `r × N_TAGS` i8 weights.

use super::tagger::{Scores, Tagger, Weights, N_TAGS};
use crate::seq::table;
use crate::seq::table_build::Builder;
use crate::seq::ModelError;
use std::borrow::Cow;
use std::sync::OnceLock;

pub const MAGIC: &[u8; 8] = b"LEDEQTG2";
const BUCKETS: usize = 1 << 16;

/// A loaded tagger model.
pub struct Table {
    transitions: [[f32; N_TAGS]; N_TAGS + 1],
    rows: table::Table<N_TAGS>,
}

/// The key a feature's row is written under: the top 32 bits of its hash.
#[cfg(any(test, feature = "tools"))]
fn key(feature: u64) -> u32 {
    (feature >> 32) as u32
}

#[cfg(any(test, feature = "tools"))]
use crate::seq::table_build::scale_code;

impl Table {
    /// The two passes built into Lede (`model/quote_tagger.bin`, `model/quote_tagger_second.bin`).
    pub fn shipped() -> Tagger<'static> {
        static FIRST: OnceLock<Table> = OnceLock::new();
        static SECOND: OnceLock<Table> = OnceLock::new();
        let read =
            |b: &[u8]| Table::from_bytes(b).expect("the tagger's tables are checked by the tests");
        Tagger {
            first: FIRST.get_or_init(|| read(include_bytes!("../../model/quote_tagger.bin"))),
            second: SECOND
                .get_or_init(|| read(include_bytes!("../../model/quote_tagger_second.bin"))),
        }
    }

    /// Reads a model file.
    pub fn from_bytes(b: &[u8]) -> Result<Table, ModelError> {
        if b.len() < 12 || &b[..8] != MAGIC {
            return Err(ModelError::BadMagic {
                model: "attribution model",
            });
        }
        let u32_at = |at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
        let f32_at = |at: usize| f32::from_bits(u32_at(at));
        let r = u32_at(8) as usize;
        let trans_at = 12;
        let counts_at = trans_at + 4 * N_TAGS * (N_TAGS + 1);
        let keys_at = counts_at + BUCKETS;
        let scales_at = keys_at + 2 * r;
        let weights_at = scales_at + r;
        if b.len() != weights_at + N_TAGS * r {
            return Err(ModelError::Truncated);
        }
        let mut transitions = [[0f32; N_TAGS]; N_TAGS + 1];
        for (p, row) in transitions.iter_mut().enumerate() {
            for (t, v) in row.iter_mut().enumerate() {
                *v = f32_at(trans_at + 4 * (p * N_TAGS + t));
            }
        }
        let mut buckets = Vec::with_capacity(BUCKETS + 1);
        let mut sum = 0u32;
        buckets.push(0);
        for &c in &b[counts_at..keys_at] {
            sum += u32::from(c);
            buckets.push(sum);
        }
        if sum as usize != r {
            return Err(ModelError::Corrupt("bucket counts do not add up"));
        }
        let keys: Vec<u16> = (0..r)
            .map(|k| u16::from_le_bytes([b[keys_at + 2 * k], b[keys_at + 2 * k + 1]]))
            .collect();
        if buckets.windows(2).any(|w| {
            let ks = &keys[w[0] as usize..w[1] as usize];
            ks.windows(2).any(|p| p[0] >= p[1])
        }) {
            return Err(ModelError::Corrupt("keys not sorted"));
        }
        // Every row dense (seven scores read at once); keys go in ascending, as the file has them.
        // Most of a token's ~90 features have no row (20,000 rows kept of millions seen), so
        // the table is kept sparse (about 15% full) for misses to end at the first slot.
        let mut rows =
            Builder::new(N_TAGS, r, N_TAGS * r, 0, 0).with_slots((4 * r).next_power_of_two());
        for (bucket, w) in buckets.windows(2).enumerate() {
            for k in w[0] as usize..w[1] as usize {
                let key = (bucket as u32) << 16 | u32::from(keys[k]);
                let weights = &b[weights_at + N_TAGS * k..weights_at + N_TAGS * (k + 1)];
                rows.push_row(
                    table::short_key(u64::from(key) << 32),
                    b[scales_at + k],
                    (0..N_TAGS as u8).zip(weights.iter().map(|&w| w as i8)),
                );
            }
        }
        let rows = table::Table::new(Cow::Owned(rows.finish()))?;
        Ok(Table { transitions, rows })
    }

    #[cfg(any(test, feature = "tools"))]
    /// Writes `rows` (feature hash, per-tag weights) and the transitions as a model file,
    /// keeping the `keep` rows with the largest weight and one byte per weight.
    pub fn write(
        rows: impl Iterator<Item = (u64, Scores)>,
        transitions: &[[f32; N_TAGS]; N_TAGS + 1],
        keep: usize,
    ) -> Vec<u8> {
        let strength = |s: &Scores| s.iter().fold(0f32, |m, w| m.max(w.abs()));
        // Rows whose hashes share the top 32 bits are summed: they are one row once written.
        let mut merged: std::collections::HashMap<u32, Scores> = Default::default();
        for (h, s) in rows {
            let m = merged.entry(key(h)).or_insert([0.0; N_TAGS]);
            for t in 0..N_TAGS {
                m[t] += s[t];
            }
        }
        let mut rows: Vec<(u32, Scores)> = merged
            .into_iter()
            .filter(|(_, s)| strength(s) > 0.0)
            .collect();
        rows.sort_by(|a, b| {
            strength(&b.1)
                .total_cmp(&strength(&a.1))
                .then(a.0.cmp(&b.0))
        });
        rows.truncate(keep);
        rows.sort_by_key(|r| r.0);
        // A bucket holds at most 255 rows (one byte counts them): far more than a uniform hash
        // puts in one, but the file must stay readable whatever the hashes are.
        let mut counts = vec![0u8; BUCKETS];
        rows.retain(|(k, _)| {
            let c = &mut counts[(k >> 16) as usize];
            *c = c.saturating_add(1);
            *c < u8::MAX
        });
        let mut out = MAGIC.to_vec();
        out.extend((rows.len() as u32).to_le_bytes());
        for row in transitions {
            for v in row {
                out.extend(v.to_le_bytes());
            }
        }
        let mut counts = vec![0u8; BUCKETS];
        for (k, _) in &rows {
            counts[(k >> 16) as usize] += 1;
        }
        out.extend(&counts);
        for (k, _) in &rows {
            out.extend((*k as u16).to_le_bytes());
        }
        let codes: Vec<u8> = rows.iter().map(|(_, s)| scale_code(strength(s))).collect();
        out.extend(&codes);
        for ((_, s), &c) in rows.iter().zip(&codes) {
            let scale = table::scale_of(c);
            out.extend(
                s.iter()
                    .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8 as u8),
            );
        }
        out
    }

    #[cfg(any(test, feature = "tools"))]
    pub fn len(&self) -> usize {
        self.rows.h.rows
    }

    #[cfg(any(test, feature = "tools"))]
    pub fn is_empty(&self) -> bool {
        self.rows.h.rows == 0
    }
}

impl Weights for Table {
    #[inline]
    fn add_row(&self, feature: u64, scores: &mut Scores) {
        self.rows.add_scores(&[feature], scores);
    }

    fn add_rows(&self, features: &[u64], scores: &mut Scores) {
        self.rows.add_scores(features, scores);
    }

    fn transition(&self, prev: usize, tag: usize) -> f32 {
        self.transitions[prev][tag]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_table_reads_back_its_strongest_rows() {
        let mut trans = [[0f32; N_TAGS]; N_TAGS + 1];
        trans[N_TAGS][1] = 0.5;
        let rows = [
            (5u64 << 32, [1.0, -2.0, 0.0, 0.0, 0.0, 0.0, 0.5]),
            (9u64 << 32, [0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
            (u64::MAX, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 4.0]),
        ];
        let t = Table::from_bytes(&Table::write(rows.into_iter(), &trans, 2)).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.transition(N_TAGS, 1), 0.5);
        let mut s = [0f32; N_TAGS];
        t.add_row(5 << 32, &mut s);
        assert!(
            (s[0] - 1.0).abs() < 0.02 && (s[1] + 2.0).abs() < 0.02 && (s[6] - 0.5).abs() < 0.02
        );
        t.add_row(9 << 32, &mut s); // pruned: the weakest row
        t.add_row(u64::MAX, &mut s);
        assert!((s[0] - 1.0).abs() < 0.02 && (s[6] - 4.5).abs() < 0.03);
    }

    #[test]
    fn junk_is_refused() {
        assert!(Table::from_bytes(b"LEDEQTG2\x05\0\0\0").is_err());
        assert!(Table::from_bytes(b"not a model").is_err());
    }

    #[test]
    fn the_shipped_model_loads() {
        for b in [
            &include_bytes!("../../model/quote_tagger.bin")[..],
            &include_bytes!("../../model/quote_tagger_second.bin")[..],
        ] {
            assert!(Table::from_bytes(b).unwrap().len() > 1000);
        }
        Table::shipped();
    }
}
