//! The invariants every `annotate` result keeps, whatever the input: one checker shared by the
//! fuzz target (`fuzz/fuzz_targets/annotate.rs`, via `#[path]`) and the replay test
//! (`tests/all/fuzz_replay.rs`), with the one way both turn fuzzer bytes into an input.

use lede::{annotate, Annotation, Options, Units};

/// Dates the first bytes can choose for `Options::date`: valid, edge and invalid forms.
const DATES: [&str; 6] = [
    "2023-10-13",
    "2000-02-29",
    "1999-12-31",
    "2023-02-30",
    "not-a-date",
    "",
];

/// Fuzzer bytes → (text, options). Byte 0: bits 0-1 choose the unit (0 Bytes, 1 Chars,
/// 2 Utf16, 3 unset = Chars by default); bit 2 says whether a date follows, chosen by byte 1
/// from [`DATES`]. The rest is the text, decoded as lossy UTF-8. Empty input → empty text.
pub fn decode(data: &[u8]) -> (String, Options) {
    let Some((&first, mut rest)) = data.split_first() else {
        return (String::new(), Options::default());
    };
    let offsets = match first & 3 {
        0 => Some(Units::Bytes),
        1 => Some(Units::Chars),
        2 => Some(Units::Utf16),
        _ => None,
    };
    let mut date = None;
    if first & 4 != 0 {
        if let Some((&d, tail)) = rest.split_first() {
            date = Some(DATES[d as usize % DATES.len()].to_string());
            rest = tail;
        }
    }
    let text = String::from_utf8_lossy(rest).into_owned();
    (
        text,
        Options {
            offsets,
            date,
            attributions: false,
            genders: Default::default(),
        },
    )
}

/// Decodes `data`, annotates it and checks every invariant; panics on the first broken one.
pub fn check_bytes(data: &[u8]) {
    let (text, options) = decode(data);
    let a = annotate(&text, &options);
    check(&text, options.offsets.unwrap_or(Units::Chars), &a);
}

/// Maps offsets in one unit back to byte offsets of the text.
struct Offsets<'a> {
    text: &'a str,
    /// Byte offset of every valid position in the unit (index = offset in the unit); `None`
    /// inside a character (a UTF-8 continuation byte, or between the halves of a surrogate pair).
    to_byte: Vec<Option<usize>>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str, unit: Units) -> Self {
        let mut to_byte = Vec::new();
        for (b, c) in text.char_indices() {
            let width = match unit {
                Units::Bytes => c.len_utf8(),
                Units::Chars => 1,
                Units::Utf16 => c.len_utf16(),
            };
            to_byte.push(Some(b));
            to_byte.extend(std::iter::repeat_n(None, width - 1));
        }
        to_byte.push(Some(text.len()));
        Offsets { text, to_byte }
    }

    /// The text of `[start, end)`, checking it is in bounds and on character boundaries.
    fn slice(&self, what: &str, start: usize, end: usize) -> &'a str {
        let len = self.to_byte.len() - 1;
        assert!(
            start <= end && end <= len,
            "{what}: span {start}..{end} out of bounds (length {len})"
        );
        let (Some(s), Some(e)) = (self.to_byte[start], self.to_byte[end]) else {
            panic!("{what}: span {start}..{end} is not on character boundaries");
        };
        &self.text[s..e]
    }
}

