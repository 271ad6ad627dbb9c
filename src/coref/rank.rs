//! Mention ranking (Durrett & Klein 2013, surface features): every mention, in reading order,
//! picks its antecedent among the mentions before it, or none (a new entity). The score of a
//! choice is a sum of learned weights (`lede train-coref`) over features of the pair: string and
//! head match, the name clusters of the rules, distance, agreement in number and gender, entity
//! types, pronoun forms. Candidates are the recent mentions within a bounded window plus the
//! last mention with the same words or head before it, so the cost is linear in the article.

use crate::coref::mentions::Mentions;
use crate::schema::{Entity, Label};
use crate::seq::hash::hash_str;
use crate::seq::table::{score_of, Scores};
use crate::seq::templates::feature_templates;
use crate::text::doc::Doc;
use crate::text::TokenRange;
use crate::words::{first_name_gender, title_gender, PREPOSITIONS, REFERRING_PRONOUNS};
use std::collections::HashMap;

/// How many mentions back the ranker looks (besides the last same-string and same-head ones).
pub const WINDOW: usize = 120;

/// What a mention is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Pronoun,
    Name,
    Nominal,
}

/// Singular, plural, either.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    One,
    Many,
    Unknown,
}

/// Male, female, a thing, unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    Thing,
    Unknown,
}

/// A candidate mention with what the features read.
#[derive(Debug, Clone)]
pub struct Mention {
    pub tokens: TokenRange,
    pub form: Form,
    pub label: Option<Label>,
    pub sentence: usize,
    number: Number,
    gender: Gender,
    /// Lower-cased words without a leading determiner or a closing possessive.
    words: String,
    head_word: String,
    /// The name cluster of the rules (`coref::mentions`) the head is in.
    pub rule_group: Option<usize>,
    /// The first mention of its sentence (a subject, mostly).
    first_in_sentence: bool,
}

fn pronoun_traits(lower: &str) -> Option<(Number, Gender, u8)> {
    let row = REFERRING_PRONOUNS.iter().find(|r| r.0 == lower)?;
    let number = match row.1 {
        "s" => Number::One,
        "p" => Number::Many,
        _ => Number::Unknown,
    };
    let gender = match row.2 {
        "m" => Gender::Male,
        "f" => Gender::Female,
        "n" => Gender::Thing,
        _ => Gender::Unknown,
    };
    Some((number, gender, row.3.as_bytes()[0] - b'0'))
}

/// A pronoun that always stands for a mention (demonstratives only when the tagger says so).
pub fn is_referring_pronoun(lower: &str) -> bool {
    pronoun_traits(lower).is_some() && !matches!(lower, "this" | "that" | "these" | "those")
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your",
];

pub fn is_name_label(l: Label) -> bool {
    matches!(
        l,
        Label::Person
            | Label::Org
            | Label::Gpe
            | Label::Loc
            | Label::Fac
            | Label::Norp
            | Label::Event
            | Label::Product
            | Label::WorkOfArt
            | Label::Law
    )
}

/// Builds the mentions of `spans` (sorted by start, longest first) on `doc`.
pub fn mentions(
    doc: &Doc,
    entities: &[Entity],
    rules: &Mentions,
    spans: &[TokenRange],
) -> Vec<Mention> {
    // Token → entity label, token → rule cluster.
    let mut label_at: Vec<Option<(Label, usize)>> = vec![None; doc.tokens.len()];
    for e in entities {
        let r = doc.tokens_in(e.start, e.end);
        for slot in label_at.iter_mut().take(r.end).skip(r.first) {
            *slot = Some((e.label, r.end));
        }
    }
    let mut group_at: Vec<Option<usize>> = vec![None; doc.tokens.len()];
    for m in &rules.mentions {
        for slot in group_at.iter_mut().take(m.end).skip(m.name) {
            *slot = Some(m.group);
        }
    }
    let mut last_sentence = usize::MAX;
    spans
        .iter()
        .map(|&r| {
            let sentence = doc.sentence_of(r.first);
            let first_in_sentence = sentence != last_sentence;
            last_sentence = sentence;
            mention(doc, r, sentence, first_in_sentence, &label_at, &group_at)
        })
        .collect()
}

