//! How sure Lede is of a quote's speaker, apart from whether it is a quote: two logistic models.
//! The first, over how the speaker was found (written as a name, a pronoun or a description),
//! where it stands from the content and how many other people were mentioned just before it,
//! is learned from PolNeAR train by `lede train-confidence --speakers`
//! (`model/speaker_confidence.tsv`): is the speaker the source? PolNeAR has no chains, so it
//! cannot tell whether "he" was given the right name; the second, over how a pronoun or
//! description was named (the learned chain or the rules, the word, the rivals of its kind, how
//! far back the name is), is learned from OntoNotes speakers whose gold chain names them, by
//! `lede train-coref --write-naming` (`model/speaker_naming.tsv`). A speaker named that way
//! carries the product. Each quote with a speaker carries the probability as
//! `speaker_confidence`; the page marks a doubtful speaker as doubtful. Nothing is dropped.

use super::attributed::Attributed;
use super::confidence::{bucket, kind_name, Rater, BIAS};
use super::Naming;
use crate::coref::mentions::{Kind, Mentions};
use crate::seq::hash::hash_str;
use crate::text::doc::Doc;
use crate::text::TokenRange;
use crate::words::{first_name_gender, is_pronoun};

/// The shipped models, laid out by build.rs (see [`super::confidence_table`]).
static SPEAKER_CONFIDENCE: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/speaker_confidence.bin"));
static SPEAKER_NAMING: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/speaker_naming.bin"));

fn shipped_weight(feature: &str) -> f64 {
    super::confidence_table::weight(SPEAKER_CONFIDENCE, hash_str(feature)).map_or(0.0, f64::from)
}

fn shipped_naming_weight(feature: &str) -> f64 {
    super::confidence_table::weight(SPEAKER_NAMING, hash_str(feature)).map_or(0.0, f64::from)
}

/// The two models: is the speaker the source, is a pronoun's or description's name right.
pub struct SpeakerRaters<'a> {
    pub speaker: Rater<'a>,
    pub naming: Rater<'a>,
}

/// The embedded models (their thresholds are unused: no speaker is dropped).
pub fn shipped() -> SpeakerRaters<'static> {
    SpeakerRaters {
        speaker: Rater {
            weight: &shipped_weight,
            threshold: 0.0,
        },
        naming: Rater {
            weight: &shipped_naming_weight,
            threshold: 0.0,
        },
    }
}

fn logistic(rater: &Rater, features: impl FnOnce(&mut dyn FnMut(&str))) -> f64 {
    let mut z = (rater.weight)(BIAS);
    features(&mut |f| z += (rater.weight)(f));
    1.0 / (1.0 + (-z).exp())
}

/// Sets `speaker_confidence` on every quote with a speaker.
pub fn rate(doc: &Doc, mentions: &Mentions, quotes: &mut [Attributed], raters: &SpeakerRaters) {
    for a in quotes.iter_mut() {
        let Some(s) = &a.quote.speaker else {
            continue;
        };
        let mut p = logistic(&raters.speaker, |f| each_feature(doc, mentions, a, f));
        if let (Naming::Chain | Naming::Rules, Some(g)) = (a.naming, a.speaker_group) {
            let r = TokenRange::new(
                doc.tokens.partition_point(|t| t.end <= s.start),
                doc.tokens.partition_point(|t| t.start < s.end),
            );
            p *= logistic(&raters.naming, |f| {
                each_naming_feature(doc, mentions, r, g, a.naming, f)
            });
        }
        // Three decimals: more would be noise in the JSON.
        a.quote.speaker_confidence = Some((p * 1000.0).round() / 1000.0);
    }
}

/// The feature names of a quote's speaker, for the trainer (empty without a speaker).
pub fn features(doc: &Doc, mentions: &Mentions, a: &Attributed) -> Vec<String> {
    let mut out = Vec::new();
    if a.quote.speaker.is_some() {
        each_feature(doc, mentions, a, &mut |f| out.push(f.to_string()));
    }
    out
}

/// The feature names of how speaker mention `r` was named `group` (`naming`: the chain or the
/// rules), for the trainer.
#[cfg(any(test, feature = "tools"))]
pub fn naming_features(
    doc: &Doc,
    mentions: &Mentions,
    r: TokenRange,
    group: usize,
    naming: Naming,
) -> Vec<String> {
    let mut out = Vec::new();
    each_naming_feature(doc, mentions, r, group, naming, &mut |f| {
        out.push(f.to_string())
    });
    out
}

/// The form of a speaker mention's words.
fn form(words: &[&str], naming: Naming) -> &'static str {
    match naming {
        Naming::Written => "name",
        _ if words.iter().all(|w| is_pronoun(w)) => "pronoun",
        _ if words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase)) =>
        {
            "capitalised"
        }
        _ => "description",
    }
}

