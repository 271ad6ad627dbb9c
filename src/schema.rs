//! The Annotation: one serde schema for the wasm API, the CLI and the tests.
//!
//! Offsets are UTF-8 byte offsets while the pipeline runs; `Annotation::convert_offsets`
//! rewrites them once at the boundary (UTF-16 units for JS, code points for the CLI).

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A span with the text it covers; used for speakers and cues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// Article text.
    Body,
    /// The `date YYYY-MM-DD` marker line (or its prefix on the first line).
    Dateline,
    /// Ads, promotions, sign-up lines, copyright: shown dimmed, skipped by later layers.
    Boilerplate,
    /// Photo/graphic credits and captions: shown dimmed, skipped by later layers.
    Caption,
}

impl ParagraphKind {
    /// Whether later layers (entities, quotes) should read this paragraph.
    pub fn is_content(self) -> bool {
        self == ParagraphKind::Body
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// OntoNotes label: PERSON, ORG, GPE, DATE, MONEY, ...
    pub label: String,
    /// Index into `Annotation::clusters` once mentions are clustered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
    /// Normalised value: ISO date for DATE, number for CARDINAL/MONEY/PERCENT, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// All mentions of one real-world person, organisation or place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: usize,
    /// The fullest name the article gives ("John Kirby").
    pub name: String,
    pub label: String,
    /// Indices into `Annotation::entities`.
    pub mentions: Vec<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole sentence or more between quote marks.
    Direct,
    /// A short quoted phrase inside the writer's own sentence ("pay a price").
    Partial,
    /// Reported speech without quote marks ("Kirby said U.S. officials are ...").
    Indirect,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The content span; for direct quotes it includes the quote marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<TextSpan>,
    pub speaker_name: Option<String>,
    pub speaker_cluster: Option<usize>,
    pub cue: Option<TextSpan>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Article date from the `date YYYY-MM-DD` marker, ISO format.
    pub date: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    pub quotes: Vec<Quote>,
    /// Human-readable notes about the input (empty text, binary junk, truncation ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Annotation {
    /// Rewrites every offset with `f` (byte offset → target unit).
    pub fn convert_offsets(&mut self, f: impl Fn(usize) -> usize) {
        let span = |s: &mut usize, e: &mut usize| {
            *s = f(*s);
            *e = f(*e);
        };
        for p in &mut self.paragraphs {
            span(&mut p.start, &mut p.end);
        }
        for s in &mut self.sentences {
            span(&mut s.start, &mut s.end);
        }
        for e in &mut self.entities {
            span(&mut e.start, &mut e.end);
        }
        for q in &mut self.quotes {
            span(&mut q.start, &mut q.end);
            for t in [&mut q.speaker, &mut q.cue].into_iter().flatten() {
                span(&mut t.start, &mut t.end);
            }
        }
    }
}
