//! A person's gender from the article's own words: courtesy titles ("Ms. Ardern"), gendered
//! role and kin nouns that title or describe them ("chairwoman", "his widow"), and the pronouns
//! the coreference links to them ("she said"). Only where the article says nothing does the
//! given-name table (`words::given_name_gender`) guess, and the evidence says so. Evidence both
//! ways leaves the gender unknown: counting who gets quoted must not rest on a coin toss.

use crate::schema::{
    Cluster, Entity, Gender, GenderClue, GenderCorrection, GenderKind, Label, Quote, QuoteKind,
    Source,
};
use crate::words::{given_name_gender, noun_gender, title_gender, PREPOSITIONS};
use std::collections::BTreeMap;

/// The share of the article's evidence the minority side may have before the gender counts as
/// given both ways: one stray "he" among five "she" is a linking error, one against two is not.
const MINORITY_SHARE: f64 = 0.25;

/// Linked pronouns needed before they alone give a gender.
const MIN_PRONOUNS: usize = 2;

/// Fills `gender` and `gender_evidence` of the PERSON clusters from the text (byte offsets, as
/// the pipeline has them before converting), their entity mentions, their references and the
/// speakers of their quotes; the given-name table is asked only with `first_names`.
pub fn assign(
    text: &str,
    clusters: &mut [Cluster],
    entities: &[Entity],
    quotes: &[Quote],
    first_names: bool,
) {
    // Which cluster the coreference links each reference to, by start.
    let linked: BTreeMap<usize, usize> = (clusters.iter())
        .flat_map(|c| c.references.iter().map(|r| (r.start, c.id)))
        .collect();
    let quoted = quoted_words(quotes);
    for c in clusters.iter_mut() {
        if c.label != Some(Label::Person) {
            continue;
        }
        let own_quotes: Vec<&Quote> = (quotes.iter())
            .filter(|q| q.speaker_cluster == Some(c.id))
            .collect();
        let mut clues = Clues::default();
        for &e in &c.mentions {
            let e = &entities[e];
            if let Some(word) = honorific_before(text, e.start).or_else(|| first_word(&e.text)) {
                clues.honorific(word);
            }
            // A role noun used as a title: "said 9/11 widow Terry Strada".
            if let Some(word) = text.get(..e.start).and_then(word_before) {
                clues.role(word);
            }
            let before = text.get(..e.start).and_then(apposition_before);
            for apposition in before
                .into_iter()
                .chain(text.get(e.end..).and_then(apposition_after))
            {
                clues.reference(apposition);
            }
        }
        for role in &c.roles {
            role.split_whitespace().for_each(|w| clues.role(w));
        }
        let mut seen = Vec::new();
        for r in &c.references {
            // In someone's own words a linked "his" is often another person: "my son gave his
            // life," she said; the coreference reads quotations worst.
            if quoted.iter().any(|span| span.contains(&r.start)) {
                continue;
            }
            clues.reference(&r.text);
            seen.push(r.start);
        }
        // A pronoun or description speaker the rules resolved is evidence too, once, unless
        // the coreference links that mention to someone else: the two resolvers disagree.
        for q in &own_quotes {
            let Some(s) = q.speaker.as_ref() else {
                continue;
            };
            let elsewhere = linked.get(&s.start).is_some_and(|&id| id != c.id);
            if !seen.contains(&s.start) && !elsewhere {
                clues.reference(&s.text);
                seen.push(s.start);
            }
        }
        let name = if first_names { c.name.as_str() } else { "" };
        (c.gender, c.gender_evidence) = clues.decide(name);
    }
}

/// The spans inside quote marks: direct and partial quotes, the quoted parts of mixed ones.
fn quoted_words(quotes: &[Quote]) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    for q in quotes {
        match q.kind {
            QuoteKind::Direct | QuoteKind::Partial => spans.push(q.start..q.end),
            QuoteKind::Mixed => spans.extend(q.parts.iter().map(|p| p.start..p.end)),
            QuoteKind::Indirect => {}
        }
    }
    spans
}