fn mention(
    doc: &Doc,
    r: TokenRange,
    sentence: usize,
    first_in_sentence: bool,
    label_at: &[Option<(Label, usize)>],
    group_at: &[Option<usize>],
) -> Mention {
    // The head: the last word before a preposition, a comma or a relative clause; a name's
    // last word when a name ends inside the mention.
    let stop = (r.first + 1..r.end)
        .find(|&i| {
            let w = doc.lower(i);
            PREPOSITIONS.contains(&w) || matches!(w, "," | "who" | "which" | "that" | "(" | "--")
        })
        .unwrap_or(r.end);
    let mut head = stop - 1;
    if let Some((_, end)) = label_at[r.first..stop]
        .iter()
        .flatten()
        .find(|(l, _)| is_name_label(*l))
    {
        head = (*end).min(stop) - 1;
    }
    while head > r.first && crate::words::is_possessive(doc.token_text(head)) {
        head -= 1;
    }
    let label = label_at[head].map(|(l, _)| l);
    let single = r.end == r.first + 1;
    let traits = pronoun_traits(doc.lower(r.first)).filter(|_| single);
    let form = match (traits, label) {
        (Some(_), _) => Form::Pronoun,
        (None, Some(l)) if is_name_label(l) => Form::Name,
        _ if doc.is_capitalised(head) && head > r.first => Form::Name,
        _ => Form::Nominal,
    };
    let mut words: Vec<&str> = (r.first..r.end).map(|i| doc.lower(i)).collect();
    if words.len() > 1 && DETERMINERS.contains(&words[0]) {
        words.remove(0);
    }
    if words.len() > 1 && crate::words::is_possessive(words[words.len() - 1]) {
        words.pop();
    }
    let head_word = doc.lower(head).to_string();
    let (number, gender) = match traits {
        Some((n, g, _)) => (n, g),
        None => {
            let number = match form {
                Form::Nominal if head_word.ends_with('s') && !head_word.ends_with("ss") => {
                    Number::Many
                }
                _ => Number::One,
            };
            let gender = match label {
                Some(Label::Person) => (r.first..head)
                    .find_map(|i| title_gender(doc.lower(i).trim_end_matches('.')))
                    .or_else(|| first_name_gender(doc.token_text(r.first)))
                    .map_or(Gender::Unknown, |m| match m {
                        true => Gender::Male,
                        false => Gender::Female,
                    }),
                Some(l) if is_name_label(l) => Gender::Thing,
                _ => Gender::Unknown,
            };
            (number, gender)
        }
    };
    Mention {
        tokens: r,
        form,
        label,
        sentence,
        number,
        gender,
        words: words.join(" "),
        head_word,
        rule_group: group_at[head],
        first_in_sentence,
    }
}

feature_templates! {
    /// The ranker's feature templates (ids are the shipped model's keys).
    pub enum F {
        NewForm = 1,
        NewHead = 2,
        NewFirstWord = 3,
        NewLabel = 4,
        NewLength = 5,
        NewSeenWords = 6,
        NewSeenHead = 7,
        NewPronoun = 8,
        FormPair = 20,
        SameWords = 21,
        SameHead = 22,
        HeadInside = 23,
        SameRuleCluster = 24,
        Distance = 25,
        SentenceDistance = 26,
        PronounPair = 27,
        PronounLabel = 28,
        GenderAgreement = 29,
        NumberAgreement = 30,
        Nested = 31,
        HeadPair = 32,
        HeadLabel = 33,
        LabelPair = 34,
        PronounToSubject = 35,
        Acronym = 36,
        PronounDistance = 37,
        NewLastWord = 9,
        NewWordBefore = 10,
        NewWordAfter = 11,
        AntecedentHead = 38,
        AntecedentFirstWord = 39,
        AntecedentLastWord = 40,
        AntecedentWordBefore = 41,
        AntecedentWordAfter = 42,
        AntecedentLength = 43,
        FormPairDistance = 44,
    }
}

/// The ranker's feature groups, each left out in turn by `lede train-coref --ablation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Same words, same head, head inside, acronym, the rules' name cluster, seen before.
    StringMatch,
    /// Mention and sentence distance.
    Distance,
    /// Number and gender agreement.
    Agreement,
    /// The entity model's types.
    EntityType,
    /// Words: heads, first and last words, the words around each mention.
    Words,
    /// Pronoun forms with the antecedent's.
    Pronouns,
    /// Mention form, length, nesting (always kept: the base the others add to).
    Form,
}

