//! Lays out a [`table`](super::table) row by row. Only `build.rs` (which includes this file)
//! and the tools and model readers write tables; scoring only reads them.

use super::table::{next_slot, scale_of, slot_of, Header, DENSE, TABLE_MAGIC};

/// The smallest scale code whose scale (`table::scale_of`) maps `max_abs` into ±127: how a
/// trainer quantises a row to one byte per weight.
#[cfg(any(test, feature = "tools"))]
pub fn scale_code(max_abs: f32) -> u8 {
    let code = ((max_abs / 127.0).log2() * 8.0).ceil() + 128.0;
    code.clamp(0.0, 255.0) as u8
}

/// A trainer's weights (feature → one weight per tag) as a table, one byte per weight, each row
/// quantised by its largest weight; rows whose largest weight is under `min` are left out (a
/// model's size budget).
#[cfg(any(test, feature = "tools"))]
pub fn quantised<const K: usize>(
    weights: impl Iterator<Item = (u64, [f32; K])>,
    min: f32,
) -> Vec<u8> {
    let mut rows: Vec<(u32, u8, [i8; K])> = weights
        .filter_map(|(f, r)| {
            let max = r.iter().fold(0f32, |m, w| m.max(w.abs()));
            (max > 0.0 && max >= min).then(|| {
                let code = scale_code(max);
                let scale = scale_of(code);
                let q: [f32; K] =
                    std::array::from_fn(|t| (r[t] / scale).round().clamp(-127.0, 127.0));
                (super::table::short_key(f), code, q.map(|v| v as i8))
            })
        })
        .collect();
    rows.sort_unstable_by_key(|r| r.0);
    let mut b = Builder::new(K, rows.len(), K * rows.len(), 0, K);
    for (key, code, q) in rows {
        b.push_row(key, code, (0..K as u8).zip(q).filter(|e| e.1 != 0));
    }
    b.finish()
}

/// Lays out a table row by row (rows in key order keep building fast).
pub struct Builder {
    tags: usize,
    /// Rows with at least this many entries are also kept dense.
    dense_min: usize,
    slots: Vec<u64>,
    data: Vec<u8>,
    dense: Vec<f32>,
    offsets: Vec<u32>,
    scales: [f32; 256],
    rows: usize,
    value: usize,
}

impl Builder {
    /// An empty table of `tags` tags with room for `rows` rows of `weights` entries in all;
    /// rows of `dense_min` entries or more are also kept as full score vectors (one read per
    /// row instead of one per entry). `value` is the model's own (see `Header::value`).
    pub fn new(tags: usize, rows: usize, weights: usize, value: usize, dense_min: usize) -> Self {
        let cap = (rows * 5 / 3).max(16);
        Builder {
            tags,
            dense_min,
            slots: vec![0; cap],
            data: Vec::with_capacity(2 * rows + 2 * weights),
            dense: Vec::new(),
            offsets: Vec::new(),
            scales: std::array::from_fn(|c| scale_of(c as u8)),
            rows: 0,
            value,
        }
    }

    /// The same table with `slots` slots instead of 5/3 per row: a sparser table is larger but
    /// finds a missing key sooner (linear probing at 60% load reads ~3.6 slots per miss, at
    /// 15% ~1.2), which pays for models whose lookups mostly miss. Before any row is pushed.
    pub fn with_slots(mut self, slots: usize) -> Self {
        assert_eq!(self.rows, 0, "slots are set before the rows");
        self.slots = vec![0; slots.max(16)];
        self
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
        if n < self.dense_min {
            return None;
        }
        let scale = self.scales[self.data[offset + 1] as usize];
        let mut row = vec![0f32; self.tags];
        let mut seen = vec![false; self.tags];
        for e in self.data[offset + 2..offset + 2 + 2 * n].chunks_exact(2) {
            let t = e[0] as usize;
            if t < self.tags {
                if std::mem::replace(&mut seen[t], true) {
                    return None;
                }
                row[t] = (e[1] as i8) as f32 * scale;
            }
        }
        self.dense.extend(row);
        self.offsets.push(offset as u32);
        Some(DENSE | (self.offsets.len() - 1) as u32)
    }

    /// The table bytes.
    pub fn finish(self) -> Vec<u8> {
        let h = Header::new(
            self.tags,
            self.value,
            self.rows,
            self.slots.len(),
            self.offsets.len(),
            self.data.len(),
        );
        let mut out = Vec::with_capacity(h.table_len());
        out.extend_from_slice(TABLE_MAGIC);
        for v in [h.tags, h.value, h.rows, h.slots, h.dense, h.data_len] {
            out.extend_from_slice(&(v as u32).to_le_bytes());
        }
        for s in self.scales {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out.resize(h.slots_at, 0);
        for s in self.slots {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for w in &self.dense {
            out.extend_from_slice(&w.to_le_bytes());
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