/// The gender a description says ("a spokeswoman for the agency": female), for a source with
/// no cluster.
pub fn of_description(description: &str) -> (Option<Gender>, Vec<GenderClue>) {
    let mut clues = Clues::default();
    clues.reference(description);
    let (gender, evidence) = clues.decide("");
    // Only a role noun speaks for a description; "she" with no cluster names nobody.
    match evidence.iter().all(|c| c.kind == GenderKind::Role) {
        true => (gender, evidence),
        false => (None, Vec::new()),
    }
}

/// The reader's corrections (`Options::genders`, by name in any case) put over the article's
/// evidence, which stays listed after the correction.
pub fn correct(
    corrections: &BTreeMap<String, GenderCorrection>,
    clusters: &mut [Cluster],
    sources: &mut [Source],
) {
    if corrections.is_empty() {
        return;
    }
    let by_name: BTreeMap<String, GenderCorrection> = (corrections.iter())
        .map(|(name, c)| (name.trim().to_lowercase(), *c))
        .collect();
    let fix = |name: &str, gender: &mut Option<Gender>, evidence: &mut Vec<GenderClue>| {
        let Some(&correction) = by_name.get(&name.trim().to_lowercase()) else {
            return;
        };
        evidence.retain(|c| c.kind != GenderKind::Correction);
        *gender = match correction {
            GenderCorrection::Female => Some(Gender::Female),
            GenderCorrection::Male => Some(Gender::Male),
            GenderCorrection::Unknown => None,
        };
        let clue = GenderClue {
            kind: GenderKind::Correction,
            gender: *gender,
            count: 1,
            text: "corrected".into(),
        };
        evidence.insert(0, clue);
    };
    for c in clusters.iter_mut() {
        fix(&c.name, &mut c.gender, &mut c.gender_evidence);
    }
    for s in sources.iter_mut() {
        match s.cluster.and_then(|c| clusters.get(c)) {
            // A source shown by another name than its cluster's follows either correction.
            Some(c) if by_name.contains_key(&c.name.trim().to_lowercase()) => {
                (s.gender, s.gender_evidence) = (c.gender, c.gender_evidence.clone());
            }
            _ => fix(&s.name, &mut s.gender, &mut s.gender_evidence),
        }
    }
}

/// The evidence gathered for one person.
#[derive(Default)]
struct Clues(Vec<GenderClue>);

impl Clues {
    fn add(&mut self, kind: GenderKind, male: bool, text: &str) {
        let gender = if male { Gender::Male } else { Gender::Female };
        match self
            .0
            .iter_mut()
            .find(|c| c.kind == kind && c.gender == Some(gender))
        {
            Some(c) => c.count += 1,
            None => self.0.push(GenderClue {
                kind,
                gender: Some(gender),
                count: 1,
                text: text.to_string(),
            }),
        }
    }

    fn honorific(&mut self, word: &str) {
        if let Some(male) = title_gender(&word.to_lowercase()) {
            self.add(GenderKind::Honorific, male, word);
        }
    }

