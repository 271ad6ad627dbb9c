//! One entity at a time: where a name ends and what its own words say its type is.

use crate::schema::{Entity, Label};
use crate::words::{COMPANY_HEADS, FACILITIES, INSTITUTION_HEADS, NOT_ENTITIES};
use std::collections::HashSet;

/// Names (not numbers, dates or quantities): the types whose spans these rules touch.
pub fn is_name(label: Label) -> bool {
    label.index() < Label::Date.index()
}

/// Tidies the model's name spans; `entities` sorted by start, not overlapping (so is the result).
pub fn tidy(text: &str, entities: Vec<Entity>) -> Vec<Entity> {
    let names: HashSet<&str> = entities.iter().map(|e| e.text.as_str()).collect();
    let trimmed: Vec<Entity> = entities
        .iter()
        .map(|e| drop_possessive(text, &names, e.clone()))
        .collect();
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
    let starts: Vec<usize> = trimmed
        .iter()
        .map(|e| e.start)
        .skip(1)
        .chain([text.len()])
        .collect();
    for (mut e, next) in trimmed.into_iter().zip(starts) {
        if is_name(e.label) {
            take_company_heads(text, &mut e, next);
        }
        if !is_name(e.label) {
            out.push(e);
            continue;
        }
        if is_furniture(&e.text) {
            continue;
        }
        // Only over the types a company is mistaken for: titles of laws and works hold such
        // words ("… Construction Enterprises", a LAW).
        let mistaken = matches!(
            e.label,
            Label::Person | Label::Gpe | Label::Loc | Label::Norp
        );
        if mistaken && ends_in(&e.text, COMPANY_HEADS) {
            e.label = Label::Org;
        }
        if is_facility(&e.text) {
            e.label = Label::Fac;
        }
        match out.last_mut() {
            Some(person) if names_institution(text, person, &e) => {
                person.end = e.end;
                person.label = e.label;
                person.text = text[person.start..person.end].to_string();
            }
            _ => out.push(e),
        }
    }
    out
}

/// "Patriot" + " Coal": company heads written right after a name belong to it (the model
/// sometimes stops before them), and make it an organisation. `next` is where the next entity
/// starts.
fn take_company_heads(text: &str, e: &mut Entity, next: usize) {
    let mut end = e.end;
    while let Some(rest) = text[end..].strip_prefix(' ') {
        let word_len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '&'))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        // "Co." as written; "Energy." without the sentence's full stop.
        let head = [word, word.trim_end_matches('.')]
            .into_iter()
            .find(|w| !w.is_empty() && COMPANY_HEADS.contains(w));
        match head {
            Some(w) if end + 1 + w.len() <= next => end += 1 + w.len(),
            _ => break,
        }
    }
    if end > e.end {
        e.end = end;
        e.text = text[e.start..end].to_string();
        e.label = Label::Org;
    }
}

/// A possessive is not part of the name: "Suu Kyi's" names "Suu Kyi", "Democrats'" "Democrats".
/// An organisation the article never names without its `'s` is called that ("Moody's",
/// "Sotheby's", "Arby's" in OntoNotes); `names` are the article's entity texts.
fn drop_possessive(text: &str, names: &HashSet<&str>, mut e: Entity) -> Entity {
    if !is_name(e.label) {
        return e;
    }
    let name = &text[e.start..e.end];
    let kept = ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|p| name.strip_suffix(p))
        .or_else(|| {
            let bare = name.strip_suffix(['\'', '’'])?;
            bare.ends_with('s').then_some(bare)
        })
        .map(str::trim_end);
    let called_so = |k: &str| e.label == Label::Org && !names.contains(k);
    if let Some(kept) = kept.filter(|k| !k.is_empty() && !called_so(k)) {
        e.end = e.start + kept.len();
        e.text = kept.to_string();
    }
    e
}

/// "Appended" of "Correction Appended": newspaper furniture, not a name. (Words that are never
/// names on their own, `words::is_not_name`, are not enough: "Next" and "Today" are a company
/// and a programme in OntoNotes.)
fn is_furniture(name: &str) -> bool {
    NOT_ENTITIES.contains(&name)
}

/// Whether the name's last word is one of `heads`.
pub fn ends_in(name: &str, heads: &[&str]) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| heads.contains(&w))
}

/// "the Oval Office": a room or grounds, not the office that works there.
fn is_facility(name: &str) -> bool {
    let lower = name.to_lowercase();
    let bare = lower.strip_prefix("the ").unwrap_or(&lower);
    FACILITIES.contains(&bare)
}

/// "George W. Bush" + "Presidential Center": a person's name written right before (one space)
/// an organisation or building named after them is the start of that name.
fn names_institution(text: &str, person: &Entity, next: &Entity) -> bool {
    person.label == Label::Person
        && matches!(next.label, Label::Org | Label::Fac)
        && text.get(person.end..next.start) == Some(" ")
        && next.text.starts_with(char::is_uppercase)
        && ends_in(&next.text, INSTITUTION_HEADS)
}