/// The groups an ablation leaves out, with their names.
#[cfg(any(test, feature = "tools"))]
pub const GROUPS: [(Group, &str); 6] = [
    (Group::StringMatch, "string and alias match, rule clusters"),
    (Group::Distance, "distance"),
    (Group::Agreement, "number and gender agreement"),
    (Group::EntityType, "entity types"),
    (Group::Words, "words (heads, first/last, around)"),
    (Group::Pronouns, "pronoun pairs"),
];

fn group(t: F) -> Group {
    use F::*;
    match t {
        SameWords | SameHead | HeadInside | Acronym | SameRuleCluster | NewSeenWords
        | NewSeenHead => Group::StringMatch,
        Distance | SentenceDistance | FormPairDistance | PronounDistance => Group::Distance,
        GenderAgreement | NumberAgreement => Group::Agreement,
        NewLabel | LabelPair | PronounLabel | HeadLabel => Group::EntityType,
        NewHead | NewFirstWord | NewLastWord | NewWordBefore | NewWordAfter | HeadPair
        | AntecedentHead | AntecedentFirstWord | AntecedentLastWord | AntecedentWordBefore
        | AntecedentWordAfter => Group::Words,
        PronounPair | NewPronoun | PronounToSubject => Group::Pronouns,
        NewForm | NewLength | FormPair | Nested | AntecedentLength => Group::Form,
    }
}

fn form_id(f: Form) -> u64 {
    f as u64 + 1
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=15 => 6,
        16..=31 => 7,
        _ => 8,
    }
}

fn label_id(l: Option<Label>) -> u64 {
    l.map_or(99, |l| l.index() as u64)
}

/// Same / different / unknown.
fn agreement<T: PartialEq>(a: T, b: T, unknown: T) -> u64 {
    if a == unknown || b == unknown {
        0
    } else if a == b {
        1
    } else {
        2
    }
}

/// An article's mentions, ready to rank: for each, the earlier mentions it may link to.
pub struct Scene<'a> {
    pub doc: &'a Doc<'a>,
    pub mentions: Vec<Mention>,
    /// The last earlier mention with the same words, and with the same head (not pronouns).
    same_words_before: Vec<Option<usize>>,
    same_head_before: Vec<Option<usize>>,
    /// Feature groups left out (an ablation; the shipped ranker uses all).
    pub without: Vec<Group>,
    /// How many mentions back the ranker looks ([`WINDOW`] in training).
    pub window: usize,
}

impl<'a> Scene<'a> {
    pub fn new(doc: &'a Doc<'a>, mentions: Vec<Mention>) -> Self {
        let (mut by_words, mut by_head) = (HashMap::new(), HashMap::new());
        let (mut same_words_before, mut same_head_before) = (Vec::new(), Vec::new());
        for (j, m) in mentions.iter().enumerate() {
            let content = m.form != Form::Pronoun;
            same_words_before.push(match content {
                true => by_words.insert(m.words.clone(), j),
                false => None,
            });
            same_head_before.push(match content {
                true => by_head.insert(m.head_word.clone(), j),
                false => None,
            });
        }
        Scene {
            doc,
            mentions,
            same_words_before,
            same_head_before,
            without: Vec::new(),
            window: WINDOW,
        }
    }

    /// The mentions `j` may link to: the `window` before it and the last same-words and
    /// same-head mentions, nearest first.
    pub fn antecedents(&self, j: usize) -> Vec<usize> {
        let mut out: Vec<usize> = (j.saturating_sub(self.window)..j).rev().collect();
        for far in [self.same_words_before[j], self.same_head_before[j]]
            .into_iter()
            .flatten()
        {
            if far + self.window < j && !out.contains(&far) {
                out.push(far);
            }
        }
        out
    }

    /// Adds the feature of template `t` with values `v`, unless its group is left out.
    fn put(&self, out: &mut Vec<u64>, t: F, v: (u64, u64)) {
        if !self.without.contains(&group(t)) {
            out.push(t.key(v.0, v.1));
        }
    }

    fn last_word(&self, m: &Mention) -> u64 {
        hash_str(self.doc.lower(m.tokens.end - 1))
    }

    /// The word before a mention in its sentence (a fixed value at the sentence start).
    fn word_before(&self, m: &Mention) -> u64 {
        let first = self.doc.sentences[m.sentence].first;
        match m.tokens.first > first {
            true => hash_str(self.doc.lower(m.tokens.first - 1)),
            false => 1,
        }
    }

