//! Token features for the entity model. Everything is hashed to `u64` keys with
//! [`super::hash`], so the model stores no strings and the runtime allocates nothing per token
//! (one scratch string is reused).
//!
//! Static features depend only on the words ([`static_features`]); history features on the tags
//! given in earlier sentences ([`history_features`]); tag transitions are features too
//! ([`transition_feature`]) so one weight table holds the whole model.

use super::lexicon::{Lexicon, PhraseHash, MAX_COLUMNS, MAX_PHRASE};
pub use super::normalize::normalize_into;
use super::templates::Template as T;
use crate::seq::hash::{hash_str, FeatureHash, PreHashedMap};

pub const FLAG_INIT_CAP: u8 = 1;
pub const FLAG_ALL_CAP: u8 = 2;
pub const FLAG_HAS_DIGIT: u8 = 4;
pub const FLAG_HAS_ALPHA: u8 = 8;
pub const FLAG_SENT_START: u8 = 16;
pub const FLAG_HAS_PERIOD: u8 = 32;

/// Everything the templates need about one token, computed once.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    pub lower: u64,
    pub form: u64,
    pub shape: u64,
    pub short_shape: u64,
    pub affixes: [u64; 8],
    pub flags: u8,
    pub lex: [u16; MAX_COLUMNS],
    /// Gazetteer matches: 4 bits (B, I, L, U) per list.
    pub gazetteer: u64,
    /// How the word is capitalised elsewhere in the document (see [`doc_casing`]).
    pub doc_case: u8,
    /// Longest capitalised run this word is part of anywhere in the document, and its place
    /// there: `4 * min(len, 4) + (0 single, 1 first, 2 middle, 3 last)`; a bare "Kirby" learns
    /// that it closes "John Kirby" elsewhere.
    pub doc_run: u8,
}

impl TokenInfo {
    pub fn is_capitalised(&self) -> bool {
        self.flags & FLAG_INIT_CAP != 0
    }
}

const BOS: u64 = 0xB05;
const EOS: u64 = 0xE05;

/// Computes [`TokenInfo`] for one sentence's tokens (appending to `out`).
pub fn token_infos<'a>(
    tokens: impl Iterator<Item = &'a str>,
    lexicon: &Lexicon,
    scratch: &mut String,
    out: &mut Vec<TokenInfo>,
) {
    let first = out.len();
    for (i, tok) in tokens.enumerate() {
        normalize_into(tok, scratch);
        let form = hash_str(scratch);
        let mut lower_h = FeatureHash::new(1);
        let mut shape_h = FeatureHash::new(2);
        let mut short_h = FeatureHash::new(3);
        let (mut last_class, mut run) = ('\0', 0);
        let mut flags = 0u8;
        let (mut upper, mut alpha) = (0, 0);
        let mut prefixes = [FeatureHash::new(10); 4];
        let n = scratch.chars().count();
        let mut affixes = [0u64; 8];
        let mut suffix_chars = ['\0'; 4];
        for (ci, c) in scratch.chars().enumerate() {
            let lc = c.to_lowercase().next().unwrap_or(c);
            lower_h = lower_h.add(lc as u64);
            let class = if c.is_uppercase() {
                upper += 1;
                alpha += 1;
                'X'
            } else if c.is_alphabetic() {
                alpha += 1;
                'x'
            } else if c == '0' {
                flags |= FLAG_HAS_DIGIT;
                'd'
            } else {
                if c == '.' {
                    flags |= FLAG_HAS_PERIOD;
                }
                c
            };
            if class == last_class {
                run += 1;
            } else {
                short_h = short_h.add(class as u64);
                run = 1;
                last_class = class;
            }
            if run <= 3 {
                shape_h = shape_h.add(class as u64);
            }
            for (k, p) in prefixes.iter_mut().enumerate() {
                if ci <= k {
                    *p = p.add(lc as u64);
                }
            }
            if n - ci <= 4 {
                suffix_chars[4 - (n - ci)] = lc;
            }
        }
        for k in 0..4 {
            affixes[k] = if n > k {
                prefixes[k].add(k as u64).finish()
            } else {
                0
            };
            // Suffix of length k+1: the last k+1 chars.
            affixes[4 + k] = if n > k {
                suffix_chars[3 - k..]
                    .iter()
                    .fold(FeatureHash::new(20 + k as u64), |h, &c| h.add(c as u64))
                    .finish()
            } else {
                0
            };
        }
        if alpha > 0 {
            flags |= FLAG_HAS_ALPHA;
        }
        if scratch.chars().next().is_some_and(char::is_uppercase) {
            flags |= FLAG_INIT_CAP;
        }
        if alpha > 1 && upper == alpha {
            flags |= FLAG_ALL_CAP;
        }
        if i == 0 {
            flags |= FLAG_SENT_START;
        }
        let lower = lower_h.add(0xFF).finish();
        let lex = lexicon.word(form, lower).unwrap_or([0; MAX_COLUMNS]);
        out.push(TokenInfo {
            lower,
            form,
            shape: shape_h.finish(),
            short_shape: short_h.finish(),
            affixes,
            flags,
            lex,
            gazetteer: 0,
            doc_case: 0,
            doc_run: 0,
        });
    }
    if lexicon.has_phrases() {
        mark_gazetteer(&mut out[first..], lexicon);
    }
}

