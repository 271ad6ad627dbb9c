//! Learns coreference from OntoNotes (CoNLL-2012, `../shared/data/coref/ontonotes5`): the
//! mention tagger (`coref::detect`, two BIO layers, structured perceptron) and the mention
//! ranker (`coref::rank`, latent-antecedent perceptron with the costs of Durrett & Klein 2013).
//! Each gold document is rebuilt as text and read by Lede as any article (its tokens, its
//! entity model, its name clusters); gold chains are mapped onto Lede's tokens for learning and
//! the predicted chains back onto the corpus tokens for scoring with the reference scorer.

use super::{read_text, Error};
use crate::coref::detect::{self, LAYERS, N, START, TAGS};
use crate::coref::mentions::Mentions;
use crate::coref::rank::{self, Scene};
use crate::schema::Entity;
use crate::seq::perceptron::{update, Averaged, Total, Update};
use crate::seq::table::{score_of, Scores, Table};
use crate::seq::table_build::quantised;
use crate::text::doc::Doc;
use crate::text::TokenRange;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

/// One document part of the corpus.
#[derive(Deserialize)]
pub struct CorefDoc {
    pub doc_key: String,
    pub sentences: Vec<Vec<String>>,
    /// Chains of `[start, end]` corpus token indices, end inclusive.
    pub clusters: Vec<Vec<[usize; 2]>>,
    /// Per sentence, each token's bit of the gold parse (`(TOP(S(NP*`, `*)`).
    #[serde(default)]
    pub parse: Vec<Vec<String>>,
}

/// The base noun phrases of the gold parse (an NP with no NP inside), as `[start, end]` corpus
/// token indices, end inclusive.
fn base_noun_phrases(parse: &[Vec<String>]) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let mut at = 0;
    for sentence in parse {
        // Open constituents: label, start, whether an NP opened inside.
        let mut open: Vec<(String, usize, bool)> = Vec::new();
        for bit in sentence {
            let mut chars = bit.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '(' => {
                        let mut label = String::new();
                        while let Some(&n) = chars.peek() {
                            if n == '(' || n == '*' || n == ')' {
                                break;
                            }
                            label.push(n);
                            chars.next();
                        }
                        open.push((label, at, false));
                    }
                    ')' => {
                        if let Some((label, start, has_np)) = open.pop() {
                            let is_np = label == "NP" || label.starts_with("NP-");
                            if is_np && !has_np {
                                out.push([start, at]);
                            }
                            if let Some(parent) = open.last_mut() {
                                parent.2 |= is_np || has_np;
                            }
                        }
                    }
                    _ => {}
                }
            }
            at += 1;
        }
    }
    out
}

pub fn load(dir: &Path, split: &str) -> Result<Vec<CorefDoc>, Error> {
    let path = dir.join(format!("{split}.jsonl"));
    let text = read_text(&path)?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| Error::Parse {
                path: path.clone(),
                line: n + 1,
                msg: e.to_string(),
            })
        })
        .collect()
}

/// A document read by Lede, with its gold chains on Lede's tokens.
pub struct Prepared {
    pub key: String,
    text: String,
    /// Byte span of every corpus token.
    corpus_tokens: Vec<(usize, usize)>,
    entities: Vec<Entity>,
    rules: Mentions,
    features: Vec<Vec<u64>>,
    /// Gold tags per layer, per Lede token.
    layers: [Vec<usize>; LAYERS],
    /// Gold mention → chain.
    gold: HashMap<TokenRange, usize>,
    /// Gold mentions, and those Lede's tokens cannot hold (a boundary inside a token, or text
    /// the article reader left out).
    pub gold_mentions: usize,
    pub unmapped: usize,
    /// The gold chains as given, for scoring.
    clusters: Vec<Vec<[usize; 2]>>,
}

impl Prepared {
    fn doc(&self) -> Doc<'_> {
        Doc::new(&self.text, None)
    }
}

