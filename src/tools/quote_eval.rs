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
//! Predictions: quotes of kind `direct` against direct items; `indirect` and `mixed` against reported
//! items. A prediction matches a gold item when they overlap by at least half of the longer
//! (one-to-one, greedy by overlap). Indirect precision counts a prediction as correct when it
//! matches any gold attribution content, with or without a speech cue (the cue filter defines
//! recall's denominator, not what a correct prediction is). Speaker accuracy: over matched
//! items, the predicted speaker span overlaps a gold source span (or both are absent).
//!
//! Exact role spans, as CofeNet (2022) reports PolNeAR: over ALL primary attributions (direct,
//! mixed, indirect, whatever the cue), each role's gold spans — every content span of every
//! record (a record's several content spans are several gold spans), every source span, every
//! cue span — against the predicted ones — each quote's content (`start..end`), its speaker and
//! its cue. A prediction is correct when it equals a gold span of its role in the same document.
//! Spans are compared in token space, so white space and character slop do not count:
//! - a span (code points) becomes the range of tokens it overlaps, the tokens cut as
//!   `annotate` cuts them ([`super::token_spans`]);
//! - leading and trailing tokens that are pure punctuation are dropped (`said.` is `said`, a
//!   trailing comma or dash does not matter); punctuation is ASCII punctuation and the General
//!   Punctuation block (dashes, ellipsis, bullets), quote marks excepted: a quote's marks stay
//!   part of it. A span that is punctuation only (a `:` cue) is kept whole; a span over no
//!   token (white space only, or empty) is dropped;
//! - per document and role, equal token ranges count once, gold and predicted alike (a speaker
//!   named by three quotes is one source span; a mention that is the source of two
//!   attributions is one gold span), so precision is matched / predicted and recall
//!   matched / gold over those sets.
//!
//! Folds (`--folds K`): the documents in name order, document i in fold i mod K; each fold is
//! scored by a predictor made from the other K−1 (see [`cross_validate`]). The shipped pipeline
//! learns nothing from the corpus, so for it the folds are only a partition of the split.

use super::{read_text, token_spans, Error};
use crate::schema::{Quote, QuoteKind};
use crate::seq::folds;
use crate::words::cues;
use crate::words::marks::{is_quote_char, QUOTE_MARKS as MARKS};
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// A gold span: code points, end exclusive, with the text it covers.
#[derive(Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
}

/// One gold attribution (a primary annotation) of a document.
#[derive(Deserialize, Clone, Debug)]
pub struct Attribution {
    pub source: Vec<GoldSpan>,
    pub cue: Vec<GoldSpan>,
    pub content: Vec<GoldSpan>,
    /// The parts of the content between quote marks (derived, not annotated).
    #[serde(default)]
    pub quoted_segments: Vec<GoldSpan>,
}

/// A line of `attributions.jsonl`.
#[derive(Deserialize)]
struct Line {
    doc_id: String,
    split: String,
    is_primary_annotation: bool,
    #[serde(flatten)]
    attribution: Attribution,
}

/// A PolNeAR document with its primary attributions.
#[derive(Clone, Debug)]
pub struct PolnearDoc {
    /// The file name without `.txt`.
    pub id: String,
    pub text: String,
    pub attributions: Vec<Attribution>,
}

/// Something per attribution role.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Roles<T> {
    pub content: T,
    pub source: T,
    pub cue: T,
}

/// Spans as `(start, end)` code points.
pub type Spans = Vec<(usize, usize)>;

/// Exact-span counts of one role.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Exact {
    pub gold: usize,
    pub predicted: usize,
    /// Predicted spans equal to a gold span (and so gold spans found).
    pub matched: usize,
}

impl Exact {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    pub fn add(&mut self, o: Exact) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.matched += o.matched;
    }
}

impl Roles<Exact> {
    fn add(&mut self, o: &Roles<Exact>) {
        self.content.add(o.content);
        self.source.add(o.source);
        self.cue.add(o.cue);
    }
}

/// One gold item: content spans (code points) and the source spans.
#[derive(Clone)]
struct Item {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    cue: String,
    /// The gold source is a pronoun or a role noun ("he", "the agency"), not a name.
    source_unnamed: bool,
    /// Of those, one person the article nearly always names: "he", "she", "who", "the
    /// senator" (not "they", "officials" or "the poll", which often name nobody).
    source_person: bool,
}