fn kind_of(k: Option<Kind>) -> &'static str {
    match k {
        None => "none",
        Some(Kind::Person) => "person",
        Some(Kind::Org) => "org",
        Some(Kind::Place) => "place",
        Some(_) => "other",
    }
}

fn rivals_bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        _ => "3+",
    }
}

/// Calls `each` with every feature name of how mention `r` was named `group`.
fn each_naming_feature(
    doc: &Doc,
    mentions: &Mentions,
    r: TokenRange,
    group: usize,
    naming: Naming,
    each: &mut dyn FnMut(&str),
) {
    if r.first >= r.end || r.end > doc.tokens.len() {
        return;
    }
    let words: Vec<&str> = (r.first..r.end).map(|i| doc.token_text(i)).collect();
    let form = form(&words, naming);
    let naming = naming.name();
    let word = doc.lower(r.end - 1);
    let kind = mentions.groups[group].kind;
    let at = doc.tokens[r.first].start;
    let rivals = rivals_bucket(rivals(doc, mentions, at, Some(group), kind));
    // Whether the group's first name (in the news) has the pronoun's gender: "he" for a name
    // the first-name table does not know is a guess among the people before it.
    let said = match word {
        "he" => Some(true),
        "she" => Some(false),
        _ => None,
    };
    let first_name = (mentions.groups[group].name.as_deref())
        .and_then(|n| n.split_whitespace().next())
        .and_then(first_name_gender);
    let gender = match (said, first_name) {
        (None, _) => "none",
        (Some(_), None) => "unknown",
        (Some(a), Some(b)) if a == b => "agree",
        (Some(_), Some(_)) => "conflict",
    };
    // How far back the group was last mentioned, in tokens.
    let own = &mentions.groups[group].mentions;
    let before = own.partition_point(|&m| mentions.mentions[m].end <= r.first);
    let back = (before.checked_sub(1))
        .map(|i| r.first - mentions.mentions[own[i]].end)
        .map_or("none", bucket);
    for f in [
        format!("form={form}"),
        format!("naming={naming}"),
        format!("form,naming={form},{naming}"),
        format!("word={word}"),
        format!("naming,word={naming},{word}"),
        format!("kind={}", kind_of(Some(kind))),
        format!("rivals={rivals}"),
        format!("naming,rivals={naming},{rivals}"),
        format!("back={back}"),
        format!("naming,back={naming},{back}"),
        format!("gender={gender}"),
        format!("gender,rivals={gender},{rivals}"),
    ] {
        each(&f);
    }
}

/// Bytes before a speaker in which other people count as rivals for it.
const RIVAL_WINDOW: usize = 600;