/// Rebuilds `d` as text and reads it as an article.
pub fn prepare(d: &CorefDoc) -> Prepared {
    let bio = super::conll::BioDoc {
        sentences: (d.sentences.iter())
            .map(|s| super::conll::BioSentence {
                tokens: s.clone(),
                tags: Vec::new(),
            })
            .collect(),
    };
    let raw = super::ner_eval::detokenize(&bio);
    let corpus_tokens: Vec<(usize, usize)> = raw.tokens.into_iter().flatten().collect();
    let doc = Doc::new(&raw.text, None);
    let (entities, rules) = crate::pipeline::entities(&doc);
    let features = detect::features(&doc, &entities);
    let starts: HashMap<usize, usize> = (doc.tokens.iter().enumerate())
        .map(|(i, t)| (t.start, i))
        .collect();
    let ends: HashMap<usize, usize> = (doc.tokens.iter().enumerate())
        .map(|(i, t)| (t.end, i + 1))
        .collect();
    let mut gold = HashMap::new();
    let (mut gold_mentions, mut unmapped) = (0, 0);
    for (c, chain) in d.clusters.iter().enumerate() {
        for &[a, b] in chain {
            gold_mentions += 1;
            let first = starts.get(&corpus_tokens[a].0);
            let end = ends.get(&corpus_tokens[b].1);
            match (first, end) {
                (Some(&f), Some(&e)) if f < e && doc.sentence_of(f) == doc.sentence_of(e - 1) => {
                    gold.insert(TokenRange::new(f, e), c);
                }
                _ => unmapped += 1,
            }
        }
    }
    // The tagger learns the chains' mentions and the base noun phrases that do not cross one,
    // so it proposes the phrases nothing refers back to as well, for the ranker to judge.
    let mut spans: Vec<TokenRange> = gold.keys().copied().collect();
    for [a, b] in base_noun_phrases(&d.parse) {
        let first = starts.get(&corpus_tokens[a].0);
        let end = ends.get(&corpus_tokens[b].1);
        if let (Some(&f), Some(&e)) = (first, end) {
            let r = TokenRange::new(f, e);
            let crosses = gold.keys().any(|g| {
                (g.first < r.first && r.first < g.end && g.end < r.end)
                    || (r.first < g.first && g.first < r.end && r.end < g.end)
            });
            if f < e && !crosses && !gold.contains_key(&r) {
                spans.push(r);
            }
        }
    }
    let layers = gold_layers(doc.tokens.len(), spans);
    Prepared {
        key: d.doc_key.clone(),
        text: raw.text.clone(),
        corpus_tokens,
        entities,
        rules,
        features,
        layers,
        gold,
        gold_mentions,
        unmapped,
        clusters: d.clusters.clone(),
    }
}

/// Gold BIO tags per layer: a mention no other holds is outer, one inside exactly one is inner
/// (deeper ones and crossing ones are left out: a layer holds no overlaps).
fn gold_layers(n: usize, mut spans: Vec<TokenRange>) -> [Vec<usize>; LAYERS] {
    spans.sort_by_key(|r| (r.first, std::cmp::Reverse(r.end)));
    let mut layers = [vec![detect::O; n], vec![detect::O; n]];
    for r in &spans {
        let depth = (spans.iter())
            .filter(|o| *o != r && o.first <= r.first && r.end <= o.end)
            .count();
        let Some(tags) = layers.get_mut(depth) else {
            continue;
        };
        if (r.first..r.end).any(|k| tags[k] != detect::O) {
            continue;
        }
        tags[r.first] = detect::B;
        for t in &mut tags[r.first + 1..r.end] {
            *t = detect::I;
        }
    }
    layers
}

/// A model's weights while it learns: feature → one averaged weight per tag.
struct Training<T: Total, const K: usize> {
    w: HashMap<u64, [Averaged<T>; K]>,
    /// The step (one sentence or one mention) the updates are made at.
    now: u32,
}

impl<T: Total, const K: usize> Training<T, K> {
    fn new() -> Self {
        Training {
            w: HashMap::new(),
            now: 0,
        }
    }