    fn word_after(&self, m: &Mention) -> u64 {
        let end = self.doc.sentences[m.sentence].end;
        match m.tokens.end < end {
            true => hash_str(self.doc.lower(m.tokens.end)),
            false => 1,
        }
    }

    /// Features of `j` starting a new entity.
    pub fn new_features(&self, j: usize, out: &mut Vec<u64>) {
        let m = &self.mentions[j];
        let form = form_id(m.form);
        self.put(out, F::NewForm, (form, 0));
        self.put(out, F::NewHead, (form, hash_str(&m.head_word)));
        let first = self.doc.lower(m.tokens.first);
        self.put(out, F::NewFirstWord, (form, hash_str(first)));
        self.put(out, F::NewLabel, (form, label_id(m.label)));
        self.put(
            out,
            F::NewLength,
            (form, bucket(m.tokens.end - m.tokens.first)),
        );
        self.put(
            out,
            F::NewSeenWords,
            (form, u64::from(self.same_words_before[j].is_some())),
        );
        self.put(
            out,
            F::NewSeenHead,
            (form, u64::from(self.same_head_before[j].is_some())),
        );
        for (t, w) in [
            (F::NewLastWord, self.last_word(m)),
            (F::NewWordBefore, self.word_before(m)),
            (F::NewWordAfter, self.word_after(m)),
        ] {
            self.put(out, t, (form, w));
        }
        if m.form == Form::Pronoun {
            self.put(
                out,
                F::NewPronoun,
                (hash_str(first), u64::from(m.first_in_sentence)),
            );
        }
    }

    /// Features of `j` linking to the earlier mention `i`.
    pub fn pair_features(&self, j: usize, i: usize, out: &mut Vec<u64>) {
        let (a, b) = (&self.mentions[j], &self.mentions[i]);
        let form = form_id(a.form);
        self.put(out, F::FormPair, (form, form_id(b.form)));
        let distance = bucket(j - i);
        self.put(out, F::Distance, (form, distance));
        let sentences = bucket(a.sentence - b.sentence);
        self.put(out, F::SentenceDistance, (form, sentences));
        self.put(out, F::LabelPair, (label_id(a.label), label_id(b.label)));
        let forms = form * 4 + form_id(b.form);
        self.put(out, F::FormPairDistance, (forms, distance));
        for (t, w) in [
            (F::AntecedentHead, hash_str(&b.head_word)),
            (
                F::AntecedentFirstWord,
                hash_str(self.doc.lower(b.tokens.first)),
            ),
            (F::AntecedentLastWord, self.last_word(b)),
            (F::AntecedentWordBefore, self.word_before(b)),
            (F::AntecedentWordAfter, self.word_after(b)),
            (F::AntecedentLength, bucket(b.tokens.end - b.tokens.first)),
        ] {
            self.put(out, t, (forms, w));
        }
        self.put(
            out,
            F::GenderAgreement,
            (form, agreement(a.gender, b.gender, Gender::Unknown)),
        );
        self.put(
            out,
            F::NumberAgreement,
            (form, agreement(a.number, b.number, Number::Unknown)),
        );
        if b.tokens.first <= a.tokens.first && a.tokens.end <= b.tokens.end {
            self.put(out, F::Nested, (form, 0));
        }
        if a.form == Form::Pronoun {
            let word = hash_str(&a.head_word);
            let other = match b.form {
                Form::Pronoun => hash_str(&b.head_word),
                f => form_id(f),
            };
            self.put(out, F::PronounPair, (word, other));
            self.put(out, F::PronounLabel, (word, label_id(b.label)));
            self.put(out, F::PronounDistance, (word, sentences));
            if b.first_in_sentence {
                self.put(out, F::PronounToSubject, (word, sentences));
            }
            return;
        }
        if a.words == b.words {
            self.put(out, F::SameWords, (form, form_id(b.form)));
        }
        if a.head_word == b.head_word {
            self.put(out, F::SameHead, (form, form_id(b.form)));
        }
        if b.form != Form::Pronoun {
            if b.words.split(' ').any(|w| w == a.head_word) {
                self.put(out, F::HeadInside, (form, 0));
            }
            self.put(
                out,
                F::HeadPair,
                (hash_str(&a.head_word), hash_str(&b.head_word)),
            );
            if is_acronym(&a.head_word, &b.words) {
                self.put(out, F::Acronym, (form, 0));
            }
        }
        self.put(
            out,
            F::HeadLabel,
            (hash_str(&a.head_word), label_id(b.label)),
        );
        if a.rule_group.is_some() && a.rule_group == b.rule_group {
            self.put(out, F::SameRuleCluster, (form, form_id(b.form)));
        }
    }
}