    fn role(&mut self, word: &str) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if let Some(male) = noun_gender(&word.to_lowercase()) {
            self.add(GenderKind::Role, male, word);
        }
    }

    /// A pronoun ("she") or a description, whose head is its last word before any
    /// prepositional phrase ("his widow", "a spokeswoman for the agency").
    fn reference(&mut self, text: &str) {
        let lower = text.trim().to_lowercase();
        match lower.as_str() {
            "he" | "him" | "his" | "himself" => self.add(GenderKind::Pronoun, true, text.trim()),
            "she" | "her" | "hers" | "herself" => self.add(GenderKind::Pronoun, false, text.trim()),
            _ => {
                let words: Vec<&str> = text.split_whitespace().collect();
                // The head ends before a prepositional phrase or a relative clause.
                let ends = |w: &str| {
                    let w = w.to_lowercase();
                    PREPOSITIONS.contains(&w.as_str()) || RELATIVES.contains(&w.as_str())
                };
                let end = (1..words.len())
                    .find(|&i| ends(words[i]))
                    .unwrap_or(words.len());
                if let Some(head) = words[..end].last() {
                    self.role(head);
                }
            }
        }
    }

    /// The gender and its evidence (strongest kind first, the larger side first within a
    /// kind): the article's evidence when it points one way, else none; with no article
    /// evidence, the first name's guess.
    fn decide(mut self, name: &str) -> (Option<Gender>, Vec<GenderClue>) {
        self.0
            .sort_by(|a, b| a.kind.cmp(&b.kind).then(b.count.cmp(&a.count)));
        let count = |g, kinds: &[GenderKind]| {
            (self
                .0
                .iter()
                .filter(|c| c.gender == Some(g) && kinds.contains(&c.kind)))
            .map(|c| c.count)
            .sum::<usize>()
        };
        const SAID: [GenderKind; 3] =
            [GenderKind::Honorific, GenderKind::Role, GenderKind::Pronoun];
        let (female, male) = (count(Gender::Female, &SAID), count(Gender::Male, &SAID));
        if female + male == 0 {
            return first_name_guess(name);
        }
        let minority = female.min(male) as f64 / (female + male) as f64;
        let side = if female > male {
            Gender::Female
        } else {
            Gender::Male
        };
        let mut gender = (minority <= MINORITY_SHARE).then_some(side);
        // A courtesy title is the article saying so outright: pronouns against it conflict.
        let outright = [GenderKind::Honorific, GenderKind::Role];
        let said_outright = |g| count(g, &outright) > 0;
        if said_outright(other(side)) {
            gender = None;
        }
        // Linked pronouns alone are the coreference's guess, not the article's word: against
        // the first name's gender they count as a conflict, and one needs the first name's
        // agreement.
        if !said_outright(side) {
            let pronouns = count(side, &[GenderKind::Pronoun]);
            let (guess, mut clue) = first_name_guess(name);
            match guess {
                Some(g) if g != side => gender = None,
                Some(_) if pronouns < MIN_PRONOUNS => self.0.append(&mut clue),
                None if pronouns < MIN_PRONOUNS => gender = None,
                _ => {}
            }
        }
        (gender, self.0)
    }
}

fn other(g: Gender) -> Gender {
    match g {
        Gender::Female => Gender::Male,
        Gender::Male => Gender::Female,
    }
}

fn first_name_guess(name: &str) -> (Option<Gender>, Vec<GenderClue>) {
    let mut words = name.split_whitespace();
    let (Some(first), Some(_)) = (words.next(), words.next()) else {
        return (None, Vec::new());
    };
    match given_name_gender(first) {
        Some(male) => {
            let gender = if male { Gender::Male } else { Gender::Female };
            let clue = GenderClue {
                kind: GenderKind::FirstName,
                gender: Some(gender),
                count: 1,
                text: first.to_string(),
            };
            (Some(gender), vec![clue])
        }
        None => (None, Vec::new()),
    }
}

/// The word just before byte `start` when it is a courtesy title ("Ms." in "Ms. Ardern").
fn honorific_before(text: &str, start: usize) -> Option<&str> {
    let before = text.get(..start)?.trim_end();
    let word = before.rsplit(char::is_whitespace).next()?;
    title_gender(&word.trim_end_matches('.').to_lowercase()).map(|_| word.trim_end_matches('.'))
}

/// The longest apposition read: "the former chairwoman of the city's board" is seven words.
const APPOSITION_WORDS: usize = 8;

/// Words that open a relative clause, which ends a description's head ("a man who met …").
const RELATIVES: [&str; 4] = ["who", "whom", "whose", "which"];

/// Openers of a description in apposition.
const DETERMINERS: [&str; 7] = ["the", "a", "an", "his", "her", "their", "its"];

