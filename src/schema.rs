//! The Annotation: one serde schema for the wasm API, the CLI and the tests.
//!
//! Offsets are UTF-8 byte offsets while the pipeline runs; `Annotation::convert_offsets`
//! rewrites them once at the boundary (UTF-16 units for JS, code points for the CLI).

use serde::{Deserialize, Serialize};

/// Which unit offsets are reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Units {
    /// UTF-8 bytes (Rust `&str` indices).
    Bytes,
    /// Unicode scalar values (Python `str` indices; the CLI's unit).
    #[default]
    Chars,
    /// UTF-16 code units (JavaScript `String` indices; the wasm API's unit).
    Utf16,
}

/// Options for [`annotate`](crate::annotate); every field has a default so `{}` from JS works.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Unit of every offset in the result; code points when unset (the JS binding sets UTF-16).
    pub offsets: Option<Units>,
    /// Article date (`YYYY-MM-DD`) that relative dates ("last month") resolve against; it
    /// overrides the date the text's header gives.
    pub date: Option<String>,
    /// Also return the attributions that are not statements (beliefs, plans, findings,
    /// perceptions, actions) as `Annotation::attributions`; off by default.
    pub attributions: bool,
    /// The reader's corrections of source genders, by cluster or source name (any case):
    /// "female", "male", or "unknown" to clear a gender. They win over the article's evidence
    /// and so reach `source_genders` and every export made with the same options.
    pub genders: std::collections::BTreeMap<String, GenderCorrection>,
    /// Guess a person's gender from the first name when the article gives none (on by
    /// default; such a gender's evidence is "first name"). Off: only the article's words count.
    pub first_names: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            offsets: None,
            date: None,
            attributions: false,
            genders: Default::default(),
            first_names: true,
        }
    }
}

/// A person's gender as the article gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
}

/// A reader's correction (`Options::genders`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GenderCorrection {
    Female,
    Male,
    Unknown,
}

/// What tells a person's gender, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GenderKind {
    /// The reader said so (`Options::genders`).
    #[serde(rename = "correction")]
    Correction,
    /// A courtesy title: Mr., Ms., Mrs., Sir, Dame.
    #[serde(rename = "honorific")]
    Honorific,
    /// A gendered role or kin noun describing or titling them: chairwoman, actress, widow.
    #[serde(rename = "role")]
    Role,
    /// A pronoun the coreference links to them: she, his.
    #[serde(rename = "pronoun")]
    Pronoun,
    /// Only a guess: the gender news gives most bearers of the first name.
    #[serde(rename = "first name")]
    FirstName,
}

/// One kind of evidence for a gender: how often the article gives it, with one example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenderClue {
    pub kind: GenderKind,
    /// The side it takes; absent only for a reader's correction to unknown, which must still
    /// show in the evidence and exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    pub count: usize,
    /// An example as written: "she", "Ms.", "chairwoman", "Mary".
    pub text: String,
}

/// Who gets quoted in one article, by gender: named person sources and the words they are
/// quoted with (`Annotation::source_genders`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceGenders {
    /// Named person sources.
    pub people: usize,
    pub female: usize,
    pub male: usize,
    /// Named people whose gender the article does not give (or gives both ways).
    pub unknown: usize,
    /// Words quoted from named people, and from each part.
    pub words: usize,
    pub female_words: usize,
    pub male_words: usize,
    pub unknown_words: usize,
}

/// Field by field: the sum over articles (a corpus summary) or over sources (one article).
impl std::ops::AddAssign<&SourceGenders> for SourceGenders {
    fn add_assign(&mut self, other: &SourceGenders) {
        self.people += other.people;
        self.female += other.female;
        self.male += other.male;
        self.unknown += other.unknown;
        self.words += other.words;
        self.female_words += other.female_words;
        self.male_words += other.male_words;
        self.unknown_words += other.unknown_words;
    }
}

impl std::ops::AddAssign for SourceGenders {
    fn add_assign(&mut self, other: SourceGenders) {
        *self += &other;
    }
}

