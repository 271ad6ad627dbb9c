//! The tokenized article every later stage reads: paragraphs, tokens, sentences, and the facts
//! about each token that several stages need (lower-cased form, shape, quote mark, reporting
//! cue), computed once here so stages read arrays instead of re-deriving them.

use crate::article;
use crate::article::header::Header;
use crate::article::time::Date;
use crate::schema::{Paragraph, Span};
use crate::text::quote_marks::{self, Pairing};
use crate::text::{is_capitalised, split_sentences, tokenize, Token, TokenRange};
use crate::words::{cues, marks};

/// A sentence as a range of token indices, with its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceRange {
    pub first: usize,
    pub end: usize,
    pub paragraph: usize,
}

/// A reporting cue in the token stream: tokens `[first, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub first: usize,
    pub end: usize,
    /// "according to": the source follows the cue and the content is the rest of the sentence.
    pub according: bool,
}

impl Cue {
    pub fn tokens(&self) -> TokenRange {
        TokenRange::new(self.first, self.end)
    }
}

/// Shape bits of a token.
const CAPITALISED: u8 = 1;
const QUOTE_MARK: u8 = 2;

pub struct Doc<'a> {
    pub text: &'a str,
    /// The article date: the date the caller gave, else the one the text's header gives.
    pub date: Option<Date>,
    /// What the header says: its dates and the place dateline.
    pub header: Header,
    pub paragraphs: Vec<Paragraph>,
    /// Tokens of content paragraphs only (boilerplate and datelines are skipped).
    pub tokens: Vec<Token>,
    pub sentences: Vec<SentenceRange>,
    /// Lower-cased token forms, end to end; `lower_ends[i]` is where token `i`'s form ends.
    lower: String,
    lower_ends: Vec<usize>,
    shapes: Vec<u8>,
    cues: Vec<Option<Cue>>,
    /// The quotations its quote marks pair into, and how many marks have no partner: read once
    /// here, as the quote stage and the attribution tagger's features both need them.
    pub quotations: Pairing,
}

impl<'a> Doc<'a> {
    /// Reads `text`; `date` is the caller's article date, which overrides the text's.
    pub fn new(text: &'a str, date: Option<Date>) -> Self {
        let article = article::parse(text);
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for (pi, p) in article.paragraphs.iter().enumerate() {
            if !p.kind.is_content() {
                continue;
            }
            let base = tokens.len();
            let toks = tokenize(text, p.start, p.end);
            for r in split_sentences(text, &toks) {
                sentences.push(SentenceRange {
                    first: base + r.first,
                    end: base + r.end,
                    paragraph: pi,
                });
            }
            tokens.extend(toks);
        }
        let mut doc = Doc {
            text,
            date: date.or(article.header.date.map(|d| d.date)),
            header: article.header,
            paragraphs: article.paragraphs,
            tokens,
            sentences,
            lower: String::new(),
            lower_ends: Vec::new(),
            shapes: Vec::new(),
            cues: Vec::new(),
            quotations: Pairing::default(),
        };
        doc.quotations = quote_marks::pair(text, &doc.paragraphs);
        doc.read_tokens();
        doc
    }

    /// Fills the per-token facts.
    fn read_tokens(&mut self) {
        let n = self.tokens.len();
        self.lower.reserve(self.text.len());
        self.lower_ends.reserve(n);
        self.shapes.reserve(n);
        for t in &self.tokens {
            let w = t.text(self.text);
            if w.is_ascii() {
                self.lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                // `str::to_lowercase`, not per char: a word-final Σ lower-cases to ς.
                self.lower.push_str(&w.to_lowercase());
            }
            self.lower_ends.push(self.lower.len());
            let mut shape = 0;
            if is_capitalised(w) {
                shape |= CAPITALISED;
            }
            if marks::is_quote_mark(w) {
                shape |= QUOTE_MARK;
            }
            self.shapes.push(shape);
        }
        self.cues = (0..n).map(|i| self.find_cue(i)).collect();
    }

    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// Token `i` lower-cased.
    pub fn lower(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.lower_ends[i - 1] };
        &self.lower[start..self.lower_ends[i]]
    }

    /// Token `i` starts with a capital and holds a letter (`Kirby`, `U.S.`).
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.shapes[i] & CAPITALISED != 0
    }

    /// Token `i` is a quote mark (see [`marks::is_quote_mark`]).
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.shapes[i] & QUOTE_MARK != 0
    }

    /// The reporting cue starting at token `i`, if any.
    pub fn cue(&self, i: usize) -> Option<Cue> {
        self.cues.get(i).copied().flatten()
    }

    /// "according to", or a reporting word from the cue table. Capitalised words are names or
    /// headlines ("Says" as a headline word is not speech), except the inverted `Said Ellis: “…”`.
    fn find_cue(&self, i: usize) -> Option<Cue> {
        let w = self.token_text(i);
        if w.eq_ignore_ascii_case("according") {
            let to = i + 1 < self.tokens.len() && self.token_text(i + 1).eq_ignore_ascii_case("to");
            return to.then_some(Cue {
                first: i,
                end: i + 2,
                according: true,
            });
        }
        let inverted = matches!(w, "Said" | "Says")
            && self
                .sentences
                .get(self.sentence_of(i))
                .is_some_and(|s| s.first == i);
        if !inverted && !w.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            return None;
        }
        cues::lookup_lower(self.lower(i))?;
        Some(Cue {
            first: i,
            end: i + 1,
            according: false,
        })
    }

    /// Byte span from the start of token `first` to the end of token `last` (inclusive).
    pub fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].start, self.tokens[last].end)
    }

    /// The tokens that overlap bytes `[start, end)`.
    pub fn tokens_in(&self, start: usize, end: usize) -> TokenRange {
        TokenRange::new(
            self.tokens.partition_point(|t| t.end <= start),
            self.tokens.partition_point(|t| t.start < end),
        )
    }

    pub fn sentence_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.sentences.iter().map(|s| self.span(s.first, s.end - 1))
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= i)
    }
}