/// A description set off by a comma after a name: "Pat Quinn, the chairwoman of the board,".
fn apposition_after(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(',')?.trim_start();
    let end = rest
        .find([',', '.', ';', ':', '(', '“', '"'])
        .unwrap_or(rest.len());
    description(&rest[..end])
}

/// A description set off by a comma before a name: "his widow, Ann Reed", "The chairwoman of
/// the board, Pat Quinn".
fn apposition_before(before: &str) -> Option<&str> {
    let rest = before.trim_end().strip_suffix(',')?;
    let start = rest
        .rfind(['.', ',', ';', ':', ')', '”', '"', '\n'])
        .map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
    description(&rest[start..])
}

/// `phrase` when it is a short description opened by a determiner.
fn description(phrase: &str) -> Option<&str> {
    let phrase = phrase.trim();
    let mut words = phrase.split_whitespace();
    let first = words.next()?.to_lowercase();
    let short = words.count() < APPOSITION_WORDS;
    (short && DETERMINERS.contains(&first.as_str())).then_some(phrase)
}

/// The lowercase word just before a mention ("widow" in "9/11 widow Terry Strada"), not
/// across punctuation.
fn word_before(before: &str) -> Option<&str> {
    let word = before.strip_suffix(' ')?.rsplit(' ').next()?;
    word.chars().all(|c| c.is_lowercase()).then_some(word)
}

