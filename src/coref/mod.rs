//! Coreference: entities as things, not strings. The entity model tags each sentence on its
//! own; this stage reads the whole article and makes its names agree.
//!
//! - [`mentions`]: `mentions::find` clusters the names in reading order.
//! - [`short_forms`]: short forms join the longer name they abbreviate, wherever it comes.
//! - [`types`]: every mention of a cluster takes the cluster's type.
//! - [`detect`] and [`rank`]: the learned mention tagger and mention ranker;
//!   [`chains`] names a speaker written as a pronoun or description with them.

pub mod chains;
pub mod detect;
pub mod gender;
pub mod mentions;
pub mod rank;
pub mod short_forms;
pub mod types;

use crate::entities::spans;
use crate::schema::Entity;
use crate::text::doc::Doc;
use mentions::Mentions;

/// Entities as things: names tidied one by one (`entities::spans`), clustered, with one type
/// per cluster. `entities` sorted by start and not overlapping (as `entities::find` gives them).
pub fn resolve(doc: &Doc, entities: Vec<Entity>) -> (Vec<Entity>, Mentions) {
    let entities = spans::tidy(doc.text, entities);
    let mut mentions = mentions::find(doc, &entities);
    let links = short_forms::join(doc, &entities, &mut mentions);
    let entities = types::unify(&mentions, &links.person_parts, entities);
    (entities, mentions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Label;

    /// Resolves an article written with its model entities marked `[name|LABEL]`, so each rule
    /// is tested on the entities it is given, whatever the shipped model would find.
    /// Returns the text, the entities and the mentions.
    fn resolved(marked: &str) -> (String, Vec<Entity>, Mentions) {
        let (mut text, mut entities) = (String::new(), Vec::new());
        let mut rest = marked;
        while let Some(open) = rest.find('[') {
            text.push_str(&rest[..open]);
            let close = rest[open..].find(']').expect("closing ]") + open;
            let (name, label) = rest[open + 1..close].split_once('|').expect("name|LABEL");
            entities.push(Entity {
                start: text.len(),
                end: text.len() + name.len(),
                text: name.to_string(),
                label: Label::parse(label).expect("an OntoNotes label"),
                cluster: None,
                value: None,
            });
            text.push_str(name);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        let doc = Doc::new(&text, None);
        let (entities, mentions) = resolve(&doc, entities);
        (text, entities, mentions)
    }

    /// (text, label, group) of each entity.
    fn things(marked: &str) -> Vec<(String, Label, usize)> {
        let (_, entities, mentions) = resolved(marked);
        let group_of = |e: usize| {
            mentions
                .mentions
                .iter()
                .find(|m| m.entity == Some(e))
                .map_or(usize::MAX, |m| m.group)
        };
        entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.text.clone(), e.label, group_of(i)))
            .collect()
    }

    fn one_thing(things: &[(String, Label, usize)], label: Label) {
        assert!(
            things.iter().all(|t| t.1 == label && t.2 == things[0].2),
            "{things:?}"
        );
    }

    #[test]
    fn a_company_short_form_joins_the_company_and_takes_its_type() {
        let t = things(
            "[Patriot Coal|ORG] filed for bankruptcy. [Patriot|PERSON] sold its mines. \
             Then [Patriot|PERSON] paid.",
        );
        one_thing(&t, Label::Org);
        // The short form first, the full name later.
        let t = things("He bought a plant from [Walter|PERSON]. [Walter Energy Inc.|ORG] agreed.");
        one_thing(&t, Label::Org);
        assert_eq!(t[1].0, "Walter Energy Inc.");
    }

    #[test]
    fn a_person_short_form_joins_the_full_name_wherever_it_comes() {
        let t = things("[Suu Kyi|PERSON] spoke. Later [Aung San Suu Kyi|PERSON] left.");
        one_thing(&t, Label::Person);
        let t = things("[McConnell|PERSON] said no. [Mitch McConnell|PERSON] spoke later.");
        one_thing(&t, Label::Person);
        let t = things("[Obama|ORG] met her. [Barack Obama|PERSON] smiled.");
        // The model's ORG for a lone "Obama" does not join a person: a name that ends like a
        // person's may be a company's.
        assert_ne!(t[0].2, t[1].2, "{t:?}");
        let t = things("[Obama|PERSON] met her. [Barack Obama|PERSON] smiled.");
        one_thing(&t, Label::Person);
    }

    #[test]
    fn a_short_form_of_two_names_joins_neither() {
        for marked in [
            "[Bill Clinton|PERSON] met [Hillary Clinton|PERSON].\n\n[Clinton|PERSON] left.",
            "[Clinton|PERSON] left.\n\n[Bill Clinton|PERSON] met [Hillary Clinton|PERSON].",
        ] {
            let t = things(marked);
            let clinton = t.iter().find(|t| t.0 == "Clinton").unwrap();
            assert_eq!(t.iter().filter(|t| t.2 == clinton.2).count(), 1, "{t:?}");
        }
    }

    #[test]
    fn places_titled_people_and_organisations_stay_apart() {
        // A place starts a company name and stays a place.
        let t = things("[China|GPE] grew. [China Energy|ORG] did not.");
        assert_eq!(t[0].1, Label::Gpe);
        assert_ne!(t[0].2, t[1].2);
        // A titled surname is the person, not the company named after him.
        let t = things("[Helmsley Enterprises|ORG] grew. Mr. [Helmsley|PERSON] did not.");
        assert_eq!(t[1].1, Label::Person);
        assert_ne!(t[0].2, t[1].2);
        // An organisation whose name ends like a person's does not join the person.
        let t = things("[Hammers Wells Fargo|PERSON] read the headline. [Wells Fargo|ORG] paid.");
        assert_eq!(t[1].1, Label::Org);
        assert_ne!(t[0].2, t[1].2);
    }

    #[test]
    fn a_name_never_includes_a_possessive() {
        let t = things(
            "[Aung San Suu Kyi|PERSON] arrived. [Suu Kyi's|PERSON] party won. \
             [Suu Kyi’s|PERSON] aides smiled. The [Democrats'|NORP] plan failed.",
        );
        let names: Vec<&str> = t.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            names,
            ["Aung San Suu Kyi", "Suu Kyi", "Suu Kyi", "Democrats"]
        );
        assert!(t[1].2 == t[0].2 && t[2].2 == t[0].2, "{t:?}");
        // A company the article never names without its 's is called that.
        let t = things("Analysts at [Moody's|ORG] agreed.");
        assert_eq!(t[0].0, "Moody's");
        let t = things("[Moody|ORG] and [Moody's|ORG] analysts agreed.");
        assert_eq!(t[1].0, "Moody");
    }

    #[test]
    fn company_heads_make_an_organisation() {
        let t =
            things("He sold [Lenox Healthcare|PERSON] and [Blackhawk|PERSON] Mining bought it.");
        assert_eq!(t[0], ("Lenox Healthcare".into(), Label::Org, t[0].2));
        assert_eq!(t[1].0, "Blackhawk Mining");
        assert_eq!(t[1].1, Label::Org);
        // The model saw no name at all: the company names its short forms.
        let t = things("Patriot Coal, a coal company, failed. [Patriot|PERSON] paid.");
        assert_eq!(t[0].1, Label::Org, "{t:?}");
    }

    #[test]
    fn furniture_rooms_and_centres_named_after_people() {
        let t = things(
            "Correction [Appended|PERSON]\n\nShe met [Obama|PERSON] in [the Oval Office|ORG].",
        );
        let found: Vec<(&str, Label)> = t.iter().map(|t| (t.0.as_str(), t.1)).collect();
        assert_eq!(
            found,
            [("Obama", Label::Person), ("the Oval Office", Label::Fac)]
        );
        let t =
            things("He spoke at the [George W. Bush|PERSON] [Presidential Center|ORG] on Monday.");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].0, "George W. Bush Presidential Center");
        assert_eq!(t[0].1, Label::Org);
    }

    #[test]
    fn part_of_a_person_name_is_a_person_of_its_own() {
        let t = things(
            "[Aung San Suu Kyi|PERSON] spoke. [Suu Kyi|PERSON] smiled. Her father, [Aung San|ORG], \
             led the country.",
        );
        assert_eq!(t[2].1, Label::Person);
        assert_ne!(t[0].2, t[2].2, "her father is not her");
        // A name the article writes more often than the person is no part of them.
        let t = things(
            "[The United Nations|ORG] met. [United Nations Kofi Annan|PERSON] spoke. \
             [The United Nations|ORG] voted.",
        );
        assert_eq!((t[0].1, t[2].1), (Label::Org, Label::Org), "{t:?}");
    }

    #[test]
    fn shorter_mentions_take_the_longest_names_type_and_equals_keep_theirs() {
        let t = things(
            "[Jim Justice|PERSON] won. [Justice|PERSON] spoke. [Justice|ORG] left. \
             [Hudson|LOC] flooded. [Hudson|PERSON] left.",
        );
        one_thing(&t[..3], Label::Person);
        // The same string as two things: the model's types stand.
        assert_eq!((t[3].1, t[4].1), (Label::Loc, Label::Person));
    }
}