/// Marks every gazetteer phrase occurrence on its tokens with B/I/L/U bits per list.
fn mark_gazetteer(infos: &mut [TokenInfo], lexicon: &Lexicon) {
    for s in 0..infos.len() {
        let mut h = PhraseHash::default();
        for e in s..infos.len().min(s + MAX_PHRASE) {
            h = h.push(infos[e].lower);
            let lists = lexicon.phrase(h);
            if lists == 0 {
                continue;
            }
            for bit in 0..16 {
                if lists & (1 << bit) == 0 {
                    continue;
                }
                for (j, info) in infos[s..=e].iter_mut().enumerate() {
                    let part = match (j, s + j == e) {
                        (0, true) => 3,
                        (0, false) => 0,
                        (_, true) => 2,
                        _ => 1,
                    };
                    info.gazetteer |= 1 << (bit * 4 + part);
                }
            }
        }
    }
}

/// Document-level casing: for each word, whether it also appears lowercase, and capitalised
/// away from a sentence start, anywhere in the document. Cures sentence-initial ambiguity.
pub fn doc_casing(infos: &mut [TokenInfo]) {
    let mut seen: PreHashedMap<u8> = PreHashedMap::default();
    for t in infos.iter() {
        if t.flags & FLAG_HAS_ALPHA == 0 {
            continue;
        }
        let bit = if !t.is_capitalised() {
            1
        } else if t.flags & FLAG_SENT_START == 0 {
            2
        } else {
            0
        };
        *seen.entry(t.lower).or_default() |= bit;
    }
    for t in infos.iter_mut() {
        t.doc_case = seen.get(&t.lower).copied().unwrap_or(0) + 1;
    }
    let mut runs: PreHashedMap<u8> = PreHashedMap::default();
    let mut i = 0;
    while i < infos.len() {
        let capital = |t: &TokenInfo| t.is_capitalised() && t.flags & FLAG_HAS_ALPHA != 0;
        if !capital(&infos[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < infos.len() && capital(&infos[j]) && infos[j].flags & FLAG_SENT_START == 0 {
            j += 1;
        }
        let len = (j - i).min(4) as u8;
        for (k, info) in infos[i..j].iter().enumerate() {
            let pos = if j - i == 1 {
                0
            } else if k == 0 {
                1
            } else if i + k + 1 == j {
                3
            } else {
                2
            };
            let code = 4 * len + pos;
            let e = runs.entry(info.lower).or_default();
            *e = (*e).max(code);
        }
        i = j;
    }
    for t in infos.iter_mut() {
        if t.is_capitalised() {
            t.doc_run = runs.get(&t.lower).copied().unwrap_or(0);
        }
    }
}

/// Lexicon columns whose values also describe the neighbours (c256 and m256 in the shipped
/// lexicon); more cost speed without measurable gain.
const CONTEXT_LEX_COLUMNS: [usize; 2] = [1, 5];

/// Features of token `i` that depend only on the sentence's words.
#[cfg(feature = "tools")]
pub fn static_features(s: &[TokenInfo], i: usize, lex_columns: usize, out: &mut Vec<u64>) {
    word_features(&s[i], lex_columns, out);
    context_features(s, i, lex_columns, out);
}

/// [`static_features`] without the ones naming the word itself (its form, lowercase and the
/// bigrams with it): word dropout in training, so the model also learns to recognise a name
/// from its shape, clusters and context, as it must for names the training data never shows.
#[cfg(feature = "tools")]
pub fn static_features_without_identity(
    s: &[TokenInfo],
    i: usize,
    lex_columns: usize,
    out: &mut Vec<u64>,
) {
    let from = out.len();
    static_features(s, i, lex_columns, out);
    let t = &s[i];
    let identity = [
        T::Lower.key(t.lower, 0),
        T::Form.key(t.form, 0),
        T::BigramBefore.key(lower_at(s, i, -1), t.lower),
        T::BigramAfter.key(t.lower, lower_at(s, i, 1)),
    ];
    let mut k = from;
    for j in from..out.len() {
        if !identity.contains(&out[j]) {
            out[k] = out[j];
            k += 1;
        }
    }
    out.truncate(k);
}

/// The lowercase word `d` tokens from token `i`, or the sentence-boundary marker.
fn lower_at(s: &[TokenInfo], i: usize, d: isize) -> u64 {
    let j = i as isize + d;
    if j < 0 {
        BOS
    } else {
        s.get(j as usize).map_or(EOS, |t| t.lower)
    }
}

/// Cache key for [`word_features`]: they depend on the word form and its flags only.
pub fn word_key(t: &TokenInfo) -> u64 {
    T::WordCache.key(t.form, t.flags as u64)
}

/// Features of the word itself (form, shape, affixes, flags, lexicon values): the same for
/// every occurrence of a form with the same flags, so their scores can be cached per word.
pub fn word_features(t: &TokenInfo, lex_columns: usize, out: &mut Vec<u64>) {
    out.push(T::Bias.key(0, 0));
    out.push(T::Lower.key(t.lower, 0));
    out.push(T::Form.key(t.form, 0));
    out.push(T::Shape.key(t.shape, 0));
    for (k, &a) in t.affixes.iter().enumerate() {
        if a != 0 {
            out.push(T::Affix.key(k as u64, a));
        }
    }
    out.push(T::Flags.key(t.flags as u64, t.short_shape));
    for c in 0..lex_columns {
        out.push(T::Lex.key(c as u64, t.lex[c] as u64));
        out.push(T::LexByFlags.key((c as u64) << 8 | t.flags as u64, t.lex[c] as u64));
    }
}

/// Features of the token in its sentence and document.
pub fn context_features(s: &[TokenInfo], i: usize, lex_columns: usize, out: &mut Vec<u64>) {
    let at = |d: isize| -> Option<&TokenInfo> {
        let j = i as isize + d;
        (j >= 0 && (j as usize) < s.len()).then(|| &s[j as usize])
    };
    let lower = |d| lower_at(s, i, d);
    let shape = |d| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.short_shape);
    let t = &s[i];
    for d in [-2isize, -1, 1, 2] {
        out.push(T::ContextLower.key(d as u64, lower(d)));
        out.push(T::ContextShape.key(d as u64, shape(d)));
    }
    out.push(T::BigramBefore.key(lower(-1), t.lower));
    out.push(T::BigramAfter.key(t.lower, lower(1)));
    out.push(T::ShapePairBefore.key(shape(-1), t.short_shape));
    out.push(T::ShapePairAfter.key(t.short_shape, shape(1)));
    out.push(T::DocCase.key(
        t.doc_case as u64,
        t.flags as u64 & (FLAG_INIT_CAP | FLAG_SENT_START) as u64,
    ));
    if t.doc_run != 0 {
        out.push(T::DocRun.key(t.doc_run as u64, (t.flags & FLAG_SENT_START) as u64));
    }
    for c in CONTEXT_LEX_COLUMNS.into_iter().filter(|&c| c < lex_columns) {
        for d in [-1isize, 1] {
            let v = at(d).map_or(u64::MAX, |t| t.lex[c] as u64);
            out.push(T::ContextLex.key((c as u64) << 8 | (d + 2) as u64, v));
        }
    }
    let mut g = t.gazetteer;
    while g != 0 {
        let bit = g.trailing_zeros() as u64;
        g &= g - 1;
        out.push(T::Gazetteer.key(bit, 0));
        out.push(T::GazetteerShape.key(bit, t.short_shape));
    }
}

/// Document features: the tag given to the same word in earlier sentences (`history`,
/// 0 = never seen), so a confident "John Kirby" informs a later bare "Kirby".
pub fn history_features(t: &TokenInfo, history: u64, out: &mut Vec<u64>) {
    if history != 0 {
        out.push(T::History.key(history, 0));
        out.push(T::HistoryShape.key(history, t.short_shape));
    }
}

/// The feature whose weights score the transition from tag `prev` (`N_TAGS` = sentence start).
pub fn transition_feature(prev: usize) -> u64 {
    T::Transition.key(prev as u64, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infos(words: &[&str]) -> Vec<TokenInfo> {
        let mut out = Vec::new();
        token_infos(
            words.iter().copied(),
            &Lexicon::default(),
            &mut String::new(),
            &mut out,
        );
        out
    }

    #[test]
    fn normalisation_maps_ptb_and_typographic_forms_together() {
        let mut a = String::new();
        let mut b = String::new();
        for (x, y) in [
            ("``", "“"),
            ("''", "”"),
            ("--", "—"),
            ("1,990", "2,000"),
            ("’s", "'s"),
        ] {
            normalize_into(x, &mut a);
            normalize_into(y, &mut b);
            assert_eq!(a, b, "{x} vs {y}");
        }
        normalize_into("-", &mut a);
        assert_eq!(a, "-");
    }

    #[test]
    #[cfg(feature = "tools")]
    fn casing_and_affixes() {
        // The lowercased-form hash of a token equals hash_str of its lowercase, non-ASCII too.
        assert_eq!(infos(&["Côte"])[0].lower, hash_str("côte"));
        let t = infos(&["Kirby", "KIRBY", "kirby", "U.S."]);
        assert_eq!(t[0].lower, t[1].lower);
        assert_eq!(t[0].lower, t[2].lower);
        assert_ne!(t[0].form, t[2].form);
        assert_eq!(t[0].affixes, t[2].affixes);
        assert!(t[0].is_capitalised() && t[0].flags & FLAG_SENT_START != 0);
        assert!(t[1].flags & FLAG_ALL_CAP != 0 && t[2].flags & FLAG_INIT_CAP == 0);
        assert!(t[3].flags & FLAG_HAS_PERIOD != 0);
        let mut f = Vec::new();
        static_features(&t, 1, 0, &mut f);
        let mut g = Vec::new();
        static_features(&t, 1, 0, &mut g);
        assert_eq!(f, g);
        assert!(f.len() > 20);
    }

    #[test]
    #[cfg(feature = "tools")]
    fn word_dropout_removes_exactly_the_identity_features() {
        let t = infos(&["said", "John", "Kirby", "today"]);
        let (mut all, mut dropped) = (Vec::new(), Vec::new());
        static_features(&t, 2, 0, &mut all);
        static_features_without_identity(&t, 2, 0, &mut dropped);
        assert_eq!(dropped.len(), all.len() - 4);
        assert!(dropped.iter().all(|f| all.contains(f)));
        assert!(!dropped.contains(&T::Lower.key(t[2].lower, 0)));
        assert!(!dropped.contains(&T::Form.key(t[2].form, 0)));
        // The neighbours' words and the word's shape stay.
        assert!(dropped.contains(&T::ContextLower.key(-1i64 as u64, t[1].lower)));
        assert!(dropped.contains(&T::Shape.key(t[2].shape, 0)));
    }

    #[test]
    fn document_runs_link_bare_surnames_to_full_names() {
        let mut t = infos(&["John", "Kirby", "said", "that", "Kirby", "left"]);
        doc_casing(&mut t);
        assert_eq!(t[0].doc_run, 4 * 2 + 1);
        assert_eq!(t[1].doc_run, 4 * 2 + 3);
        assert_eq!(t[4].doc_run, t[1].doc_run);
        assert_eq!(t[2].doc_run, 0);
    }

    #[test]
    #[cfg(feature = "tools")]
    fn gazetteer_marks_bilou_parts() {
        let lex = Lexicon::parse("", "GPE\tnorth korea\nGPE\tkorea\n");
        let mut out = Vec::new();
        token_infos(
            ["in", "North", "Korea"].into_iter(),
            &lex,
            &mut String::new(),
            &mut out,
        );
        assert_eq!(out[0].gazetteer, 0);
        assert_eq!(out[1].gazetteer, 1 << 0);
        assert_eq!(out[2].gazetteer, (1 << 2) | (1 << 3));
    }
}
