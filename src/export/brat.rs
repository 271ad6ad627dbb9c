//! `brat`: brat standoff annotations (`.ann`), read by brat beside the article as a `.txt` of
//! the same name. Offsets are code points (brat is Python).
//!
//! - `T` entity lines: the OntoNotes label; the resolved `value` as an `AnnotatorNotes` note.
//! - `*\tCoreference T.. T..`: the mentions of each cluster with more than one, its entity
//!   mentions and its `Reference` spans (pronouns and descriptions the coreference links to it).
//! - Quotes: a `Quote` span with `A\tKind T.. direct|partial|indirect|mixed`; `SpokenBy`
//!   relates it to its speaker — the entity with the speaker's span, else a `Speaker` span
//!   ("officials", "he"), the resolved name as a note —, `CuedBy` to its `Cue` span ("said"),
//!   and a mixed quote's `QuotedWords` spans relate to it by `PartOf`.
//!
//! A span crossing a line end becomes a discontinuous one (`0 5;6 10`) whose text joins the
//! pieces with a space, as brat writes it: a `.ann` line holds no line break.

use super::{kind_name, Article};
use std::collections::HashMap;
use std::fmt::Write;

pub(super) fn write(article: &Article) -> String {
    let mut ann = Ann {
        article,
        out: String::new(),
        spans: HashMap::new(),
        counts: [0; 4],
    };
    let a = article.annotation;
    let mut entity_ids = Vec::with_capacity(a.entities.len());
    let mut entity_at = HashMap::new();
    for e in &a.entities {
        let id = ann.span(e.label.as_str(), e.start, e.end);
        if let (Some(id), Some(value)) = (&id, &e.value) {
            ann.note(id, value);
        }
        if let Some(id) = &id {
            entity_at
                .entry((e.start, e.end))
                .or_insert_with(|| id.clone());
        }
        entity_ids.push(id);
    }
    for c in &a.clusters {
        let mut ids: Vec<String> = (c.mentions.iter())
            .filter_map(|&m| entity_ids.get(m)?.clone())
            .collect();
        // The pronouns and descriptions linked to the cluster, as `Reference` spans.
        ids.extend((c.references.iter()).filter_map(|r| ann.span("Reference", r.start, r.end)));
        if ids.len() > 1 {
            writeln!(ann.out, "*\tCoreference {}", ids.join(" ")).unwrap();
        }
    }
    for q in &a.quotes {
        let Some(quote) = ann.span("Quote", q.start, q.end) else {
            continue;
        };
        let n = ann.next(2);
        writeln!(ann.out, "A{n}\tKind {quote} {}", kind_name(q.kind)).unwrap();
        if let Some(s) = &q.speaker {
            // The entity or reference with exactly the speaker's span, else a span of its own.
            let entity = (entity_at.get(&(s.start, s.end)).cloned())
                .or_else(|| ann.spans.get(&("Reference", s.start, s.end)).cloned());
            if let Some(speaker) = entity.or_else(|| ann.span("Speaker", s.start, s.end)) {
                ann.relation("SpokenBy", &quote, &speaker);
            }
        }
        if let Some(name) = &q.speaker_name {
            ann.note(&quote, &format!("speaker: {name}"));
        }
        if let Some(cue) = q.cue.as_ref().and_then(|c| ann.span("Cue", c.start, c.end)) {
            ann.relation("CuedBy", &quote, &cue);
        }
        for p in &q.parts {
            if let Some(part) = ann.span("QuotedWords", p.start, p.end) {
                ann.relation("PartOf", &part, &quote);
            }
        }
    }
    ann.out
}

struct Ann<'a, 'b> {
    article: &'b Article<'a>,
    out: String,
    /// (type, start, end) → its `T` id, so a span used twice (a speaker of two quotes) is one.
    spans: HashMap<(&'static str, usize, usize), String>,
    /// Last number given to T, R, A and # lines.
    counts: [usize; 4],
}

impl Ann<'_, '_> {
    fn next(&mut self, kind: usize) -> usize {
        self.counts[kind] += 1;
        self.counts[kind]
    }

    /// The `T` id of a text-bound span (code points), written when new; `None` for a span with
    /// no character but line ends.
    fn span(&mut self, kind: &'static str, start: usize, end: usize) -> Option<String> {
        if let Some(id) = self.spans.get(&(kind, start, end)) {
            return Some(id.clone());
        }
        let (b0, b1) = (self.article.byte(start), self.article.byte(end));
        let text = self.article.text;
        // The pieces between line ends, as (byte start, byte end).
        let mut pieces = Vec::new();
        let mut at = b0;
        for line in text[b0..b1].split(['\n', '\r']) {
            if !line.is_empty() {
                pieces.push((at, at + line.len()));
            }
            at += line.len() + 1;
        }
        if pieces.is_empty() {
            return None;
        }
        let offsets: Vec<String> = (pieces.iter())
            .map(|&(s, e)| format!("{} {}", self.article.char(s), self.article.char(e)))
            .collect();
        let words: Vec<&str> = pieces.iter().map(|&(s, e)| &text[s..e]).collect();
        let id = format!("T{}", self.next(0));
        writeln!(
            self.out,
            "{id}\t{kind} {}\t{}",
            offsets.join(";"),
            words.join(" ")
        )
        .unwrap();
        self.spans.insert((kind, start, end), id.clone());
        Some(id)
    }

    fn relation(&mut self, kind: &str, arg1: &str, arg2: &str) {
        let n = self.next(1);
        writeln!(self.out, "R{n}\t{kind} Arg1:{arg1} Arg2:{arg2}").unwrap();
    }

    /// A one-line note on annotation `id`.
    fn note(&mut self, id: &str, note: &str) {
        let n = self.next(3);
        let note = note.replace(['\n', '\r', '\t'], " ");
        writeln!(self.out, "#{n}\tAnnotatorNotes {id}\t{note}").unwrap();
    }
}
