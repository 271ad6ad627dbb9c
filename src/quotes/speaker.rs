//! Who said it: the speaker mention and cue of each direct or partial quote, found from the
//! patterns news writing uses, and the resolution of that mention to a named cluster.
//!
//! Patterns, in the order tried for a direct quote:
//! `“…,” Kirby said` / `“…,” said Kirby` (after the quote, same sentence), `Kirby said: “…”`
//! (before it), then continuation (an unattributed quote keeps the previous quote's speaker).
//! A partial quote takes the cue of the sentence it sits in (`Sullivan said Pyongyang will
//! “pay a price”`).

use super::cues::{self, Cue};
use crate::doc::Doc;
use crate::mentions::{is_capitalised, is_title, Kind, Mentions};
use crate::schema::{Quote, QuoteKind, TextSpan};

/// Tokens `[first, end)`.
pub type Range = (usize, usize);

/// A quote's attribution in token terms, before name resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<Range>,
    pub cue: Option<Range>,
}

/// Words between a subject and its cue ("Kirby also said", "Sullivan last month said").
const SKIP_BEFORE_CUE: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "have",
    "had",
    "was",
    "is",
    "were",
    "are",
    "would",
    "will",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "previously",
    "recently",
    "again",
    "once",
    "last",
    "this",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "on",
    "earlier",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "first",
    "just",
    "had",
    "already",
    "further",
    "repeatedly",
    "publicly",
    "privately",
    "often",
    "may",
    "might",
    "could",
    "should",
    "can",
    "must",
    "been",
    "be",
];

/// Lower-case words that end a subject noun phrase when reading leftwards.
const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "because", "while", "when", "if", "as", "after", "before", "which",
    "where", "so", "or", "than", "though", "although", "since", "until", "whether", "what", "how",
    "why",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it", "you", "who"];

/// Prepositions that cannot start reported content right after a cue ("said in a statement").
const PREPOSITIONS: &[&str] = &[
    "to", "in", "on", "at", "for", "about", "of", "with", "by", "from", "during", "after",
    "before", "into", "over", "as", "through", "without", "against", "under", "when", "while",
    "last", "this",
];

pub fn is_pronoun(w: &str) -> bool {
    PRONOUNS.contains(&w.to_lowercase().as_str())
}

fn is_quote_mark(w: &str) -> bool {
    matches!(
        w,
        "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»" | "``" | "''"
    )
}

fn is_boundary_punct(w: &str) -> bool {
    matches!(
        w,
        "," | ";" | ":" | "(" | ")" | "—" | "–" | "--" | "[" | "]" | "." | "?" | "!"
    ) || is_quote_mark(w)
}

fn lower(doc: &Doc, i: usize) -> String {
    doc.token_text(i).to_lowercase()
}

fn is_skippable(doc: &Doc, i: usize) -> bool {
    let w = lower(doc, i);
    SKIP_BEFORE_CUE.contains(&w.as_str())
        || (w.len() > 4 && w.ends_with("ly") && !is_capitalised(doc.token_text(i)))
}

/// The subject noun phrase ending right before the cue at `cue`, not reaching before `lo`.
/// Handles appositives (`Smith, a spokesperson for the agency, said` → Smith).
pub fn subject_before(doc: &Doc, lo: usize, cue: usize) -> Option<Range> {
    let mut j = cue;
    while j > lo && is_skippable(doc, j - 1) {
        j -= 1;
    }
    if j <= lo {
        return None;
    }
    if doc.token_text(j - 1) == "," {
        return appositive_head(doc, lo, j - 1);
    }
    subject_before_plain(doc, lo, j)
}

/// `NAME , APPOSITIVE ,` ending at the comma `comma`: returns NAME's range. Any short
/// appositive counts ("a spokesman", "25", "R-Ky.", "who runs the campaign").
fn appositive_head(doc: &Doc, lo: usize, comma: usize) -> Option<Range> {
    let mut k = comma;
    while k > lo && comma - k < 28 {
        k -= 1;
        let w = doc.token_text(k);
        if w == "," {
            return subject_before_plain(doc, lo, k);
        }
        if is_quote_mark(w) || matches!(w, "." | ";" | ":") || cues::cue_at(doc, k).is_some() {
            return None;
        }
    }
    None
}