/// A source that stands for one person: a singular personal or relative pronoun, or "the" and
/// one title or person noun ("the senator", "the candidate").
fn is_person_reference(source: &str) -> bool {
    let words: Vec<&str> = source.split_whitespace().collect();
    match words.as_slice() {
        [w] => matches!(w.to_lowercase().as_str(), "he" | "she" | "who"),
        [the, noun] => {
            the.eq_ignore_ascii_case("the")
                && noun.starts_with(char::is_lowercase)
                && (crate::words::is_title(noun) || crate::words::PERSON_NOUNS.contains(noun))
        }
        _ => false,
    }
}

/// A source written as a pronoun or a role noun: no capitalised word but a leading pronoun or
/// determiner ("He", "The agency", "a spokeswoman for the campaign" is not: it names one).
fn is_pronoun_or_role(source: &str) -> bool {
    let mut words = source.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let lead = first.starts_with(char::is_lowercase)
        || crate::words::is_pronoun(first)
        || matches!(
            first,
            "The" | "A" | "An" | "This" | "That" | "Its" | "His" | "Her" | "Their"
        );
    lead && words.all(|w| !w.starts_with(char::is_uppercase))
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
    /// Matched items whose gold source is a pronoun or role noun and whose speaker is right,
    /// and how many of them carry a `speaker_name`.
    pub pronoun_or_role: Naming,
    /// The same for sources that stand for one person ("he", "the senator").
    pub person: Naming,
}

/// Right speakers written as a pronoun or role noun, and how many of them carry a name.
#[derive(Debug, Default, Clone, Copy)]
pub struct Naming {
    pub sources: usize,
    pub named: usize,
}

impl Naming {
    fn count(&mut self, named: bool) {
        self.sources += 1;
        self.named += usize::from(named);
    }
    fn add(&mut self, o: Naming) {
        self.sources += o.sources;
        self.named += o.named;
    }
    /// Share left without a name.
    pub fn unnamed_share(&self) -> f64 {
        1.0 - ratio(self.named, self.sources)
    }
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.matched_pred, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched_gold, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
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
        self.pronoun_or_role.add(o.pronoun_or_role);
        self.person.add(o.person);
    }
}

pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[derive(Debug, Default)]
pub struct Report {
    /// What was scored: the split, or a fold of it.
    pub split: String,
    pub documents: usize,
    pub direct: Score,
    pub indirect: Score,
    /// Exact role spans over all attributions (see the module documentation).
    pub exact: Roles<Exact>,
    /// Error examples (only collected when asked for).
    pub errors: Vec<String>,
}

