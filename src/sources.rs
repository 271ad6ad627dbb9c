//! Sources: who is quoted, with their quotes, in the order the page's Sources panel lists them
//! ([`Annotation::sources`](crate::Annotation::sources)).
//!
//! A quote's source is its speaker's cluster when it has one: the cluster's label gives the
//! group (PERSON: people; ORG, NORP and no label: organisations and groups; any other label:
//! places and others). Without a cluster, the speaker name, else the speaker mention as written
//! ("officials", "a spokeswoman for the agency"), is an organisation or group — or a document
//! when a document noun heads the mention ("a report"); such a name joins
//! a source already listed under the same name (any case). A pronoun ("she") names nobody: its
//! quote counts under the resolved name, and with none it is unattributed, as is a quote with no
//! speaker. A speaker that coordinates named people ("Sarah Kent and Daniel Brooks each") lists
//! the quote under each of them. Inside a group: most quotes first, then most words quoted, then
//! first quoted; the Unattributed row comes last.

use crate::coref::gender;
use crate::schema::{Cluster, Entity, Gender, Label, Quote, Source, SourceGenders, SourceGroup};
use crate::words;
use std::collections::HashMap;

/// The name of the row that collects the quotes with no speaker.
pub const UNATTRIBUTED: &str = "Unattributed";

/// The sources of `quotes` (whose `speaker_cluster` indexes `clusters`; `entities` for
/// coordinated speakers, in the quotes' offsets), in panel order.
pub fn of(quotes: &[Quote], clusters: &[Cluster], entities: &[Entity]) -> Vec<Source> {
    let mut found: Vec<Source> = Vec::new();
    // "c<cluster>" or "n<lower-case name>" → index into `found`.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Lower-case display name → the first source shown by it, so a name without a cluster
    // joins it.
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut unattributed: Option<Source> = None;
    for (i, q) in quotes.iter().enumerate() {
        let words = word_count(&q.text);
        let people = coordinated(q, entities);
        let places: Vec<Place> = match people.is_empty() {
            true => place_of(q, clusters).into_iter().collect(),
            false => (people.iter())
                .filter_map(|&c| cluster_place(c, clusters))
                .collect(),
        };
        if places.is_empty() {
            let row = unattributed.get_or_insert_with(|| {
                blank(
                    UNATTRIBUTED.into(),
                    SourceGroup::Unattributed,
                    None,
                    None,
                    false,
                )
            });
            add(row, i, words);
            continue;
        }
        for place in places {
            let joined = match (by_key.get(&place.key), place.key.strip_prefix('n')) {
                (Some(&s), _) => Some(s),
                (None, Some(lower)) => by_name.get(lower).copied(),
                (None, None) => None,
            };
            let s = joined.unwrap_or_else(|| {
                // The display name is the one the quote gives, unless that is a pronoun or
                // names several people.
                let name = speaker_name(q)
                    .filter(|n| !is_pronoun(n) && people.is_empty())
                    .unwrap_or(place.fallback_name);
                let s = found.len();
                found.push(blank(
                    name.to_string(),
                    place.group,
                    place.cluster,
                    place.label,
                    place.named,
                ));
                by_key.insert(place.key, s);
                by_name.entry(name.to_lowercase()).or_insert(s);
                s
            });
            add(&mut found[s], i, words);
        }
    }
    for s in &mut found {
        (s.gender, s.gender_evidence) = match s.cluster {
            Some(c) => (clusters[c].gender, clusters[c].gender_evidence.clone()),
            None if !s.named => gender::of_description(&s.name),
            None => (None, Vec::new()),
        };
    }
    found.sort_by(|a, b| {
        (a.group.cmp(&b.group))
            .then(b.quotes.len().cmp(&a.quotes.len()))
            .then(b.words.cmp(&a.words))
            .then(a.quotes[0].cmp(&b.quotes[0]))
    });
    found.extend(unattributed);
    found
}

