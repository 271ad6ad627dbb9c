//! What a reported item is: a statement (something a source said or wrote) or another kind of
//! attribution PolNeAR annotates — a belief, a plan, a finding, a perception or an action. Only
//! statements are quotes; the rest are kept apart (`Annotation::attributions`).
//!
//! The act is read off the cue's head word ("has also said" → say, "according to" → accord) by a
//! linear classifier learned from PolNeAR train's cue heads, each labelled once (`model/acts.tsv`,
//! `lede train-acts`). What lets it judge a verb it never saw: WordNet's lexicographer files of
//! the verb's senses (verb.communication, verb.cognition, …) and how close its GloVe vector is
//! to each act's seed words ("stammer" sits near "say"), both in `model/verbs.tsv`
//! (`scripts/derive/acts.py`).

use crate::schema::{Act, Quote, QuoteKind};
use crate::seq::hash::hash_str;
use crate::seq::table::Table;
use crate::seq::templates::feature_templates;
use crate::seq::ModelError;
use crate::words::HEAD_SKIPS;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The act classes, in the order of the model's scores.
pub const ACTS: [Act; 6] = [
    Act::Statement,
    Act::Belief,
    Act::Plan,
    Act::Finding,
    Act::Perception,
    Act::Action,
];
pub const N_ACTS: usize = ACTS.len();

feature_templates! {
    /// The act classifier's feature templates (their ids key the shipped model's weights).
    pub enum Template {
        /// Always on: the prior of each act.
        Bias = 0,
        /// The head's lemma.
        Lemma = 1,
        /// The lexicographer file of the lemma's first (most frequent) verb sense.
        FirstSense = 3,
        /// The lexicographer file of each verb sense.
        Sense = 4,
        /// The cue's word after the head ("according to", "called for", "pleaded guilty").
        Next = 7,
        /// Whether the lemma is a WordNet verb at all (nouns and adjectives head cues too).
        IsVerb = 8,
        /// The cue says no ("did not respond", "never said").
        Negated = 9,
        /// The act whose seed words' GloVe centroid is nearest the lemma's vector.
        NearestSeed = 10,
        /// Per act, how far its centroid is behind the nearest one (value: act, step).
        SeedGap = 11,
    }
}

/// Feature groups the trainer can leave out, to measure what each adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// The head word itself (lemma and form): without it, every head is judged as if unseen.
    Head,
    WordNet,
    /// GloVe closeness to each act's seed words.
    Seeds,
    /// The cue's other words.
    Context,
}

/// What the model file and `model/verbs.tsv` know of a word.
#[derive(Debug, Default, Clone)]
pub struct WordInfo {
    /// WordNet verb lexicographer files, first sense first (empty: not a WordNet verb).
    pub senses: Vec<u8>,
    /// Per act, how far the cosine of the word's GloVe vector to the act's seed centroid is
    /// behind the nearest act's, in steps of 0.03 (0: the nearest; absent: no vector).
    pub near: Option<[u8; N_ACTS]>,
}

/// The words of `model/verbs.tsv` and its irregular forms.
pub struct Verbs {
    words: HashMap<String, WordInfo>,
    irregular: HashMap<String, String>,
}

/// WordNet's first verb lexicographer file (29, verb.body); `model/verbs.tsv` writes each as a
/// letter from `a`.
const FIRST_VERB_FILE: u8 = 29;

/// WordNet's morphy rules for verbs, then nouns (suffix → replacement), tried in order.
const RULES: [(&str, &str); 11] = [
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("ses", "s"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("s", ""),
];

impl Verbs {
    /// Reads `model/verbs.tsv`'s format: `word<TAB>senses<TAB>closeness`, `=form<TAB>lemma`.
    pub fn parse(tsv: &str) -> Verbs {
        let (mut words, mut irregular) = (HashMap::new(), HashMap::new());
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let mut cols = line.split('\t');
            let (Some(word), Some(second)) = (cols.next(), cols.next()) else {
                continue;
            };
            if let Some(form) = word.strip_prefix('=') {
                irregular.insert(form.to_string(), second.to_string());
                continue;
            }
            // Lexicographer files 29..43 written as letters a..o.
            let senses = (second.bytes())
                .filter(|b| b.is_ascii_lowercase())
                .map(|b| b - b'a' + FIRST_VERB_FILE)
                .collect();
            let near: Vec<u8> = (cols.next().unwrap_or("").bytes())
                .map(|d| d.wrapping_sub(b'0').min(SEED_STEPS as u8))
                .collect();
            let near = near.try_into().ok();
            words.insert(word.to_string(), WordInfo { senses, near });
        }
        Verbs { words, irregular }
    }

    pub fn shipped() -> &'static Verbs {
        static VERBS: OnceLock<Verbs> = OnceLock::new();
        VERBS.get_or_init(|| Verbs::parse(include_str!("../../model/verbs.tsv")))
    }

    /// The lemma of a lower-case word, as WordNet's morphy finds it: an irregular form's
    /// lemma, the word if known, else the first suffix rule that gives a known word.
    pub fn lemma<'a>(&'a self, word: &'a str) -> Cow<'a, str> {
        if let Some(l) = self.irregular.get(word) {
            return Cow::Borrowed(l);
        }
        if self.words.contains_key(word) {
            return Cow::Borrowed(word);
        }
        for (suffix, with) in RULES {
            if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.len() > 1) {
                let candidate = format!("{stem}{with}");
                if self.words.contains_key(&candidate) {
                    return Cow::Owned(candidate);
                }
            }
        }
        Cow::Borrowed(word)
    }

    pub fn info(&self, lemma: &str) -> Option<&WordInfo> {
        self.words.get(lemma)
    }
}

