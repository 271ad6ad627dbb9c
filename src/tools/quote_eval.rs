//! PolNeAR evaluation of quotes and speakers (`lede eval --quotes DIR`).
//!
//! Gold items come from primary annotations of one split:
//! - direct: every content span that is exactly one quoted segment (the content is wholly
//!   between quote marks, with no writer's words between two quoted parts), whatever the
//!   record's `quote_type`; a quote continued after `she said` is two items, each with the
//!   record's source. Annotation slop is read generously: pieces of one record split at
//!   sentence ends are joined, a mark just outside the span counts, a paragraph of a quote
//!   running over several (no closing mark, the next paragraph reopens) counts, and so does a
//!   transcript turn (`"WALLACE: …` with the label as source).
//! - reported speech: records with content outside quote marks whose cue head word (first word
//!   that is not an auxiliary or adverb, as in `scripts/derive/cues.py`) is a speech cue
//!   (`cues::is_speech`, or "according to"); the item is that outside-quote content.
//!
//! Predictions: quotes of kind `direct` against direct items; `indirect` against reported
//! items. A prediction matches a gold item when they overlap by at least half of the longer
//! (one-to-one, greedy by overlap). Indirect precision counts a prediction as correct when it
//! matches any gold attribution content, with or without a speech cue (the cue filter defines
//! recall's denominator, not what a correct prediction is). Speaker accuracy: over matched
//! items, the predicted speaker span overlaps a gold source span (or both are absent).

use super::{read_text, Error};
use crate::schema::{Quote, QuoteKind};
use crate::words::cues;
use crate::words::marks::QUOTE_MARKS as MARKS;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize, Clone)]
struct GoldSpan {
    start: usize,
    end: usize,
    #[serde(default)]
    text: String,
}

#[derive(Deserialize)]
struct Record {
    doc_id: String,
    split: String,
    is_primary_annotation: bool,
    source: Vec<GoldSpan>,
    cue: Vec<GoldSpan>,
    content: Vec<GoldSpan>,
    quoted_segments: Vec<GoldSpan>,
}

/// One gold item: content spans (code points) and the source spans.
#[derive(Clone)]
struct Item {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    cue: String,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    /// Gold items matched (recall numerator).
    pub matched_gold: usize,
    /// Predictions matching a gold item (precision numerator).
    pub matched_pred: usize,
    pub speaker_ok: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.matched_pred, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched_gold, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.matched_gold)
    }
    fn add(&mut self, o: Score) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched_gold += o.matched_gold;
        self.matched_pred += o.matched_pred;
        self.speaker_ok += o.speaker_ok;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub split: String,
    pub documents: usize,
    pub direct: Score,
    pub indirect: Score,
    /// Error examples (only collected when asked for).
    pub errors: Vec<String>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "PolNeAR {} ({} documents, primary annotations)",
            self.split, self.documents
        )?;
        for (name, s) in [
            ("direct quotes", &self.direct),
            ("reported speech (speech cue)", &self.indirect),
        ] {
            writeln!(
                f,
                "{name:<30} P {:.3}  R {:.3}  F1 {:.3}   (gold {}, predicted {}, matched {})",
                s.precision(),
                s.recall(),
                s.f1(),
                s.gold,
                s.predicted,
                s.matched_gold
            )?;
            writeln!(
                f,
                "{:<30} speaker accuracy {:.3}   ({} / {} matched)",
                "",
                s.speaker_accuracy(),
                s.speaker_ok,
                s.matched_gold
            )?;
        }
        for e in &self.errors {
            writeln!(f, "{e}")?;
        }
        Ok(())
    }
}