/// Calls `each` with every feature name of the speaker of `a` (byte offsets into `doc.text`).
fn each_feature(doc: &Doc, mentions: &Mentions, a: &Attributed, each: &mut dyn FnMut(&str)) {
    let q = &a.quote;
    let Some(s) = &q.speaker else {
        return;
    };
    let words: Vec<&str> = s.text.split_whitespace().collect();
    let form = form(&words, a.naming);
    let naming = a.naming.name();
    let kind = kind_name(q.kind);
    let side = if s.end <= q.start {
        "before"
    } else if s.start >= q.end {
        "after"
    } else {
        "inside"
    };
    let gap_text = match side {
        "before" => &doc.text[s.end..q.start],
        "after" => &doc.text[q.end..s.start],
        _ => "",
    };
    let gap = bucket(gap_text.split_whitespace().count());
    let group_kind = kind_of(a.speaker_group.map(|g| mentions.groups[g].kind));
    let people = rivals(doc, mentions, s.start, a.speaker_group, Kind::Person);
    let rivals = rivals_bucket(people);
    let head = words.last().map_or(String::new(), |w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let cue = q
        .cue
        .as_ref()
        .map_or("none".to_string(), |c| c.text.to_lowercase());
    let length = bucket(words.len());
    for f in [
        format!("form={form}"),
        format!("naming={naming}"),
        format!("form,naming={form},{naming}"),
        format!("kind={kind}"),
        format!("side={side}"),
        format!("kind,side={kind},{side}"),
        format!("gap={gap}"),
        format!("side,gap={side},{gap}"),
        format!("group={group_kind}"),
        format!("form,group={form},{group_kind}"),
        format!("rivals={rivals}"),
        format!("form,rivals={form},{rivals}"),
        format!("naming,rivals={naming},{rivals}"),
        format!("length={length}"),
        format!("cue={cue}"),
    ] {
        each(&f);
    }
    if form != "name" {
        each(&format!("head={head}"));
    }
}

/// Groups of `kind` other than the speaker's `own` mentioned by name in the bytes just before the
/// speaker: a pronoun or description among several of them is more often given the wrong one.
fn rivals(doc: &Doc, mentions: &Mentions, at: usize, own: Option<usize>, kind: Kind) -> usize {
    let from = at.saturating_sub(RIVAL_WINDOW);
    // Mentions come in text order: those ending in the window are one run of them.
    let end = |m: &crate::coref::mentions::Mention| doc.tokens[m.end - 1].end;
    let first = mentions.mentions.partition_point(|m| end(m) < from);
    let mut groups: Vec<usize> = (mentions.mentions[first..].iter())
        .take_while(|m| end(m) <= at)
        .filter(|m| m.kind == kind && Some(m.group) != own)
        .map(|m| m.group)
        .collect();
    groups.sort_unstable();
    groups.dedup();
    groups.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Ana Ruiz met Tom Lee and Kofi Annan. He said the deal was done. \
                        Ruiz said talks would go on.";

    /// The text's quotes, attributed by the shipped models, in text order.
    fn attributed(doc: &Doc, mentions: &Mentions) -> Vec<Attributed> {
        let entities = crate::entities::find(doc);
        let (entities, _) = crate::coref::resolve(doc, entities);
        let mut items = super::super::attribute(
            doc,
            &entities,
            mentions,
            super::super::find(doc).0,
            crate::pipeline::Models::shipped().reporting,
        );
        items.sort_by_key(|i| i.quote.start);
        items
    }

    #[test]
    fn a_named_pronoun_is_as_sure_as_its_source_times_its_name() {
        let doc = Doc::new(TEXT, None);
        let (_, mentions) = crate::pipeline::entities(&doc);
        let mut items = attributed(&doc, &mentions);
        assert!(matches!(items[0].naming, Naming::Chain | Naming::Rules));
        assert_eq!(items[1].naming, Naming::Written);
        // Every speaker is the source (z = 20); a name found for a pronoun is a coin toss.
        let sure = |_: &str| 0.0;
        let source = |f: &str| if f == BIAS { 20.0 } else { 0.0 };
        let raters = SpeakerRaters {
            speaker: Rater {
                weight: &source,
                threshold: 0.0,
            },
            naming: Rater {
                weight: &sure,
                threshold: 0.0,
            },
        };
        rate(&doc, &mentions, &mut items, &raters);
        assert_eq!(items[0].quote.speaker_confidence, Some(0.5));
        assert_eq!(items[1].quote.speaker_confidence, Some(1.0));
        // The naming features are those the trainer learns from.
        let g = items[0].speaker_group.expect("named");
        let he = TokenRange::new(9, 10);
        assert_eq!(doc.token_text(9), "He");
        let f = naming_features(&doc, &mentions, he, g, items[0].naming);
        assert!(f.contains(&"word=he".to_string()), "{f:?}");
        // The name was mentioned before "He" (a few tokens back).
        assert!(
            f.iter().any(|f| f.starts_with("back=") && f != "back=none"),
            "{f:?}"
        );
    }

    #[test]
    fn a_pronoun_among_several_people_has_features_a_written_name_has_not() {
        let text = TEXT;
        let a = crate::annotate(text, &crate::Options::default());
        let q = |head: &str| {
            (a.quotes.iter())
                .find(|q| q.text.starts_with(head))
                .unwrap_or_else(|| panic!("no quote {head:?} in {:?}", a.quotes))
        };
        assert_eq!(
            q("the deal").speaker.as_ref().map(|s| s.text.as_str()),
            Some("He")
        );
        let doc = Doc::new(text, None);
        let (_, mentions) = crate::pipeline::entities(&doc);
        let items = attributed(&doc, &mentions);
        let he = features(&doc, &mentions, &items[0]);
        let ruiz = features(&doc, &mentions, &items[1]);
        assert!(he.contains(&"form=pronoun".to_string()), "{he:?}");
        assert!(he.contains(&"rivals=2".to_string()), "{he:?}");
        assert!(
            ruiz.contains(&"form,naming=name,written".to_string()),
            "{ruiz:?}"
        );
        assert!(!ruiz.iter().any(|f| f.starts_with("head=")), "{ruiz:?}");
        // Every quote with a speaker carries a speaker confidence, none without.
        for q in &a.quotes {
            assert_eq!(q.speaker.is_some(), q.speaker_confidence.is_some(), "{q:?}");
            assert!(q
                .speaker_confidence
                .is_none_or(|p| (0.0..=1.0).contains(&p)));
        }
    }
}
