//! The compact model: a feature-key → sparse weight-row table with int8 weights.
//!
//! Binary layout (little-endian), built by training and embedded with `include_bytes!`:
//! `b"LEDENER3"`, u32 tag count, u32 lexicon columns, u32 feature count, then the 32-bit feature
//! keys sorted and delta-varint coded, one u8 entry count per feature, one u8 scale code per
//! feature (row scale = 2^((code - 128) / 8): perceptron rows differ in magnitude by orders, so a
//! global scale zeroes the rare features), and the entries (u8 tags, then i8 weights) row by row. At load the keys go into an
//! open-addressing table so scoring is one probe per feature and a short contiguous row.

use super::labels::N_TAGS;
use std::sync::Mutex;

const MAGIC: &[u8; 8] = b"LEDENER3";

pub struct Model {
    /// Open-addressing table of `key << 32 | row offset into data` (or `DENSE | index into
    /// dense`); 0 = empty.
    slots: Vec<u64>,
    mask: usize,
    shift: u32,
    /// Rows back to back: entry count, scale code, then (tag, i8 weight) pairs. One table probe
    /// plus one contiguous read per feature keeps scoring cache-friendly.
    data: Vec<u8>,
    scales: [f32; 256],
    /// Long rows also as full f32 score vectors (with their offset into `data`): adding one is
    /// a vectorised loop instead of a scatter, and gives the same sums (absent tags add +0.0).
    dense: Vec<(u32, [f32; N_TAGS])>,
    rows: usize,
    pub lex_columns: usize,
    /// Scores of word-level features by word key: most tokens of an article are words seen
    /// before, so this skips two thirds of the table probes. Direct-mapped, filled lazily.
    word_cache: Mutex<Vec<(u64, [f32; N_TAGS])>>,
}

const WORD_CACHE_SLOTS: usize = 4096;

/// Rows with at least this many entries are also kept dense (about 1% of rows, most of the
/// weights read at run time: bias, shapes, common context words).
const DENSE_MIN: usize = 20;
/// Marks a slot whose low bits index `dense`.
const DENSE: u32 = 1 << 31;

/// Row scale for a scale code.
pub fn scale_of(code: u8) -> f32 {
    ((code as f32 - 128.0) / 8.0).exp2()
}

/// Smallest scale code whose scale maps `max_abs` into ±127.
pub fn scale_code(max_abs: f32) -> u8 {
    let code = ((max_abs / 127.0).log2() * 8.0).ceil() + 128.0;
    code.clamp(0.0, 255.0) as u8
}

/// The 32-bit key a 64-bit feature hash is stored under (never 0, the empty marker).
#[inline]
pub fn short_key(h: u64) -> u32 {
    ((h >> 32) as u32).max(1)
}

/// Home slot of a key: its top bits (keys are hash values, so uniform). Inserting keys in
/// sorted order then fills the table front to back, which keeps model loading fast.
#[inline]
fn slot_of(k: u32, shift: u32) -> usize {
    (k as u64 >> shift) as usize
}

const NONE: u32 = u32::MAX;

/// A feature row: 32-bit key, scale code, (tag, int8 weight) entries.
pub type Row = (u32, u8, Vec<(u8, i8)>);

impl Model {
    /// An empty model with room for `rows` rows.
    fn with_capacity(rows: usize, weights: usize, lex_columns: usize) -> Model {
        let cap = (rows * 2).next_power_of_two().max(16);
        Model {
            slots: vec![0; cap],
            mask: cap - 1,
            shift: 32 - cap.trailing_zeros(),
            data: Vec::with_capacity(2 * rows + 2 * weights),
            scales: std::array::from_fn(|c| scale_of(c as u8)),
            dense: Vec::new(),
            rows: 0,
            lex_columns,
            word_cache: Mutex::new(Vec::new()),
        }
    }

    /// Appends a row; keys must be distinct.
    fn push_row(&mut self, key: u32, code: u8, entries: impl Iterator<Item = (u8, i8)>) {
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
        let mut s = slot_of(key, self.shift);
        while self.slots[s] != 0 {
            s = (s + 1) & self.mask;
        }
        self.slots[s] = (key as u64) << 32 | value as u64;
        self.rows += 1;
    }

    /// Builds a model from rows of (key, scale code, entries). Rows must have distinct keys.
    pub fn from_rows(mut rows: Vec<Row>, lex_columns: usize) -> Model {
        rows.sort_unstable_by_key(|r| r.0);
        let weights = rows.iter().map(|r| r.2.len()).sum();
        let mut m = Model::with_capacity(rows.len(), weights, lex_columns);
        for (k, code, row) in rows {
            m.push_row(k, code, row.into_iter());
        }
        m
    }

    pub fn features(&self) -> usize {
        self.rows
    }

    pub fn weights(&self) -> usize {
        (self.data.len() - 2 * self.rows) / 2
    }

