//! Learned attribution (issue 11, first stage): an averaged structured perceptron that tags
//! every token of an article as part of a SOURCE, a CUE or a CONTENT span (BIO), decoded with
//! first-order Viterbi per paragraph, trained on PolNeAR's primary attributions and scored by
//! K-fold cross-validation over the train documents (`lede train-quotes --folds K`).
//!
//! Scores are exact spans per role, as CofeNet reports them: a predicted span counts when it
//! covers exactly the tokens of a gold span of that role (leading and trailing punctuation other
//! than quote marks trimmed on both sides). Gold spans that overlap others cannot all be drawn
//! by one tag sequence; the shorter ones are kept (they are the more numerous), and the "gold
//! tags" row of the report shows the ceiling that leaves.

use super::pos::Tagger;
use super::quote_eval::{self, Attribution, Exact};
use super::Error;
use crate::doc::Doc;
use crate::ner::hash::{hash_str, FeatureHash};
use crate::text::TokenRange;
use crate::words::{cues, is_pronoun, is_title, marks};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Roles a span can play in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Source,
    Cue,
    Content,
}

const ROLES: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

/// Tags: O, then B and I for each role in [`ROLES`] order.
const N_TAGS: usize = 7;

fn begin(r: Role) -> usize {
    1 + 2 * r as usize
}

fn role_of(tag: usize) -> Option<(Role, bool)> {
    (1..N_TAGS)
        .contains(&tag)
        .then(|| (ROLES[(tag - 1) / 2], (tag - 1).is_multiple_of(2)))
}

/// One article ready for training and scoring: token features, paragraphs as token ranges,
/// gold tags and gold spans per role (token ranges).
pub struct Article {
    pub id: String,
    features: Vec<Vec<u64>>,
    paragraphs: Vec<TokenRange>,
    gold_tags: Vec<usize>,
    gold: HashMap<Role, HashSet<TokenRange>>,
}

/// Reads one PolNeAR split (primary annotations) as articles.
pub fn load(dir: &Path, split: &str, pos: Option<&Tagger>) -> Result<Vec<Article>, Error> {
    Ok(quote_eval::load(dir, split)?
        .into_iter()
        .map(|d| article(d.id, &d.text, &d.attributions, pos))
        .collect())
}

/// Byte offset of every code point index (and of the end).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// The tokens a byte span covers, without leading and trailing punctuation (quote marks stay).
fn token_range(doc: &Doc, start: usize, end: usize) -> Option<TokenRange> {
    let mut first = doc.tokens.partition_point(|t| t.end <= start);
    let mut last = doc.tokens.partition_point(|t| t.start < end);
    let punct =
        |i: usize| !doc.is_quote_mark(i) && !doc.token_text(i).chars().any(char::is_alphanumeric);
    while first < last && punct(first) {
        first += 1;
    }
    while last > first && punct(last - 1) {
        last -= 1;
    }
    (first < last).then_some(TokenRange::new(first, last))
}

fn article(id: String, text: &str, records: &[Attribution], pos: Option<&Tagger>) -> Article {
    let doc = Doc::new(text, None);
    let bytes = byte_offsets(text);
    let at = |cp: usize| bytes[cp.min(bytes.len() - 1)];
    let mut gold: HashMap<Role, HashSet<TokenRange>> = HashMap::new();
    let mut spans: Vec<(Role, TokenRange)> = Vec::new();
    for r in records {
        for (role, list) in [
            (Role::Source, &r.source),
            (Role::Cue, &r.cue),
            (Role::Content, &r.content),
        ] {
            for s in list {
                if let Some(t) = token_range(&doc, at(s.start), at(s.end)) {
                    gold.entry(role).or_default().insert(t);
                    spans.push((role, t));
                }
            }
        }
    }
    // Shorter spans first: nested attributions keep their parts, the outer content gives way.
    spans.sort_by_key(|(_, t)| (t.end - t.first, t.first));
    let mut gold_tags = vec![0; doc.tokens.len()];
    for (role, t) in spans {
        if gold_tags[t.first..t.end].iter().all(|&g| g == 0) {
            gold_tags[t.first] = begin(role);
            for g in &mut gold_tags[t.first + 1..t.end] {
                *g = begin(role) + 1;
            }
        }
    }
    let mut paragraphs: Vec<TokenRange> = Vec::new();
    for s in &doc.sentences {
        match paragraphs.last_mut() {
            Some(p) if doc.sentences[doc.sentence_of(p.first)].paragraph == s.paragraph => {
                p.end = s.end
            }
            _ => paragraphs.push(TokenRange::new(s.first, s.end)),
        }
    }
    Article {
        id,
        features: features(&doc, pos),
        paragraphs,
        gold_tags,
        gold,
    }
}

