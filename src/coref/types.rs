//! One type per thing: a cluster's type, and its short forms typed the same.
//!
//! The cluster's type is the one the model gave its *longest* name (most tokens; among several
//! mentions that long, the type most of them have, then the first). Not the majority of all
//! mentions: the model types a short form without the words that tell ("Patriot" alone reads as
//! a surname, 38 times in one article, while "Patriot Coal" reads as the company), and a short
//! form only joins a name it is part of, so the longest name is the same thing in full.
//!
//! Every shorter mention takes that type, but for places and nationalities. A mention written as fully as the longest keeps the
//! model's own type when it differs: it is the evidence itself, and the same string can be two
//! things in one article ("Hudson" the river and the man). Outvoting those by majority lowered
//! raw OntoNotes F1 on dev and on train_extra by a few hundredths ("Duesseldorf" the city
//! outvoted by three PERSON mistakes).

use super::mentions::{Kind, Mentions};
use crate::schema::{Entity, Label};

/// Entity mentions of group `g`: (entity index, name length in tokens).
fn members(mentions: &Mentions, g: usize, entities: &[Entity]) -> Vec<(usize, usize)> {
    mentions.groups[g]
        .mentions
        .iter()
        .filter_map(|&m| {
            let m = &mentions.mentions[m];
            m.entity.map(|e| (e, m.end - m.name))
        })
        .filter(|&(e, _)| e < entities.len())
        .collect()
}

/// Gives each group's shorter entity mentions the group's type, and every mention of the
/// `person_parts` groups (see `short_forms::Links`) PERSON.
pub fn unify(
    mentions: &Mentions,
    person_parts: &[usize],
    mut entities: Vec<Entity>,
) -> Vec<Entity> {
    let mut is_part = vec![false; mentions.groups.len()];
    for &g in person_parts {
        is_part[g] = true;
    }
    for (g, &part) in is_part.iter().enumerate() {
        let members = members(mentions, g, &entities);
        // Over all mentions: a name the model missed ("Patriot Coal") is the longest too.
        let longest = mentions.groups[g]
            .mentions
            .iter()
            .map(|&m| mentions.mentions[m].end - mentions.mentions[m].name)
            .max()
            .unwrap_or(0);
        let Some(label) = cluster_type(mentions, g, &entities) else {
            continue;
        };
        for &(e, n) in &members {
            if part {
                entities[e].label = Label::Person;
            } else if n < longest && !is_place(entities[e].label) {
                entities[e].label = label;
            }
        }
    }
    entities
}

/// Places and nationalities keep their type: they start other names ("China Energy", "American
/// Airlines") without being short forms of them.
fn is_place(label: Label) -> bool {
    matches!(label, Label::Gpe | Label::Loc | Label::Norp)
}

/// The type of group `g`: that of its longest names (see the module comment).
pub fn cluster_type(mentions: &Mentions, g: usize, entities: &[Entity]) -> Option<Label> {
    company_beyond_entities(mentions, g, entities)
        .or_else(|| longest_name_type(entities, &members(mentions, g, entities)))
}

/// ORG when the group's longest name is one the model missed and the mention layer read as a
/// company ("Patriot Coal" of "Patriot Coal, one of the nation's largest coal companies",
/// which names the 38 "Patriot" that follow).
fn company_beyond_entities(mentions: &Mentions, g: usize, entities: &[Entity]) -> Option<Label> {
    let longest = mentions.groups[g]
        .mentions
        .iter()
        .map(|&m| &mentions.mentions[m])
        .max_by_key(|m| (m.end - m.name, m.entity.is_none()))?;
    let in_entities = longest.entity.is_some_and(|e| e < entities.len());
    (!in_entities && longest.kind == Kind::Org).then_some(Label::Org)
}

/// The type most of the longest names among `members` have (a tie: the first seen).
fn longest_name_type(entities: &[Entity], members: &[(usize, usize)]) -> Option<Label> {
    let longest = members.iter().map(|&(_, n)| n).max()?;
    let mut counts: Vec<(Label, usize)> = Vec::new();
    for &(e, n) in members {
        if n < longest {
            continue;
        }
        match counts.iter_mut().find(|(l, _)| *l == entities[e].label) {
            Some((_, c)) => *c += 1,
            None => counts.push((entities[e].label, 1)),
        }
    }
    // max_by_key keeps the last of equals: reversed, a tie goes to the first seen.
    counts
        .iter()
        .rev()
        .max_by_key(|&&(_, c)| c)
        .map(|&(l, _)| l)
}
