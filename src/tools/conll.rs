//! CoNLL-style column files (OntoNotes IOB2): reading, PTB unescaping, and conlleval scoring.

use super::score::Prf;
use crate::entities::ner::labels::N_TYPES;
use crate::schema::Label;

/// One document of tokenised sentences with IOB2 tags (empty when the file has no tag column).
#[derive(Debug, Clone, Default)]
pub struct BioDoc {
    pub sentences: Vec<BioSentence>,
}

#[derive(Debug, Clone, Default)]
pub struct BioSentence {
    /// Tokens as written in the file (PTB escapes kept, so output echoes input).
    pub tokens: Vec<String>,
    /// The last column when there are at least two columns.
    pub tags: Vec<String>,
}

/// Parses columns: token first, tag last; blank line ends a sentence; `-DOCSTART-` starts a document.
pub fn parse(text: &str) -> Vec<BioDoc> {
    let mut docs = vec![BioDoc::default()];
    let mut sent = BioSentence::default();
    let flush = |sent: &mut BioSentence, docs: &mut Vec<BioDoc>| {
        if !sent.tokens.is_empty() {
            docs.last_mut()
                .expect("one doc")
                .sentences
                .push(std::mem::take(sent));
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut sent, &mut docs);
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols[0] == "-DOCSTART-" {
            flush(&mut sent, &mut docs);
            if !docs.last().expect("one doc").sentences.is_empty() {
                docs.push(BioDoc::default());
            }
            continue;
        }
        sent.tokens.push(cols[0].to_string());
        if cols.len() >= 2 {
            sent.tags.push(cols[cols.len() - 1].to_string());
        }
    }
    flush(&mut sent, &mut docs);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// The raw-text form of a PTB token: brackets, `/.`-style escapes, and quotes as real characters.
pub fn unescape(token: &str) -> &str {
    match token {
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LSB-" => "[",
        "-RSB-" => "]",
        "-LCB-" => "{",
        "-RCB-" => "}",
        "``" => "“",
        "''" => "”",
        "`" => "‘",
        "/." => ".",
        "/?" => "?",
        "/-" => "-",
        t => t,
    }
}

/// Entity spans `(first, end, type)` from IOB2 tags with conlleval's rules (an `I-X` that does
/// not continue an `X` starts a new entity). Unknown types are skipped.
pub fn iob_spans(tags: &[String]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, ty) = t.split_once('-').unwrap_or((t.as_str(), ""));
        let continues = prefix == "I" && open.is_some_and(|(_, o)| o == ty);
        if !continues {
            if let Some((s, o)) = open.take() {
                out.extend(Label::parse(o).map(|l| l.index()).map(|ti| (s, i, ti)));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, o)) = open {
        out.extend(
            Label::parse(o)
                .map(|l| l.index())
                .map(|ti| (s, tags.len(), ti)),
        );
    }
    out
}

/// IOB2 tag strings from spans over `n` tokens.
pub fn iob_tags(n: usize, spans: &[(usize, usize, usize)]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); n];
    for &(s, e, ty) in spans {
        tags[s] = format!("B-{}", Label::ALL[ty]);
        for t in &mut tags[s + 1..e] {
            *t = format!("I-{}", Label::ALL[ty]);
        }
    }
    tags
}

/// Exact-span counts per type, conlleval style.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub types: [Prf; N_TYPES],
}

impl Scores {
    pub fn add(&mut self, gold: &[(usize, usize, usize)], guess: &[(usize, usize, usize)]) {
        for g in gold {
            self.types[g.2].gold += 1;
        }
        for p in guess {
            self.types[p.2].predicted += 1;
            if gold.contains(p) {
                self.types[p.2].matched += 1;
            }
        }
    }

    /// All types together.
    pub fn total(&self) -> Prf {
        self.types.iter().copied().sum()
    }

    /// Precision, recall and F1 in percent over all types.
    pub fn overall(&self) -> (f64, f64, f64) {
        self.total().percent()
    }

    /// Precision, recall and F1 in percent of one type.
    pub fn of_type(&self, t: usize) -> (f64, f64, f64) {
        self.types[t].percent()
    }

    /// conlleval-like report.
    pub fn report(&self) -> String {
        let total = self.total();
        let (p, r, f) = total.percent();
        let mut s = format!(
            "entities: gold {}, found {}, correct {}\noverall     precision {p:6.2}  recall {r:6.2}  F1 {f:6.2}\n",
            total.gold, total.predicted, total.matched
        );
        for (t, name) in Label::ALL.iter().enumerate() {
            let (p, r, f) = self.of_type(t);
            s += &format!(
                "{name:<12}precision {p:6.2}  recall {r:6.2}  F1 {f:6.2}  (gold {})\n",
                self.types[t].gold
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_sentences() {
        let docs = parse("-DOCSTART-\t-X-\tO\n\nKim\tNNP\tB-PERSON\nsaid\tVBD\tO\n\n-LRB-\t-LRB-\tO\n\n-DOCSTART-\t-X-\tO\n\nYes\tUH\tO\n");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tags, ["B-PERSON", "O"]);
        assert_eq!(unescape(&docs[0].sentences[1].tokens[0]), "(");
    }

    #[test]
    fn conlleval_span_rules() {
        let tags: Vec<String> = ["I-ORG", "I-ORG", "B-GPE", "I-PERSON", "O", "B-DATE"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let org = Label::Org.index();
        let gpe = Label::Gpe.index();
        let per = Label::Person.index();
        let date = Label::Date.index();
        assert_eq!(
            iob_spans(&tags),
            vec![(0, 2, org), (2, 3, gpe), (3, 4, per), (5, 6, date)]
        );
        let spans = iob_spans(&tags);
        assert_eq!(iob_spans(&iob_tags(6, &spans)), spans);
        let mut s = Scores::default();
        s.add(&spans, &spans[..2]);
        assert_eq!(s.overall().0, 100.0);
        assert_eq!(s.overall().1, 50.0);
    }
}