impl Report {
    /// Unnamed share of one naming count over direct quotes and reported speech together.
    fn naming(&self, of: fn(&Score) -> Naming) -> f64 {
        let mut n = of(&self.direct);
        n.add(of(&self.indirect));
        n.unnamed_share()
    }
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
            for (what, n) in [
                ("pronoun/role speakers without a name", s.pronoun_or_role),
                ("of them one person (he, she, who, the senator)", s.person),
            ] {
                writeln!(
                    f,
                    "{:<30} {what} {:.3}   ({} of {})",
                    "",
                    n.unnamed_share(),
                    n.sources - n.named,
                    n.sources
                )?;
            }
        }
        writeln!(f, "exact spans, all attributions (token space)")?;
        for (name, s) in [
            ("  content", &self.exact.content),
            ("  source", &self.exact.source),
            ("  cue", &self.exact.cue),
        ] {
            writeln!(
                f,
                "{name:<30} P {:.3}  R {:.3}  F1 {:.3}   (gold {}, predicted {}, matched {})",
                s.precision(),
                s.recall(),
                s.f1(),
                s.gold,
                s.predicted,
                s.matched
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
fn is_quoted(c: (usize, usize), r: &Attribution, text: &[char]) -> bool {
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
fn joined_contents(r: &Attribution, text: &[char]) -> Vec<(usize, usize)> {
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
fn after_label(a: usize, r: &Attribution, text: &[char]) -> bool {
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

/// The documents of one split under `dir` (the `polnear` folder: `text/<split>/*.txt` and
/// `attributions.jsonl`), sorted by name, each with its primary attributions in file order.
pub fn load(dir: &Path, split: &str) -> Result<Vec<PolnearDoc>, Error> {
    let path = dir.join("attributions.jsonl");
    let jsonl = read_text(&path)?;
    let mut records: HashMap<String, Vec<Attribution>> = HashMap::new();
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Line = serde_json::from_str(line).map_err(|e| Error::Parse {
            path: path.clone(),
            line: n + 1,
            msg: e.to_string(),
        })?;
        if r.split == split && r.is_primary_annotation {
            records.entry(r.doc_id).or_default().push(r.attribution);
        }
    }
    let text_dir = dir.join("text").join(split);
    let mut names: Vec<String> = std::fs::read_dir(&text_dir)
        .map_err(Error::read(&text_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = read_text(&text_dir.join(&name))?;
            let id = name.trim_end_matches(".txt").to_string();
            let attributions = records.remove(&id).unwrap_or_default();
            Ok(PolnearDoc {
                id,
                text,
                attributions,
            })
        })
        .collect()
}

/// Every gold span of a document per role (code points), sorted, equal spans once.
pub fn gold_roles(doc: &PolnearDoc) -> Roles<Spans> {
    let spans = |role: fn(&Attribution) -> &[GoldSpan]| -> Spans {
        let set: BTreeSet<(usize, usize)> = doc
            .attributions
            .iter()
            .flat_map(|a| role(a).iter().map(|s| (s.start, s.end)))
            .collect();
        set.into_iter().collect()
    };
    Roles {
        content: spans(|a| &a.content),
        source: spans(|a| &a.source),
        cue: spans(|a| &a.cue),
    }
}

/// The predicted spans per role of a document's quotes: each quote's content, speaker and cue
/// (offsets as the quotes carry them: code points from [`annotate_quotes`]).
pub fn predicted_roles(quotes: &[Quote]) -> Roles<Spans> {
    Roles {
        content: quotes.iter().map(|q| (q.start, q.end)).collect(),
        source: quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref().map(|s| (s.start, s.end)))
            .collect(),
        cue: quotes
            .iter()
            .filter_map(|q| q.cue.as_ref().map(|s| (s.start, s.end)))
            .collect(),
    }
}

/// Punctuation a span may begin or end with without changing what it is: ASCII punctuation
/// and the General Punctuation block, not quote marks.
fn is_edge_punctuation(c: char) -> bool {
    (c.is_ascii_punctuation()
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205e}').contains(&c))
        && !is_quote_char(c)
}

/// A text's tokens, to map code-point spans into token space.
struct TokenSpace<'a> {
    text: &'a str,
    /// Byte offset of each code point, and the text's length last.
    bytes: Vec<usize>,
    tokens: Vec<(usize, usize)>,
}

impl<'a> TokenSpace<'a> {
    fn new(text: &'a str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        TokenSpace {
            text,
            bytes,
            tokens: token_spans(text),
        }
    }

    /// The tokens `[first, end)` a code-point span overlaps, punctuation at either end
    /// dropped unless that leaves nothing; `None` when it overlaps no token (or is empty).
    fn range(&self, (start, end): (usize, usize)) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let byte = |c: usize| self.bytes[c.min(self.bytes.len() - 1)];
        let (bs, be) = (byte(start), byte(end));
        let mut first = self.tokens.partition_point(|t| t.1 <= bs);
        let mut last = self.tokens.partition_point(|t| t.0 < be);
        if first >= last {
            return None;
        }
        let punct = |i: usize| {
            let (a, b) = self.tokens[i];
            self.text[a..b].chars().all(is_edge_punctuation)
        };
        let whole = (first, last);
        while first < last && punct(first) {
            first += 1;
        }
        while first < last && punct(last - 1) {
            last -= 1;
        }
        Some(if first < last { (first, last) } else { whole })
    }

    fn set(&self, spans: &[(usize, usize)]) -> BTreeSet<(usize, usize)> {
        spans.iter().filter_map(|&s| self.range(s)).collect()
    }
}

