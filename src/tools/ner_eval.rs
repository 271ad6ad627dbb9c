//! Tagging and scoring CoNLL files with an entity model: `lede tag-bio` and `lede eval --ner`
//! (pre-tokenised, or `--raw`: rebuilt as text and run through the whole pipeline).

use super::conll::{self, Scores};
use super::train::load_model;
use super::{read_text, Error};
use crate::coref::resolve;
use crate::entities::combine::{combine, policy, SOURCES};
use crate::entities::ner::lexicon::Lexicon;
use crate::entities::ner::Recognizer;
use crate::schema::Entity;
use crate::schema::Label;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// The shipped recogniser, or one loaded from a model file (same embedded lexicon).
pub fn recognizer(model: Option<&Path>) -> Result<&'static Recognizer, Error> {
    match model {
        None => Ok(Recognizer::shipped()),
        Some(p) => {
            let model = load_model(p)?;
            let lexicon = Lexicon::shipped();
            Ok(Box::leak(Box::new(Recognizer::new(model, lexicon))))
        }
    }
}

/// Tags CoNLL columns, bypassing the tokenizer: `token<TAB>tag` lines.
pub fn tag_bio(rec: &Recognizer, input: &str, out: &mut impl Write) -> std::io::Result<()> {
    for doc in conll::parse(input) {
        writeln!(out, "-DOCSTART-\tO\n")?;
        let sentences: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| conll::unescape(t)).collect())
            .collect();
        for (s, spans) in doc.sentences.iter().zip(rec.tag_sentences(&sentences)) {
            for (tok, tag) in s.tokens.iter().zip(conll::iob_tags(s.tokens.len(), &spans)) {
                writeln!(out, "{tok}\t{tag}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Scores a recogniser on a gold CoNLL file (pre-tokenised input).
pub fn eval(rec: &Recognizer, path: &Path) -> Result<Scores, Error> {
    Ok(score(rec, &read_text(path)?, usize::MAX))
}

/// Scores a recogniser on the first `max_docs` documents of gold CoNLL text (pre-tokenised).
pub fn score(rec: &Recognizer, conll_text: &str, max_docs: usize) -> Scores {
    let mut scores = Scores::default();
    for doc in conll::parse(conll_text).into_iter().take(max_docs) {
        let sentences: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| conll::unescape(t)).collect())
            .collect();
        for (s, guess) in doc.sentences.iter().zip(rec.tag_sentences(&sentences)) {
            scores.add(&conll::iob_spans(&s.tags), &guess);
        }
    }
    scores
}

/// A gold document rebuilt as raw text: the text, and per sentence the byte span of each token.
pub struct RawDoc {
    pub text: String,
    pub tokens: Vec<Vec<(usize, usize)>>,
}

/// Joins tokens the way news text is written (no space before closing punctuation and clitics,
/// none after opening brackets and quotes), one paragraph per sentence.
pub fn detokenize(doc: &conll::BioDoc) -> RawDoc {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for s in &doc.sentences {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let mut spans = Vec::new();
        let mut glue = true;
        for t in &s.tokens {
            let t = conll::unescape(t);
            let closing = matches!(
                t,
                "," | "." | ";" | ":" | "!" | "?" | "%" | ")" | "]" | "}" | "”" | "'" | "..."
            ) || t.starts_with('\'') && t.len() > 1
                || t.eq_ignore_ascii_case("n't");
            if !glue && !closing {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(t);
            spans.push((start, text.len()));
            glue = matches!(t, "(" | "[" | "{" | "“" | "‘" | "$" | "#");
        }
        tokens.push(spans);
    }
    RawDoc { text, tokens }
}

/// Names as the model drew them, for scoring: where the model's name ran on over a possessive
/// that `consistency` cut off ("Hong Kong's" → "Hong Kong"), the possessive is given back.
/// Leaving it out of every name is Lede's convention, for clustering and display; OntoNotes
/// writes it in most names of several tokens ("Hong Kong 's" is one GPE; counted on train:
/// inside 1,065 times, outside 64) and in few one-token names ("China"; outside 3,195, inside
/// 172), which the model learned. Scoring the convention would count it as errors.
fn with_possessives(model: &[Entity], mut entities: Vec<Entity>) -> Vec<Entity> {
    for e in &mut entities {
        let i = model.partition_point(|m| m.start < e.start);
        if let Some(m) = model.get(i).filter(|m| m.start == e.start && m.end > e.end) {
            let cut = &m.text[e.end - e.start..];
            if ["'s", "’s", "'", "’", "'S", "’S"].contains(&cut.trim_start()) {
                e.end = m.end;
            }
        }
    }
    entities
}

/// Raw-text evaluation: rebuilds each gold document as text, runs the whole pipeline tokenizer
/// → model (+ rules), and scores exact byte spans. Reports the tokenizer's agreement with the
/// gold tokens, and per numeric type how each way of combining model and rules scores.
pub fn eval_raw(rec: &Recognizer, path: &Path) -> Result<String, Error> {
    let docs = conll::parse(&read_text(path)?);
    // Per source, then the shipped policy, the rules alone, and the shipped policy before
    // article consistency.
    let mut per_source: Vec<Scores> = vec![Scores::default(); SOURCES.len() + 3];
    let (mut agree, mut total) = (0usize, 0usize);
    let start = Instant::now();
    for d in &docs {
        let raw = detokenize(d);
        let doc = crate::text::doc::Doc::new(&raw.text, None);
        let bounds: std::collections::HashSet<(usize, usize)> =
            doc.tokens.iter().map(|t| (t.start, t.end)).collect();
        let mut gold = Vec::new();
        for (s, spans) in d.sentences.iter().zip(&raw.tokens) {
            total += spans.len();
            agree += spans.iter().filter(|sp| bounds.contains(sp)).count();
            for (a, b, ty) in conll::iob_spans(&s.tags) {
                gold.push((spans[a].0, spans[b - 1].1, ty));
            }
        }
        let model = rec.find(&doc);
        let rules = crate::entities::numeric::find(&doc);
        let as_spans = |es: &[crate::schema::Entity]| -> Vec<(usize, usize, usize)> {
            es.iter()
                .map(|e| (e.start, e.end, e.label.index()))
                .collect()
        };
        for (i, &src) in SOURCES.iter().enumerate() {
            per_source[i].add(
                &gold,
                &as_spans(&combine(model.clone(), rules.clone(), |_| src)),
            );
        }
        let shipped = combine(model.clone(), rules.clone(), policy);
        per_source[SOURCES.len() + 2].add(&gold, &as_spans(&shipped));
        let resolved = as_spans(&with_possessives(
            &shipped,
            resolve(&doc, shipped.clone()).0,
        ));
        per_source[SOURCES.len()].add(&gold, &resolved);
        per_source[SOURCES.len() + 1].add(&gold, &as_spans(&rules));
    }
    let mut out = format!(
        "raw text: {} documents in {:.1}s; tokenizer agrees on {agree} of {total} gold tokens ({:.2}%)\n",
        docs.len(),
        start.elapsed().as_secs_f64(),
        100.0 * agree as f64 / total.max(1) as f64
    );
    out += "F1 per numeric type by span source (Model, Rules, ModelThenRules, RulesThenModel; rules alone):\n";
    for (t, name) in Label::ALL.iter().enumerate().skip(Label::Date.index()) {
        out += &format!("{name:<10}");
        for (i, s) in per_source.iter().enumerate() {
            if i < SOURCES.len() || i == SOURCES.len() + 1 {
                out += &format!(" {:6.2}", s.of_type(t).2);
            }
        }
        out += "\n";
    }
    let before = per_source[SOURCES.len() + 2].overall();
    out += &format!(
        "\nwith the shipped policy, before article consistency: precision {:6.2}  recall {:6.2}  F1 {:6.2}\n",
        before.0, before.1, before.2
    );
    out += "\nwith the shipped policy and article consistency (the whole pipeline):\n";
    out += &per_source[SOURCES.len()].report();
    Ok(out)
}