/// Whether a content span is wholly a quotation: it is one of the record's quoted segments,
/// or it opens and closes with quote marks and has no double marks inside. Annotators sometimes start or end the span just
/// inside a mark, so the characters right outside the span count too.
fn is_quoted(c: (usize, usize), r: &Record, text: &[char]) -> bool {
    let quoted = &r.quoted_segments;
    let (mut a, mut b) = (c.0.min(text.len()), c.1.min(text.len()));
    while a < b && text[a].is_whitespace() {
        a += 1;
    }
    while a < b && (text[b - 1].is_whitespace() || matches!(text[b - 1], '.' | ',')) {
        b -= 1;
    }
    let mark = |i: usize| text.get(i).is_some_and(|&ch| MARKS.contains(ch));
    let opens = (b > a && mark(a)) || (a > 0 && mark(a - 1)) || after_label(a, r, text);
    // A closing double mark followed later by an opening one inside means several quoted
    // segments with the writer's words between (`“A” the level of “B”`); a quote nested
    // inside (`"… “Shark Tank.” But …`) opens before it closes.
    let inner = doubled_as_one(text.get(a + 1..b.saturating_sub(1)).unwrap_or_default());
    let closes_at = inner.iter().enumerate().position(|(i, &ch)| {
        ch == '”' || (ch == '"' && inner.get(i + 1).is_none_or(|n| !n.is_alphanumeric()))
    });
    let one_segment = closes_at.is_none_or(|i| {
        !inner[i + 1..].iter().enumerate().any(|(j, &ch)| {
            ch == '“' || (ch == '"' && inner.get(i + j + 2).is_some_and(|n| n.is_alphanumeric()))
        })
    });
    // A paragraph of a quote running over several ends without a mark; the next reopens it.
    let ends_paragraph = text[c.1.min(text.len())..]
        .iter()
        .take_while(|&&ch| ch != '\n')
        .all(|ch| ch.is_whitespace() || matches!(ch, '.' | ',' | '!' | '?'))
        && text[c.1.min(text.len())..]
            .iter()
            .find(|ch| !ch.is_whitespace())
            .is_some_and(|&ch| MARKS.contains(ch));
    let closes = (b > a && mark(b - 1)) || mark(b) || mark(c.1) || ends_paragraph;
    (opens && closes && one_segment && b - a > 4)
        || quoted
            .iter()
            .any(|q| q.start.abs_diff(c.0) <= 1 && q.end.abs_diff(c.1) <= 2)
}

fn ends_with_mark(c: (usize, usize), text: &[char]) -> bool {
    text.get(c.0..c.1.min(text.len())).is_some_and(|t| {
        t.iter()
            .rev()
            .find(|ch| !ch.is_whitespace() && !matches!(ch, '.' | ','))
            .is_some_and(|&ch| MARKS.contains(ch))
    })
}

/// A record's content spans with neighbours separated only by white space joined when the
/// first does not end with a quote mark nor the second start with one: annotators split one quotation at sentence ends,
/// and a reader sees one quote.
fn joined_contents(r: &Record, text: &[char]) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = r.content.iter().map(|c| (c.start, c.end)).collect();
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last)
                if last.1 <= s
                    && !ends_with_mark(*last, text)
                    && !text.get(s).is_some_and(|&ch| MARKS.contains(ch))
                    && text
                        .get(last.1..s.min(text.len()))
                        .is_some_and(|gap| gap.iter().all(|ch| ch.is_whitespace())) =>
            {
                last.1 = e
            }
            _ => out.push((s, e)),
        }
    }
    out
}