/// Where a quote's speaker is listed (see [`place_of`]).
struct Place<'a> {
    key: String,
    group: SourceGroup,
    cluster: Option<usize>,
    label: Option<Label>,
    named: bool,
    /// The name shown when the quote's own speaker name is a pronoun.
    fallback_name: &'a str,
}

/// Where a speaker resolved to cluster `i` goes.
fn cluster_place(i: usize, clusters: &[Cluster]) -> Option<Place<'_>> {
    let cluster = clusters.get(i)?;
    Some(Place {
        key: format!("c{i}"),
        group: cluster.label.map_or(SourceGroup::Groups, group_of),
        cluster: Some(i),
        label: cluster.label,
        named: true,
        fallback_name: &cluster.name,
    })
}

/// Where `q`'s speaker goes, or `None` when the quote is unattributed.
fn place_of<'a>(q: &'a Quote, clusters: &'a [Cluster]) -> Option<Place<'a>> {
    if let Some(place) = q.speaker_cluster.and_then(|i| cluster_place(i, clusters)) {
        return Some(place);
    }
    let mention = (q.speaker.as_ref())
        .map(|s| s.text.as_str())
        .filter(|t| !t.is_empty() && !is_pronoun(t));
    let speaker_name = nonempty(q.speaker_name.as_deref());
    let name = speaker_name.or(mention)?;
    let group = match speaker_name.is_none() && mention.is_some_and(is_document) {
        true => SourceGroup::Documents,
        false => SourceGroup::Groups,
    };
    Some(Place {
        key: format!("n{}", name.to_lowercase()),
        group,
        cluster: None,
        label: None,
        named: speaker_name.is_some(),
        fallback_name: name,
    })
}

/// The clusters of the people a speaker coordinates ("Sarah Kent and Daniel Brooks each", "A, B
/// and C"): two or more PERSON mentions with clusters that make up the whole speaker, joined by
/// "and", "&" or commas; empty otherwise ("lawyers for A and B" are not A and B).
pub fn coordinated(q: &Quote, entities: &[Entity]) -> Vec<usize> {
    let Some(sp) = q.speaker.as_ref() else {
        return Vec::new();
    };
    let inside: Vec<&Entity> = (entities.iter())
        .filter(|e| e.label == Label::Person && e.start >= sp.start && e.end <= sp.end)
        .collect();
    let text = |from: usize, to: usize| sp.text.get(from - sp.start..to - sp.start);
    let joined = |a: &Entity, b: &Entity| {
        let between = text(a.end, b.start).map(str::trim);
        matches!(between, Some("and" | "&" | "," | ", and"))
    };
    let (Some(first), Some(last)) = (inside.first(), inside.last()) else {
        return Vec::new();
    };
    let around = |t: Option<&str>| {
        t.is_some_and(|t| {
            t.trim().is_empty()
                || words::COORDINATION_WORDS.contains(&t.trim().to_lowercase().as_str())
        })
    };
    let whole = around(text(sp.start, first.start)) && around(text(last.end, sp.end));
    let clusters: Vec<usize> = inside.iter().filter_map(|e| e.cluster).collect();
    let distinct = (1..clusters.len()).all(|k| !clusters[..k].contains(&clusters[k]));
    match inside.len() >= 2
        && clusters.len() == inside.len()
        && distinct
        && whole
        && inside.windows(2).all(|w| joined(w[0], w[1]))
    {
        true => clusters,
        false => Vec::new(),
    }
}

/// Names each quote whose speaker coordinates people by all their names ("Sarah Kent and Daniel
/// Brooks"); such a quote has no one speaker cluster (the resolver gives it the nearest name).
pub fn name_coordinations(quotes: &mut [Quote], entities: &[Entity], clusters: &[Cluster]) {
    for q in quotes.iter_mut() {
        let names: Vec<&str> = (coordinated(q, entities).iter())
            .filter_map(|&c| clusters.get(c).map(|c| c.name.as_str()))
            .collect();
        if let [rest @ .., last] = names.as_slice() {
            if !rest.is_empty() {
                q.speaker_name = Some(format!("{} and {last}", rest.join(", ")));
                q.speaker_cluster = None;
            }
        }
    }
}