/// Exact-span counts per role of one document's predictions against its gold spans (both in
/// code points of `text`), compared in token space (see the module documentation).
pub fn exact_scores(text: &str, gold: &Roles<Spans>, predicted: &Roles<Spans>) -> Roles<Exact> {
    let space = TokenSpace::new(text);
    let exact = |g: &Spans, p: &Spans| {
        let (g, p) = (space.set(g), space.set(p));
        Exact {
            gold: g.len(),
            predicted: p.len(),
            matched: g.intersection(&p).count(),
        }
    };
    Roles {
        content: exact(&gold.content, &predicted.content),
        source: exact(&gold.source, &predicted.source),
        cue: exact(&gold.cue, &predicted.cue),
    }
}

fn gold_items(records: &[Attribution], text: &[char]) -> Gold {
    let mut gold = Gold::default();
    for r in records {
        let source: Vec<(usize, usize)> = r.source.iter().map(|s| (s.start, s.end)).collect();
        let cue = r.cue.first().map_or(String::new(), |c| c.text.clone());
        let source_text: Option<String> = r.source.first().map(|s| {
            text[s.start.min(text.len())..s.end.min(text.len())]
                .iter()
                .collect()
        });
        let source_unnamed = source_text.as_deref().is_some_and(is_pronoun_or_role);
        let source_person = source_text.as_deref().is_some_and(is_person_reference);
        let mut rest = Vec::new();
        for c in joined_contents(r, text) {
            if is_quoted(c, r, text) {
                gold.0.push(Item {
                    content: vec![c],
                    source: source.clone(),
                    cue: cue.clone(),
                    source_unnamed,
                    source_person,
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
                source_unnamed,
                source_person,
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
    let mut unnamed = Vec::new();
    for (_, pi, gi) in pairs {
        if pu[pi] || gu[gi] {
            continue;
        }
        pu[pi] = true;
        gu[gi] = true;
        s.matched_gold += 1;
        if speaker_ok(preds[pi], &gold[gi]) {
            s.speaker_ok += 1;
            if gold[gi].source_unnamed && preds[pi].speaker.is_some() {
                let named = preds[pi].speaker_name.is_some();
                s.pronoun_or_role.count(named);
                if gold[gi].source_person {
                    s.person.count(named);
                }
                if preds[pi].speaker_name.is_none() {
                    unnamed.push(pi);
                }
            }
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
        for pi in unnamed {
            let p = preds[pi];
            let ps = p
                .speaker
                .as_ref()
                .map_or("-".to_string(), |s| s.text.clone());
            out.push(format!(
                "UNNAMED {doc} «{ps}» | {}",
                cut(p.start.saturating_sub(60), p.start + 40)
            ));
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

/// Whether each predicted quote is right as [`evaluate_docs`] counts precision: a direct quote
/// matches a gold quoted content, reported speech any gold content; a partial quote (not
/// scored there) is right when it lies inside a gold content. Also returns how many gold direct
/// quotes and gold reported-speech items the article has.
pub fn correct_predictions(doc: &PolnearDoc, quotes: &[Quote]) -> (Vec<bool>, (usize, usize)) {
    let chars: Vec<char> = doc.text.chars().collect();
    let (direct, reported, any) = gold_items(&doc.attributions, &chars);
    let correct = quotes
        .iter()
        .map(|q| {
            let p = (q.start, q.end);
            match q.kind {
                QuoteKind::Direct => direct.iter().any(|g| matches(p, g)),
                QuoteKind::Indirect | QuoteKind::Mixed => any.iter().any(|g| matches(p, g)),
                QuoteKind::Partial => any
                    .iter()
                    .chain(&direct)
                    .any(|g| overlap(p, &g.content) == p.1 - p.0),
            }
        })
        .collect();
    (correct, (direct.len(), reported.len()))
}

/// Whether a quote's speaker is something that speaks: resolved to a name, or a phrase headed
/// by a pronoun, a capitalised name or a noun that heads sources in PolNeAR train (never a
/// clause fragment such as `came away` or `who in 2010`).
pub fn speaker_speaks(q: &Quote) -> bool {
    let Some(s) = &q.speaker else {
        return true;
    };
    if q.speaker_name.is_some() {
        return true;
    }
    let head = s
        .text
        .split(|c: char| c.is_whitespace() || c == ',')
        .rfind(|w| !w.is_empty())
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric());
    let lower = head.to_lowercase();
    crate::words::is_pronoun(head)
        || head.starts_with(char::is_uppercase)
        || crate::words::is_source_head(&lower)
        || crate::words::is_title(head)
        || crate::words::PERSON_NOUNS.contains(&lower.as_str())
        || crate::words::ORG_NOUNS.contains(&lower.as_str())
        // "the 46-year-old"
        || lower.ends_with("-year-old")
}

/// The shipped pipeline as a predictor: [`crate::annotate`]'s quotes, offsets in code points.
pub fn annotate_quotes(text: &str) -> Vec<Quote> {
    crate::annotate(text, &crate::Options::default()).quotes
}

/// Evaluates the pipeline on one PolNeAR split under `dir` (the `polnear` folder).
/// `show_errors` collects error lines for analysis (they quote the corpus: do not commit them).
pub fn evaluate(dir: &Path, split: &str, show_errors: bool) -> Result<Report, Error> {
    let docs = load(dir, split)?;
    Ok(evaluate_docs(split, &docs, &annotate_quotes, show_errors))
}

/// Scores `predict` (text → quotes, offsets in code points) on `docs`; `name` says what they
/// are in the report (a split, a fold). `show_errors` as for [`evaluate`].
pub fn evaluate_docs<'a>(
    name: &str,
    docs: impl IntoIterator<Item = &'a PolnearDoc>,
    predict: &dyn Fn(&str) -> Vec<Quote>,
    show_errors: bool,
) -> Report {
    let mut report = Report {
        split: name.to_string(),
        ..Report::default()
    };
    for doc in docs {
        let (doc_id, text) = (doc.id.as_str(), doc.text.as_str());
        let quotes = predict(text);
        let chars: Vec<char> = text.chars().collect();
        let (direct, reported, any) = gold_items(&doc.attributions, &chars);
        let preds = |kinds: &[QuoteKind]| {
            quotes
                .iter()
                .filter(|q| kinds.contains(&q.kind))
                .collect::<Vec<_>>()
        };
        let mut errs = Vec::new();
        let d = score(
            &preds(&[QuoteKind::Direct]),
            &direct,
            &direct,
            show_errors.then_some((doc_id, text, &mut errs)),
        );
        report.direct.add(d);
        let mut errs2 = Vec::new();
        let i = score(
            // Reported speech, with or without quoted parts.
            &preds(&[QuoteKind::Indirect, QuoteKind::Mixed]),
            &reported,
            &any,
            show_errors.then_some((doc_id, text, &mut errs2)),
        );
        report.indirect.add(i);
        report.exact.add(&exact_scores(
            text,
            &gold_roles(doc),
            &predicted_roles(&quotes),
        ));
        report
            .errors
            .extend(errs.into_iter().map(|e| format!("[direct] {e}")));
        report
            .errors
            .extend(errs2.into_iter().map(|e| format!("[indirect] {e}")));
        report.documents += 1;
    }
    report
}

/// `k`-fold cross-validation on `docs` (in the order given; [`load`] sorts by name): document
/// i is held out in fold i mod k. For each fold, `train` gets the other folds' documents and
/// returns the predictor that is scored on the held-out ones. `name` is what `docs` are.
pub fn cross_validate<P: Fn(&str) -> Vec<Quote>>(
    name: &str,
    docs: &[PolnearDoc],
    k: usize,
    mut train: impl FnMut(&[&PolnearDoc]) -> P,
    show_errors: bool,
) -> Result<Folds, Error> {
    if k < 2 || k > docs.len() {
        return Err(Error::Usage(format!(
            "{k} folds of {} documents: need at least 2 folds and a document in each",
            docs.len()
        )));
    }
    let folds = (0..k)
        .map(|fold| {
            let (rest, held_out) = folds::split(docs, k, fold);
            let predict = train(&rest);
            evaluate_docs(
                &format!("{name} fold {}/{k}", fold + 1),
                held_out,
                &predict,
                show_errors,
            )
        })
        .collect();
    Ok(Folds {
        name: name.to_string(),
        folds,
    })
}

/// Cross-validation results: one report per fold.
#[derive(Debug)]
pub struct Folds {
    pub name: String,
    pub folds: Vec<Report>,
}

/// A figure of a report, by name.
type Figure = (&'static str, fn(&Report) -> f64);

/// The figures the fold table shows.
const FOLD_FIGURES: &[Figure] = &[
    ("direct P", |r| r.direct.precision()),
    ("direct R", |r| r.direct.recall()),
    ("direct F1", |r| r.direct.f1()),
    ("direct speaker", |r| r.direct.speaker_accuracy()),
    ("reported P", |r| r.indirect.precision()),
    ("reported R", |r| r.indirect.recall()),
    ("reported F1", |r| r.indirect.f1()),
    ("reported speaker", |r| r.indirect.speaker_accuracy()),
    ("pron/role unnamed", |r| r.naming(|s| s.pronoun_or_role)),
    ("person pron/role unnamed", |r| r.naming(|s| s.person)),
    ("exact content P", |r| r.exact.content.precision()),
    ("exact content R", |r| r.exact.content.recall()),
    ("exact content F1", |r| r.exact.content.f1()),
    ("exact source P", |r| r.exact.source.precision()),
    ("exact source R", |r| r.exact.source.recall()),
    ("exact source F1", |r| r.exact.source.f1()),
    ("exact cue P", |r| r.exact.cue.precision()),
    ("exact cue R", |r| r.exact.cue.recall()),
    ("exact cue F1", |r| r.exact.cue.f1()),
];

/// Mean and sample standard deviation (n − 1; 0 for fewer than two values).
pub fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    if xs.is_empty() {
        return (0.0, 0.0);
    }
    let mean = xs.iter().sum::<f64>() / n;
    if xs.len() < 2 {
        return (mean, 0.0);
    }
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

impl Folds {
    /// Mean and sample standard deviation over folds of one figure.
    pub fn mean_sd(&self, figure: impl Fn(&Report) -> f64) -> (f64, f64) {
        mean_sd(&self.folds.iter().map(figure).collect::<Vec<_>>())
    }
}

impl std::fmt::Display for Folds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let k = self.folds.len();
        let documents: usize = self.folds.iter().map(|r| r.documents).sum();
        writeln!(
            f,
            "PolNeAR {}, {k} folds ({documents} documents in name order, document i in fold i mod {k}; primary annotations)",
            self.name
        )?;
        write!(f, "{:<18}", "")?;
        for i in 1..=k {
            write!(f, " {:>8}", format!("fold {i}"))?;
        }
        writeln!(f, "   mean ± sd")?;
        write!(f, "{:<18}", "documents")?;
        for r in &self.folds {
            write!(f, " {:>8}", r.documents)?;
        }
        writeln!(f)?;
        for (name, figure) in FOLD_FIGURES {
            write!(f, "{name:<18}")?;
            for r in &self.folds {
                write!(f, " {:>8.3}", figure(r))?;
            }
            let (mean, sd) = self.mean_sd(figure);
            writeln!(f, "   {mean:.3} ± {sd:.3}")?;
        }
        for r in &self.folds {
            for e in &r.errors {
                writeln!(f, "[{}] {e}", r.split)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::TextSpan;

    /// The code-point span of the `n`th occurrence (from 0) of `needle` in `text`.
    fn find(text: &str, needle: &str, n: usize) -> (usize, usize) {
        let (b, _) = text.match_indices(needle).nth(n).expect("needle in text");
        let start = text[..b].chars().count();
        (start, start + needle.chars().count())
    }

    fn gold(spans: &[(usize, usize)]) -> Vec<GoldSpan> {
        spans
            .iter()
            .map(|&(start, end)| GoldSpan {
                start,
                end,
                text: String::new(),
            })
            .collect()
    }

    fn attribution(
        source: &[(usize, usize)],
        cue: &[(usize, usize)],
        content: &[(usize, usize)],
    ) -> Attribution {
        Attribution {
            source: gold(source),
            cue: gold(cue),
            content: gold(content),
            quoted_segments: Vec::new(),
        }
    }

    fn quote(
        content: (usize, usize),
        speaker: Option<(usize, usize)>,
        cue: Option<(usize, usize)>,
    ) -> Quote {
        let span = |(start, end): (usize, usize)| TextSpan {
            start,
            end,
            text: String::new(),
        };
        Quote {
            start: content.0,
            end: content.1,
            text: String::new(),
            kind: QuoteKind::Direct,
            speaker: speaker.map(span),
            speaker_name: None,
            speaker_cluster: None,
            cue: cue.map(span),
            parts: Vec::new(),
            confidence: 1.0,
        }
    }

    fn roles(
        content: &[(usize, usize)],
        source: &[(usize, usize)],
        cue: &[(usize, usize)],
    ) -> Roles<Spans> {
        Roles {
            content: content.to_vec(),
            source: source.to_vec(),
            cue: cue.to_vec(),
        }
    }

    fn exact(gold: usize, predicted: usize, matched: usize) -> Exact {
        Exact {
            gold,
            predicted,
            matched,
        }
    }

    #[test]
    fn one_person_references_are_a_subset_of_pronouns_and_roles() {
        for one in ["he", "She", "who", "the senator", "The spokeswoman"] {
            assert!(is_person_reference(one), "{one}");
            assert!(is_pronoun_or_role(one), "{one}");
        }
        for not in [
            "they",
            "officials",
            "the poll",
            "the campaign",
            "Senator Smith",
        ] {
            assert!(!is_person_reference(not), "{not}");
        }
    }

    #[test]
    fn punctuation_and_white_space_at_the_edges_do_not_count() {
        let text = "Ms. Ng said, “We will win.” Then she left — quickly.";
        let g = roles(
            &[find(text, "“We will win.”", 0)],
            &[find(text, "Ms. Ng", 0)],
            &[find(text, "said", 0)],
        );
        let p = roles(
            // The content and the source with a trailing space, the cue with its comma.
            &[(find(text, "“We will win.”", 0).0, find(text, "” ", 0).1)],
            &[(0, find(text, "Ms. Ng ", 0).1)],
            &[find(text, "said,", 0)],
        );
        let s = exact_scores(text, &g, &p);
        assert_eq!(s.content, exact(1, 1, 1));
        assert_eq!(s.source, exact(1, 1, 1));
        assert_eq!(s.cue, exact(1, 1, 1));
        // A dash and a full stop are trimmed too.
        let g = roles(&[find(text, "she left", 0)], &[], &[]);
        let p = roles(&[find(text, "she left —", 0)], &[], &[]);
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 1));
        let g = roles(&[find(text, "quickly", 0)], &[], &[]);
        let p = roles(&[find(text, "— quickly.", 0)], &[], &[]);
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 1));
    }

    #[test]
    fn quote_marks_stay_and_words_count() {
        let text = "He said “we will win” today.";
        let g = roles(&[find(text, "“we will win”", 0)], &[], &[]);
        // Without the marks: another span.
        let p = roles(&[find(text, "we will win", 0)], &[], &[]);
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 0));
        // A word short: another span.
        let p = roles(&[find(text, "we will", 0)], &[], &[]);
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 0));
        // Short of the closing mark: another span.
        let p = roles(
            &[(find(text, "“we", 0).0, find(text, "win”", 0).1 - 1)],
            &[],
            &[],
        );
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 0));
        // A part of a token stands for the whole token.
        let g = roles(&[find(text, "we will win", 0)], &[], &[]);
        let p = roles(
            &[(find(text, "we", 0).0, find(text, "win", 0).1 - 1)],
            &[],
            &[],
        );
        assert_eq!(exact_scores(text, &g, &p).content, exact(1, 1, 1));
    }

    #[test]
    fn punctuation_only_spans_are_kept_and_blank_ones_dropped() {
        let text = "SMITH: We won.\n\nJONES: We did not.";
        let g = roles(&[], &[], &[find(text, ":", 0), find(text, ":", 1)]);
        let empty = (find(text, "won", 0).0 + 1, find(text, "won", 0).0 + 1);
        let p = roles(
            &[],
            &[],
            &[find(text, ":", 1), find(text, "\n\n", 0), empty],
        );
        assert_eq!(exact_scores(text, &g, &p).cue, exact(2, 1, 1));
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Der Präsident — 😀 — sagte: „Wir gewinnen.“";
        let space = TokenSpace::new(text);
        let covered = |span| {
            let (first, end) = space.range(span).expect("a span over tokens");
            &text[space.tokens[first].0..space.tokens[end - 1].1]
        };
        for needle in ["Der Präsident", "sagte", "„Wir gewinnen.“", "gewinnen"] {
            assert_eq!(covered(find(text, needle, 0)), needle);
        }
        assert_eq!(covered(find(text, "sagte: ", 0)), "sagte");
    }

    #[test]
    fn equal_spans_count_once_and_every_content_span_is_scored() {
        let text =
            "“Taxes are too high,” Lee said. “And spending too,” Lee added, “is out of hand.”";
        let first = find(text, "“Taxes are too high,”", 0);
        let second = find(text, "“And spending too,”", 0);
        let third = find(text, "“is out of hand.”", 0);
        let lee = (find(text, "Lee", 0), find(text, "Lee", 1));
        let doc = PolnearDoc {
            id: "synthetic".into(),
            text: text.into(),
            attributions: vec![
                attribution(&[lee.0], &[find(text, "said", 0)], &[first]),
                // One record, two content spans: two gold content spans.
                attribution(&[lee.1], &[find(text, "added", 0)], &[second, third]),
                // The same source again: still one gold source span.
                attribution(&[lee.1], &[find(text, "added", 0)], &[second]),
            ],
        };
        let g = gold_roles(&doc);
        assert_eq!(g.content, vec![first, second, third]);
        assert_eq!(g.source, vec![lee.0, lee.1]);
        assert_eq!(g.cue.len(), 2);
        // Three quotes naming the same speaker and cue, one content span missed.
        let quotes = vec![
            quote(first, Some(lee.1), Some(find(text, "added", 0))),
            quote(second, Some(lee.1), Some(find(text, "added", 0))),
            quote(
                find(text, "Lee added", 0),
                Some(lee.1),
                Some(find(text, "added", 0)),
            ),
        ];
        let p = predicted_roles(&quotes);
        assert_eq!(p.source.len(), 3);
        let s = exact_scores(text, &g, &p);
        assert_eq!(s.content, exact(3, 3, 2));
        assert_eq!(s.source, exact(2, 1, 1));
        assert_eq!(s.cue, exact(2, 1, 1));
        let report = evaluate_docs("synthetic", [&doc], &|_| quotes.clone(), false);
        assert_eq!(report.exact, s);
        assert_eq!(report.documents, 1);
    }

    #[test]
    fn folds_partition_documents_by_index() {
        let docs: Vec<PolnearDoc> = (0..5)
            .map(|i| PolnearDoc {
                id: format!("d{i}"),
                text: format!("Doc {i} said hello."),
                attributions: Vec::new(),
            })
            .collect();
        let mut trained_on = Vec::new();
        let folds = cross_validate(
            "synthetic",
            &docs,
            2,
            |rest| {
                trained_on.push(rest.iter().map(|d| d.id.clone()).collect::<Vec<_>>());
                |_: &str| Vec::new()
            },
            false,
        )
        .expect("two folds of five documents");
        assert_eq!(trained_on, vec![vec!["d1", "d3"], vec!["d0", "d2", "d4"]]);
        let sizes: Vec<usize> = folds.folds.iter().map(|r| r.documents).collect();
        assert_eq!(sizes, vec![3, 2]);
        assert!(folds.to_string().contains("mean ± sd"));
        assert!(cross_validate("synthetic", &docs, 1, |_| annotate_quotes, false).is_err());
        assert!(cross_validate("synthetic", &docs, 6, |_| annotate_quotes, false).is_err());
    }

    #[test]
    fn mean_and_sample_standard_deviation() {
        let (m, sd) = mean_sd(&[0.5, 0.7, 0.9]);
        assert!((m - 0.7).abs() < 1e-12);
        assert!((sd - 0.2).abs() < 1e-12);
        assert_eq!(mean_sd(&[0.4]), (0.4, 0.0));
    }
}
