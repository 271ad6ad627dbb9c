//! The quote confidence model as the wasm carries it: `model/quote_confidence.tsv`
//! (`feature<TAB>weight`, readable) laid out by build.rs as records of the top 32 bits of the
//! feature name's hash and its weight (f32), 8 bytes each, little-endian, sorted by key, so no
//! feature name is shipped (random keys do not compress: 4 bytes each is what the wasm pays).
//! Standalone (the hash function is passed in) so build.rs can include it.

const RECORD: usize = 8;

/// A feature's key: the top half of its hash (two of ~20,000 features sharing one is a build
/// error; an unknown feature hitting one, about 1 in 200,000).
pub fn key(hash: u64) -> u32 {
    (hash >> 32) as u32
}

/// Lays out the model file; `hash` is the runtime's `hash_str` (build.rs calls it).
#[allow(dead_code)]
pub fn layout(tsv: &str, hash: fn(&str) -> u64) -> Result<Vec<u8>, String> {
    let mut rows: Vec<(u32, f32)> = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (feature, weight) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {}: no tab", n + 1))?;
        let weight: f32 = weight
            .parse()
            .map_err(|e| format!("line {}: weight {weight:?}: {e}", n + 1))?;
        rows.push((key(hash(feature)), weight));
    }
    rows.sort_by_key(|r| r.0);
    if let Some(w) = rows.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(format!("two features hash to {:#x}", w[0].0));
    }
    let mut out = Vec::with_capacity(rows.len() * RECORD);
    for (k, w) in rows {
        out.extend(k.to_le_bytes());
        out.extend(w.to_le_bytes());
    }
    Ok(out)
}

fn key_at(table: &[u8], i: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&table[i * RECORD..i * RECORD + 4]);
    u32::from_le_bytes(b)
}

/// The weight of the feature whose hash is `hash`, if the model has one.
pub fn weight(table: &[u8], hash: u64) -> Option<f32> {
    let key = key(hash);
    let (mut lo, mut hi) = (0, table.len() / RECORD);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match key_at(table, mid).cmp(&key) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                let mut b = [0u8; 4];
                b.copy_from_slice(&table[mid * RECORD + 4..mid * RECORD + 8]);
                return Some(f32::from_le_bytes(b));
            }
        }
    }
    None
}

/// Whether the records are sorted by hash with no repeats.
#[cfg(test)]
pub fn is_sorted(table: &[u8]) -> bool {
    table.len().is_multiple_of(RECORD)
        && (1..table.len() / RECORD).all(|i| key_at(table, i - 1) < key_at(table, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_hash(s: &str) -> u64 {
        s.bytes()
            .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)))
            << 32
    }

    #[test]
    fn a_laid_out_model_reads_back() {
        let t = layout(
            "# doc\n# columns: str f64\nb\t-0.5\na\t1.25\n_threshold\t0.4\n",
            toy_hash,
        )
        .unwrap();
        assert!(is_sorted(&t));
        assert_eq!(weight(&t, toy_hash("a")), Some(1.25));
        assert_eq!(weight(&t, toy_hash("b")), Some(-0.5));
        assert_eq!(weight(&t, toy_hash("_threshold")), Some(0.4));
        assert_eq!(weight(&t, toy_hash("c")), None);
        assert!(layout("a\t1\na\t2\n", toy_hash).is_err());
        assert!(layout("a 1\n", toy_hash).is_err());
    }
}
