//! `conll`: one token per line, TAB, its IOB2 entity tag (`B-PERSON`, `I-PERSON`, `O`); one
//! sentence per block, blocks separated by a blank line — what CoNLL-2003 / OntoNotes readers
//! (and `lede train`, `lede eval --ner`) take. Tokens are the pipeline's own (Penn Treebank
//! style); sentences are the Annotation's, so boilerplate and captions are left out.

use super::Article;
use crate::text::tokenize;
use std::fmt::Write;

pub(super) fn write(article: &Article) -> String {
    let a = article.annotation;
    // Entities as byte spans in text order; a nested or crossing entity yields to the first.
    let mut entities: Vec<(usize, usize, &str)> = (a.entities.iter())
        .map(|e| (article.byte(e.start), article.byte(e.end), e.label.as_str()))
        .collect();
    entities.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut out = String::new();
    let mut next = 0; // first entity that may still overlap a token
    for s in &a.sentences {
        let tokens = tokenize(article.text, article.byte(s.start), article.byte(s.end));
        if tokens.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        // The entity whose B- tag is written; one across a sentence end starts again with B-.
        let mut tagged = usize::MAX;
        for t in tokens {
            while entities
                .get(next)
                .is_some_and(|&(_, end, _)| end <= t.start)
            {
                next += 1;
            }
            let tag = match entities.get(next) {
                Some(&(start, _, label)) if start < t.end => {
                    let prefix = if tagged == next { "I" } else { "B" };
                    tagged = next;
                    format!("{prefix}-{label}")
                }
                _ => "O".to_string(),
            };
            writeln!(out, "{}\t{tag}", t.text(article.text)).unwrap();
        }
    }
    out
}