/// Skips a parenthetical ending right before `j` ("Rep. Gwen Moore (D-Wis.)"): returns the
/// index of its opening bracket, or `j`.
fn skip_parenthetical(doc: &Doc, lo: usize, j: usize) -> usize {
    if j == 0 || j <= lo || doc.token_text(j - 1) != ")" {
        return j;
    }
    (lo..j - 1)
        .rev()
        .take(10)
        .find(|&k| doc.token_text(k) == "(")
        .unwrap_or(j)
}

/// Like `subject_before` but without skipping adverbs or appositives.
fn subject_before_plain(doc: &Doc, lo: usize, j: usize) -> Option<Range> {
    let j = skip_parenthetical(doc, lo, j);
    let mut b = j;
    while b > lo {
        let w = doc.token_text(b - 1);
        if is_boundary_punct(w) || CLAUSE_WORDS.contains(&w) {
            break;
        }
        b -= 1;
    }
    trim_phrase(doc, b, j)
}

/// Trims a candidate subject region to a plausible noun phrase: long regions keep their tail
/// (a name with its title or a determiner phrase); empty or function-word-only ones fail.
fn trim_phrase(doc: &Doc, mut b: usize, j: usize) -> Option<Range> {
    if b >= j {
        return None;
    }
    if j - b > 8 {
        // Keep the last capitalised run with its titles, or the last three words.
        let mut k = j;
        while k > b && (is_capitalised(doc.token_text(k - 1)) || doc.token_text(k - 1) == "-") {
            k -= 1;
        }
        b = if k < j { k } else { j.saturating_sub(3).max(b) };
        while b > 0 && j - b < 8 && is_title(doc.token_text(b - 1)) {
            b -= 1;
        }
    }
    let last = lower(doc, j - 1);
    if PREPOSITIONS.contains(&last.as_str())
        || matches!(last.as_str(), "the" | "a" | "an" | "'s" | "’s")
    {
        return None;
    }
    let has_word = (b..j).any(|i| doc.token_text(i).chars().any(char::is_alphabetic));
    has_word.then_some((b, j))
}

/// The noun phrase starting at `i` after an inverted cue (`said Kirby, a spokesman …`).
pub fn np_after(doc: &Doc, i: usize, hi: usize) -> Option<Range> {
    let mut e = i;
    while e < hi && e - i < 10 {
        let w = doc.token_text(e);
        if is_boundary_punct(w)
            || CLAUSE_WORDS.contains(&w)
            || (e > i && PREPOSITIONS.contains(&w) && w != "of")
        {
            break;
        }
        e += 1;
    }
    if e == i {
        return None;
    }
    let first = lower(doc, i);
    if PREPOSITIONS.contains(&first.as_str()) || first == "that" {
        return None;
    }
    Some((i, e))
}

/// Token range of a quote span (including its marks).
pub fn quote_tokens(doc: &Doc, q: &Quote) -> Option<Range> {
    let first = doc.tokens.partition_point(|t| t.end <= q.start);
    let end = doc.tokens.partition_point(|t| t.start < q.end);
    (first < end).then_some((first, end))
}

/// Cue and speaker after a quote in its sentence: `“…,” Kirby said` or `“…,” said Kirby`.
fn after_quote(doc: &Doc, qe: usize, hi: usize) -> Option<Attribution> {
    let mut i = qe;
    // "“…” ― Name": a dash before a name is the cue.
    if i < hi && matches!(doc.token_text(i), "―" | "—" | "–" | "--" | "-") {
        if let Some(sp) = np_after(doc, i + 1, hi).filter(|sp| is_capitalised(doc.token_text(sp.0)))
        {
            return Some(Attribution {
                speaker: Some(sp),
                cue: Some((i, i + 1)),
            });
        }
    }
    while i < hi && matches!(doc.token_text(i), "," | "—" | "–" | "--") {
        i += 1;
    }
    let stop = hi.min(i + 30);
    let mut c = i;
    while c < stop {
        let w = doc.token_text(c);
        if is_quote_mark(w) || matches!(w, "." | ";" | "?" | "!") {
            return None;
        }
        if let Some(cue) = cues::cue_at(doc, c) {
            if c == i || (c > i && (i..c).all(|k| is_skippable(doc, k))) {
                let hi = sentence_end_from(doc, cue.end).min(hi);
                let speaker = np_after(doc, skip_forward(doc, cue.end, hi), hi);
                return Some(Attribution {
                    speaker,
                    cue: Some((cue.first, cue.end)),
                });
            }
            if cue.according {
                return Some(Attribution {
                    speaker: np_after(doc, cue.end, hi),
                    cue: Some((cue.first, cue.end)),
                });
            }
            let speaker = subject_before(doc, i, c);
            return speaker.map(|s| Attribution {
                speaker: Some(s),
                cue: Some((cue.first, cue.end)),
            });
        }
        c += 1;
    }
    None
}

