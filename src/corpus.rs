//! Who gets quoted across many articles: one compact row per (article, source), and the sums
//! per outlet that media researchers report ("women are 27 % of the people quoted"). The CLI
//! (`lede sources`) and Python (`lede.sources`) write these rows; the page's corpus view keeps
//! the same columns.

use crate::schema::{Annotation, Gender, GenderKind, Label, SourceGenders, SourceGroup};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One source of one article, without its quotes' texts or offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRow {
    pub name: String,
    /// The entity type of its cluster, when it has one.
    #[serde(rename = "type")]
    pub label: Option<Label>,
    pub group: SourceGroup,
    pub named: bool,
    pub gender: Option<Gender>,
    /// The strongest kind of evidence for the gender ("first name": a guess); none without a
    /// gender.
    pub gender_evidence: Option<GenderKind>,
    pub quotes: usize,
    pub words: usize,
}

/// The rows of one annotated article, in the Sources panel's order.
pub fn rows(annotation: &Annotation) -> Vec<SourceRow> {
    (annotation.sources.iter())
        .map(|s| SourceRow {
            name: s.name.clone(),
            label: s.label,
            group: s.group,
            named: s.named,
            gender: s.gender,
            // What the gender rests on: the clue on its side, or the reader's correction to
            // unknown; none when there is no gender.
            gender_evidence: (s.gender_evidence.iter())
                .find(|c| {
                    c.gender == s.gender && (c.gender.is_some() || c.kind == GenderKind::Correction)
                })
                .map(|c| c.kind),
            quotes: s.quotes.len(),
            words: s.words,
        })
        .collect()
}

/// Named person sources by gender over a set of articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub articles: usize,
    /// Named person sources (one per article and person) and their quoted words.
    #[serde(flatten)]
    pub genders: SourceGenders,
    /// Women's share of the named people whose gender is known; absent when none is.
    pub female_share: Option<f64>,
    /// Women's share of the words quoted from named people of known gender.
    pub female_word_share: Option<f64>,
}

impl Summary {
    pub fn add(&mut self, article: &SourceGenders) {
        self.articles += 1;
        self.genders += article;
        let sum = &self.genders;
        self.female_share = share(sum.female, sum.female + sum.male);
        self.female_word_share = share(sum.female_words, sum.female_words + sum.male_words);
    }
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Summaries per outlet (articles without one under `None`) and over all articles.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub outlets: BTreeMap<Option<String>, Summary>,
    pub all: Summary,
}

impl Tally {
    pub fn add(&mut self, outlet: Option<&str>, article: &SourceGenders) {
        let key = outlet.map(str::to_string);
        self.outlets.entry(key).or_default().add(article);
        self.all.add(article);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(female: usize, male: usize, unknown: usize) -> SourceGenders {
        SourceGenders {
            people: female + male + unknown,
            female,
            male,
            unknown,
            words: 10 * (female + male + unknown),
            female_words: 10 * female,
            male_words: 10 * male,
            unknown_words: 10 * unknown,
        }
    }

    #[test]
    fn shares_leave_the_unknown_out() {
        let mut t = Tally::default();
        t.add(Some("a"), &article(1, 2, 1));
        t.add(Some("a"), &article(0, 1, 0));
        t.add(None, &article(2, 0, 0));
        let a = &t.outlets[&Some("a".to_string())];
        assert_eq!((a.articles, a.genders.people, a.genders.female), (2, 5, 1));
        assert_eq!(a.female_share, Some(0.25));
        assert_eq!(t.all.female_share, Some(0.5));
        assert_eq!(t.all.female_word_share, Some(0.5));
        assert_eq!(t.outlets[&None].female_share, Some(1.0));
        let mut empty = Summary::default();
        empty.add(&article(0, 0, 3));
        assert_eq!(empty.female_share, None, "no known gender: no share");
    }

    #[test]
    fn rows_follow_the_sources() {
        let text =
            "Ms. Ana Ruiz, the mayor, spoke. “We will rebuild,” Ruiz said. “Soon,” she said.";
        let a = crate::annotate(text, &Default::default());
        let rows = rows(&a);
        let ruiz = rows
            .iter()
            .find(|r| r.name.contains("Ruiz"))
            .expect("Ruiz is quoted");
        assert_eq!(ruiz.gender, Some(Gender::Female));
        assert_eq!(ruiz.gender_evidence, Some(GenderKind::Honorific));
        assert_eq!(ruiz.quotes, 2);
        let json = serde_json::to_value(ruiz).unwrap();
        assert_eq!(json["type"], "PERSON");
        assert_eq!(json["gender_evidence"], "honorific");
    }
}