/// A half-open range `[start, end)` into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A span with the text it covers; used for speakers and cues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// Article text.
    Body,
    /// The dateline: the `date YYYY-MM-DD` marker (or its prefix on the first line), or the place
    /// dateline opening the body (`WASHINGTON (AP) —`, up to its dash).
    Dateline,
    /// A header line above the body: `Published …`/`Updated …` lines, bylines, a date on its own
    /// line. Not body text: no entities but the date it gives, no quotes.
    Header,
    /// Ads, promotions, sign-up lines, copyright: shown dimmed, skipped by later layers.
    Boilerplate,
    /// Photo/graphic credits and captions: shown dimmed, skipped by later layers.
    Caption,
}

impl ParagraphKind {
    /// Whether later layers (entities, quotes) should read this paragraph.
    pub fn is_content(self) -> bool {
        self == ParagraphKind::Body
    }
}

/// Where the article date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSourceKind {
    /// Given by the caller (`Options::date`, `--date`, the page's date field): it overrides the text.
    Option,
    /// The `date YYYY-MM-DD` marker at the start of the text.
    Marker,
    /// A `Published …` (or `Posted …`) line in the header.
    Published,
    /// An `Updated …` line in the header (used only when nothing else dates the article).
    Updated,
    /// A byline with a date: `By Jane Doe, Associated Press | October 13, 2023`.
    Byline,
    /// A date on its own line in the header: `Oct. 13, 2023`, `2023-10-13`.
    Header,
}

/// Where [`Annotation::date`] comes from: the kind of source and, when read from the text, the
/// date as written there (`Fri October 13, 2023`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateSource {
    pub kind: DateSourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<TextSpan>,
}

/// The place dateline opening the body: `LONDON, Oct 13 (Reuters) -`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline, up to and including its dash.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The place as written (`MANCHESTER, N.H.`); each of its names is also a GPE entity.
    pub place: TextSpan,
    /// The news agency between the parentheses (`AP`, `Reuters`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<TextSpan>,
    /// A month and day after the place (`Oct 13`), when given; it has no year, so it never
    /// dates the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<TextSpan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// The 18 OntoNotes entity types, in legend order (the entity model's type index). The only
/// place their names are written: the JSON uses them, the pipeline uses the enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    Person,
    Norp,
    Fac,
    Org,
    Gpe,
    Loc,
    Product,
    Event,
    WorkOfArt,
    Law,
    Language,
    Date,
    Time,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Cardinal,
}

impl Label {
    pub const ALL: [Label; 18] = [
        Label::Person,
        Label::Norp,
        Label::Fac,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Product,
        Label::Event,
        Label::WorkOfArt,
        Label::Law,
        Label::Language,
        Label::Date,
        Label::Time,
        Label::Percent,
        Label::Money,
        Label::Quantity,
        Label::Ordinal,
        Label::Cardinal,
    ];

    /// The OntoNotes name (`PERSON`, `WORK_OF_ART`).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Product => "PRODUCT",
            Label::Event => "EVENT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
        }
    }

    /// The label an OntoNotes name stands for.
    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == name)
    }

    /// Position in [`Label::ALL`]: the entity model's type index.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: Label,
    /// Index into `Annotation::clusters` once mentions are clustered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
    /// Normalised value: ISO date for DATE, number for CARDINAL/MONEY/PERCENT, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// All mentions of one real-world person, organisation or place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: usize,
    /// The fullest name the article gives ("John Kirby").
    pub name: String,
    /// The type of its longest entity mention (see `coref::types`), else of its name's
    /// shape; absent when neither
    /// tells (a speaker named only in attributions, such as a one-word name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Label>,
    /// Indices into `Annotation::entities`.
    pub mentions: Vec<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// The pronouns and descriptions the learned coreference links to it ("she", "the
    /// commission"), in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<TextSpan>,
    /// A person's gender, when the article gives it one way (or, as a guess, the first name
    /// does: see `gender_evidence`); absent when unknown or given both ways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// What the gender rests on, strongest first (both sides when they conflict).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gender_evidence: Vec<GenderClue>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole sentence or more between quote marks.
    Direct,
    /// A short quoted phrase inside the writer's own sentence ("pay a price").
    Partial,
    /// Reported speech without quote marks ("Kirby said U.S. officials are ...").
    Indirect,
    /// Reported speech that quotes some of the speaker's words (`said Pyongyang will “pay a
    /// price” if …`): one utterance, its quoted words listed in `parts`.
    Mixed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The content span; for direct quotes it includes the quote marks.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<TextSpan>,
    pub speaker_name: Option<String>,
    pub speaker_cluster: Option<usize>,
    pub cue: Option<TextSpan>,
    /// The quoted words inside a `mixed` quote, with their marks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<TextSpan>,
    /// How likely this is an attribution (0–1), from the learned confidence model; quotes
    /// under its threshold are not reported.
    #[serde(default)]
    pub confidence: f64,
    /// How likely the speaker is right (0–1), apart from whether this is a quote: from the
    /// learned speaker confidence model; absent when there is no speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_confidence: Option<f64>,
    /// What the item reports; a quote is a statement (absent in JSON), the entries of
    /// `Annotation::attributions` are the other acts.
    #[serde(default, skip_serializing_if = "Act::is_statement")]
    pub act: Act,
}