/// Distance buckets: 1, 2, 3, 4–6, 7–12, more.
fn bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=6 => 4,
        7..=12 => 5,
        _ => 6,
    }
}

fn shape(w: &str) -> u64 {
    let mut s = 0;
    if w.chars().next().is_some_and(char::is_uppercase) {
        s |= 1;
    }
    if w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
        s |= 2;
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        s |= 4;
    }
    if !w.chars().any(char::is_alphanumeric) {
        s |= 8;
    }
    s
}

/// Hashed features of every token.
fn features(doc: &Doc, pos: Option<&Tagger>) -> Vec<Vec<u64>> {
    let n = doc.tokens.len();
    // Part of speech per token (0 without a tagger), tagged sentence by sentence.
    let mut tag = vec![0u64; n];
    if let Some(t) = pos {
        for s in &doc.sentences {
            let words: Vec<&str> = (s.first..s.end).map(|i| doc.token_text(i)).collect();
            for (k, p) in t.tag(&words).into_iter().enumerate() {
                tag[s.first + k] = 1 + p as u64;
            }
        }
    }
    let tag_at = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            0
        } else {
            tag[i as usize]
        }
    };
    let entities = crate::ner::find(doc);
    let mut ner = vec![0u64; n];
    for e in &entities {
        let first = doc.tokens.partition_point(|t| t.end <= e.start);
        let end = doc.tokens.partition_point(|t| t.start < e.end);
        for (k, v) in ner.iter_mut().enumerate().take(end).skip(first) {
            *v = 1 + e.label.index() as u64 * 2 + u64::from(k > first);
        }
    }
    let mut quoted = vec![0u64; n];
    for s in crate::quotes::marks::pair(doc).spans {
        let first = doc.tokens.partition_point(|t| t.end <= s.start);
        let end = doc.tokens.partition_point(|t| t.start < s.end);
        for (k, q) in quoted.iter_mut().enumerate().take(end).skip(first) {
            *q = if k == first {
                1
            } else if k + 1 == end {
                2
            } else {
                3
            };
        }
    }
    let cue_ratio = |i: usize| -> u64 {
        doc.cue(i).map_or(0, |c| {
            if c.according {
                11
            } else {
                cues::lookup(doc.token_text(i)).map_or(0, |c| 1 + (c.ratio * 9.0) as u64)
            }
        })
    };
    let lower = |i: isize| -> u64 {
        if i < 0 || i as usize >= n {
            hash_str("<pad>")
        } else {
            hash_str(doc.lower(i as usize))
        }
    };
    let suffix = |w: &str, k: usize| -> u64 {
        let cs: Vec<char> = w.chars().collect();
        hash_str(&cs[cs.len().saturating_sub(k)..].iter().collect::<String>())
    };
    let mut out = Vec::with_capacity(n);
    for (si, s) in doc.sentences.iter().enumerate() {
        let cue_at: Vec<usize> = (s.first..s.end).filter(|&k| doc.cue(k).is_some()).collect();
        let has_quote = (s.first..s.end).any(|k| quoted[k] != 0);
        let first_in_paragraph = si == 0 || doc.sentences[si - 1].paragraph != s.paragraph;
        for i in s.first..s.end {
            let ii = i as isize;
            let w = doc.token_text(i);
            let lw = doc.lower(i);
            let mut f = Vec::with_capacity(64);
            let mut add = |template: u64, a: u64, b: u64| {
                f.push(FeatureHash::new(template).add(a).add(b).finish());
            };
            add(0, 0, 0);
            for (t, d) in [
                (1, 0isize),
                (2, -1),
                (3, 1),
                (4, -2),
                (5, 2),
                (25, -3),
                (26, 3),
            ] {
                add(t, lower(ii + d), 0);
            }
            add(6, lower(ii - 1), lower(ii));
            add(7, lower(ii), lower(ii + 1));
            add(8, shape(w), 0);
            add(9, cue_ratio(i), 0);
            add(10, cue_ratio(i.wrapping_sub(1)), 1);
            add(11, cue_ratio(i + 1), 2);
            add(12, quoted[i], 0);
            add(13, quoted[i], lower(ii));
            add(14, ner[i], 0);
            add(15, u64::from(is_pronoun(w)), u64::from(is_title(w)));
            add(16, u64::from(i == s.first), u64::from(i + 1 == s.end));
            add(17, u64::from(marks::is_quote_mark(w)), quoted[i]);
            let left = cue_at.iter().rev().find(|&&k| k < i).copied();
            let right = cue_at.iter().find(|&&k| k > i).copied();
            let lb = left.map_or(7, |k| bucket(i - k));
            let rb = right.map_or(7, |k| bucket(k - i));
            let lcue = left.map_or(0, |k| hash_str(doc.lower(k)));
            let rcue = right.map_or(0, |k| hash_str(doc.lower(k)));
            add(18, lb, rb);
            add(19, lb, quoted[i]);
            add(20, rb, ner[i]);
            add(21, rb, shape(w));
            add(22, lb, lower(ii));
            add(23, rb, lower(ii));
            add(
                24,
                ner[i.wrapping_sub(1).min(n - 1)],
                ner[(i + 1).min(n - 1)],
            );
            // Word shape beyond the window: suffixes stand in for part of speech.
            add(27, suffix(lw, 3), 0);
            add(28, suffix(lw, 2), 0);
            add(29, suffix(lw, 3), lower(ii - 1));
            // The nearest cues themselves: `according` puts the source after, `said` before.
            add(30, lcue, lb);
            add(31, rcue, rb);
            add(32, lcue, quoted[i]);
            add(33, rcue, shape(w));
            add(34, lcue, lower(ii - 1));
            // Where in the sentence and paragraph.
            add(35, bucket(i - s.first), bucket(s.end - 1 - i));
            add(36, u64::from(first_in_paragraph), u64::from(has_quote));
            add(37, u64::from(cue_at.is_empty()), quoted[i]);
            add(38, u64::from(cue_at.is_empty()), shape(w));
            add(39, lower(ii - 1), shape(w));
            add(40, lower(ii + 1), shape(w));
            add(41, lb, lower(ii - 1));
            add(42, rb, lower(ii + 1));
            add(43, ner[i], rb);
            add(44, ner[i], lb);
            if pos.is_some() {
                add(45, tag_at(ii), 0);
                add(46, tag_at(ii - 1), tag_at(ii));
                add(47, tag_at(ii), tag_at(ii + 1));
                add(48, tag_at(ii - 1), tag_at(ii + 1));
                add(49, tag_at(ii), lb);
                add(50, tag_at(ii), rb);
                add(51, tag_at(ii), quoted[i]);
                add(52, tag_at(ii - 2), tag_at(ii - 1));
                add(53, tag_at(ii + 1), tag_at(ii + 2));
                add(54, tag_at(ii), lcue);
                add(55, tag_at(ii), rcue);
                add(56, tag_at(ii), lower(ii));
            }
            out.push(f);
        }
    }
    out
}