/// PTB-style `''` and ``` `` ``` as one `"` and `“`.
fn doubled_as_one(s: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match (s[i], s.get(i + 1)) {
            ('\'', Some('\'')) | ('`', Some('`')) => {
                out.push(if s[i] == '`' { '“' } else { '"' });
                i += 2;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A transcript turn, `"WALLACE: Let's start …`: between the opening mark that starts the
/// line and the content there is only the record's source and cue.
fn after_label(a: usize, r: &Record, text: &[char]) -> bool {
    let line_start = text[..a.min(text.len())]
        .iter()
        .rposition(|&ch| ch == '\n')
        .map_or(0, |i| i + 1);
    let mut rest: Vec<bool> = text[line_start..a.min(text.len())]
        .iter()
        .map(|ch| !ch.is_whitespace())
        .collect();
    for s in r.source.iter().chain(&r.cue) {
        for i in s.start.max(line_start)..s.end.min(a) {
            rest[i - line_start] = false;
        }
    }
    let first = text[line_start..a.min(text.len())]
        .iter()
        .position(|ch| !ch.is_whitespace());
    first.is_some_and(|f| {
        MARKS.contains(text[line_start + f]) && {
            rest[f] = false;
            !rest.iter().any(|&x| x)
        }
    })
}

/// Cue head word, as the derivation script defines it.
fn cue_head(text: &str) -> Option<String> {
    const SKIP: &[&str] = &[
        "has", "have", "had", "also", "is", "was", "are", "were", "be", "been", "being", "will",
        "would", "could", "can", "should", "may", "might", "did", "does", "do", "not", "then",
        "later", "first", "just", "once", "again", "further", "even", "still", "it", "as",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .find(|w| !(SKIP.contains(&w.as_str()) || (w.ends_with("ly") && w.len() > 4)))
}

fn is_speech_cue(cue: &[GoldSpan]) -> bool {
    cue.iter()
        .any(|c| cue_head(&c.text).is_some_and(|h| h == "according" || cues::is_speech(&h)))
}

/// Gold items of one document: (direct items, speech-cue reported items, all reported contents).
type Gold = (Vec<Item>, Vec<Item>, Vec<Item>);

/// Primary-annotation records of one split, per document.
fn load_records(dir: &Path, split: &str) -> Result<HashMap<String, Vec<Record>>, Error> {
    let path = dir.join("attributions.jsonl");
    let text = read_text(&path)?;
    let mut records: HashMap<String, Vec<Record>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(line).map_err(|e| Error::Parse {
            path: path.clone(),
            line: n + 1,
            msg: e.to_string(),
        })?;
        if r.split == split && r.is_primary_annotation {
            records.entry(r.doc_id.clone()).or_default().push(r);
        }
    }
    Ok(records)
}

fn gold_items(records: &[Record], text: &[char]) -> Gold {
    let mut gold = Gold::default();
    for r in records {
        let source: Vec<(usize, usize)> = r.source.iter().map(|s| (s.start, s.end)).collect();
        let cue = r.cue.first().map_or(String::new(), |c| c.text.clone());
        let mut rest = Vec::new();
        for c in joined_contents(r, text) {
            if is_quoted(c, r, text) {
                gold.0.push(Item {
                    content: vec![c],
                    source: source.clone(),
                    cue: cue.clone(),
                });
            } else {
                rest.push(c);
            }
        }
        if !rest.is_empty() {
            let item = Item {
                content: rest,
                source,
                cue,
            };
            if is_speech_cue(&r.cue) {
                gold.1.push(item.clone());
            }
            gold.2.push(item);
        }
    }
    gold
}

fn overlap(p: (usize, usize), g: &[(usize, usize)]) -> usize {
    g.iter()
        .map(|&(s, e)| e.min(p.1).saturating_sub(s.max(p.0)))
        .sum()
}

fn matches(p: (usize, usize), g: &Item) -> bool {
    let glen: usize = g.content.iter().map(|&(s, e)| e - s).sum();
    let longer = (p.1 - p.0).max(glen);
    longer > 0 && overlap(p, &g.content) * 2 >= longer
}

fn speaker_ok(q: &Quote, g: &Item) -> bool {
    match &q.speaker {
        None => g.source.is_empty(),
        Some(s) => g.source.iter().any(|&(a, b)| s.start < b && a < s.end),
    }
}

/// Scores one document's predictions against gold items; `any` are all gold contents that make
/// a prediction correct for precision (same as `gold` for direct quotes).
fn score(
    preds: &[&Quote],
    gold: &[Item],
    any: &[Item],
    errors: Option<(&str, &str, &mut Vec<String>)>,
) -> Score {
    let mut s = Score {
        gold: gold.len(),
        predicted: preds.len(),
        ..Score::default()
    };
    // Greedy one-to-one matching by overlap.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, p) in preds.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            if matches((p.start, p.end), g) {
                pairs.push((overlap((p.start, p.end), &g.content), pi, gi));
            }
        }
    }
    pairs.sort_by(|a, b| b.cmp(a));
    let (mut pu, mut gu) = (vec![false; preds.len()], vec![false; gold.len()]);
    let mut wrong_speaker = Vec::new();
    for (_, pi, gi) in pairs {
        if pu[pi] || gu[gi] {
            continue;
        }
        pu[pi] = true;
        gu[gi] = true;
        s.matched_gold += 1;
        if speaker_ok(preds[pi], &gold[gi]) {
            s.speaker_ok += 1;
        } else {
            wrong_speaker.push((pi, gi));
        }
    }
    for (pi, p) in preds.iter().enumerate() {
        if pu[pi] || any.iter().any(|g| matches((p.start, p.end), g)) {
            s.matched_pred += 1;
            pu[pi] = true;
        }
    }
    if let Some((doc, text, out)) = errors {
        let chars: Vec<char> = text.chars().collect();
        let cut = |a: usize, b: usize| -> String {
            let b = b.min(chars.len());
            let a = a.min(b);
            chars[a..b].iter().collect::<String>().replace('\n', " ")
        };
        for (pi, p) in preds.iter().enumerate() {
            if !pu[pi] {
                out.push(format!(
                    "FP {doc} {:?} | {}",
                    p.kind,
                    cut(p.start, p.end.min(p.start + 160))
                ));
            }
        }
        for (gi, g) in gold.iter().enumerate() {
            if !gu[gi] {
                let (a, b) = (g.content[0].0, g.content.last().map_or(0, |c| c.1));
                let near = preds
                    .iter()
                    .filter(|p| overlap((p.start, p.end), &g.content) > 0)
                    .map(|p| cut(p.start, p.end.min(p.start + 100)))
                    .next()
                    .unwrap_or_default();
                out.push(format!(
                    "FN {doc} cue «{}» | {}  «{}» ~ pred «{near}»",
                    g.cue,
                    cut(a, b.min(a + 160)),
                    cut(b, b + 60)
                ));
            }
        }
        for (pi, gi) in wrong_speaker {
            let p = preds[pi];
            let gs = gold[gi]
                .source
                .first()
                .map_or(String::from("-"), |&(a, b)| cut(a, b));
            let ps = p
                .speaker
                .as_ref()
                .map_or("-".to_string(), |s| s.text.clone());
            out.push(format!(
                "SPK {doc} pred «{ps}» gold «{gs}» | {}",
                cut(p.start.saturating_sub(80), p.end.min(p.start + 80) + 60)
            ));
        }
    }
    s
}