/// What an attribution reports, as `quotes::acts` classifies its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Act {
    /// Something a source said or wrote: a quote.
    #[default]
    Statement,
    /// A thought, belief, feeling or stance ("believes", "supports").
    Belief,
    /// A want, plan or decision ("wants", "seeks").
    Plan,
    /// What evidence shows ("a study found", "data show").
    Finding,
    /// Seeing and seeming ("appears", "saw").
    Perception,
    /// Anything else a source does ("voted", "sued", "declined").
    Action,
}

impl Act {
    pub fn is_statement(&self) -> bool {
        *self == Act::Statement
    }
}

impl Quote {
    /// The content `[start, end)` (its `text`) of `kind`, with no speaker, cue or confidence yet:
    /// what the quote stages start from.
    pub fn unattributed(start: usize, end: usize, text: String, kind: QuoteKind) -> Quote {
        Quote {
            start,
            end,
            text,
            kind,
            speaker: None,
            speaker_name: None,
            speaker_cluster: None,
            cue: None,
            parts: Vec::new(),
            confidence: 0.0,
            speaker_confidence: None,
            act: Act::Statement,
        }
    }
}

/// The groups of [`Annotation::sources`], in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceGroup {
    /// People: a speaker cluster labelled PERSON.
    People,
    /// Organisations and groups: a cluster labelled ORG or NORP, a cluster with no label, or a
    /// speaker with no cluster (a name, or a mention such as "officials").
    Groups,
    /// Places and others: a cluster with any other label (GPE, …).
    Others,
    /// Documents no one is named behind: a speaker with no cluster headed by a document noun
    /// ("a report", "the statement"); who issued it is unknown.
    Documents,
    /// The one row of quotes with no speaker (or only a pronoun resolved to nobody); always last.
    Unattributed,
}