/// Averaged perceptron weights: per feature, a score per tag.
#[derive(Default)]
pub struct Model {
    weights: HashMap<u64, [f32; N_TAGS]>,
    transitions: [[f32; N_TAGS]; N_TAGS + 1],
}

#[derive(Default)]
struct Trainer {
    model: Model,
    totals: HashMap<u64, [f32; N_TAGS]>,
    stamps: HashMap<u64, [u32; N_TAGS]>,
    trans_totals: [[f32; N_TAGS]; N_TAGS + 1],
    trans_stamps: [[u32; N_TAGS]; N_TAGS + 1],
    clock: u32,
}

impl Trainer {
    fn update_feature(&mut self, f: u64, tag: usize, delta: f32) {
        let w = self.model.weights.entry(f).or_insert([0.0; N_TAGS]);
        let t = self.totals.entry(f).or_insert([0.0; N_TAGS]);
        let s = self.stamps.entry(f).or_insert([0; N_TAGS]);
        t[tag] += (self.clock - s[tag]) as f32 * w[tag];
        s[tag] = self.clock;
        w[tag] += delta;
    }

    fn update_transition(&mut self, prev: usize, tag: usize, delta: f32) {
        let w = &mut self.model.transitions[prev][tag];
        self.trans_totals[prev][tag] += (self.clock - self.trans_stamps[prev][tag]) as f32 * *w;
        self.trans_stamps[prev][tag] = self.clock;
        *w += delta;
    }