/// Evaluates the pipeline on one PolNeAR split under `dir` (the `polnear` folder).
/// `show_errors` collects error lines for analysis (they quote the corpus: do not commit them).
pub fn evaluate(dir: &Path, split: &str, show_errors: bool) -> Result<Report, Error> {
    let records = load_records(dir, split)?;
    let text_dir = dir.join("text").join(split);
    let mut names: Vec<String> = std::fs::read_dir(&text_dir)
        .map_err(Error::read(&text_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut report = Report {
        split: split.to_string(),
        ..Report::default()
    };
    for name in names {
        let doc_id = name.trim_end_matches(".txt");
        let text = read_text(&text_dir.join(&name))?;
        let annotation = crate::annotate(&text, &crate::Options::default());
        let chars: Vec<char> = text.chars().collect();
        let (direct, reported, any) =
            gold_items(records.get(doc_id).map_or(&[][..], Vec::as_slice), &chars);
        let preds = |k: QuoteKind| {
            annotation
                .quotes
                .iter()
                .filter(|q| q.kind == k)
                .collect::<Vec<_>>()
        };
        let mut errs = Vec::new();
        let d = score(
            &preds(QuoteKind::Direct),
            &direct,
            &direct,
            show_errors.then_some((doc_id, text.as_str(), &mut errs)),
        );
        report.direct.add(d);
        let mut errs2 = Vec::new();
        let i = score(
            &preds(QuoteKind::Indirect),
            &reported,
            &any,
            show_errors.then_some((doc_id, text.as_str(), &mut errs2)),
        );
        report.indirect.add(i);
        report
            .errors
            .extend(errs.into_iter().map(|e| format!("[direct] {e}")));
        report
            .errors
            .extend(errs2.into_iter().map(|e| format!("[indirect] {e}")));
        report.documents += 1;
    }
    Ok(report)
}
