//! `quotes-csv` and `entities-csv`: spreadsheet tables (RFC 4180 via the `csv` crate), a header
//! row, offsets in code points. Cluster columns hold the cluster `id` of the JSON export, so the
//! mentions of one person can be grouped; the speaker column already gives the speaker's name.
//!
//! A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
//! `'`: spreadsheets would otherwise run it as a formula (CSV injection, OWASP), and the text is
//! whatever the article holds.

use super::{kind_name, Article};

pub(super) fn quotes(article: &Article) -> String {
    let a = article.annotation;
    let mut table = Table::new(&[
        "speaker",
        "speaker_cluster",
        "kind",
        "quote",
        "cue",
        "paragraph",
        "start",
        "end",
        "confidence",
        "speaker_confidence",
    ]);
    for q in &a.quotes {
        // The resolved name ("John Kirby" for "he"), else the words naming the speaker.
        let speaker = (q.speaker_name.as_deref())
            .or(q.speaker.as_ref().map(|s| s.text.as_str()))
            .unwrap_or_default();
        table.row([
            text(speaker),
            number(q.speaker_cluster),
            kind_name(q.kind).to_string(),
            text(&q.text),
            text(q.cue.as_ref().map_or("", |c| c.text.as_str())),
            article.paragraph_of(q.start).to_string(),
            q.start.to_string(),
            q.end.to_string(),
            q.confidence.to_string(),
            (q.speaker_confidence).map_or(String::new(), |p| p.to_string()),
        ]);
    }
    table.finish()
}

pub(super) fn entities(article: &Article) -> String {
    let mut table = Table::new(&["label", "text", "value", "cluster", "start", "end"]);
    for e in &article.annotation.entities {
        table.row([
            e.label.as_str().to_string(),
            text(&e.text),
            text(e.value.as_deref().unwrap_or_default()),
            number(e.cluster),
            e.start.to_string(),
            e.end.to_string(),
        ]);
    }
    table.finish()
}

struct Table(csv::Writer<Vec<u8>>);

impl Table {
    fn new(header: &[&str]) -> Self {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        w.write_record(header).expect("writing to memory");
        Table(w)
    }

    fn row<const N: usize>(&mut self, cells: [String; N]) {
        self.0.write_record(&cells).expect("writing to memory");
    }

    fn finish(self) -> String {
        let bytes = self.0.into_inner().expect("writing to memory");
        String::from_utf8(bytes).expect("cells are UTF-8")
    }
}

/// A text cell, defused when a spreadsheet would read it as a formula.
fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn number(n: Option<usize>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}