/// The cue's words: its ASCII letter runs, lower case ("didn't" → did, n, t).
pub fn cue_words(cue: &str) -> Vec<String> {
    cue.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

/// The index of the cue's head among `words`: the first that is neither a skip word
/// (`src/words/head_skips.txt`: auxiliaries, pronouns, prepositions …) nor a -ly adverb, else
/// the first word ("In" of "In his view"); `None` for a cue of punctuation only (a colon).
/// `scripts/derive/acts.py` applies the same rule to label the heads.
pub fn head_of(words: &[String]) -> Option<usize> {
    let skipped = |w: &str| HEAD_SKIPS.contains(&w) || (w.ends_with("ly") && w.len() > 4);
    (words.iter().position(|w| !skipped(w))).or((!words.is_empty()).then_some(0))
}

/// Whether a cue denies its act ("did not respond", "has never said"): what a source did not
/// say is no statement (issue 22: "declined to comment", "could not be reached" are facts about
/// a source, not quotes). The evaluation's gold statements follow the same rule.
#[cfg(any(test, feature = "tools"))]
pub fn denies(cue: &str) -> bool {
    let words = cue_words(cue);
    head_of(&words).is_some_and(|h| is_negated(&words[..h]))
}

/// Whether the words before a cue's head deny it ("did not", "didn't", "never").
fn is_negated(before: &[String]) -> bool {
    before
        .iter()
        .any(|w| matches!(w.as_str(), "not" | "never" | "t" | "no"))
}

/// The features of a cue, leaving out the groups in `without`.
pub fn features(cue: &str, verbs: &Verbs, without: &[Group]) -> Vec<u64> {
    let words = cue_words(cue);
    let mut out = vec![Template::Bias.key(0, 0)];
    let Some(h) = head_of(&words) else {
        // A colon or a dash: its own lemma, "".
        if !without.contains(&Group::Head) {
            out.push(Template::Lemma.key(hash_str(""), 0));
        }
        return out;
    };
    let form = words[h].as_str();
    let lemma = verbs.lemma(form);
    let on = |g: Group| !without.contains(&g);
    if on(Group::Head) {
        out.push(Template::Lemma.key(hash_str(&lemma), 0));
    }
    let info = verbs.info(&lemma);
    if on(Group::WordNet) {
        let senses = info.map(|i| i.senses.as_slice()).unwrap_or(&[]);
        out.push(Template::IsVerb.key(u64::from(!senses.is_empty()), 0));
        if let Some(&first) = senses.first() {
            out.push(Template::FirstSense.key(u64::from(first), 0));
        }
        for &s in senses {
            out.push(Template::Sense.key(u64::from(s), 0));
        }
    }
    if let Some(near) = info.and_then(|i| i.near).filter(|_| on(Group::Seeds)) {
        let nearest = near.iter().position(|&v| v == 0).unwrap_or(0);
        out.push(Template::NearestSeed.key(nearest as u64, 0));
        for (act, &gap) in near.iter().enumerate() {
            out.push(Template::SeedGap.key(act as u64, u64::from(gap)));
        }
    }
    if on(Group::Context) {
        if let Some(next) = words.get(h + 1) {
            out.push(Template::Next.key(hash_str(next), 0));
        }
        out.push(Template::Negated.key(u64::from(is_negated(&words[..h])), 0));
    }
    out
}

/// The last of `SeedGap`'s steps (0.03 of cosine each; `scripts/derive/acts.py`).
const SEED_STEPS: u64 = 6;

/// The feature groups the shipped model leaves out: none (`lede train-acts` shows what each
/// adds on the folds).
pub const SHIPPED_WITHOUT: &[Group] = &[];

/// A learned act classifier.
pub struct Acts {
    table: Table<N_ACTS>,
}

impl Acts {
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<Acts, ModelError> {
        Ok(Acts {
            table: Table::new(bytes)?,
        })
    }

    /// The model built into Lede (`model/acts.bin`, written by `lede train-acts --write`).
    pub fn shipped() -> &'static Acts {
        static ACTS_MODEL: OnceLock<Acts> = OnceLock::new();
        ACTS_MODEL.get_or_init(|| {
            Acts::from_bytes(Cow::Borrowed(include_bytes!("../../model/acts.bin")))
                .expect("model/acts.bin is checked by the tests")
        })
    }

    /// The act of features `f` (see [`features`]).
    pub fn classify_features(&self, f: &[u64]) -> Act {
        let mut scores = [0f32; N_ACTS];
        self.table.add_scores(f, &mut scores);
        best(&scores)
    }

    /// The act a cue reports. A head Lede knows nothing of (not a cue head of the training
    /// text, not a common WordNet verb: "stammered") is a statement, the commonest act of the
    /// cues the tagger finds, rather than whatever its spelling alone would score.
    pub fn classify(&self, cue: &str) -> Act {
        let verbs = Verbs::shipped();
        let words = cue_words(cue);
        let head = head_of(&words);
        let act = match head {
            Some(h) if verbs.info(&verbs.lemma(&words[h])).is_none() => Act::Statement,
            _ => self.classify_features(&features(cue, verbs, SHIPPED_WITHOUT)),
        };
        // "did not respond to a request for comment", "has never said": a speech act denied
        // is something the source did not say; the reader learns a fact about them, no quote.
        match head {
            Some(h) if act.is_statement() && is_negated(&words[..h]) => Act::Action,
            _ => act,
        }
    }
}

