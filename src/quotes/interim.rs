//! Stand-in quote-span finder used until `quotes::marks` lands on main; replaced by it.
//! Pairs “ ” (and straight quotes) inside each paragraph; an opening mark with no close runs to
//! the paragraph end (the news convention for quotes continuing into the next paragraph).

use crate::doc::Doc;
use crate::schema::{Quote, QuoteKind};

pub fn find(doc: &Doc) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in doc.paragraphs.iter().filter(|p| p.kind.is_content()) {
        let text = &doc.text[p.start..p.end];
        let mut open: Option<usize> = None;
        let mut skip_next = false;
        for (i, c) in text.char_indices() {
            if skip_next {
                skip_next = false;
                continue;
            }
            let prev = text[..i].chars().next_back();
            // `''…''`: two apostrophes are a double quote mark in some outlets.
            if c == '\'' && text[i + 1..].starts_with('\'') {
                skip_next = true;
                match open {
                    None if prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p)) => {
                        open = Some(i)
                    }
                    Some(o) => {
                        push(doc, &mut out, p.start + o, p.start + i + 2);
                        open = None;
                    }
                    None => {}
                }
                continue;
            }
            let straight_opens =
                c == '"' && prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p));
            match (c, open) {
                ('“', _) => open = Some(i),
                ('"', None) if straight_opens => open = Some(i),
                ('”' | '"', Some(o)) => {
                    push(doc, &mut out, p.start + o, p.start + i + c.len_utf8());
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            push(doc, &mut out, p.start + o, p.start + text.trim_end().len());
        }
    }
    out
}

fn push(doc: &Doc, out: &mut Vec<Quote>, start: usize, end: usize) {
    let inner = doc.text[start..end].trim_matches(|c: char| "“”\"'".contains(c));
    if inner.trim().is_empty() {
        return;
    }
    let before = doc.text[..start].trim_end();
    let sentence_start =
        before.is_empty() || before.ends_with(['.', ':', '\n', '?', '!']) || before.ends_with(',');
    let words = inner.split_whitespace().count();
    let upper = inner.chars().next().is_some_and(char::is_uppercase);
    let kind = if (upper && sentence_start) || (upper && words >= 6) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    out.push(Quote {
        start,
        end,
        text: doc.text[start..end].to_string(),
        kind,
        speaker: None,
        speaker_name: None,
        speaker_cluster: None,
        cue: None,
    });
}