    /// A copy without the weights whose magnitude is below `min_abs` (and rows left empty):
    /// rare features with tiny weights cost size, load time and probes but hardly change a tag.
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
        self.dense.push((offset as u32, row));
        Some(DENSE | (self.dense.len() - 1) as u32)
    }

    /// Offset into `data` of a slot's row.
    fn offset(&self, slot: u64) -> usize {
        let v = slot as u32;
        if v & DENSE != 0 {
            self.dense[(v & !DENSE) as usize].0 as usize
        } else {
            v as usize
        }
    }

    #[inline]
    fn row(&self, h: u64) -> u32 {
        let k = short_key(h);
        let mut s = slot_of(k, self.shift);
        loop {
            let slot = self.slots[s];
            if (slot >> 32) as u32 == k {
                return slot as u32;
            }
            if slot == 0 {
                return NONE;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Adds the weights of `features` to `scores`. All rows are located first so the table
    /// probes (cache misses) overlap instead of queueing behind the score updates.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        for chunk in features.chunks(64) {
            let mut rows = [NONE; 64];
            for (r, &f) in rows.iter_mut().zip(chunk) {
                *r = self.row(f);
            }
            for &r in &rows[..chunk.len()] {
                if r == NONE {
                    continue;
                }
                if r & DENSE != 0 {
                    let row = &self.dense[(r & !DENSE) as usize].1;
                    for (s, &w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                    continue;
                }
                let r = r as usize;
                let n = self.data[r] as usize;
                let scale = self.scales[self.data[r + 1] as usize];
                for e in self.data[r + 2..r + 2 + 2 * n].chunks_exact(2) {
                    if let Some(s) = scores.get_mut(e[0] as usize) {
                        *s += (e[1] as i8) as f32 * scale;
                    }
                }
            }
        }
    }

    pub fn cached_word(&self, key: u64) -> Option<[f32; N_TAGS]> {
        let cache = self.word_cache.lock().ok()?;
        let slot = cache.get(key as usize % WORD_CACHE_SLOTS)?;
        (slot.0 == key).then_some(slot.1)
    }

    pub fn cache_word(&self, key: u64, scores: &[f32; N_TAGS]) {
        if let Ok(mut cache) = self.word_cache.lock() {
            if cache.is_empty() {
                cache.resize(WORD_CACHE_SLOTS, (0, [0.0; N_TAGS]));
            }
            cache[key as usize % WORD_CACHE_SLOTS] = (key, *scores);
        }
    }

    /// Rows as (key, scale code, entries), sorted by key.
    fn rows(&self) -> Vec<(u32, u8, &[u8])> {
        let mut out: Vec<(u32, u8, &[u8])> = self
            .slots
            .iter()
            .filter(|&&s| s != 0)
            .map(|&s| {
                let r = self.offset(s);
                let n = self.data[r] as usize;
                (
                    (s >> 32) as u32,
                    self.data[r + 1],
                    &self.data[r + 2..r + 2 + 2 * n],
                )
            })
            .collect();
        out.sort_unstable_by_key(|r| r.0);
        out
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let rows = self.rows();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&(self.lex_columns as u32).to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut last = 0u32;
        for &(k, _, _) in &rows {
            write_varint(&mut out, k - last);
            last = k;
        }
        out.extend(rows.iter().map(|r| (r.2.len() / 2) as u8));
        out.extend(rows.iter().map(|r| r.1));
        for &(_, _, e) in &rows {
            out.extend(e.iter().step_by(2));
            out.extend(e.iter().skip(1).step_by(2));
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let mut r = Reader { b, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a Lede entity model (bad magic)".into());
        }
        let tags = r.u32()? as usize;
        if tags != N_TAGS {
            return Err(format!(
                "model has {tags} tags, this build expects {N_TAGS}"
            ));
        }
        let lex_columns = r.u32()? as usize;
        let n = r.u32()? as usize;
        let mut keys = Vec::with_capacity(n);
        let mut last = 0u32;
        for _ in 0..n {
            last = last.checked_add(r.varint()?).ok_or("key overflow")?;
            keys.push(last);
        }
        let counts = r.take(n)?;
        let codes = r.take(n)?;
        let weights: usize = counts.iter().map(|&c| c as usize).sum();
        let mut m = Model::with_capacity(n, weights, lex_columns);
        for ((&k, &c), &code) in keys.iter().zip(counts).zip(codes) {
            let c = c as usize;
            let tags = r.take(c)?;
            let ws = r.take(c)?;
            if tags.iter().any(|&t| t as usize >= N_TAGS) {
                return Err("tag out of range".into());
            }
            m.push_row(k, code, tags.iter().zip(ws).map(|(&t, &w)| (t, w as i8)));
        }
        Ok(m)
    }
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
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let s = self
            .b
            .get(self.pos..self.pos + n)
            .ok_or("model file truncated")?;
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn varint(&mut self) -> Result<u32, String> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            v |= ((byte & 0x7F) as u32) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad varint".into())
    }
}

#[cfg(test)]
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
        for w in [0.01f32, 1.0, 300.0] {
            let scale = scale_of(scale_code(w));
            assert!(w / scale <= 127.0 && w / scale > 100.0, "{w} {scale}");
        }
    }
}
