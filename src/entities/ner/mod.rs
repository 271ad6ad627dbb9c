//! Named-entity recognition: a linear-chain averaged structured perceptron over hashed features
//! (BILOU tags, Viterbi decoding, word clusters, capitalisation and frequency statistics,
//! document history), embedded in the crate.
//!
//! - [`features`] turns tokens into hashed feature keys; [`lexicon`] holds derived word tables.
//! - [`model`] is the compact int8 weight table; [`decode`] tags a document with it.
//!
//! Reading corpora and training a model are tools (`crate::tools`, feature `tools`).

pub mod decode;
pub mod features;
// Reads a gazetteer as text: build.rs (which includes the file) and the tools.
#[cfg(feature = "tools")]
pub mod gazetteer;
pub mod labels;
pub mod lexicon;
pub mod model;
pub mod normalize;
// Writing tables: build.rs (which includes the file) and the tools.
// The runtime reads the model file with it; the lexicon layout in it is build.rs's.
#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub mod tables_build;
pub mod templates;
pub mod wordtable;

use crate::schema::{Entity, Label};
use crate::text::doc::Doc;
use crate::text::TokenRange;
use features::{doc_casing, token_infos, TokenInfo, FLAG_SENT_START};
use lexicon::Lexicon;
use model::Model;
use std::sync::OnceLock;

pub struct Recognizer {
    pub model: Model,
    pub lexicon: Lexicon,
}

/// Token features of a document: per-token infos and sentence ranges into them.
pub struct Prepared {
    pub infos: Vec<TokenInfo>,
    pub sentences: Vec<TokenRange>,
}

/// Longest run of tokens decoded at once; news sentences are far shorter (OntoNotes' longest
/// is 210 tokens).
const MAX_DECODE: usize = 256;

/// Computes token infos for a document given as sentences of raw-text tokens, `tokens` of them
/// (allocated at once: the infos are the entity stage's largest table, and a doubling vector
/// could hold twice what they need).
pub fn prepare<'a, S, I>(lexicon: &Lexicon, tokens: usize, sentences: S) -> Prepared
where
    S: IntoIterator<Item = I>,
    I: Iterator<Item = &'a str>,
{
    let mut infos = Vec::with_capacity(tokens);
    let mut ranges = Vec::new();
    let mut scratch = String::new();
    for s in sentences {
        let first = infos.len();
        token_infos(s, lexicon, &mut scratch, &mut infos);
        ranges.push(TokenRange::new(first, infos.len()));
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

    /// The embedded model and lexicon, set up once (both are read in place). Panics if the
    /// model is unreadable, which `build.rs` rules out: see [`Model::shipped`].
    pub fn shipped() -> &'static Recognizer {
        static SHIPPED: OnceLock<Recognizer> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            let model = Model::shipped();
            Recognizer::new(model, Lexicon::shipped())
        })
    }

    /// BILOU tags for a prepared document.
    pub fn tag_prepared(&self, p: &Prepared) -> Vec<usize> {
        // Viterbi keeps a lattice the length of what it decodes: a "sentence" of pasted junk
        // (100,000 tokens without a full stop) is decoded in pieces so memory stays per token.
        let pieces: Vec<TokenRange> = p
            .sentences
            .iter()
            .flat_map(|s| {
                (s.first..s.end)
                    .step_by(MAX_DECODE)
                    .map(move |a| TokenRange::new(a, (a + MAX_DECODE).min(s.end)))
            })
            .collect();
        let mut tags = Vec::new();
        decode::tag_document(&self.model, &p.infos, &pieces, &mut tags);
        tags
    }

    /// Entity spans `(first, end, type)` per sentence for a document of token sentences.
    #[cfg(feature = "tools")]
    pub fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<Vec<(usize, usize, usize)>> {
        let tokens = sentences.iter().map(Vec::len).sum();
        let p = prepare(
            &self.lexicon,
            tokens,
            sentences.iter().map(|s| s.iter().copied()),
        );
        let tags = self.tag_prepared(&p);
        p.sentences
            .iter()
            .map(|&TokenRange { first: a, end: b }| {
                self.outlets_as_org(&p.infos[a..b], labels::spans(&tags[a..b]))
            })
            .collect()
    }

    /// A name the gazetteer lists as a news outlet is an organisation, whatever the model
    /// made of it (a title-like `The Hill` reads as a WORK_OF_ART to it), and also where the
    /// model saw no name or only part of it, if it is written capitalised (`head to The Hill`,
    /// not `on the hill`).
    fn outlets_as_org(
        &self,
        infos: &[TokenInfo],
        mut spans: Vec<(usize, usize, usize)>,
    ) -> Vec<(usize, usize, usize)> {
        let Some(bit) = self.lexicon.lists.iter().position(|l| l == "outlet") else {
            return spans;
        };
        let org = Label::Org.index();
        for (s, e, ty) in spans.iter_mut() {
            let h = infos[*s..*e]
                .iter()
                .fold(lexicon::PhraseHash::default(), |h, t| h.push(t.lower));
            if self.lexicon.phrase(h) & (1 << bit) != 0 {
                *ty = org;
            }
        }
        // Gazetteer marks: 4 bits (B, I, L, U) per list, see `features::mark_gazetteer`.
        let part = |i: usize, p: u32| infos[i].gazetteer & (1 << (bit as u32 * 4 + p)) != 0;
        let mut i = 0;
        while i < infos.len() {
            let end = if part(i, 3) {
                Some(i + 1)
            } else if part(i, 0) {
                (i + 1..infos.len())
                    .take_while(|&j| part(j, 1) || part(j, 2))
                    .find(|&j| part(j, 2))
                    .map(|j| j + 1)
            } else {
                None
            };
            // Every word capitalised (not `The nation`), and a one-word name not at a sentence
            // start (not `Time will tell`). Model spans inside the name that are not already an
            // organisation (`Hill` of `The Hill`, LOC) give way to it; an ORG span is kept as
            // the model drew it (OntoNotes leaves `The` out of `The Times`), and one reaching
            // beyond the name is a longer name and stays.
            let written_as_name = |e: usize| {
                infos[i..e].iter().all(|t| t.is_capitalised())
                    && (e - i > 1 || infos[i].flags & FLAG_SENT_START == 0)
            };
            match end {
                Some(e)
                    if written_as_name(e)
                        && !spans
                            .iter()
                            .any(|&(a, b, ty)| a < e && i < b && (a < i || b > e || ty == org)) =>
                {
                    spans.retain(|&(a, b, _)| !(a < e && i < b));
                    spans.push((i, e, org));
                    i = e;
                }
                _ => i += 1,
            }
        }
        spans.sort_unstable();
        spans
    }

    /// Entities in a tokenised article, byte offsets.
    pub fn find(&self, doc: &Doc) -> Vec<Entity> {
        let p = prepare(
            &self.lexicon,
            doc.tokens.len(),
            doc.sentences
                .iter()
                .map(|s| doc.tokens[s.first..s.end].iter().map(|t| t.text(doc.text))),
        );
        let tags = self.tag_prepared(&p);
        let mut out = Vec::new();
        for (si, &TokenRange { first: a, end: b }) in p.sentences.iter().enumerate() {
            let base = doc.sentences[si].first;
            for (s, e, ty) in self.outlets_as_org(&p.infos[a..b], labels::spans(&tags[a..b])) {
                let span = doc.span(base + s, base + e - 1);
                out.push(Entity {
                    start: span.start,
                    end: span.end,
                    text: doc.text[span.start..span.end].to_string(),
                    label: Label::ALL[ty],
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