/// Someone quoted, with their quotes: one row of the page's Sources panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The name shown: the speaker name its first quote gives ("John Kirby"), else the speaker
    /// mention as written ("a spokeswoman for the agency"); when that is a pronoun, the name of
    /// its cluster. `Unattributed` for the unattributed row.
    pub name: String,
    pub group: SourceGroup,
    /// Index into `Annotation::clusters` when the source is a speaker cluster.
    pub cluster: Option<usize>,
    /// The cluster's entity type, when it has one.
    pub label: Option<Label>,
    /// Whether the article names the source: `false` for a speaker known only by a description
    /// ("officials", "a spokeswoman for the agency") and for the unattributed row.
    pub named: bool,
    /// Indices into `Annotation::quotes`, in text order.
    pub quotes: Vec<usize>,
    /// Words in its quotes' texts (runs of letters and digits, with inner `'’.-`).
    pub words: usize,
    /// A person source's gender: its cluster's, or for one with no name, what its
    /// description says ("a spokeswoman"). Absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gender_evidence: Vec<GenderClue>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// The article date (ISO `YYYY-MM-DD`) that relative dates resolve against: the caller's
    /// date when given, else the one the text's header gives (see `date_source`).
    pub date: Option<String>,
    /// Where `date` comes from; absent when there is no date.
    #[serde(default)]
    pub date_source: Option<DateSource>,
    /// The place dateline opening the body, if any.
    #[serde(default)]
    pub dateline: Option<Dateline>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    pub quotes: Vec<Quote>,
    /// Who is quoted, with their quotes, in the Sources panel's order: people, then
    /// organisations and groups, then places and others (inside a group: most quotes, then most
    /// words quoted, then first quoted), then the unattributed row. Each quote is in exactly
    /// one source. See `src/sources.rs`.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Named person sources and their quoted words by gender (from `sources`).
    #[serde(default)]
    pub source_genders: SourceGenders,
    /// Attributions that are not statements (beliefs, plans, findings, perceptions, actions),
    /// in text order, each with its `act`: only when `Options::attributions` asks for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<Quote>,
    /// Human-readable notes about the input (empty text, binary junk, truncation ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Annotation {
    /// Rewrites every offset with `f` (byte offset → target unit).
    /// Re-reads every span's `text` from `text` (byte offsets): after annotating a copy whose
    /// offsets are the same (line ends unified), the texts quote the caller's own characters.
    pub(crate) fn restore_texts(&mut self, text: &str) {
        let get = |s: usize, e: usize| text.get(s..e).unwrap_or_default().to_string();
        for e in &mut self.entities {
            e.text = get(e.start, e.end);
        }
        if let Some(d) = &mut self.dateline {
            d.text = get(d.start, d.end);
            for t in [Some(&mut d.place), d.agency.as_mut(), d.date.as_mut()]
                .into_iter()
                .flatten()
            {
                t.text = get(t.start, t.end);
            }
        }
        if let Some(t) = self.date_source.as_mut().and_then(|s| s.span.as_mut()) {
            t.text = get(t.start, t.end);
        }
        for t in self.clusters.iter_mut().flat_map(|c| &mut c.references) {
            t.text = get(t.start, t.end);
        }
        for q in self.quotes.iter_mut().chain(&mut self.attributions) {
            q.text = get(q.start, q.end);
            for t in [&mut q.speaker, &mut q.cue]
                .into_iter()
                .flatten()
                .chain(&mut q.parts)
            {
                t.text = get(t.start, t.end);
            }
        }
    }

    pub fn convert_offsets(&mut self, f: impl Fn(usize) -> usize) {
        let span = |s: &mut usize, e: &mut usize| {
            *s = f(*s);
            *e = f(*e);
        };
        for p in &mut self.paragraphs {
            span(&mut p.start, &mut p.end);
        }
        if let Some(d) = &mut self.dateline {
            span(&mut d.start, &mut d.end);
            for t in [Some(&mut d.place), d.agency.as_mut(), d.date.as_mut()]
                .into_iter()
                .flatten()
            {
                span(&mut t.start, &mut t.end);
            }
        }
        if let Some(t) = self.date_source.as_mut().and_then(|s| s.span.as_mut()) {
            span(&mut t.start, &mut t.end);
        }
        for s in &mut self.sentences {
            span(&mut s.start, &mut s.end);
        }
        for e in &mut self.entities {
            span(&mut e.start, &mut e.end);
        }
        for t in self.clusters.iter_mut().flat_map(|c| &mut c.references) {
            span(&mut t.start, &mut t.end);
        }
        for q in self.quotes.iter_mut().chain(&mut self.attributions) {
            span(&mut q.start, &mut q.end);
            for t in [&mut q.speaker, &mut q.cue].into_iter().flatten() {
                span(&mut t.start, &mut t.end);
            }
            for t in &mut q.parts {
                span(&mut t.start, &mut t.end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_genders_add_field_by_field() {
        let a = SourceGenders {
            people: 3,
            female: 1,
            male: 1,
            unknown: 1,
            words: 10,
            female_words: 2,
            male_words: 3,
            unknown_words: 5,
        };
        let mut sum = a.clone();
        sum += &a;
        sum += SourceGenders {
            people: 1,
            female: 1,
            words: 4,
            female_words: 4,
            ..SourceGenders::default()
        };
        let want = SourceGenders {
            people: 7,
            female: 3,
            male: 2,
            unknown: 2,
            words: 24,
            female_words: 8,
            male_words: 6,
            unknown_words: 10,
        };
        assert_eq!(sum, want);
    }

    #[test]
    fn labels_serialize_as_their_ontonotes_names() {
        for (i, l) in Label::ALL.into_iter().enumerate() {
            assert_eq!(l.index(), i);
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.as_str()));
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
        assert_eq!(Label::parse("MISC"), None);
    }

    /// The page's legend and colours come from `www/labels.tsv`: same labels, same order.
    #[test]
    fn the_page_table_lists_the_same_labels() {
        let table = include_str!("../www/labels.tsv");
        let rows: Vec<&str> = table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').next().unwrap_or(""))
            .collect();
        let names: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(rows, names);
    }
}