fn skip_forward(doc: &Doc, mut i: usize, hi: usize) -> usize {
    while i < hi && is_skippable(doc, i) && !is_capitalised(doc.token_text(i)) {
        i += 1;
    }
    i
}

fn sentence_end_from(doc: &Doc, i: usize) -> usize {
    doc.sentences
        .get(doc.sentence_of(i))
        .map_or(doc.tokens.len(), |s| s.end)
}

/// The nearest cue before token `qf` in `[lo, qf)` that has a subject: `Kirby said: “…”`.
/// `max_gap` limits how many tokens may separate the cue from the quote.
fn before_quote(doc: &Doc, lo: usize, qf: usize, max_gap: usize) -> Option<Attribution> {
    let mut c = qf;
    while c > lo {
        c -= 1;
        if qf - c > max_gap {
            return None;
        }
        if is_quote_mark(doc.token_text(c)) && c + 1 < qf {
            return None; // another quote sits between
        }
        let Some(cue) = cues::cue_at(doc, c) else {
            continue;
        };
        if cue.end > qf {
            continue;
        }
        if cue.according || is_capitalised(doc.token_text(c)) {
            if let Some(s) = np_after(doc, cue.end, qf) {
                return Some(Attribution {
                    speaker: Some(s),
                    cue: Some((cue.first, cue.end)),
                });
            }
            continue;
        }
        if let Some(s) = subject_before(doc, lo, c).or_else(|| participle_subject(doc, lo, &cue)) {
            return Some(Attribution {
                speaker: Some(s),
                cue: Some((cue.first, cue.end)),
            });
        }
    }
    None
}

/// `…, adding that …`: a participle cue after a comma takes the subject of the clause's
/// own cue (`Kirby said, adding` → Kirby).
pub fn participle_subject(doc: &Doc, lo: usize, cue: &Cue) -> Option<Range> {
    let w = doc.token_text(cue.first);
    if !w.ends_with("ing") || cue.first == 0 || doc.token_text(cue.first - 1) != "," {
        return None;
    }
    let mut c = cue.first - 1;
    while c > lo {
        c -= 1;
        if let Some(other) = cues::cue_at(doc, c) {
            if other.according {
                continue;
            }
            if let Some(s) = subject_before(doc, lo, c) {
                return Some(s);
            }
            if c > lo && is_quote_mark(doc.token_text(c - 1)) {
                // “…,” said Kirby, adding …
                let hi = cue.first - 1;
                return np_after(doc, c + 1, hi);
            }
        }
    }
    None
}

/// Attributes direct and partial quotes in place (token ranges; names are resolved later).
pub fn attribute(doc: &Doc, quotes: &[Quote]) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    for q in quotes {
        let none = Attribution {
            speaker: None,
            cue: None,
        };
        let Some((qf, qe)) = quote_tokens(doc, q) else {
            out.push(none);
            continue;
        };
        let s_first = doc.sentence_of(qf);
        let s_last = doc.sentence_of(qe - 1);
        let (Some(first_sent), Some(last_sent)) =
            (doc.sentences.get(s_first), doc.sentences.get(s_last))
        else {
            out.push(none);
            continue;
        };
        let mut found = match q.kind {
            QuoteKind::Direct => after_quote(doc, qe, last_sent.end)
                .or_else(|| next_sentence(doc, s_last, qe))
                .or_else(|| before_quote(doc, first_sent.first, qf, 12))
                .or_else(|| colon_intro(doc, s_first, qf)),
            // `was “heartbreaking,” she said` before `Sullivan said … “pay a price”`.
            _ => after_quote(doc, qe, last_sent.end)
                .filter(|a| a.speaker.is_some_and(|(s, _)| s <= qe + 2))
                .or_else(|| before_quote(doc, first_sent.first, qf, 60))
                .or_else(|| {
                    sentence_cue(doc, first_sent.first, last_sent.end.max(first_sent.end), qf)
                }),
        };
        if found.is_none() && q.kind == QuoteKind::Direct {
            found = colon_subject(doc, first_sent.first, qf)
                .or_else(|| after_quote_loose(doc, qe, last_sent.end))
                .or_else(|| continuation(doc, quotes, &out, qf));
        }
        out.push(found.unwrap_or(none));
    }
    out
}