/// Checks `a`, the annotation of `text` with offsets in `unit`.
pub fn check(text: &str, unit: Units, a: &Annotation) {
    let o = Offsets::new(text, unit);
    for (what, spans) in [
        (
            "paragraph",
            a.paragraphs
                .iter()
                .map(|p| (p.start, p.end))
                .collect::<Vec<_>>(),
        ),
        (
            "sentence",
            a.sentences.iter().map(|s| (s.start, s.end)).collect(),
        ),
    ] {
        for &(s, e) in &spans {
            o.slice(what, s, e);
        }
        for w in spans.windows(2) {
            assert!(
                w[0].1 <= w[1].0,
                "{what}s not sorted or overlapping: {:?} then {:?}",
                w[0],
                w[1]
            );
        }
    }
    if let Some(d) = &a.dateline {
        assert_eq!(o.slice("dateline", d.start, d.end), d.text, "dateline text");
        for t in [Some(&d.place), d.agency.as_ref(), d.date.as_ref()]
            .into_iter()
            .flatten()
        {
            assert_eq!(o.slice("dateline part", t.start, t.end), t.text);
            assert!(
                d.start <= t.start && t.end <= d.end,
                "dateline part outside it"
            );
        }
    }
    if let Some(t) = a.date_source.as_ref().and_then(|s| s.span.as_ref()) {
        assert_eq!(
            o.slice("date source", t.start, t.end),
            t.text,
            "date source text"
        );
    }
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(o.slice("entity", e.start, e.end), e.text, "entity {i} text");
        if let Some(c) = e.cluster {
            assert!(
                c < a.clusters.len(),
                "entity {i}: cluster {c} of {}",
                a.clusters.len()
            );
        }
    }
    for (ci, c) in a.clusters.iter().enumerate() {
        for &m in &c.mentions {
            assert!(
                m < a.entities.len(),
                "cluster {ci}: mention {m} of {} entities",
                a.entities.len()
            );
            assert_eq!(
                a.entities[m].cluster,
                Some(ci),
                "cluster {ci}: entity {m} does not point back"
            );
        }
        for t in &c.references {
            assert_eq!(
                o.slice("reference", t.start, t.end),
                t.text,
                "cluster {ci} reference"
            );
        }
        assert!(
            c.references.windows(2).all(|w| w[0].start < w[1].start),
            "cluster {ci}: references not in text order"
        );
    }
    for (i, q) in a.quotes.iter().enumerate() {
        assert_eq!(o.slice("quote", q.start, q.end), q.text, "quote {i} text");
        if let Some(t) = &q.speaker {
            assert_eq!(
                o.slice("speaker", t.start, t.end),
                t.text,
                "quote {i} speaker"
            );
        }
        if let Some(t) = &q.cue {
            assert_eq!(o.slice("cue", t.start, t.end), t.text, "quote {i} cue");
        }
        for t in &q.parts {
            assert_eq!(o.slice("part", t.start, t.end), t.text, "quote {i} part");
        }
        if let Some(c) = q.speaker_cluster {
            assert!(
                c < a.clusters.len(),
                "quote {i}: speaker cluster {c} of {}",
                a.clusters.len()
            );
        }
    }
    // Sources: each quote in exactly one, in text order; clusters valid; groups in order, the
    // unattributed row (at most one) last.
    let mut source_of = vec![None; a.quotes.len()];
    for (si, s) in a.sources.iter().enumerate() {
        assert!(!s.quotes.is_empty(), "source {si} has no quotes");
        assert!(
            s.quotes.windows(2).all(|w| w[0] < w[1]),
            "source {si}: quotes not in order"
        );
        for &qi in &s.quotes {
            assert!(
                qi < a.quotes.len(),
                "source {si}: quote {qi} of {}",
                a.quotes.len()
            );
            assert_eq!(source_of[qi].replace(si), None, "quote {qi} in two sources");
        }
        if let Some(c) = s.cluster {
            assert!(c < a.clusters.len(), "source {si}: cluster {c}");
            assert_eq!(
                s.label, a.clusters[c].label,
                "source {si}: label of its cluster"
            );
        }
    }
    assert!(
        source_of.iter().all(Option::is_some),
        "a quote in no source"
    );
    assert!(
        a.sources.windows(2).all(|w| w[0].group <= w[1].group),
        "sources not in group order"
    );
    assert!(
        (a.sources.iter().rev().skip(1)).all(|s| s.group != lede::SourceGroup::Unattributed),
        "the unattributed row is not last, or not alone"
    );
}
