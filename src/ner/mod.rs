//! Named-entity recognition: a linear-chain averaged structured perceptron over hashed features
//! (BILOU tags, Viterbi decoding, word clusters, capitalisation and frequency statistics,
//! document history), embedded in the crate.
//!
//! - [`features`] turns tokens into hashed feature keys; [`lexicon`] holds derived word tables.
//! - [`model`] is the compact int8 weight table; [`decode`] tags a document with it.
//! - [`combine`] merges the model's entities with the numeric rule layer.
//! - [`conll`] reads CoNLL columns and scores conlleval style; `train` (native only) learns a model.

pub mod combine;
#[cfg(not(target_arch = "wasm32"))]
pub mod commands;
pub mod conll;
pub mod decode;
pub mod features;
pub mod hash;
pub mod labels;
pub mod lexicon;
pub mod model;
pub mod modeltable;
pub mod normalize;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;
pub mod wordtable;

use crate::doc::Doc;
use crate::schema::Entity;
use features::{doc_casing, token_infos, TokenInfo};
use lexicon::Lexicon;
use model::Model;
use std::sync::OnceLock;

/// The shipped model and its tables (the lexicon, `model/lexicon.tsv`, is laid out by
/// `build.rs`: see [`Lexicon::shipped`]).
pub const MODEL_BYTES: &[u8] = include_bytes!("../../model/ner.bin");
pub const GAZETTEER: &str = include_str!("../../model/gazetteer.tsv");

pub struct Recognizer {
    pub model: Model,
    pub lexicon: Lexicon,
}

/// Token features of a document: per-token infos and sentence ranges into them.
pub struct Prepared {
    pub infos: Vec<TokenInfo>,
    pub sentences: Vec<(usize, usize)>,
}

/// Computes token infos for a document given as sentences of raw-text tokens.
pub fn prepare<'a, S, I>(lexicon: &Lexicon, sentences: S) -> Prepared
where
    S: IntoIterator<Item = I>,
    I: Iterator<Item = &'a str>,
{
    let mut infos = Vec::new();
    let mut ranges = Vec::new();
    let mut scratch = String::new();
    for s in sentences {
        let first = infos.len();
        token_infos(s, lexicon, &mut scratch, &mut infos);
        ranges.push((first, infos.len()));
    }
    doc_casing(&mut infos);
    Prepared {
        infos,
        sentences: ranges,
    }
}

impl Recognizer {
    pub fn new(model: Model, lexicon: Lexicon) -> Recognizer {
        Recognizer { model, lexicon }
    }

    /// The embedded model, decoded once. An unreadable model degrades to finding no names.
    pub fn shipped() -> &'static Recognizer {
        static SHIPPED: OnceLock<Recognizer> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let model = Model::shipped();
            Recognizer::new(model, Lexicon::shipped(GAZETTEER))
        })
    }

    /// BILOU tags for a prepared document.
    pub fn tag_prepared(&self, p: &Prepared) -> Vec<usize> {
        let mut tags = Vec::new();
        decode::tag_document(&self.model, &p.infos, &p.sentences, &mut tags);
        tags
    }

    /// Entity spans `(first, end, type)` per sentence for a document of token sentences.
    pub fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<Vec<(usize, usize, usize)>> {
        let p = prepare(&self.lexicon, sentences.iter().map(|s| s.iter().copied()));
        let tags = self.tag_prepared(&p);
        p.sentences
            .iter()
            .map(|&(a, b)| self.outlets_as_org(&p.infos[a..b], labels::spans(&tags[a..b])))
            .collect()
    }

    /// A name the gazetteer lists as a news outlet is an organisation, whatever the model
    /// made of it: a title-like `The Hill` reads as a WORK_OF_ART to it.
    fn outlets_as_org(
        &self,
        infos: &[TokenInfo],
        mut spans: Vec<(usize, usize, usize)>,
    ) -> Vec<(usize, usize, usize)> {
        let Some(bit) = self.lexicon.lists.iter().position(|l| l == "outlet") else {
            return spans;
        };
        let org = labels::TYPES.iter().position(|&t| t == "ORG");
        for (s, e, ty) in spans.iter_mut() {
            let h = infos[*s..*e]
                .iter()
                .fold(lexicon::PhraseHash::default(), |h, t| h.push(t.lower));
            if self.lexicon.phrase(h) & (1 << bit) != 0 {
                *ty = org.unwrap_or(*ty);
            }
        }
        spans
    }

    /// Entities in a tokenised article, byte offsets.
    pub fn find(&self, doc: &Doc) -> Vec<Entity> {
        let p = prepare(
            &self.lexicon,
            doc.sentences
                .iter()
                .map(|s| doc.tokens[s.first..s.end].iter().map(|t| t.text(doc.text))),
        );
        let tags = self.tag_prepared(&p);
        let mut out = Vec::new();
        for (si, &(a, b)) in p.sentences.iter().enumerate() {
            let base = doc.sentences[si].first;
            for (s, e, ty) in self.outlets_as_org(&p.infos[a..b], labels::spans(&tags[a..b])) {
                let span = doc.span(base + s, base + e - 1);
                out.push(Entity {
                    start: span.start,
                    end: span.end,
                    text: doc.text[span.start..span.end].to_string(),
                    label: labels::TYPES[ty].to_string(),
                    cluster: None,
                    value: None,
                });
            }
        }
        out
    }
}

/// Entities found by the shipped model.
pub fn find(doc: &Doc) -> Vec<Entity> {
    Recognizer::shipped().find(doc)
}