    fn learn(&mut self, a: &Article) {
        for p in &a.paragraphs {
            self.clock += 1;
            let feats = &a.features[p.first..p.end];
            let guess = self.model.decode(feats);
            let gold = &a.gold_tags[p.first..p.end];
            if guess == gold {
                continue;
            }
            for (k, f) in feats.iter().enumerate() {
                if guess[k] != gold[k] {
                    for &h in f {
                        self.update_feature(h, gold[k], 1.0);
                        self.update_feature(h, guess[k], -1.0);
                    }
                }
                let (gp, pp) = if k == 0 {
                    (N_TAGS, N_TAGS)
                } else {
                    (gold[k - 1], guess[k - 1])
                };
                if (gp, gold[k]) != (pp, guess[k]) {
                    self.update_transition(gp, gold[k], 1.0);
                    self.update_transition(pp, guess[k], -1.0);
                }
            }
        }
    }

    /// The averaged model.
    fn finish(mut self) -> Model {
        let c = self.clock as f32;
        for (f, w) in self.model.weights.iter_mut() {
            let (t, s) = (&self.totals[f], &self.stamps[f]);
            for k in 0..N_TAGS {
                w[k] = (t[k] + (self.clock - s[k]) as f32 * w[k]) / c;
            }
        }
        for p in 0..=N_TAGS {
            for k in 0..N_TAGS {
                let w = &mut self.model.transitions[p][k];
                *w = (self.trans_totals[p][k] + (self.clock - self.trans_stamps[p][k]) as f32 * *w)
                    / c;
            }
        }
        self.model
    }
}

/// Whether `tag` may follow `prev` (`N_TAGS` = start): an I continues its own role only.
fn allowed(prev: usize, tag: usize) -> bool {
    match role_of(tag) {
        Some((r, false)) => role_of(prev).is_some_and(|(p, _)| p == r),
        _ => true,
    }
}

impl Model {
    /// Best tag sequence for a paragraph's token features.
    fn decode(&self, feats: &[Vec<u64>]) -> Vec<usize> {
        let n = feats.len();
        if n == 0 {
            return Vec::new();
        }
        let emit: Vec<[f32; N_TAGS]> = feats
            .iter()
            .map(|f| {
                let mut s = [0f32; N_TAGS];
                for h in f {
                    if let Some(w) = self.weights.get(h) {
                        for k in 0..N_TAGS {
                            s[k] += w[k];
                        }
                    }
                }
                s
            })
            .collect();
        let mut score = vec![[f32::NEG_INFINITY; N_TAGS]; n];
        let mut back = vec![[0usize; N_TAGS]; n];
        for t in 0..N_TAGS {
            if allowed(N_TAGS, t) {
                score[0][t] = emit[0][t] + self.transitions[N_TAGS][t];
            }
        }
        for i in 1..n {
            for t in 0..N_TAGS {
                let mut best = (f32::NEG_INFINITY, 0);
                for (p, prev) in score[i - 1].iter().enumerate() {
                    if allowed(p, t) {
                        let s = prev + self.transitions[p][t];
                        if s > best.0 {
                            best = (s, p);
                        }
                    }
                }
                score[i][t] = best.0 + emit[i][t];
                back[i][t] = best.1;
            }
        }
        let mut tag = (0..N_TAGS)
            .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
            .unwrap_or(0);
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = tag;
            tag = back[i][tag];
        }
        out
    }

    /// Tags of a whole article.
    fn tag(&self, a: &Article) -> Vec<usize> {
        let mut out = vec![0; a.gold_tags.len()];
        for p in &a.paragraphs {
            out[p.first..p.end].copy_from_slice(&self.decode(&a.features[p.first..p.end]));
        }
        out
    }
}

/// Spans per role drawn by a tag sequence.
fn spans(tags: &[usize]) -> Vec<(Role, TokenRange)> {
    let mut out: Vec<(Role, TokenRange)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        match role_of(t) {
            None => {}
            Some((r, false)) if out.last().is_some_and(|(lr, s)| *lr == r && s.end == i) => {
                if let Some(last) = out.last_mut() {
                    last.1.end = i + 1;
                }
            }
            Some((r, _)) => out.push((r, TokenRange::new(i, i + 1))),
        }
    }
    out
}

