//! Short forms: "Patriot" is "Patriot Coal", "Walter" is "Walter Energy Inc.", "Suu Kyi" is
//! "Aung San Suu Kyi", wherever in the article the longer name comes. Clustering proper
//! (`mentions`) reads the article once from the top, so it joins "Kirby" to an earlier "John
//! Kirby" only, and never a two-word short form or a company; this pass sees every name at once.

use super::mentions::{Kind, Mentions};
use crate::schema::{Entity, Label};
use crate::text::doc::Doc;
use crate::words::COMPANY_HEADS;
use std::collections::HashMap;

/// How a shorter name relates to a longer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// The same referent: the groups merge.
    Same,
    /// A part of a person's name that is not that person ("Aung San", her father's name, in an
    /// article on Aung San Suu Kyi): a person too, in a cluster of its own.
    PersonPart,
}

/// A group's fullest name as words, without a leading "the", and what its mentions were typed.
struct Form {
    words: Vec<String>,
    /// Lower-cased, space-joined: the lookup key.
    key: String,
    kind: Kind,
    labels: Vec<Label>,
    /// Written with a title somewhere ("Mr. Fossett"): a person, whatever the model said.
    titled: bool,
}

impl Form {
    fn of(doc: &Doc, entities: &[Entity], mentions: &Mentions, g: usize) -> Form {
        let group = &mentions.groups[g];
        let longest = group
            .mentions
            .iter()
            .map(|&m| &mentions.mentions[m])
            .max_by_key(|m| m.end - m.name);
        let mut words: Vec<String> = longest
            .map(|m| {
                (m.name..m.end)
                    .map(|i| doc.token_text(i).to_string())
                    .collect()
            })
            .unwrap_or_default();
        if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            words.remove(0);
        }
        let labels = group
            .mentions
            .iter()
            .filter_map(|&m| mentions.mentions[m].entity)
            .filter_map(|e| entities.get(e).map(|e| e.label))
            .collect();
        Form {
            key: key(&words),
            words,
            kind: group.kind,
            labels,
            titled: !group.roles.is_empty(),
        }
    }

    /// Places and nationalities start organisation names ("Washington Post", "American
    /// Airlines") and stay what they are.
    fn is_place(&self) -> bool {
        self.kind == Kind::Place
            || self
                .labels
                .iter()
                .any(|l| matches!(l, Label::Gpe | Label::Loc | Label::Norp))
    }

    /// Words before the trailing company heads ("Walter" of "Walter Energy Inc."), when the
    /// name is an organisation's and has both.
    fn company_stem(&self) -> Option<usize> {
        let stem = self.words.len()
            - self
                .words
                .iter()
                .rev()
                .take_while(|w| COMPANY_HEADS.contains(&w.as_str()))
                .count();
        (self.kind == Kind::Org && stem > 0 && stem < self.words.len()).then_some(stem)
    }
}

fn key(words: &[String]) -> String {
    words.join(" ").to_lowercase()
}

/// What the pass found: groups merged in place; parts of person names to type as persons.
pub struct Links {
    /// Groups whose entities take PERSON: parts of a longer person's name.
    pub person_parts: Vec<usize>,
}