/// The highest-scoring act; ties go to the earlier (statement first).
pub fn best(scores: &[f32; N_ACTS]) -> Act {
    let mut b = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = i;
        }
    }
    ACTS[b]
}

/// Sets the act of every reported item: reported speech (indirect, mixed) by its cue; a direct
/// or partial quote, and an item with no cue, is a statement.
pub fn mark(quote: &mut Quote, acts: &Acts) {
    quote.act = match (quote.kind, &quote.cue) {
        (QuoteKind::Indirect | QuoteKind::Mixed, Some(cue)) => acts.classify(&cue.text),
        _ => Act::Statement,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_keep_the_shipped_ids() {
        assert_eq!(Template::ids(), [0, 1, 3, 4, 7, 8, 9, 10, 11]);
    }

    #[test]
    fn heads_skip_auxiliaries_pronouns_and_adverbs() {
        let head = |cue: &str| {
            let w = cue_words(cue);
            head_of(&w).map(|h| w[h].clone())
        };
        assert_eq!(head("has also said").as_deref(), Some("said"));
        assert_eq!(head("didn't respond to").as_deref(), Some("respond"));
        assert_eq!(head("according to").as_deref(), Some("according"));
        assert_eq!(head("in a statement").as_deref(), Some("statement"));
        assert_eq!(head("In").as_deref(), Some("in"));
        assert_eq!(head(":"), None);
    }

    #[test]
    fn lemmas_follow_wordnet() {
        let v = Verbs::shipped();
        assert_eq!(v.lemma("told"), "tell");
        assert_eq!(v.lemma("said"), "say");
        assert_eq!(v.lemma("argues"), "argue");
        assert_eq!(v.lemma("pledged"), "pledge");
        assert_eq!(v.lemma("statements"), "statement");
        assert_eq!(v.lemma("xyzzy"), "xyzzy");
    }

    #[test]
    fn the_shipped_model_tells_statements_from_other_acts() {
        let acts = Acts::shipped();
        // Seen statement heads, in several forms.
        for cue in [
            "said",
            "has told",
            "according to",
            "wrote",
            "in a statement",
        ] {
            assert_eq!(acts.classify(cue), Act::Statement, "{cue}");
        }
        assert_eq!(acts.classify("believes"), Act::Belief);
        assert_eq!(acts.classify("wants"), Act::Plan);
        assert_eq!(acts.classify("found"), Act::Finding);
        assert_eq!(acts.classify("sued"), Act::Action);
    }

    #[test]
    fn no_comment_is_no_statement() {
        let acts = Acts::shipped();
        for cue in [
            "declined to comment",
            "did not respond to",
            "didn't respond",
            "could not be reached",
            "has never said",
        ] {
            assert!(!acts.classify(cue).is_statement(), "{cue}");
        }
    }

    #[test]
    fn a_statement_verb_the_training_never_saw_is_a_statement() {
        // No head here is in model/acts.tsv (PolNeAR train's heads): WordNet and GloVe decide
        // ("crowed", "divulged"), or nothing is known of the word ("stammered").
        let heads = include_str!("../../model/acts.tsv");
        for cue in ["crowed", "divulged", "has blogged", "stammered"] {
            let lemma = Verbs::shipped().lemma(cue).into_owned();
            assert!(
                !heads.lines().any(|l| l.split('\t').next() == Some(&lemma)),
                "{lemma} is a training head"
            );
            assert_eq!(Acts::shipped().classify(cue), Act::Statement, "{cue}");
        }
    }
}