fn score(a: &Article, tags: &[usize], out: &mut [Exact; 3]) {
    let predicted: HashSet<(Role, TokenRange)> = spans(tags).into_iter().collect();
    for (k, role) in ROLES.iter().enumerate() {
        let gold = a.gold.get(role);
        out[k].gold += gold.map_or(0, HashSet::len);
        for (r, t) in &predicted {
            if r == role {
                out[k].predicted += 1;
                if gold.is_some_and(|g| g.contains(t)) {
                    out[k].matched += 1;
                }
            }
        }
    }
}

/// Trains on `train` for `epochs` passes (articles shuffled with a fixed seed).
pub fn train(train: &[&Article], epochs: usize) -> Model {
    let mut t = Trainer::default();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            t.learn(train[i]);
        }
    }
    t.finish()
}

/// Role scores of a model on articles, and the ceiling of the gold tags themselves.
pub fn evaluate(model: &Model, test: &[&Article]) -> ([Exact; 3], [Exact; 3]) {
    let (mut got, mut ceiling) = ([Exact::default(); 3], [Exact::default(); 3]);
    for a in test {
        score(a, &model.tag(a), &mut got);
        score(a, &a.gold_tags, &mut ceiling);
    }
    (got, ceiling)
}

/// K-fold cross-validation over `articles` (article i in fold i mod K): per-fold role scores.
pub fn cross_validate(articles: &[Article], folds: usize, epochs: usize) -> Vec<[Exact; 3]> {
    (0..folds)
        .map(|k| {
            let learn: Vec<&Article> = articles
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != k)
                .map(|(_, a)| a)
                .collect();
            let test: Vec<&Article> = articles
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds == k)
                .map(|(_, a)| a)
                .collect();
            evaluate(&train(&learn, epochs), &test).0
        })
        .collect()
}

/// One line of role F1s.
pub fn line(name: &str, c: &[Exact; 3]) -> String {
    format!(
        "{name:<24} source {:.3}  cue {:.3}  content {:.3}   (gold {}/{}/{}, predicted {}/{}/{})",
        c[0].f1(),
        c[1].f1(),
        c[2].f1(),
        c[0].gold,
        c[1].gold,
        c[2].gold,
        c[0].predicted,
        c[1].predicted,
        c[2].predicted
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::quote_eval::GoldSpan;

    #[test]
    fn tags_draw_spans_and_bio_stays_well_formed() {
        let (s, c, q) = (begin(Role::Source), begin(Role::Cue), begin(Role::Content));
        let tags = [s, s + 1, c, q, q + 1, q + 1, 0, q + 1];
        assert_eq!(
            spans(&tags),
            vec![
                (Role::Source, TokenRange::new(0, 2)),
                (Role::Cue, TokenRange::new(2, 3)),
                (Role::Content, TokenRange::new(3, 6)),
                (Role::Content, TokenRange::new(7, 8)),
            ]
        );
        assert!(allowed(N_TAGS, q) && !allowed(N_TAGS, q + 1) && !allowed(s, q + 1));
    }

    #[test]
    fn learns_a_toy_attribution_pattern() {
        let text =
            "Kirby said the talks failed.\n\nSmith said the plan worked.\n\nJones said it rained.";
        let mut from = 0;
        let mut span = |w: &str| {
            let b = from + text[from..].find(w).unwrap();
            from = b + w.len();
            GoldSpan {
                start: b,
                end: b + w.len(),
                text: w.to_string(),
            }
        };
        let recs: Vec<Attribution> = [
            ("Kirby", "said", "the talks failed"),
            ("Smith", "said", "the plan worked"),
            ("Jones", "said", "it rained"),
        ]
        .iter()
        .map(|(s, c, q)| Attribution {
            source: vec![span(s)],
            cue: vec![span(c)],
            content: vec![span(q)],
            quoted_segments: Vec::new(),
        })
        .collect();
        let a = article("toy".into(), text, &recs, None);
        let model = train(&[&a], 5);
        let (got, ceiling) = evaluate(&model, &[&a]);
        for k in 0..3 {
            assert_eq!(ceiling[k].matched, 3);
            assert_eq!(got[k].matched, 3, "{k}: {got:?}");
        }
    }
}