/// `“Go back,” Trump barked.`: a name or pronoun and a past-tense verb missing from the cue
/// table right after the quote.
fn after_quote_loose(doc: &Doc, qe: usize, hi: usize) -> Option<Attribution> {
    let mut i = qe;
    while i < hi && doc.token_text(i) == "," {
        i += 1;
    }
    let mut e = i;
    while e < hi && e - i < 4 && is_capitalised(doc.token_text(e)) {
        e += 1;
    }
    if e == i && i < hi && is_pronoun(doc.token_text(i)) && doc.token_text(i) != "it" {
        e = i + 1;
    }
    let verb = doc
        .tokens
        .get(e)
        .map(|_| doc.token_text(e))
        .filter(|_| e < hi)?;
    let verb_like = verb.len() > 3
        && verb.chars().all(|c| c.is_ascii_lowercase())
        && (verb.ends_with("ed") || verb.ends_with("es"));
    let ends = e + 1 >= hi
        || matches!(
            doc.token_text(e + 1),
            "." | "," | "as" | "to" | "at" | "in" | "from" | "before" | "after" | "while"
        );
    (e > i && verb_like && ends).then_some(Attribution {
        speaker: Some((i, e)),
        cue: Some((e, e + 1)),
    })
}

/// `“…?” Clinton said.` split into two sentences by the question mark: the next sentence of
/// the paragraph opens with the attribution.
fn next_sentence(doc: &Doc, s: usize, qe: usize) -> Option<Attribution> {
    let cur = doc.sentences.get(s)?;
    let next = doc.sentences.get(s + 1)?;
    if cur.end != qe || next.paragraph != cur.paragraph {
        return None;
    }
    let a = after_quote(doc, next.first, next.end)?;
    let (c, _) = a.cue?;
    // Only when the cue sits at the start: "Clinton said." / "said Clinton".
    (c <= next.first + 6).then_some(a)
}

/// A quote opening a paragraph after one that ends `Kirby said:`.
fn colon_intro(doc: &Doc, s: usize, qf: usize) -> Option<Attribution> {
    let sent = doc.sentences.get(s)?;
    if sent.first != qf || s == 0 {
        return None;
    }
    let prev = doc.sentences[s - 1];
    if doc.token_text(prev.end - 1) != ":" {
        return None;
    }
    before_quote(doc, prev.first, prev.end - 1, 6)
}

/// Any cue in the sentence with a subject, nearest to the quote (partial quotes only).
fn sentence_cue(doc: &Doc, lo: usize, hi: usize, qf: usize) -> Option<Attribution> {
    let mut best: Option<(usize, Attribution)> = None;
    for c in lo..hi {
        let Some(cue) = cues::cue_at(doc, c) else {
            continue;
        };
        if cue.according {
            continue;
        }
        if let Some(s) = subject_before(doc, lo, c) {
            let d = c.abs_diff(qf);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((
                    d,
                    Attribution {
                        speaker: Some(s),
                        cue: Some((cue.first, cue.end)),
                    },
                ));
            }
        }
    }
    best.map(|(_, a)| a)
}

