//! Mentions of people and organisations, clustered so that "Kirby" and "National Security
//! Adviser John Kirby" are one person named "John Kirby".
//!
//! Mentions come from the entity layer (PERSON, ORG, GPE, NORP, FAC) when it has run; any
//! capitalised word sequence it did not cover is added too, so attribution also works before
//! (or without) the trained model. Titles in front of a name ("National Security Adviser",
//! "Sen.", "spokeswoman") become the cluster's roles, which lets "the adviser" find its holder.

use crate::schema::{Entity, Label};
use crate::text::doc::Doc;
use crate::text::{is_capitalised, TokenRange};
use crate::words::marks::is_unambiguous_mark;
use crate::words::{
    is_complement_joint, is_not_name, is_title, COMPANY_HEADS, CONNECTORS, ORG_WORDS, PLACE_ALIASES,
};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Org,
    Place,
    Unknown,
}

impl Kind {
    fn from_label(label: Label) -> Option<Kind> {
        match label {
            Label::Person => Some(Kind::Person),
            Label::Org | Label::Norp | Label::Fac => Some(Kind::Org),
            Label::Gpe | Label::Loc => Some(Kind::Place),
            _ => None,
        }
    }

    /// The label a cluster of this kind takes when no entity mention gives one.
    pub fn label(self) -> Option<Label> {
        match self {
            Kind::Person => Some(Label::Person),
            Kind::Org => Some(Label::Org),
            Kind::Place => Some(Label::Gpe),
            Kind::Unknown => None,
        }
    }
}

/// One mention: tokens `[first, end)`, of which `[name, end)` is the name without its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub name: usize,
    pub end: usize,
    pub kind: Kind,
    pub group: usize,
    /// Index into the entity list when the mention came from the entity layer.
    pub entity: Option<usize>,
}

/// A cluster under construction: everything the article says about one referent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The fullest name seen; `None` when the only mentions are ambiguous surnames.
    pub name: Option<String>,
    pub kind: Kind,
    /// Lower-cased title words seen in front of the name ("adviser", "president").
    pub roles: Vec<String>,
    /// Title text as written, for the cluster ("National Security Adviser").
    pub role_titles: Vec<String>,
    pub mentions: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Mentions {
    pub mentions: Vec<Mention>,
    pub groups: Vec<Group>,
}

fn is_name_word(word: &str) -> bool {
    is_capitalised(word) && !is_not_name(word.trim_end_matches('.'))
}

/// The longest run of capitalised words and joints searched for a title before a name.
const TITLE_RUN: usize = 6;

/// The first title in `first..end` followed by its complement ("Minister | of Finance"), when
/// the run is just that.
fn title_at(doc: &Doc, first: usize, end: usize) -> Option<usize> {
    (first..end.saturating_sub(2))
        .find(|&i| is_title(doc.token_text(i)) && is_complement_joint(doc.token_text(i + 1)))
}

/// Normalised key for exact matching: name tokens without a leading determiner, lower-cased;
/// a country's short name keys as its full name.
fn key(doc: &Doc, first: usize, end: usize, kind: Kind) -> String {
    let mut words: Vec<&str> = (first..end).map(|i| doc.lower(i)).collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    let k = words.join(" ");
    match PLACE_ALIASES.iter().find(|(alias, _)| *alias == k) {
        // The model sometimes types a short name ORG (`DPRK`); a person is never a country.
        Some((_, full)) if kind != Kind::Person => full.to_string(),
        _ => k,
    }
}

fn text_of(doc: &Doc, first: usize, end: usize) -> String {
    if first >= end {
        return String::new();
    }
    let s = doc.span(first, end - 1);
    doc.text[s.start..s.end].to_string()
}

/// Token index at or after byte offset `b`.
fn token_at(doc: &Doc, b: usize) -> usize {
    doc.tokens.partition_point(|t| t.end <= b)
}

/// A token span that may be a mention, with the entity layer's kind and entity index when it
/// came from there.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    tokens: TokenRange,
    kind: Option<Kind>,
    entity: Option<usize>,
}