/// `nato` of `north atlantic treaty organization`: the initials of the capitalised words.
fn is_acronym(short: &str, long: &str) -> bool {
    let initials: String = long
        .split(' ')
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "for"))
        .filter_map(|w| w.chars().next())
        .collect();
    short.len() >= 2 && !short.contains(' ') && initials == short
}

/// Each mention's antecedent (`None`: a new entity), by the best-scoring choice.
#[cfg(any(test, feature = "tools"))]
pub fn link(scene: &Scene, scorer: &impl Scores<1>) -> Vec<Option<usize>> {
    let mut f = Vec::new();
    (0..scene.mentions.len())
        .map(|j| antecedent(scene, scorer, j, &mut f))
        .collect()
}

/// Mention `j`'s antecedent (`None`: a new entity), by the best-scoring choice; `f` is room
/// for features.
pub fn antecedent(
    scene: &Scene,
    scorer: &impl Scores<1>,
    j: usize,
    f: &mut Vec<u64>,
) -> Option<usize> {
    f.clear();
    scene.new_features(j, f);
    let mut best = (score_of(scorer, f), None);
    for i in scene.antecedents(j) {
        f.clear();
        scene.pair_features(j, i, f);
        let s = score_of(scorer, f);
        if s > best.0 {
            best = (s, Some(i));
        }
    }
    best.1
}

/// Chains from antecedent links: each mention's chain id (the first mention's index).
#[cfg(any(test, feature = "tools"))]
pub fn chains(links: &[Option<usize>]) -> Vec<usize> {
    let mut chain = Vec::with_capacity(links.len());
    for (j, l) in links.iter().enumerate() {
        let c = l.map_or(j, |i| chain[i]);
        chain.push(c);
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_left_out_adds_no_features() {
        let text = "John Kirby spoke. Kirby left.";
        let doc = Doc::new(text, None);
        let spans = vec![TokenRange::new(0, 2), TokenRange::new(4, 5)];
        let mut scene = Scene::new(&doc, mentions(&doc, &[], &Mentions::default(), &spans));
        let (mut all, mut fewer) = (Vec::new(), Vec::new());
        scene.pair_features(1, 0, &mut all);
        scene.without = vec![Group::Words];
        scene.pair_features(1, 0, &mut fewer);
        assert!(fewer.len() < all.len());
        assert!(fewer.iter().all(|f| all.contains(f)));
        let head = F::HeadPair.key(hash_str("kirby"), hash_str("kirby"));
        assert!(all.contains(&head) && !fewer.contains(&head));
    }

    #[test]
    fn chains_follow_links_to_the_first_mention() {
        assert_eq!(
            chains(&[None, Some(0), None, Some(1), Some(2)]),
            vec![0, 0, 2, 0, 2]
        );
    }

    #[test]
    fn acronyms_are_initials() {
        assert!(is_acronym("nato", "north atlantic treaty organization"));
        assert!(is_acronym("fbi", "federal bureau of investigation"));
        assert!(!is_acronym("fbi", "the federal reserve"));
    }

    #[test]
    fn the_window_is_bounded_and_reaches_the_same_name_far_back() {
        let text = "Kirby spoke. ".to_string() + &"It rained. ".repeat(WINDOW + 20) + "Kirby left.";
        let doc = Doc::new(&text, None);
        let spans: Vec<TokenRange> = (0..doc.tokens.len())
            .filter(|&i| matches!(doc.lower(i), "kirby" | "it"))
            .map(|i| TokenRange::new(i, i + 1))
            .collect();
        let ms = mentions(&doc, &[], &Mentions::default(), &spans);
        let scene = Scene::new(&doc, ms);
        let last = scene.mentions.len() - 1;
        let before = scene.antecedents(last);
        assert_eq!(before.len(), WINDOW + 1);
        assert_eq!(*before.last().unwrap(), 0, "the first Kirby, far back");
    }
}