/// An unattributed direct quote continues the nearest earlier attribution: the previous
/// quote's speaker, or the cue and subject of the sentence just before it
/// (`…, Schiff said. “The other factor …”`), within the same or the previous two paragraphs.
fn continuation(
    doc: &Doc,
    quotes: &[Quote],
    done: &[Attribution],
    qf: usize,
) -> Option<Attribution> {
    let s = doc.sentence_of(qf);
    let para = doc.sentences.get(s)?.paragraph;
    let prev_quote = done
        .iter()
        .enumerate()
        .rev()
        .find(|(_, a)| a.speaker.is_some())
        .and_then(|(i, a)| {
            // Where that attribution ends: its quote or its cue, whichever is later.
            let (_, pe) = quote_tokens(doc, &quotes[i])?;
            let at = pe.max(a.cue.map_or(0, |c| c.1)).saturating_sub(1);
            Some((at, *a))
        });
    let prev_sentence = (s > 0).then(|| s - 1).and_then(|ps| {
        let p = doc.sentences[ps];
        let a = sentence_cue(doc, p.first, p.end, p.end)
            .or_else(|| inverted_cue(doc, p.first, p.end))?;
        Some((p.first, a))
    });
    let (at, a) = match (prev_quote, prev_sentence) {
        (Some(q), Some(p)) => {
            if p.0 > q.0 {
                p
            } else {
                q
            }
        }
        (q, p) => q.or(p)?,
    };
    let at_para = doc.sentences.get(doc.sentence_of(at))?.paragraph;
    (para >= at_para && para - at_para <= 2).then_some(a)
}

/// `…, said Robert McAtee, one of …`: a cue after a comma followed by its subject.
fn inverted_cue(doc: &Doc, lo: usize, hi: usize) -> Option<Attribution> {
    (lo + 1..hi).find_map(|c| {
        let cue = cues::cue_at(doc, c)?;
        if cue.according || !matches!(doc.token_text(c - 1), "," | "”" | "\"") {
            return None;
        }
        let sp = np_after(doc, cue.end, hi).filter(|sp| is_capitalised(doc.token_text(sp.0)))?;
        Some(Attribution {
            speaker: Some(sp),
            cue: Some((cue.first, cue.end)),
        })
    })
}

/// `Democratic Sen. Claire McCaskill (D-Mo.) scolded him: “…”`: a colon before the quote
/// with no known cue; the speaker is the sentence's opening name (the colon is the cue).
fn colon_subject(doc: &Doc, lo: usize, qf: usize) -> Option<Attribution> {
    if qf == 0 || qf <= lo + 1 || doc.token_text(qf - 1) != ":" {
        return None;
    }
    // `… - Carl Bialik: “…”`: a name right before the colon.
    let colon = qf - 1;
    let mut b = colon;
    while b > lo && colon - b < 5 && is_capitalised(doc.token_text(b - 1)) {
        b -= 1;
    }
    let dash_or_start = b == lo || matches!(doc.token_text(b - 1), "-" | "—" | "–" | "--" | ",");
    let words_upper = (b..colon).all(|i| {
        !doc.token_text(i)
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
    });
    if b < colon && dash_or_start && words_upper && !matches!(doc.token_text(b), "The" | "A" | "An")
    {
        return Some(Attribution {
            speaker: Some((b, colon)),
            cue: Some((colon, qf)),
        });
    }
    let mut e = lo;
    while e < qf - 1
        && e - lo < 8
        && (is_capitalised(doc.token_text(e)) || is_title(doc.token_text(e)))
    {
        e += 1;
    }
    let w = doc.token_text(lo);
    if e == lo && is_pronoun(w) && w != "it" {
        e = lo + 1;
    }
    if e == lo
        || matches!(
            w,
            "The" | "A" | "An" | "In" | "On" | "But" | "And" | "This" | "That"
        )
    {
        return None;
    }
    Some(Attribution {
        speaker: Some((lo, e)),
        cue: Some((qf - 1, qf)),
    })
}

/// Speaker resolution state, walked in text order over all attributions.
#[derive(Default)]
pub struct Resolver {
    /// (token position, group) of speakers so far; `None` for a person we could not name
    /// ("my father"), which stops a later "he" from jumping to an older named speaker.
    history: Vec<(usize, Option<usize>)>,
    /// Gender per group learned from pronouns and titles: Some(true) = he, Some(false) = she.
    gender: std::collections::HashMap<usize, bool>,
}

impl Resolver {
    /// Resolves a speaker mention to a group: names via the mention clusters, pronouns to the
    /// most recent compatible speaker, role nouns ("the spokeswoman") to the role's holder.
    pub fn resolve(&mut self, doc: &Doc, mentions: &Mentions, speaker: Range) -> Option<usize> {
        let (a, b) = speaker;
        let group = self.lookup(doc, mentions, a, b);
        if group.is_some() || unnamed_person(doc, a, b) {
            self.history.push((a, group));
        }
        group
    }