/// Finds and clusters mentions. `entities` may be empty (then only capitalised spans count).
pub fn find(doc: &Doc, entities: &[Entity]) -> Mentions {
    let mut spans: Vec<Candidate> = Vec::new();
    for (ei, e) in entities.iter().enumerate() {
        let Some(kind) = Kind::from_label(e.label) else {
            continue;
        };
        let (first, mut end) = (token_at(doc, e.start), token_at(doc, e.end));
        // A name never runs across a line break or a quote mark (model spans sometimes do).
        if let Some(k) = (first + 1..end).find(|&k| {
            let gap = &doc.text[doc.tokens[k - 1].end..doc.tokens[k].start];
            gap.contains('\n') || is_unambiguous_mark(doc.token_text(k))
        }) {
            end = k;
        }
        if first < end && end <= doc.tokens.len() {
            spans.push(Candidate {
                tokens: TokenRange::new(first, end),
                kind: Some(kind),
                entity: Some(ei),
            });
        }
    }
    spans.sort_by_key(|s| (s.tokens.first, std::cmp::Reverse(s.tokens.end)));
    let mut in_entity = vec![false; doc.tokens.len()];
    for c in &spans {
        in_entity[c.tokens.first..c.tokens.end]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    // A sentence-initial capitalised word that the article also writes in lower case
    // ("Officials", "Democratic") is an ordinary word, not the start of a name.
    let lower_words: HashSet<&str> = (0..doc.tokens.len())
        .map(|i| doc.token_text(i))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let mut extra = Vec::new();
    let mut titles: Vec<TokenRange> = Vec::new();
    for s in &doc.sentences {
        let mut i = s.first;
        while i < s.end {
            let w = doc.token_text(i);
            let ordinary = i == s.first && lower_words.contains(doc.lower(i));
            if ordinary || !is_name_word(w) || in_entity[i] {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < s.end && !in_entity[end] {
                let w = doc.token_text(end);
                // A joint reaches into an entity only for a title's complement ("Secretary of
                // State"), never otherwise ("Shares of | Maple Leaf Foods").
                let joins = CONNECTORS.contains(&w)
                    && end + 1 < s.end
                    && (!in_entity[end + 1] || is_title(doc.token_text(end - 1)))
                    && is_name_word(doc.token_text(end + 1))
                    && doc.token_text(end + 1) != "The";
                if (is_capitalised(w) && !is_not_name(w)) || joins {
                    end += if joins { 2 } else { 1 };
                } else {
                    break;
                }
            }
            // "The White House": a capitalised determiner belongs to an organisation name.
            let first = if i > s.first && doc.token_text(i - 1) == "The" {
                i - 1
            } else {
                i
            };
            // "National Security Adviser | John Kirby": a title run in front of a name the
            // entity layer found is that person's title, not a mention of its own.
            // So is a title with its complement ("Minister of Finance | Chrystia Freeland"),
            // and an entity inside that complement ("State") is part of the title.
            let title_of_entity = end < s.end
                && in_entity[end]
                && (is_title(doc.token_text(end - 1)) || title_at(doc, i, end).is_some());
            if title_of_entity {
                titles.push(TokenRange::new(i, end));
            } else {
                extra.push(Candidate {
                    tokens: TokenRange::new(first, end),
                    kind: None,
                    entity: None,
                });
            }
            i = end;
        }
    }
    spans.retain(|c| !(titles.iter()).any(|t| t.first <= c.tokens.first && c.tokens.end <= t.end));
    spans.extend(extra);
    spans.sort_by_key(|s| {
        (
            s.tokens.first,
            std::cmp::Reverse(s.tokens.end),
            s.entity.is_none(),
        )
    });
    build(doc, &spans)
}

fn guess_kind(doc: &Doc, first: usize, name: usize, end: usize) -> Kind {
    let words: Vec<&str> = (name..end).map(|i| doc.token_text(i)).collect();
    // "Patriot Coal" unseen by the model: a company head makes it an organisation.
    let company = words.last().is_some_and(|w| COMPANY_HEADS.contains(w));
    if company || words.iter().any(|w| ORG_WORDS.contains(w)) || doc.token_text(first) == "The" {
        return Kind::Org;
    }
    let titled = name > first || (first > 0 && is_title(doc.token_text(first - 1)));
    let all_caps = words.len() == 1
        && words[0]
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if all_caps {
        Kind::Org
    } else if titled || (2..=4).contains(&words.len()) {
        Kind::Person
    } else {
        Kind::Unknown
    }
}

/// Lookup tables that keep clustering linear: exact name keys, and the first and last words of
/// full names (for "Kirby" → "John Kirby").
#[derive(Default)]
struct Index {
    by_key: HashMap<String, usize>,
    by_word: HashMap<String, Vec<usize>>,
    /// Per group, its latest mention written in full ("John Kirby", not "Kirby"): mentions come
    /// in text order, so a shared surname asks this one, not every mention of the group.
    last_full: Vec<Option<usize>>,
}

impl Index {
    fn add_name(&mut self, g: usize, name: &str) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() > 1 {
            for w in [words[0], words[words.len() - 1]] {
                let list = self.by_word.entry(w.to_lowercase()).or_default();
                if !list.contains(&g) {
                    list.push(g);
                }
            }
        }
    }
}

fn build(doc: &Doc, spans: &[Candidate]) -> Mentions {
    let mut out = Mentions::default();
    let mut index = Index::default();
    let mut last_end = 0;
    for &Candidate {
        tokens: TokenRange { first, end },
        kind,
        entity,
    } in spans
    {
        if first < last_end {
            continue; // overlapping fallback span inside an entity
        }
        last_end = end;
        // Split a leading title off the name: "National Security Adviser | John Kirby".
        let mut name = first;
        for i in first..end {
            if is_title(doc.token_text(i)) && i + 1 < end {
                name = i + 1;
            }
        }
        // A title and its complement with no name after ("the Minister of Finance"): a role,
        // not a name ("of Finance").
        if name < end && is_complement_joint(doc.token_text(name)) {
            continue;
        }
        // Possessive and trailing punctuation are not part of the name.
        let mut end_n = end;
        while end_n > name && matches!(doc.token_text(end_n - 1), "'s" | "’s" | "," | "." | "-") {
            end_n -= 1;
        }
        if end_n <= name {
            continue;
        }
        let kind = kind.unwrap_or_else(|| guess_kind(doc, first, name, end_n));
        let mut roles: Vec<String> = (first..name).map(|i| doc.lower(i).to_string()).collect();
        let mut titles = if name > first {
            vec![text_of(doc, first, name)]
        } else {
            vec![]
        };
        // Lower-case role nouns right before: "national security adviser Jake Sullivan".
        let mut j = first;
        while j > 0 && first - j < 4 && is_title(doc.token_text(j - 1)) {
            j -= 1;
        }
        // …or a title with its complement ("Minister of Finance").
        if j == first {
            let mut k = first;
            while k > 0 && first - k < TITLE_RUN && {
                let w = doc.token_text(k - 1);
                is_name_word(w) || CONNECTORS.contains(&w)
            } {
                k -= 1;
            }
            if let Some(t) = title_at(doc, k, first) {
                j = t;
            }
        }
        // …and the capitalised words of a title before them ("National Security Adviser").
        if j < first {
            while j > 0 && first - j < 6 && is_name_word(doc.token_text(j - 1)) {
                j -= 1;
            }
        }
        if j < first {
            roles
                .extend((j..first).map(|i| doc.token_text(i).trim_end_matches('.').to_lowercase()));
            titles.push(text_of(doc, j, first));
        }
        let m = Mention {
            first,
            name,
            end: end_n,
            kind,
            group: usize::MAX,
            entity,
        };
        let g = assign_group(doc, &out, &index, &m);
        let idx = out.mentions.len();
        let written_in_full = is_full(doc, name, end_n);
        let full = text_of(doc, name, end_n);
        let k = key(doc, name, end_n, kind);
        match g {
            Some(g) => {
                let grp = &mut out.groups[g];
                let longer = grp.name.as_ref().is_none_or(|n| full.len() > n.len());
                if longer && written_in_full {
                    index.add_name(g, &full);
                    grp.name = Some(full);
                }
                if grp.name.is_some() {
                    index.by_key.insert(k, g);
                }
                if grp.kind == Kind::Unknown {
                    grp.kind = kind;
                }
                grp.mentions.push(idx);
                merge_roles(grp, roles, titles);
                out.mentions.push(Mention { group: g, ..m });
                if written_in_full {
                    index.last_full[g] = Some(idx);
                }
            }
            None => {
                let ambiguous = !written_in_full && candidates(doc, &out, &index, &m).len() > 1;
                if !ambiguous {
                    index.by_key.insert(k, out.groups.len());
                    index.add_name(out.groups.len(), &full);
                }
                let mut grp = Group {
                    name: (!ambiguous).then_some(full),
                    kind,
                    roles: Vec::new(),
                    role_titles: Vec::new(),
                    mentions: vec![idx],
                };
                merge_roles(&mut grp, roles, titles);
                out.groups.push(grp);
                out.mentions.push(Mention {
                    group: out.groups.len() - 1,
                    ..m
                });
                index.last_full.push(written_in_full.then_some(idx));
            }
        }
    }
    out
}

/// A title as "the …" writes it: "Sen. Warren" is "the senator" later.
fn spelled_out(title: &str) -> &str {
    match title {
        "sen" => "senator",
        "gov" => "governor",
        "rep" => "representative",
        "gen" => "general",
        "prof" => "professor",
        "pres" => "president",
        "sec" => "secretary",
        other => other,
    }
}

fn merge_roles(grp: &mut Group, roles: Vec<String>, titles: Vec<String>) {
    for r in roles {
        let r = spelled_out(r.trim_end_matches('.')).to_string();
        if is_title(&r) && !grp.roles.contains(&r) {
            grp.roles.push(r);
        }
    }
    for t in titles {
        if !grp.role_titles.contains(&t) {
            grp.role_titles.push(t);
        }
    }
}

/// Whether a name has several words ("John Kirby"), not one ("Kirby", "Jean-Pierre").
fn is_full(doc: &Doc, name: usize, end: usize) -> bool {
    text_of(doc, name, end).contains(char::is_whitespace)
}

/// Person groups whose full name ends (surname) or starts (first name) with this one-word name.
fn candidates(doc: &Doc, out: &Mentions, index: &Index, m: &Mention) -> Vec<usize> {
    let w = text_of(doc, m.name, m.end).to_lowercase();
    let Some(groups) = index.by_word.get(&w) else {
        return Vec::new();
    };
    groups
        .iter()
        .copied()
        .filter(|&gi| {
            let g = &out.groups[gi];
            let words: Vec<String> = g
                .name
                .as_deref()
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            !matches!(g.kind, Kind::Org | Kind::Place)
                && words.len() > 1
                && (words.last() == Some(&w) || words.first() == Some(&w))
        })
        .collect()
}

fn assign_group(doc: &Doc, out: &Mentions, index: &Index, m: &Mention) -> Option<usize> {
    // Exact repeat of a name (ignoring title and determiner).
    if let Some(&g) = index.by_key.get(&key(doc, m.name, m.end, m.kind)) {
        return Some(g);
    }
    if is_full(doc, m.name, m.end) || m.kind == Kind::Org || m.kind == Kind::Place {
        return None;
    }
    let c = candidates(doc, out, index, m);
    match c.len() {
        0 => None,
        1 => Some(c[0]),
        // Two people share the name: take the one named in this paragraph, most recently.
        _ => {
            let para = doc
                .sentences
                .get(doc.sentence_of(m.first))
                .map(|s| s.paragraph);
            // This paragraph is the latest, so a group's full mention in it, if any, is its
            // latest full mention.
            let mut best: Option<(usize, usize)> = None;
            for &g in &c {
                let Some(pm) = index.last_full[g].map(|mi| &out.mentions[mi]) else {
                    continue;
                };
                let same_para = doc
                    .sentences
                    .get(doc.sentence_of(pm.first))
                    .map(|s| s.paragraph)
                    == para;
                if same_para && best.is_none_or(|(at, _)| pm.first > at) {
                    best = Some((pm.first, g));
                }
            }
            best.map(|(_, g)| g)
        }
    }
}

impl Mentions {
    /// The mention whose tokens overlap `[first, end)`, preferring the rightmost (the head of
    /// "Smith, a spokesperson for the agency" is Smith, of "the agency's Smith" too).
    pub fn within(&self, first: usize, end: usize) -> Option<&Mention> {
        let lo = self.mentions.partition_point(|m| m.end <= first);
        let overlap = |m: &Mention| m.end.min(end).saturating_sub(m.first.max(first));
        self.mentions[lo..]
            .iter()
            .take_while(|m| m.first < end)
            .filter(|m| overlap(m) > 0)
            .max_by_key(|m| (m.kind == Kind::Person, overlap(m), m.first))
    }

    /// The most recent group holding `role` ("adviser") before token `before`.
    pub fn role_holder(&self, role: &str, before: usize) -> Option<usize> {
        let upto = self.mentions.partition_point(|m| m.first < before);
        // Bounded look-back keeps long texts linear; roles are introduced near their use.
        self.mentions[..upto]
            .iter()
            .rev()
            .take(2000)
            .map(|m| m.group)
            .find(|&g| {
                self.groups[g].kind == Kind::Person
                    && self.groups[g].roles.iter().any(|r| r == role)
            })
    }

    /// The most recent named person mention before token `before`, at most `window` tokens
    /// back, whose group `fits`.
    pub fn last_person(
        &self,
        before: usize,
        window: usize,
        fits: impl Fn(usize) -> bool,
    ) -> Option<&Mention> {
        self.last_named(before, window, Kind::Person, fits)
    }

    /// The most recent named mention of `kind` ending before token `before`, at most `window`
    /// tokens back, whose group `fits`.
    pub fn last_named(
        &self,
        before: usize,
        window: usize,
        kind: Kind,
        fits: impl Fn(usize) -> bool,
    ) -> Option<&Mention> {
        let upto = self.mentions.partition_point(|m| m.end <= before);
        self.mentions[..upto]
            .iter()
            .rev()
            .take_while(|m| before - m.end <= window)
            .find(|m| {
                let g = &self.groups[m.group];
                g.kind == kind && g.name.is_some() && fits(m.group)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text, None);
        let m = find(&doc, &[]);
        m.mentions
            .iter()
            .map(|x| {
                (
                    text_of(&doc, x.first, x.end),
                    m.groups[x.group].name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_country_and_its_short_name_are_one_place() {
        let t = "The DPRK fired a missile on Monday. North Korea said it was a test.";
        let a = crate::annotate(t, &crate::Options::default());
        let cluster_of = |name: &str| {
            a.entities
                .iter()
                .find(|e| e.text == name)
                .and_then(|e| e.cluster)
        };
        assert!(cluster_of("DPRK").is_some(), "{:?}", a.entities);
        assert_eq!(cluster_of("DPRK"), cluster_of("North Korea"));
        let c = &a.clusters[cluster_of("DPRK").unwrap()];
        assert_eq!(c.name, "North Korea");
    }

    #[test]
    fn surname_joins_full_name_with_title() {
        let n = names("National Security Adviser John Kirby spoke. Later Kirby left.");
        assert!(n.contains(&(
            "National Security Adviser John Kirby".into(),
            Some("John Kirby".into())
        )));
        assert!(n.contains(&("Kirby".into(), Some("John Kirby".into()))));
    }

    #[test]
    fn shared_surname_is_not_guessed_across_paragraphs() {
        let n = names("Bill Clinton met Hillary Clinton.\n\nLater Clinton spoke.");
        assert!(n.contains(&("Clinton".into(), None)), "{n:?}");
        let n = names("Bill Clinton met Hillary Clinton.\n\nLater Hillary spoke.");
        assert!(
            n.contains(&("Hillary".into(), Some("Hillary Clinton".into()))),
            "{n:?}"
        );
    }

    #[test]
    fn shared_surname_goes_to_the_person_named_last_in_its_paragraph() {
        // Earlier paragraphs name both many times; only this paragraph's last full name counts.
        let mut text = "Bill Clinton met Hillary Clinton.\n\nClinton spoke.\n\n".repeat(50);
        text += "Hillary Clinton met Bill Clinton, and Clinton spoke.";
        let n = names(&text);
        let last = n.iter().rev().find(|(t, _)| t == "Clinton").unwrap();
        assert_eq!(last.1.as_deref(), Some("Bill Clinton"), "{n:?}");
    }
}