/// Joins each short form's group to the group of the one longer name in the article it
/// abbreviates: a person's surname part ("Suu Kyi", "McConnell") or first name, or a company's
/// name without its heads ("Patriot" of "Patriot Coal"). A short form that fits two longer
/// names (Bill and Hillary Clinton) joins neither.
pub fn join(doc: &Doc, entities: &[Entity], mentions: &mut Mentions) -> Links {
    let forms: Vec<Form> = (0..mentions.groups.len())
        .map(|g| Form::of(doc, entities, mentions, g))
        .collect();
    let mut longer: HashMap<String, Vec<(usize, Relation)>> = HashMap::new();
    for (g, f) in forms.iter().enumerate() {
        let n = f.words.len();
        if f.kind == Kind::Person && n > 1 {
            for k in 1..n {
                longer
                    .entry(key(&f.words[k..]))
                    .or_default()
                    .push((g, Relation::Same));
                // One given name is the person ("Hillary"); several are a part ("Aung San").
                let prefix = if k == 1 {
                    Relation::Same
                } else {
                    Relation::PersonPart
                };
                longer
                    .entry(key(&f.words[..k]))
                    .or_default()
                    .push((g, prefix));
            }
        }
        if let Some(stem) = f.company_stem() {
            for k in stem..n {
                longer
                    .entry(key(&f.words[..k]))
                    .or_default()
                    .push((g, Relation::Same));
            }
        }
    }
    let mut root: Vec<usize> = (0..forms.len()).collect();
    let find = |root: &[usize], mut g: usize| {
        while root[g] != g {
            g = root[g];
        }
        g
    };
    // Longest short forms first, so "Suu Kyi" has joined "Aung San Suu Kyi" before "Kyi" asks.
    let mut order: Vec<usize> = (0..forms.len()).collect();
    order.sort_by_key(|&g| std::cmp::Reverse(forms[g].words.len()));
    let mut parts = Vec::new();
    for s in order {
        let f = &forms[s];
        if f.words.is_empty() || f.is_place() {
            continue;
        }
        let Some(found) = longer.get(&f.key) else {
            continue;
        };
        let mut targets: Vec<(usize, Relation)> = Vec::new();
        for &(l, rel) in found {
            // A titled name ("Mr. Helmsley") is not the company named after him. Joining a
            // person, the model called it a person too, or nothing: an organisation's name that
            // ends like a person's ("Wells Fargo") stays apart.
            let fits = forms[l].words.len() > f.words.len()
                && (forms[l].company_stem().is_none() || !f.titled)
                && (forms[l].kind != Kind::Person
                    || rel == Relation::PersonPart
                    || matches!(f.kind, Kind::Person | Kind::Unknown));
            let l = find(&root, l);
            if fits && l != find(&root, s) && !targets.iter().any(|&(t, _)| t == l) {
                targets.push((l, rel));
            }
        }
        match targets[..] {
            [(l, Relation::Same)] => {
                let r = find(&root, s);
                root[r] = l;
            }
            [(l, Relation::PersonPart)] if f.labels.iter().all(|&l| l == Label::Org) => {
                parts.push((s, l))
            }
            _ => {}
        }
    }
    // Counted once every short form has joined: a person part is a name written less often than
    // the person, and only against the model's ORG (a facility or place keeps its type).
    // "The United Nations", a dozen times, is not part of a one-off "United Nations Kofi Annan".
    let mut size = vec![0; root.len()];
    for (g, group) in mentions.groups.iter().enumerate() {
        size[find(&root, g)] += group.mentions.len();
    }
    let person_parts = parts
        .into_iter()
        .filter(|&(s, l)| size[find(&root, s)] < size[find(&root, l)])
        .map(|(s, _)| s)
        .collect();
    merge(mentions, |g| find(&root, g));
    Links { person_parts }
}

/// Moves every group's mentions, roles and kind into its root group.
fn merge(mentions: &mut Mentions, root: impl Fn(usize) -> usize) {
    let mut joined = Vec::new();
    for g in 0..mentions.groups.len() {
        let r = root(g);
        if r == g {
            continue;
        }
        let moved = std::mem::take(&mut mentions.groups[g].mentions);
        let roles = std::mem::take(&mut mentions.groups[g].roles);
        let titles = std::mem::take(&mut mentions.groups[g].role_titles);
        let kind = mentions.groups[g].kind;
        mentions.groups[g].name = None;
        for &m in &moved {
            mentions.mentions[m].group = r;
        }
        let into = &mut mentions.groups[r];
        into.mentions.extend(moved);
        joined.push(r);
        for r in roles {
            if !into.roles.contains(&r) {
                into.roles.push(r);
            }
        }
        for t in titles {
            if !into.role_titles.contains(&t) {
                into.role_titles.push(t);
            }
        }
        if into.kind == Kind::Unknown {
            into.kind = kind;
        }
    }
    // Sorted once each, not after every join: a name many short forms join grows with the text.
    joined.sort_unstable();
    joined.dedup();
    for r in joined {
        mentions.groups[r].mentions.sort_unstable();
    }
}