    fn lookup(&mut self, doc: &Doc, mentions: &Mentions, a: usize, b: usize) -> Option<usize> {
        if b == a + 1 {
            let w = lower(doc, a);
            let male = match w.as_str() {
                "he" => Some(true),
                "she" => Some(false),
                "it" => None,
                _ => return self.by_name(doc, mentions, a, b),
            };
            if w == "it" {
                return self
                    .history
                    .iter()
                    .rev()
                    .filter_map(|&(_, g)| g)
                    .find(|&g| mentions.groups[g].kind == Kind::Org);
            }
            let male = male?;
            let compatible = |g: usize, me: &Self| {
                !matches!(mentions.groups[g].kind, Kind::Org | Kind::Place)
                    && me.gender.get(&g).is_none_or(|&m| m == male)
            };
            // The most recent compatible speaker; an unnamed person in between wins (as None).
            let recent = self
                .history
                .iter()
                .rev()
                .take(6)
                .map(|&(_, g)| g)
                .find(|g| g.is_none_or(|g| compatible(g, self)));
            if let Some(None) = recent {
                return None;
            }
            let g = recent.flatten().or_else(|| {
                mentions
                    .last_person(a, 400)
                    .map(|m| m.group)
                    .filter(|&g| compatible(g, self))
            })?;
            self.gender.insert(g, male);
            return Some(g);
        }
        self.by_name(doc, mentions, a, b)
    }

    fn by_name(&mut self, doc: &Doc, mentions: &Mentions, a: usize, b: usize) -> Option<usize> {
        if let Some(m) = mentions.within(a, b) {
            let g = m.group;
            if mentions.groups[g].name.is_some() {
                for i in m.first..m.name {
                    match lower(doc, i).trim_end_matches('.') {
                        "mr" => {
                            self.gender.insert(g, true);
                        }
                        "mrs" | "ms" | "miss" => {
                            self.gender.insert(g, false);
                        }
                        _ => {}
                    }
                }
                return Some(g);
            }
            return None;
        }
        // A role noun: "the spokeswoman", "the national security adviser".
        (a..b)
            .rev()
            .filter(|&i| is_title(doc.token_text(i)))
            .find_map(|i| {
                let role = lower(doc, i);
                mentions.role_holder(role.trim_end_matches('.'), a)
            })
    }
}

pub fn text_span(doc: &Doc, r: Range) -> Option<TextSpan> {
    if r.0 >= r.1 || r.1 > doc.tokens.len() {
        return None;
    }
    let s = doc.span(r.0, r.1 - 1);
    Some(TextSpan {
        start: s.start,
        end: s.end,
        text: doc.text[s.start..s.end].to_string(),
    })
}

/// Person nouns that name nobody: "my father", "the spokesman", "a voter".
const PERSON_NOUNS: &[&str] = &[
    "father",
    "mother",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "man",
    "woman",
    "voter",
    "resident",
    "friend",
    "uncle",
    "aunt",
    "grandmother",
    "grandfather",
    "boy",
    "girl",
];

fn unnamed_person(doc: &Doc, a: usize, b: usize) -> bool {
    let last = lower(doc, b - 1);
    b > a
        && !is_capitalised(doc.token_text(b - 1))
        && (is_title(&last) || PERSON_NOUNS.contains(&last.as_str()))
}

/// The speaker mention's own name when it is fuller than the cluster's: the entity layer may
/// have found only "Pimentel" where the text says "Beck Pimentel".
pub fn fuller_name(doc: &Doc, r: Range, name: String) -> String {
    let (a, b) = r;
    let mut k = b;
    while k > a && is_capitalised(doc.token_text(k - 1)) && !is_title(doc.token_text(k - 1)) {
        k -= 1;
    }
    if k == b {
        return name;
    }
    let own = doc.text[doc.tokens[k].start..doc.tokens[b - 1].end].to_string();
    let fuller = own.len() > name.len()
        && own.ends_with(name.as_str())
        && own.split_whitespace().count() <= 4
        && !own.contains('\n');
    if fuller {
        own
    } else {
        name
    }
}