/// The group of a source whose cluster has `label`.
fn group_of(label: Label) -> SourceGroup {
    match label {
        Label::Person => SourceGroup::People,
        Label::Org | Label::Norp => SourceGroup::Groups,
        _ => SourceGroup::Others,
    }
}

fn blank(
    name: String,
    group: SourceGroup,
    cluster: Option<usize>,
    label: Option<Label>,
    named: bool,
) -> Source {
    Source {
        name,
        group,
        cluster,
        label,
        named,
        quotes: Vec::new(),
        words: 0,
        gender: None,
        gender_evidence: Vec::new(),
    }
}

/// Named person sources and their quoted words, by gender.
pub fn genders(sources: &[Source]) -> SourceGenders {
    let mut sum = SourceGenders::default();
    for s in sources
        .iter()
        .filter(|s| s.group == SourceGroup::People && s.named)
    {
        sum += one_person(s.gender, s.words);
    }
    sum
}

/// One named person quoted with `words` words, under `gender` (unknown when `None`).
fn one_person(gender: Option<Gender>, words: usize) -> SourceGenders {
    let mut one = SourceGenders {
        people: 1,
        words,
        ..SourceGenders::default()
    };
    let (count, part_words) = match gender {
        Some(Gender::Female) => (&mut one.female, &mut one.female_words),
        Some(Gender::Male) => (&mut one.male, &mut one.male_words),
        None => (&mut one.unknown, &mut one.unknown_words),
    };
    *count = 1;
    *part_words = words;
    one
}

fn add(source: &mut Source, quote: usize, words: usize) {
    source.quotes.push(quote);
    source.words += words;
}

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.is_empty())
}

/// The name a quote's speaker is shown by: the resolved name, else the mention as written.
fn speaker_name(q: &Quote) -> Option<&str> {
    nonempty(q.speaker_name.as_deref())
        .or_else(|| nonempty(q.speaker.as_ref().map(|s| s.text.as_str())))
}