    /// Adds `delta` to the weight of `tag` of every one of `features`.
    fn update(&mut self, features: &[u64], tag: usize, delta: f32) {
        for f in features {
            let row = (self.w.entry(*f)).or_insert_with(|| [Averaged::new(0); K]);
            row[tag].add(delta, self.now);
        }
    }

    /// The averaged weights.
    fn learned(self) -> Learned<K> {
        let now = self.now;
        Learned(
            (self.w.into_iter())
                .map(|(f, r)| (f, std::array::from_fn(|t| r[t].mean(now))))
                .collect(),
        )
    }
}

impl<T: Total, const K: usize> Scores<K> for Training<T, K> {
    fn add(&self, features: &[u64], scores: &mut [f32; K]) {
        for r in features.iter().filter_map(|f| self.w.get(f)) {
            for (s, a) in scores.iter_mut().zip(r) {
                *s += a.weight;
            }
        }
    }
}

/// Learned weights, averaged: feature → its scores.
pub struct Learned<const K: usize>(HashMap<u64, [f32; K]>);

impl<const K: usize> Scores<K> for Learned<K> {
    fn add(&self, features: &[u64], scores: &mut [f32; K]) {
        for r in features.iter().filter_map(|f| self.0.get(f)) {
            for (s, w) in scores.iter_mut().zip(r) {
                *s += w;
            }
        }
    }
}

impl<const K: usize> Learned<K> {
    /// The weights as a table (`seq::table`); rows whose largest weight is under `min` are
    /// left out, and with `keep` all but the `keep` strongest rows (the wasm size budget).
    pub fn table(&self, min: f32, keep: Option<usize>) -> Vec<u8> {
        let strength = |r: &[f32; K]| r.iter().fold(0f32, |m, w| m.max(w.abs()));
        let mut rows: Vec<(u64, [f32; K])> = self.0.iter().map(|(&f, r)| (f, *r)).collect();
        if let Some(keep) = keep.filter(|&k| k < rows.len()) {
            rows.sort_unstable_by(|a, b| {
                strength(&b.1)
                    .total_cmp(&strength(&a.1))
                    .then(a.0.cmp(&b.0))
            });
            rows.truncate(keep);
        }
        quantised(rows.into_iter(), min)
    }

    /// The model's file (`seq::table_file`) of `kind`, as it ships.
    pub fn file(
        &self,
        kind: &crate::seq::table_file::Kind,
        min: f32,
        keep: Option<usize>,
    ) -> Vec<u8> {
        crate::seq::table_file::write(kind, 0, &self.shipped(min, keep).rows())
    }

