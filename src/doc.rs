//! The tokenized article every later stage reads: paragraphs, tokens and sentences.

use crate::article;
use crate::schema::{Paragraph, Span};
use crate::text::{split_sentences, tokenize, Token};

/// A sentence as a range of token indices, with its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceRange {
    pub first: usize,
    pub end: usize,
    pub paragraph: usize,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub date: Option<(i32, u32, u32)>,
    pub paragraphs: Vec<Paragraph>,
    /// Tokens of content paragraphs only (boilerplate and datelines are skipped).
    pub tokens: Vec<Token>,
    pub sentences: Vec<SentenceRange>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let article = article::parse(text);
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        for (pi, p) in article.paragraphs.iter().enumerate() {
            if !p.kind.is_content() {
                continue;
            }
            let base = tokens.len();
            let toks = tokenize(text, p.start, p.end);
            for (a, b) in split_sentences(text, &toks) {
                sentences.push(SentenceRange {
                    first: base + a,
                    end: base + b,
                    paragraph: pi,
                });
            }
            tokens.extend(toks);
        }
        Doc {
            text,
            date: article.date,
            paragraphs: article.paragraphs,
            tokens,
            sentences,
        }
    }

    pub fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// Byte span from the start of token `first` to the end of token `last` (inclusive).
    pub fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].start, self.tokens[last].end)
    }

    pub fn sentence_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.sentences.iter().map(|s| self.span(s.first, s.end - 1))
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= i)
    }
}
