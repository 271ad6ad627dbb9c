//! Trains the attribution tagger (`quotes::tagger`): an averaged structured perceptron that tags
//! every token of an article as part of a SOURCE, a CUE or a CONTENT span (BIO), decoded with
//! first-order Viterbi per paragraph, in two passes (the second also sees the first's tags),
//! learned from PolNeAR's primary attributions, scored by K-fold cross-validation over the train
//! documents and written as the runtime's tables (`lede train-quotes --folds K --write
//! model/quote_tagger.bin`, the second pass beside it).
//!
//! Scores are exact spans per role, as CofeNet reports them: a predicted span counts when it
//! covers exactly the tokens of a gold span of that role (leading and trailing punctuation other
//! than quote marks trimmed on both sides). Gold spans that overlap others cannot all be drawn
//! by one tag sequence; the shorter ones are kept (they are the more numerous), and the "gold
//! tags" row of the report shows the ceiling that leaves.

use super::polnear::{self, Attribution, PolnearDoc};
use super::score::Prf;
use super::Error;
use crate::quotes::tagger::{
    self, begin, second_pass_features, spans, Role, Scores, N_TAGS, ROLES, SECOND_PASS_FEATURES,
};
pub use crate::quotes::tagger::{Tagger, Weights};
pub use crate::quotes::tagger_table::Table;
use crate::seq::folds;
use crate::seq::perceptron::{update, Averaged, Update};
use crate::text::doc::Doc;
use crate::text::TokenRange;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// One article ready for training and scoring: token features, paragraphs as token ranges,
/// gold tags and gold spans per role (token ranges).
pub struct Article {
    pub id: String,
    features: Vec<Vec<u64>>,
    paragraphs: Vec<TokenRange>,
    /// Sentences and lower-case word hashes: what the second pass's features are drawn from.
    sentences: Vec<TokenRange>,
    words: Vec<u64>,
    gold_tags: Vec<usize>,
    gold: HashMap<Role, HashSet<TokenRange>>,
}

/// Reads one PolNeAR split (primary annotations) as articles.
pub fn load(dir: &Path, split: &str) -> Result<Vec<Article>, Error> {
    Ok(articles(&polnear::load(dir, split)?))
}