    /// The model as it ships: its table, read back (so figures are the shipped model's).
    pub fn shipped(&self, min: f32, keep: Option<usize>) -> Table<K> {
        Table::new(Cow::Owned(self.table(min, keep))).expect("a table just laid out")
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Learns the mention tagger.
pub fn learn_tagger(docs: &[&Prepared], epochs: usize) -> Learned<N> {
    let mut w = Training::<f32, N>::new();
    let constraint = detect::constraint();
    for _ in 0..epochs {
        for p in docs {
            let doc = p.doc();
            for s in &doc.sentences {
                w.now += 1;
                let features = &p.features[s.first..s.end];
                let guess = detect::tag_sentence(&w, features, &constraint, 0.0);
                for (layer, guess) in guess.iter().enumerate() {
                    let gold = &p.layers[layer][s.first..s.end];
                    update(gold, guess, START, |u| match u {
                        Update::Token { token, tag, delta } => {
                            w.update(&features[token], layer * TAGS + tag, delta)
                        }
                        Update::Transition { prev, tag, delta } => {
                            let transition = detect::T::Transition.key(prev as u64, 0);
                            w.update(&[transition], layer * TAGS + tag, delta)
                        }
                    });
                }
            }
        }
    }
    w.learned()
}

/// Costs of a wrong choice while learning (Durrett & Klein 2013): a new entity where there is
/// an antecedent, a link where there is none, a link to the wrong chain.
const FALSE_NEW: f32 = 10.0;
const FALSE_LINK: f32 = 0.1;
const WRONG_LINK: f32 = 1.0;

/// A document's candidate mentions as the tagger finds them, with each one's gold chain.
struct Candidates {
    spans: Vec<TokenRange>,
    mentions: Vec<rank::Mention>,
    chains: Vec<Option<usize>>,
}

/// With `gold_mentions`, the gold mentions instead: a diagnostic of the ranker alone, not a
/// score of Lede.
fn candidates(p: &Prepared, tagger: &impl Scores<N>, gold_mentions: bool) -> Candidates {
    let doc = p.doc();
    let spans = match gold_mentions {
        true => {
            let mut s: Vec<TokenRange> = p.gold.keys().copied().collect();
            s.sort_by_key(|r| (r.first, std::cmp::Reverse(r.end)));
            s
        }
        false => detect::candidates(&doc, &p.entities, tagger),
    };
    let mentions = rank::mentions(&doc, &p.entities, &p.rules, &spans);
    let chains = spans.iter().map(|r| p.gold.get(r).copied()).collect();
    Candidates {
        spans,
        mentions,
        chains,
    }
}

/// Learns the tagger, then the ranker on the candidates the tagger finds. (Learning the ranker
/// on candidates of a tagger that did not see the document, two halves crossed, scored the same
/// on the folds: 53.15 against 53.11 on fold 1 of 900 documents.)
pub fn learn(
    docs: &[&Prepared],
    epochs: usize,
    gold_mentions: bool,
    without: &[rank::Group],
) -> (Learned<N>, Learned<1>) {
    let tagger = learn_tagger(docs, epochs);
    let cands: Vec<Candidates> = (docs.iter())
        .map(|p| candidates(p, &tagger, gold_mentions))
        .collect();
    let ranker = learn_ranker(docs, &cands, epochs, without);
    (tagger, ranker)
}

/// Learns the ranker on the given candidates of `docs`.
fn learn_ranker(
    docs: &[&Prepared],
    cands: &[Candidates],
    epochs: usize,
    without: &[rank::Group],
) -> Learned<1> {
    let mut w = Training::<f64, 1>::new();
    let (mut new_f, mut pairs) = (Vec::new(), Vec::<Vec<u64>>::new());
    for _ in 0..epochs {
        for (p, c) in docs.iter().zip(cands) {
            let doc = p.doc();
            let mut scene = Scene::new(&doc, c.mentions.clone());
            scene.without = without.to_vec();
            for j in 0..c.mentions.len() {
                w.now += 1;
                new_f.clear();
                scene.new_features(j, &mut new_f);
                let ants = scene.antecedents(j);
                pairs.resize_with(ants.len(), Vec::new);
                for (f, &i) in pairs.iter_mut().zip(&ants) {
                    f.clear();
                    scene.pair_features(j, i, f);
                }
                let is_gold = |i: usize| c.chains[j].is_some() && c.chains[i] == c.chains[j];
                let anaphoric = ants.iter().any(|&i| is_gold(i));
                // The target: the best gold antecedent (latent), or new.
                let target = (0..ants.len())
                    .filter(|&k| is_gold(ants[k]))
                    .map(|k| (score_of(&w, &pairs[k]), Some(k)))
                    .fold(
                        (f32::NEG_INFINITY, None),
                        |b, x| if x.0 > b.0 { x } else { b },
                    )
                    .1;
                // The best choice with each wrong choice's cost added.
                let mut best = (
                    score_of(&w, &new_f) + if anaphoric { FALSE_NEW } else { 0.0 },
                    None,
                );
                for (k, &i) in ants.iter().enumerate() {
                    let cost = match (anaphoric, is_gold(i)) {
                        (false, _) => FALSE_LINK,
                        (true, false) => WRONG_LINK,
                        (true, true) => 0.0,
                    };
                    let s = score_of(&w, &pairs[k]) + cost;
                    if s > best.0 {
                        best = (s, Some(k));
                    }
                }
                let right = match best.1 {
                    None => !anaphoric,
                    Some(k) => is_gold(ants[k]),
                };
                if !right {
                    let choice = |k: Option<usize>| k.map_or(&new_f, |k| &pairs[k]);
                    w.update(choice(target), 0, 1.0);
                    w.update(choice(best.1), 0, -1.0);
                }
            }
        }
    }
    w.learned()
}

/// The chains Lede finds in `p`, on the corpus tokens (`[start, end]`, end inclusive), without
/// singletons.
pub fn predict(
    p: &Prepared,
    tagger: &impl Scores<N>,
    ranker: &impl Scores<1>,
    gold_mentions: bool,
    without: &[rank::Group],
    window: usize,
) -> Vec<Vec<[usize; 2]>> {
    let c = candidates(p, tagger, gold_mentions);
    let doc = p.doc();
    let mut scene = Scene::new(&doc, c.mentions);
    scene.without = without.to_vec();
    scene.window = window;
    let chain = rank::chains(&rank::link(&scene, ranker));
    let start_of: HashMap<usize, usize> = (p.corpus_tokens.iter().enumerate())
        .map(|(i, t)| (t.0, i))
        .collect();
    let end_of: HashMap<usize, usize> = (p.corpus_tokens.iter().enumerate())
        .map(|(i, t)| (t.1, i))
        .collect();
    let mut by_chain: HashMap<usize, Vec<[usize; 2]>> = HashMap::new();
    for (r, ch) in c.spans.iter().zip(&chain) {
        let (a, b) = (doc.tokens[r.first].start, doc.tokens[r.end - 1].end);
        if let (Some(&s), Some(&e)) = (start_of.get(&a), end_of.get(&b)) {
            by_chain.entry(*ch).or_default().push([s, e]);
        }
    }
    let mut out: Vec<Vec<[usize; 2]>> = by_chain.into_values().filter(|c| c.len() > 1).collect();
    out.sort();
    out
}

/// MUC, B³, CEAF-e F1 and their average (the CoNLL F1), in per cent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Conll {
    /// MUC precision and recall: how many links are right, how many are found.
    pub muc_pr: (f64, f64),
    pub muc: f64,
    pub b3: f64,
    pub ceafe: f64,
    pub conll: f64,
}

/// Scores `predicted` chains against the gold ones of `docs` with the reference scorer
/// (`coref_score.py`, Pradhan et al. 2014 definitions).
pub fn score(
    docs: &[&Prepared],
    predicted: &[Vec<Vec<[usize; 2]>>],
    scorer: &Path,
) -> Result<Conll, Error> {
    let dir = std::env::temp_dir().join(format!("lede-coref-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(Error::write(&dir))?;
    let line = |key: &str, clusters: &[Vec<[usize; 2]>]| {
        serde_json::json!({ "doc_key": key, "clusters": clusters }).to_string() + "\n"
    };
    let gold: String = docs.iter().map(|p| line(&p.key, &p.clusters)).collect();
    let pred: String = (docs.iter().zip(predicted))
        .map(|(p, c)| line(&p.key, c))
        .collect();
    let (g, pr, out) = (
        dir.join("gold.jsonl"),
        dir.join("pred.jsonl"),
        dir.join("score.json"),
    );
    std::fs::write(&g, gold).map_err(Error::write(&g))?;
    std::fs::write(&pr, pred).map_err(Error::write(&pr))?;
    let status = std::process::Command::new("python3")
        .arg(scorer)
        .arg(&g)
        .arg(&pr)
        .arg("--json")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .status()
        .map_err(Error::read(scorer))?;
    if !status.success() {
        return Err(Error::Usage(format!("{} failed", scorer.display())));
    }
    let res: serde_json::Value =
        serde_json::from_str(&read_text(&out)?).map_err(|e| Error::Parse {
            path: out.clone(),
            line: 1,
            msg: e.to_string(),
        })?;
    let f1 = |k: &str| res[k]["f1"].as_f64().unwrap_or(0.0);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(Conll {
        muc_pr: (
            res["muc"]["p"].as_f64().unwrap_or(0.0),
            res["muc"]["r"].as_f64().unwrap_or(0.0),
        ),
        muc: f1("muc"),
        b3: f1("b3"),
        ceafe: f1("ceafe"),
        conll: res["conll_f1"].as_f64().unwrap_or(0.0),
    })
}

/// How speakers written as a pronoun or a description get the name of who they are, judged on
/// the gold chains: the subjects of a verb of saying (`he said`, `the agency said`, `said the
/// spokeswoman`) whose gold chain names them earlier. Each way of naming is counted right (a
/// name of the chain), wrong (another name) or unnamed.
#[derive(Debug, Default, Clone)]
pub struct SpeakerNaming {
    pub speakers: usize,
    /// Right and wrong names: by the rules (`quotes::resolve`) alone, by the learned chains
    /// alone, by the chains with the rules where the chains name no one, and as the pipeline
    /// names them (the chain's name when it agrees with a pronoun's gender, else the rules').
    pub rules: (usize, usize),
    pub chains: (usize, usize),
    pub chains_then_rules: (usize, usize),
    pub shipped: (usize, usize),
    /// The pipeline's names as examples for the speaker naming model: its features
    /// (`quotes::speaker_confidence::naming_features`) and whether the name is right.
    pub examples: Vec<(Vec<String>, bool)>,
}

impl SpeakerNaming {
    pub fn add(&mut self, o: &SpeakerNaming) {
        self.speakers += o.speakers;
        for (a, b) in [
            (&mut self.rules, o.rules),
            (&mut self.chains, o.chains),
            (&mut self.chains_then_rules, o.chains_then_rules),
            (&mut self.shipped, o.shipped),
        ] {
            a.0 += b.0;
            a.1 += b.1;
        }
        self.examples.extend(o.examples.iter().cloned());
    }
}

/// The speakers of `p` (subject mentions of a verb of saying, gold spans where the chains
/// have one, else the rules' names), in text order.
fn speakers(p: &Prepared, doc: &Doc) -> Vec<TokenRange> {
    let mut by_end: HashMap<usize, TokenRange> = HashMap::new();
    let mut by_start: HashMap<usize, TokenRange> = HashMap::new();
    let rule_spans = p
        .rules
        .mentions
        .iter()
        .map(|m| TokenRange::new(m.first, m.end));
    for r in p.gold.keys().copied().chain(rule_spans) {
        let e = by_end.entry(r.end).or_insert(r);
        if r.first < e.first {
            *e = r;
        }
        let s = by_start.entry(r.first).or_insert(r);
        if r.end > s.end {
            *s = r;
        }
    }
    let mut out = Vec::new();
    for i in 0..doc.tokens.len() {
        if !crate::words::cues::is_speech(doc.token_text(i)) {
            continue;
        }
        if let Some(&r) = by_end.get(&i) {
            out.push(r);
        } else if i > 0 && matches!(doc.lower(i - 1), "," | "\"" | "''" | "”") {
            out.extend(by_start.get(&(i + 1)).copied());
        }
    }
    out.sort_by_key(|r| (r.first, r.end));
    out.dedup();
    out
}

/// The rule groups that name the gold chain of `r` before it (empty: `r` is in no chain, or
/// its chain names no one before it).
fn chain_names(p: &Prepared, r: TokenRange) -> Vec<usize> {
    let Some(&chain) = p.gold.get(&r) else {
        return Vec::new();
    };
    let mut names: Vec<usize> = Vec::new();
    for (g, _) in p
        .gold
        .iter()
        .filter(|(g, &c)| c == chain && g.end <= r.first)
    {
        for m in &p.rules.mentions {
            let inside = m.name >= g.first && m.end <= g.end;
            let heads = m.end == g.end || m.first == g.first;
            if inside && heads && p.rules.groups[m.group].name.is_some() {
                names.push(m.group);
            }
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// [`SpeakerNaming`] of one document, with the given models.
pub fn speaker_naming(
    p: &Prepared,
    tagger: &impl Scores<N>,
    ranker: &impl Scores<1>,
) -> SpeakerNaming {
    let doc = p.doc();
    let speakers = speakers(p, &doc);
    let mut linker =
        crate::coref::chains::Linker::new(&doc, &p.entities, &p.rules, tagger, ranker, &speakers);
    let mut resolver = crate::quotes::resolve::Resolver::default();
    // The pipeline's own resolver, as `quotes::attribute` runs it.
    let mut pipeline = crate::quotes::resolve::Resolver::default();
    let mut out = SpeakerNaming::default();
    for &r in &speakers {
        let by_rules = resolver.resolve(&doc, &p.rules, r);
        // A speaker named in the text is the rules' (a name needs no chain).
        let named_here = crate::coref::chains::is_named(&p.rules, r);
        let by_chains = (!named_here)
            .then(|| linker.named_group(r, &p.rules))
            .flatten();
        let (shipped, took_chain) = pipeline.resolve_or_take(&doc, &p.rules, r, by_chains);
        let names = chain_names(p, r);
        if named_here || names.is_empty() {
            continue;
        }
        out.speakers += 1;
        let count = |c: &mut (usize, usize), g: Option<usize>| match g {
            Some(g) if names.contains(&g) => c.0 += 1,
            Some(_) => c.1 += 1,
            None => {}
        };
        count(&mut out.rules, by_rules);
        count(&mut out.chains, by_chains);
        count(&mut out.chains_then_rules, by_chains.or(by_rules));
        count(&mut out.shipped, shipped);
        if let Some(g) = shipped {
            let naming = match took_chain {
                true => crate::quotes::Naming::Chain,
                false => crate::quotes::Naming::Rules,
            };
            let features =
                crate::quotes::speaker_confidence::naming_features(&doc, &p.rules, r, g, naming);
            out.examples.push((features, names.contains(&g)));
        }
    }
    out
}

/// Mention detection figures: gold mentions, found, found right (exact spans, Lede's tokens).
pub fn mention_counts(p: &Prepared, tagger: &impl Scores<N>) -> (usize, usize, usize) {
    let doc = p.doc();
    let found = detect::candidates(&doc, &p.entities, tagger);
    let right = found.iter().filter(|r| p.gold.contains_key(r)).count();
    (p.gold.len(), found.len(), right)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(s: &[&str]) -> Vec<String> {
        s.iter().map(|b| b.to_string()).collect()
    }

    #[test]
    fn base_noun_phrases_have_no_noun_phrase_inside() {
        // (TOP (S (NP (NP The army) ('s) (NN blockade)) (VP broke (NP it))))
        let parse = vec![bits(&["(TOP(S(NP(NP*", "*", "*)", "*)", "(VP*", "(NP*)))"])];
        assert_eq!(base_noun_phrases(&parse), vec![[0, 2], [5, 5]]);
        // Indices run on across sentences.
        let two = vec![bits(&["(TOP(NP*))"]), bits(&["(TOP(S(NP*)", "(VP*))"])];
        assert_eq!(base_noun_phrases(&two), vec![[0, 0], [1, 1]]);
    }

    #[test]
    fn gold_layers_put_nested_mentions_one_level_in() {
        let spans = vec![
            TokenRange::new(0, 4),
            TokenRange::new(0, 2),
            TokenRange::new(1, 2),
            TokenRange::new(5, 6),
        ];
        let [outer, inner] = gold_layers(6, spans);
        use detect::{B, I, O};
        assert_eq!(outer, vec![B, I, I, I, O, B]);
        // [1, 2) is two deep: left out.
        assert_eq!(inner, vec![B, I, O, O, O, O]);
    }
}