/// A mention headed by a document noun ("a report", "the agency's statement", "a report from
/// the council"): its head is its last word before a preposition.
fn is_document(text: &str) -> bool {
    let head = (text.split_whitespace())
        .take_while(|w| !words::PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .last()
        .unwrap_or_default();
    let head = head
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    words::DOCUMENT_NOUNS.contains(&head.as_str())
}

fn is_pronoun(text: &str) -> bool {
    words::is_pronoun(text.trim())
}

/// Words in `text`: runs that start with a letter or digit and go on through letters, digits,
/// apostrophes, periods and hyphens ("more than 1000" → 3, "U.S.-backed" → 1); quote marks and
/// dashes alone are not words.
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if in_word && (c.is_alphanumeric() || matches!(c, '\'' | '’' | '.' | '-')) {
            continue;
        }
        in_word = c.is_alphanumeric();
        count += usize::from(in_word);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{QuoteKind, TextSpan};

    /// A quote whose speaker is `speaker`, at 0, with PERSON entities (clustered 0, 1, …) at
    /// each of `names` found in it.
    fn coordination(speaker: &str, names: &[&str]) -> (Quote, Vec<Entity>) {
        let q = quote("x", Some(speaker), None, None);
        let entities = (names.iter().enumerate())
            .map(|(c, n)| {
                let start = speaker.find(n).unwrap();
                Entity {
                    start,
                    end: start + n.len(),
                    text: n.to_string(),
                    label: Label::Person,
                    cluster: Some(c),
                    value: None,
                }
            })
            .collect();
        (q, entities)
    }

    #[test]
    fn a_coordination_of_named_people_lists_the_quote_under_each() {
        let (q, e) = coordination(
            "Sarah Kent and Daniel Brooks each",
            &["Sarah Kent", "Daniel Brooks"],
        );
        assert_eq!(coordinated(&q, &e), [0, 1]);
        let (q, e) = coordination(
            "both Ana Ruiz, Sarah Kent & Dan Li",
            &["Ana Ruiz", "Sarah Kent", "Dan Li"],
        );
        assert_eq!(coordinated(&q, &e), [0, 1, 2]);
        // Lawyers for two people are not the two people; one person is no coordination.
        let (q, e) = coordination(
            "lawyers for Sarah Kent and Daniel Brooks",
            &["Sarah Kent", "Daniel Brooks"],
        );
        assert!(coordinated(&q, &e).is_empty());
        let (q, e) = coordination(
            "Sarah Kent said and Daniel Brooks",
            &["Sarah Kent", "Daniel Brooks"],
        );
        assert!(coordinated(&q, &e).is_empty());
        let (q, e) = coordination("Sarah Kent", &["Sarah Kent"]);
        assert!(coordinated(&q, &e).is_empty());

        let (mut q, e) = coordination(
            "Sarah Kent and Daniel Brooks each",
            &["Sarah Kent", "Daniel Brooks"],
        );
        q.speaker_cluster = Some(1);
        let clusters = [
            cluster(0, "Sarah Kent", Some(Label::Person)),
            cluster(1, "Daniel Brooks", Some(Label::Person)),
        ];
        let mut quotes = [q];
        name_coordinations(&mut quotes, &e, &clusters);
        let q = &quotes[0];
        assert_eq!(
            q.speaker_name.as_deref(),
            Some("Sarah Kent and Daniel Brooks")
        );
        assert_eq!(q.speaker_cluster, None, "not the last-named alone");
        let found = of(&quotes, &clusters, &e);
        let rows: Vec<(&str, &[usize], usize)> = (found.iter())
            .map(|s| (s.name.as_str(), s.quotes.as_slice(), s.words))
            .collect();
        assert_eq!(
            rows,
            [("Sarah Kent", &[0][..], 1), ("Daniel Brooks", &[0][..], 1)]
        );
    }

    fn quote(
        text: &str,
        speaker: Option<&str>,
        name: Option<&str>,
        cluster: Option<usize>,
    ) -> Quote {
        let mut q = Quote::unattributed(0, text.len(), text.into(), QuoteKind::Direct);
        q.speaker = speaker.map(|t| TextSpan {
            start: 0,
            end: t.len(),
            text: t.into(),
        });
        q.speaker_name = name.map(Into::into);
        q.speaker_cluster = cluster;
        q
    }

    fn cluster(id: usize, name: &str, label: Option<Label>) -> Cluster {
        Cluster {
            id,
            name: name.into(),
            label,
            mentions: Vec::new(),
            roles: Vec::new(),
            references: Vec::new(),
            gender: None,
            gender_evidence: Vec::new(),
        }
    }

    fn clusters() -> Vec<Cluster> {
        vec![
            cluster(0, "Ana Ruiz", Some(Label::Person)),
            cluster(1, "Pentagon", Some(Label::Org)),
            cluster(2, "Russia", Some(Label::Gpe)),
            cluster(3, "Analysts", None),
            cluster(4, "Bo Lee", Some(Label::Person)),
        ]
    }

    /// (group, name, label, named, quotes, words) of each source, in order.
    type Row = (SourceGroup, String, Option<Label>, bool, Vec<usize>, usize);

    fn rows(sources: &[Source]) -> Vec<Row> {
        (sources.iter())
            .map(|s| {
                let s = s.clone();
                (s.group, s.name, s.label, s.named, s.quotes, s.words)
            })
            .collect()
    }

    #[test]
    fn genders_count_named_people_and_their_words() {
        let person = |name: &str, gender, named, words| Source {
            gender,
            words,
            ..blank(name.into(), SourceGroup::People, None, None, named)
        };
        let sources = [
            person("Ana Ruiz", Some(Gender::Female), true, 5),
            person("Bo Lee", Some(Gender::Male), true, 3),
            person("Cy Ng", None, true, 2),
            person("Di Fo", Some(Gender::Female), true, 1),
            // Unnamed people and other groups do not count.
            person("a resident", Some(Gender::Female), false, 7),
            Source {
                words: 9,
                ..blank("Pentagon".into(), SourceGroup::Groups, None, None, true)
            },
        ];
        let want = SourceGenders {
            people: 4,
            female: 2,
            male: 1,
            unknown: 1,
            words: 11,
            female_words: 6,
            male_words: 3,
            unknown_words: 2,
        };
        assert_eq!(genders(&sources), want);
    }

    #[test]
    fn groups_in_order_sorted_by_quotes_words_first_quote_unattributed_last() {
        use SourceGroup::*;
        let quotes = [
            quote("one two", Some("Russia"), Some("Russia"), Some(2)), // q0
            quote("a b c", Some("Bo Lee"), Some("Bo Lee"), Some(4)),   // q1
            // Ana and Bo tie on quotes; Bo has more words.
            quote("x", Some("Ana Ruiz"), Some("Ana Ruiz"), Some(0)), // q2
            // A pronoun with a cluster counts for it.
            quote("y", Some("she"), Some("Ana Ruiz"), Some(0)), // q3
            quote("we are fine", None, None, None),             // q4: unattributed
            // A pronoun resolved to nobody: unattributed.
            quote("z", Some("he"), None, None), // q5
            // A mention without a cluster: an unnamed group.
            quote("w", Some("officials"), None, None), // q6
            quote("v", Some("The Pentagon"), Some("The Pentagon"), Some(1)), // q7
            // A cluster without a label: organisations and groups, named.
            quote("u", Some("Analysts"), Some("Analysts"), Some(3)), // q8
            // A pronoun with a name but no cluster joins that name.
            quote("t", Some("they"), Some("Bo Lee"), None), // q9
            // The same mention in another case: the same source.
            quote("s", Some("Officials"), None, None), // q10
            // A document no one is named behind is listed apart.
            quote("r q", Some("A report from the council"), None, None), // q11
        ];
        let s = |g, n: &str, l, named, q: &[usize], w| (g, n.to_string(), l, named, q.to_vec(), w);
        let person = Some(Label::Person);
        assert_eq!(
            rows(&of(&quotes, &clusters(), &[])),
            vec![
                s(People, "Bo Lee", person, true, &[1, 9], 4),
                s(People, "Ana Ruiz", person, true, &[2, 3], 2),
                s(Groups, "officials", None, false, &[6, 10], 2),
                s(Groups, "The Pentagon", Some(Label::Org), true, &[7], 1),
                s(Groups, "Analysts", None, true, &[8], 1),
                s(Others, "Russia", Some(Label::Gpe), true, &[0], 2),
                s(
                    Documents,
                    "A report from the council",
                    None,
                    false,
                    &[11],
                    2
                ),
                s(Unattributed, UNATTRIBUTED, None, false, &[4, 5], 4),
            ]
        );
        let found = of(&quotes, &clusters(), &[]);
        assert_eq!(found[0].cluster, Some(4));
        assert_eq!(found[2].cluster, None);
        assert_eq!(found[7].cluster, None);
    }

    #[test]
    fn a_document_goes_with_who_issued_it_else_apart() {
        let quotes = vec![
            quote("a", Some("her statement"), Some("Ana Ruiz"), Some(0)),
            quote("b", Some("the report"), None, None),
            quote("c", Some("a spokeswoman for the agency"), None, None),
            quote("d", Some("Statements from the ministry"), None, None),
        ];
        let groups: Vec<(SourceGroup, String)> = (of(&quotes, &clusters(), &[]).into_iter())
            .map(|s| (s.group, s.name))
            .collect();
        assert_eq!(
            groups,
            vec![
                (SourceGroup::People, "Ana Ruiz".to_string()),
                (
                    SourceGroup::Groups,
                    "a spokeswoman for the agency".to_string()
                ),
                (SourceGroup::Documents, "the report".to_string()),
                (
                    SourceGroup::Documents,
                    "Statements from the ministry".to_string()
                ),
            ]
        );
    }

    /// The fixture the page's test reads too (tests/e2e/sources.json): its `sources` are what
    /// this module computes from its clusters and quotes.
    #[test]
    fn the_page_fixture_holds_the_computed_sources() {
        #[derive(serde::Deserialize)]
        struct Fixture {
            clusters: Vec<Cluster>,
            quotes: Vec<Quote>,
            sources: Vec<Source>,
        }
        let f: Fixture =
            serde_json::from_str(include_str!("../tests/e2e/sources.json")).expect("fixture");
        assert_eq!(of(&f.quotes, &f.clusters, &[]), f.sources);
    }

    #[test]
    fn ties_on_quotes_and_words_go_to_the_first_quoted() {
        let quotes = [
            quote("b", Some("Bo Lee"), Some("Bo Lee"), Some(4)),
            quote("a", Some("Ana Ruiz"), Some("Ana Ruiz"), Some(0)),
        ];
        let names: Vec<String> = of(&quotes, &clusters(), &[])
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["Bo Lee", "Ana Ruiz"]);
    }

    #[test]
    fn without_clusters_or_quotes() {
        let found = of(&[quote("x", Some("Kirby"), Some("Kirby"), None)], &[], &[]);
        assert_eq!(
            rows(&found),
            vec![(SourceGroup::Groups, "Kirby".into(), None, true, vec![0], 1)]
        );
        assert!(of(&[], &[], &[]).is_empty());
        // A cluster index out of range reads as no cluster.
        let found = of(
            &[quote("x", Some("Kirby"), Some("Kirby"), Some(7))],
            &[],
            &[],
        );
        assert_eq!(found[0].cluster, None);
    }

    #[test]
    fn a_pronoun_mention_shows_the_cluster_name() {
        // The first quote of the cluster has only a pronoun: the cluster's name is shown.
        let quotes = [
            quote("x", Some("She"), None, Some(0)),
            quote("y", Some("Ruiz"), Some("Ruiz"), Some(0)),
        ];
        let found = of(&quotes, &clusters(), &[]);
        assert_eq!(found[0].name, "Ana Ruiz");
        assert_eq!(found[0].quotes, [0, 1]);
    }

    #[test]
    fn two_clusters_with_one_name_stay_apart_but_a_name_joins_the_first() {
        let clusters = [
            cluster(0, "Lee", Some(Label::Person)),
            cluster(1, "Lee", Some(Label::Person)),
        ];
        let quotes = [
            quote("a", Some("Lee"), Some("Lee"), Some(0)),
            quote("b c", Some("Lee"), Some("Lee"), Some(1)),
            quote("d", Some("he"), Some("LEE"), None),
        ];
        let found = of(&quotes, &clusters, &[]);
        assert_eq!(rows(&found).len(), 2);
        assert_eq!(
            (found[0].cluster, &found[0].quotes[..]),
            (Some(0), &[0, 2][..])
        );
        assert_eq!(
            (found[1].cluster, &found[1].quotes[..]),
            (Some(1), &[1][..])
        );
    }

    #[test]
    fn words_are_letter_or_digit_runs() {
        assert_eq!(word_count("more than 1000"), 3);
        assert_eq!(word_count("“We have the votes,”"), 4);
        assert_eq!(word_count("U.S.-backed forces — don’t"), 3);
        assert_eq!(word_count("“ — ”"), 0);
        assert_eq!(word_count("-x .y"), 2);
        assert_eq!(word_count(""), 0);
    }
}