/// PolNeAR documents as articles.
pub fn articles<'d>(docs: impl IntoIterator<Item = &'d PolnearDoc>) -> Vec<Article> {
    docs.into_iter()
        .map(|d| article(d.id.clone(), &d.text, &d.attributions))
        .collect()
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

fn article(id: String, text: &str, records: &[Attribution]) -> Article {
    let doc = Doc::new(text, None);
    let (entities, _) = crate::pipeline::entities(&doc);
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
    let mut features = Vec::with_capacity(doc.tokens.len());
    let words = tagger::each_token(&doc, &entities, |_, f| features.push(f.to_vec()));
    Article {
        id,
        features,
        paragraphs: tagger::paragraphs(&doc),
        sentences: tagger::sentences(&doc),
        words,
        gold_tags,
        gold,
    }
}

/// Averaged perceptron weights: per feature, a score per tag.
#[derive(Default)]
pub struct Model {
    weights: HashMap<u64, [f32; N_TAGS]>,
    transitions: [[f32; N_TAGS]; N_TAGS + 1],
}

/// A pass being learned: per feature and transition, the weight and its running average.
struct Trainer {
    weights: HashMap<u64, [Averaged<f32>; N_TAGS]>,
    transitions: [[Averaged<f32>; N_TAGS]; N_TAGS + 1],
    clock: u32,
}

impl Weights for Trainer {
    fn add_row(&self, feature: u64, scores: &mut Scores) {
        if let Some(w) = self.weights.get(&feature) {
            for (s, w) in scores.iter_mut().zip(w) {
                *s += w.weight;
            }
        }
    }

    fn transition(&self, prev: usize, tag: usize) -> f32 {
        self.transitions[prev][tag].weight
    }
}

impl Trainer {
    fn new() -> Trainer {
        Trainer {
            weights: HashMap::new(),
            transitions: [[Averaged::new(0); N_TAGS]; N_TAGS + 1],
            clock: 0,
        }
    }

    fn learn(&mut self, a: &Article) {
        for p in &a.paragraphs {
            self.clock += 1;
            let feats = &a.features[p.first..p.end];
            let emit: Vec<Scores> = feats.iter().map(|f| self.emission(f)).collect();
            let mut guess = Vec::new();
            tagger::transitions(self).decode(&emit, &mut guess);
            let gold = &a.gold_tags[p.first..p.end];
            if guess == gold {
                continue;
            }
            let now = self.clock;
            update(gold, &guess, N_TAGS, |u| match u {
                Update::Token { token, tag, delta } => {
                    for &h in &feats[token] {
                        let row = self.weights.entry(h).or_insert([Averaged::new(0); N_TAGS]);
                        row[tag].add(delta, now);
                    }
                }
                Update::Transition { prev, tag, delta } => {
                    self.transitions[prev][tag].add(delta, now)
                }
            });
        }
    }

    /// The averaged model.
    fn finish(self) -> Model {
        let now = self.clock;
        Model {
            weights: (self.weights.into_iter())
                .map(|(f, row)| (f, row.map(|w| w.mean(now))))
                .collect(),
            transitions: self.transitions.map(|row| row.map(|w| w.mean(now))),
        }
    }
}

impl Weights for Model {
    fn add_row(&self, feature: u64, scores: &mut Scores) {
        if let Some(w) = self.weights.get(&feature) {
            for (s, w) in scores.iter_mut().zip(w) {
                *s += w;
            }
        }
    }

    fn transition(&self, prev: usize, tag: usize) -> f32 {
        self.transitions[prev][tag]
    }
}

/// Tags of a whole article by one pass.
fn tag_pass(a: &Article, w: &dyn Weights) -> Vec<usize> {
    let (trans, mut tags) = (tagger::transitions(w), Vec::new());
    let mut out = vec![0; a.gold_tags.len()];
    for p in &a.paragraphs {
        let emit: Vec<Scores> = a.features[p.first..p.end]
            .iter()
            .map(|f| w.emission(f))
            .collect();
        trans.decode(&emit, &mut tags);
        out[p.first..p.end].copy_from_slice(&tags);
    }
    out
}

/// The article as the second pass sees it: its features and those of the first pass's tags.
fn with_first_pass(a: &Article, first: &[usize]) -> Article {
    let added = second_pass_features(&a.sentences, &a.words, first);
    let features = a
        .features
        .iter()
        .zip(added.chunks(SECOND_PASS_FEATURES))
        .map(|(f, more)| [f.as_slice(), more].concat())
        .collect();
    Article {
        id: a.id.clone(),
        features,
        paragraphs: a.paragraphs.clone(),
        sentences: Vec::new(),
        words: Vec::new(),
        gold_tags: a.gold_tags.clone(),
        gold: a.gold.clone(),
    }
}

/// Tags of a whole article by both passes.
fn tag(a: &Article, t: Tagger) -> Vec<usize> {
    tag_pass(&with_first_pass(a, &tag_pass(a, t.first)), t.second)
}

impl Model {
    /// The model as the runtime reads it (`model/quote_tagger.bin`): the `keep` strongest rows,
    /// one byte per weight.
    pub fn to_table(&self, keep: usize) -> Vec<u8> {
        Table::write(
            self.weights.iter().map(|(k, v)| (*k, *v)),
            &self.transitions,
            keep,
        )
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

fn score(a: &Article, tags: &[usize], out: &mut [Prf; 3]) {
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

/// Trains one pass on `train` for `epochs` passes over it (articles shuffled with a fixed seed).
fn train_pass(train: &[&Article], epochs: usize) -> Model {
    let mut t = Trainer::new();
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

/// The second pass learns from first-pass tags of models that did not see the article (three
/// parts, each tagged by a first pass learned on the other two for 10 epochs), so it learns how
/// far to trust them on unseen text.
const JACKKNIFE: usize = 3;
const JACKKNIFE_EPOCHS: usize = 10;

/// The tagger's two passes, as learned (`Passes<Model>`) or as the runtime reads them
/// (`Passes<Table>`).
pub struct Passes<W> {
    pub first: W,
    pub second: W,
}

impl<W: Weights> Passes<W> {
    pub fn tagger(&self) -> Tagger<'_> {
        Tagger {
            first: &self.first,
            second: &self.second,
        }
    }
}

impl Passes<Model> {
    /// Both passes written as the runtime's tables (`keep` rows each, one byte per weight) and
    /// read back.
    pub fn tables(&self, keep: usize) -> Passes<Table> {
        let read = |m: &Model| {
            Table::from_bytes(&m.to_table(keep)).expect("a table just written reads back")
        };
        Passes {
            first: read(&self.first),
            second: read(&self.second),
        }
    }
}

/// Trains both passes on `train` for `epochs` passes; the first pass's tags the second learns
/// from come from `keep`-row tables, as the runtime tags.
pub fn train(train: &[&Article], epochs: usize, keep: usize) -> Passes<Model> {
    let mut first_tags: Vec<Vec<usize>> = vec![Vec::new(); train.len()];
    for part in 0..JACKKNIFE {
        let index: Vec<usize> = (0..train.len()).collect();
        let (rest, held) = folds::split(&index, JACKKNIFE, part);
        let rest: Vec<&Article> = rest.iter().map(|&&i| train[i]).collect();
        let table = Table::from_bytes(&train_pass(&rest, JACKKNIFE_EPOCHS).to_table(keep))
            .expect("a table just written reads back");
        for &i in held {
            first_tags[i] = tag_pass(train[i], &table);
        }
    }
    let seen: Vec<Article> = train
        .iter()
        .zip(&first_tags)
        .map(|(a, t)| with_first_pass(a, t))
        .collect();
    let seen: Vec<&Article> = seen.iter().collect();
    Passes {
        first: train_pass(train, epochs),
        second: train_pass(&seen, epochs),
    }
}

/// Role scores of a model on articles, and the ceiling of the gold tags themselves.
pub fn evaluate(tagger: Tagger, test: &[&Article]) -> ([Prf; 3], [Prf; 3]) {
    let (mut got, mut ceiling) = ([Prf::default(); 3], [Prf::default(); 3]);
    for a in test {
        score(a, &tag(a, tagger), &mut got);
        score(a, &a.gold_tags, &mut ceiling);
    }
    (got, ceiling)
}

/// K-fold cross-validation over `articles` (article i in fold i mod K): per fold, the role
/// scores of the model and of its table as written (`keep` rows, one byte per weight).
pub fn cross_validate(
    articles: &[Article],
    folds: usize,
    epochs: usize,
    keep: usize,
) -> Vec<([Prf; 3], [Prf; 3])> {
    let fold = |k: usize| {
        let (learn, test) = folds::split(articles, folds, k);
        let model = train(&learn, epochs, keep);
        let tables = model.tables(keep);
        (
            evaluate(model.tagger(), &test).0,
            evaluate(tables.tagger(), &test).0,
        )
    };
    // Two folds at a time (the machines this runs on have two cores).
    let mut out = Vec::with_capacity(folds);
    for pair in (0..folds).collect::<Vec<_>>().chunks(2) {
        std::thread::scope(|s| {
            let running: Vec<_> = pair.iter().map(|&k| s.spawn(move || fold(k))).collect();
            out.extend(
                running
                    .into_iter()
                    .map(|r| r.join().expect("a fold finishes")),
            );
        });
    }
    out
}

/// One line of role F1s.
pub fn line(name: &str, c: &[Prf; 3]) -> String {
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
    use crate::tools::polnear::GoldSpan;

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
        let a = article("toy".into(), text, &recs);
        let model = train(&[&a], 5, 1000);
        let (got, ceiling) = evaluate(model.tagger(), &[&a]);
        for k in 0..3 {
            assert_eq!(ceiling[k].matched, 3);
            assert_eq!(got[k].matched, 3, "{k}: {got:?}");
        }
        // Written as the runtime tables and read back, they tag the same.
        let tables = model.tables(1000);
        assert_eq!(evaluate(tables.tagger(), &[&a]).0[2].matched, 3);
    }
}