/// The first word of a mention that starts with a courtesy title ("Mr. Kirby").
fn first_word(mention: &str) -> Option<&str> {
    let word = mention.split_whitespace().next()?.trim_end_matches('.');
    title_gender(&word.to_lowercase()).map(|_| word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::TextSpan;

    fn person(name: &str, references: &[&str]) -> Cluster {
        Cluster {
            id: 0,
            name: name.into(),
            label: Some(Label::Person),
            mentions: Vec::new(),
            roles: Vec::new(),
            references: (references.iter().enumerate())
                .map(|(i, t)| TextSpan {
                    start: 1000 + 10 * i,
                    end: 1000 + 10 * i + t.len(),
                    text: t.to_string(),
                })
                .collect(),
            gender: None,
            gender_evidence: Vec::new(),
        }
    }

    /// A PERSON entity at `start` in `text`.
    fn mention(text: &str, start: usize, name: &str) -> Entity {
        assert_eq!(&text[start..start + name.len()], name);
        Entity {
            start,
            end: start + name.len(),
            text: name.into(),
            label: Label::Person,
            cluster: None,
            value: None,
        }
    }

    fn decided(mut c: Cluster, text: &str, entities: &[Entity]) -> Cluster {
        assign(text, std::slice::from_mut(&mut c), entities, &[], true);
        c
    }

    fn kinds(c: &Cluster) -> Vec<(GenderKind, Gender, usize)> {
        (c.gender_evidence.iter())
            .map(|e| {
                (
                    e.kind,
                    e.gender.expect("the article's clues take a side"),
                    e.count,
                )
            })
            .collect()
    }

    #[test]
    fn pronouns_the_coreference_links() {
        let c = decided(person("Pat Quinn", &["she", "her", "She"]), "", &[]);
        assert_eq!(c.gender, Some(Gender::Female));
        assert_eq!(kinds(&c), [(GenderKind::Pronoun, Gender::Female, 3)]);
    }

    #[test]
    fn a_stray_pronoun_is_outvoted_but_a_close_call_is_unknown() {
        let refs = ["she", "she", "her", "she", "he"];
        assert_eq!(
            decided(person("Pat Quinn", &refs), "", &[]).gender,
            Some(Gender::Female)
        );
        let c = decided(person("Pat Quinn", &["she", "she", "he"]), "", &[]);
        assert_eq!(c.gender, None);
        assert_eq!(c.gender_evidence.len(), 2, "both sides are listed");
    }

    #[test]
    fn an_honorific_before_a_mention() {
        let text = "Ms. Quinn said so.";
        let e = mention(text, 4, "Quinn");
        let mut c = person("Pat Quinn", &[]);
        c.mentions = vec![0];
        let c = decided(c, text, &[e]);
        assert_eq!(c.gender, Some(Gender::Female));
        assert_eq!(c.gender_evidence[0].kind, GenderKind::Honorific);
        assert_eq!(c.gender_evidence[0].text, "Ms");
    }

    #[test]
    fn an_honorific_against_the_pronouns_conflicts() {
        let text = "Mr. Quinn";
        let e = mention(text, 4, "Quinn");
        let mut c = person("Pat Quinn", &["she", "she", "she", "she", "she"]);
        c.mentions = vec![0];
        assert_eq!(decided(c, text, &[e]).gender, None);
    }

    #[test]
    fn roles_and_descriptions() {
        let mut c = person("Pat Quinn", &["the chairwoman"]);
        c.roles = vec!["Board Chairwoman".into()];
        let c = decided(c, "", &[]);
        assert_eq!(c.gender, Some(Gender::Female));
        assert_eq!(kinds(&c), [(GenderKind::Role, Gender::Female, 2)]);
        // "chairman" names women too: no evidence.
        let c = decided(person("Pat Quinn", &["the chairman"]), "", &[]);
        assert_eq!(c.gender, None);
    }

    #[test]
    fn the_first_name_only_when_the_article_says_nothing() {
        let c = decided(person("Mary Quinn", &[]), "", &[]);
        assert_eq!(c.gender, Some(Gender::Female));
        assert_eq!(kinds(&c), [(GenderKind::FirstName, Gender::Female, 1)]);
        assert_eq!(decided(person("Quinn", &[]), "", &[]).gender, None);
        // Linked pronouns against the first name are a conflict; a title is not.
        let c = decided(person("Mary Quinn", &["he", "his"]), "", &[]);
        assert_eq!(c.gender, None);
        assert!(c
            .gender_evidence
            .iter()
            .all(|e| e.kind == GenderKind::Pronoun));
        let mut c = person("Mary Quinn", &["he"]);
        c.roles = vec!["Father".into()];
        assert_eq!(decided(c, "", &[]).gender, Some(Gender::Male));
    }

    #[test]
    fn one_linked_pronoun_is_not_enough_alone() {
        assert_eq!(decided(person("Pat Quinn", &["she"]), "", &[]).gender, None);
        // The first name agreeing is a second witness, and is listed.
        let c = decided(person("Mary Quinn", &["she"]), "", &[]);
        assert_eq!(c.gender, Some(Gender::Female));
        assert_eq!(
            kinds(&c),
            [
                (GenderKind::Pronoun, Gender::Female, 1),
                (GenderKind::FirstName, Gender::Female, 1)
            ]
        );
        assert_eq!(
            decided(person("Pat Quinn", &["she", "her"]), "", &[]).gender,
            Some(Gender::Female)
        );
    }

    #[test]
    fn first_names_can_be_switched_off() {
        let mut c = person("Mary Quinn", &["she"]);
        assign("", std::slice::from_mut(&mut c), &[], &[], false);
        assert_eq!((c.gender, c.gender_evidence.len()), (None, 1));
        let mut c = person("Mary Quinn", &[]);
        assign("", std::slice::from_mut(&mut c), &[], &[], false);
        assert_eq!((c.gender, c.gender_evidence.len()), (None, 0));
    }

    #[test]
    fn appositions_around_a_name() {
        let text = "The chairwoman of the board, Pat Quinn, spoke. Sam Reed, her husband, did not.";
        let quinn = mention(text, 29, "Pat Quinn");
        let reed = mention(text, 47, "Sam Reed");
        let mut c = person("Pat Quinn", &[]);
        c.mentions = vec![0];
        let c = decided(c, text, &[quinn.clone(), reed.clone()]);
        assert_eq!(
            (c.gender, c.gender_evidence[0].kind),
            (Some(Gender::Female), GenderKind::Role)
        );
        let mut c = person("Sam Reed", &[]);
        c.mentions = vec![1];
        let c = decided(c, text, &[quinn, reed]);
        assert_eq!(
            (c.gender, c.gender_evidence[0].kind),
            (Some(Gender::Male), GenderKind::Role)
        );
        assert_eq!(
            apposition_after(", a lawyer who spoke"),
            Some("a lawyer who spoke")
        );
        assert_eq!(apposition_after(" said"), None);
        assert_eq!(apposition_before("In Paris, "), None, "no determiner");
        assert_eq!(apposition_before("“Go,” the mother, "), Some("the mother"));
        assert_eq!(
            apposition_before("he said.” The mother, "),
            Some("The mother")
        );
    }

    #[test]
    fn a_role_noun_as_a_title() {
        let text = "said 9/11 widow Terry Strada.";
        let mut c = person("Terry Strada", &[]);
        c.mentions = vec![0];
        let c = decided(c, text, &[mention(text, 16, "Terry Strada")]);
        assert_eq!(kinds(&c)[0], (GenderKind::Role, Gender::Female, 1));
        assert_eq!(c.gender, Some(Gender::Female));
        assert_eq!(word_before("said Widow "), None, "a capital is a name");
        assert_eq!(word_before("widow, "), None);
    }

    fn quote(start: usize, end: usize, kind: QuoteKind, speaker: Option<TextSpan>) -> Quote {
        Quote {
            start,
            end,
            text: String::new(),
            kind,
            speaker,
            speaker_name: None,
            speaker_cluster: Some(0),
            cue: None,
            parts: Vec::new(),
            confidence: 1.0,
            speaker_confidence: None,
            act: Default::default(),
        }
    }

    #[test]
    fn pronouns_inside_quote_marks_are_not_counted() {
        // References sit at 1000, 1010, 1020: the first two inside a direct quote.
        let c = person("Pat Quinn", &["his", "his", "she"]);
        let mut cs = [c];
        assign(
            "",
            &mut cs,
            &[],
            &[quote(990, 1015, QuoteKind::Direct, None)],
            true,
        );
        assert_eq!(kinds(&cs[0]), [(GenderKind::Pronoun, Gender::Female, 1)]);
        // Reported speech is the writer's words: its pronouns count.
        let mut cs = [person("Pat Quinn", &["his", "his", "she"])];
        assign(
            "",
            &mut cs,
            &[],
            &[quote(990, 1015, QuoteKind::Indirect, None)],
            true,
        );
        assert_eq!(cs[0].gender, None, "2 his against 1 she is a conflict");
    }

    #[test]
    fn a_speaker_the_coreference_gives_to_another_is_not_counted() {
        let she = |start| TextSpan {
            start,
            end: start + 3,
            text: "she".into(),
        };
        let quotes = [
            quote(0, 10, QuoteKind::Direct, Some(she(20))),
            quote(30, 40, QuoteKind::Direct, Some(she(50))),
        ];
        let mut other = person("Terry Strada", &[]);
        (other.id, other.references) = (1, vec![she(50)]);
        let mut cs = [person("Josh Earnest", &[]), other];
        assign("", &mut cs, &[], &quotes, false);
        assert_eq!(kinds(&cs[0]), [(GenderKind::Pronoun, Gender::Female, 1)]);
    }

    #[test]
    fn organisations_get_none() {
        let mut c = person("Mary Kay", &["she"]);
        c.label = Some(Label::Org);
        assert_eq!(decided(c, "", &[]).gender, None);
    }

    #[test]
    fn descriptions_without_a_cluster() {
        let (g, e) = of_description("a spokeswoman for the agency");
        assert_eq!((g, e[0].kind), (Some(Gender::Female), GenderKind::Role));
        assert_eq!(of_description("the woman's lawyer").0, None);
        assert_eq!(of_description("she").0, None);
    }
}
