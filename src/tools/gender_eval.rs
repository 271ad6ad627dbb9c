//! `lede eval --genders LABELS --texts DIR`: the gender of PERSON clusters against a
//! hand-labelled sample (tests/data/gender_*.tsv: article, cluster name, female / male /
//! unknown), with the first-name guesses on and off. Precision per gender counts a gender
//! given to a person labelled otherwise, "unknown" included, as wrong.

use super::Error;
use crate::schema::{Cluster, Gender, Options};
use std::collections::BTreeMap;
use std::path::Path;

/// One labelled cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub article: String,
    pub name: String,
    pub gender: Option<Gender>,
}

/// Reads a label file: `#` comments, a header line, then tab-separated article, name, gender
/// (female / male / unknown) and further columns.
pub fn read_labels(path: &Path) -> Result<Vec<Label>, Error> {
    let text = std::fs::read_to_string(path).map_err(Error::read(path))?;
    let mut labels = Vec::new();
    let lines = (text.lines().enumerate()).filter(|(_, l)| !l.starts_with('#') && !l.is_empty());
    for (n, line) in lines.skip(1) {
        let bad = |msg: &str| Error::Parse {
            path: path.into(),
            line: n + 1,
            msg: msg.into(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let [article, name, gender, ..] = cols[..] else {
            return Err(bad("expected article, name and gender columns"));
        };
        let gender = match gender {
            "female" => Some(Gender::Female),
            "male" => Some(Gender::Male),
            "unknown" => None,
            _ => return Err(bad("gender must be female, male or unknown")),
        };
        labels.push(Label {
            article: article.into(),
            name: name.into(),
            gender,
        });
    }
    Ok(labels)
}

/// How one setting does on the labels.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub clusters: usize,
    /// Labelled clusters the annotator no longer prints.
    pub missing: usize,
    /// Clusters given no gender.
    pub unknown: usize,
    /// Per gender given: (right, given).
    pub female: (usize, usize),
    pub male: (usize, usize),
    /// Clusters labelled female, male.
    pub labelled: (usize, usize),
    /// Each gender given against the label: article, name, label, the strongest evidence.
    pub wrong: Vec<String>,
    /// Each person labelled with a gender and given none: article, name, label, the evidence.
    pub missed: Vec<String>,
}

impl Scores {
    pub fn precision(&self, g: Gender) -> Option<f64> {
        let (right, given) = match g {
            Gender::Female => self.female,
            Gender::Male => self.male,
        };
        (given > 0).then(|| right as f64 / given as f64)
    }

    /// The share of people labelled `g` given `g`.
    pub fn recall(&self, g: Gender) -> Option<f64> {
        let (right, labelled) = match g {
            Gender::Female => (self.female.0, self.labelled.0),
            Gender::Male => (self.male.0, self.labelled.1),
        };
        (labelled > 0).then(|| right as f64 / labelled as f64)
    }

    fn unknown_share(&self) -> f64 {
        self.unknown as f64 / self.clusters.max(1) as f64
    }
}

/// The scores with the first-name guesses on and off, over every labelled cluster and over the
/// quoted ones (a source's cluster), as the counts of who gets quoted see them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    pub all: [Scores; 2],
    pub quoted: [Scores; 2],
}

impl Scores {
    /// Counts one labelled cluster as annotated.
    fn count(&mut self, article: &str, l: &Label, c: &Cluster) {
        self.clusters += 1;
        match l.gender {
            Some(Gender::Female) => self.labelled.0 += 1,
            Some(Gender::Male) => self.labelled.1 += 1,
            None => {}
        }
        let given = match c.gender {
            Some(Gender::Female) => &mut self.female,
            Some(Gender::Male) => &mut self.male,
            None => {
                self.unknown += 1;
                if let Some(g) = l.gender {
                    let clues: Vec<String> = (c.gender_evidence.iter())
                        .map(|e| format!("{:?} {:?} ×{}", e.kind, e.text, e.count))
                        .collect();
                    let clues = clues.join(", ");
                    (self.missed).push(format!("{article}\t{}\tlabelled {g:?}\t{clues}", l.name));
                }
                return;
            }
        };
        given.1 += 1;
        if c.gender == l.gender {
            given.0 += 1;
        } else {
            let label = l.gender.map_or("unknown".into(), |g| format!("{g:?}"));
            let clue = c.gender_evidence.first();
            let clue = clue.map_or(String::new(), |e| format!("{:?} {:?}", e.kind, e.text));
            (self.wrong).push(format!("{article}\t{}\tlabelled {label}\t{clue}", l.name));
        }
    }
}

/// Scores the labels with the first-name guesses on and off; `texts` holds `<article>.txt`.
pub fn evaluate(labels: &[Label], texts: &Path) -> Result<Evaluation, Error> {
    let mut by_article: BTreeMap<&str, Vec<&Label>> = BTreeMap::new();
    for l in labels {
        by_article.entry(&l.article).or_default().push(l);
    }
    let mut e = Evaluation::default();
    for (article, labels) in by_article {
        let path = texts.join(format!("{article}.txt"));
        let text = std::fs::read_to_string(&path).map_err(Error::read(&path))?;
        let settings = (e.all.iter_mut()).zip(e.quoted.iter_mut());
        for (first_names, (all, quoted)) in [true, false].into_iter().zip(settings) {
            let options = Options {
                first_names,
                ..Default::default()
            };
            let a = crate::annotate(&text, &options);
            for l in &labels {
                let Some(c) = a.clusters.iter().find(|c| c.name == l.name) else {
                    all.missing += 1;
                    continue;
                };
                all.count(article, l, c);
                if a.sources.iter().any(|s| s.cluster == Some(c.id)) {
                    quoted.count(article, l, c);
                }
            }
        }
    }
    Ok(e)
}

/// The report: one row per setting.
pub fn report(e: &Evaluation, errors: bool) -> String {
    let scores = &e.all;
    let fixed = |x: Option<f64>| x.map_or("–".into(), |x| format!("{x:.3}"));
    let mut out = String::from(
        "| first names | clusters | female P (right/given) | male P (right/given) | female R | male R | unknown |\n|---|---|---|---|---|---|---|\n",
    );
    let rows = ["on", "off", "on, quoted", "off, quoted"];
    for (name, s) in rows.iter().zip(e.all.iter().chain(&e.quoted)) {
        out += &format!(
            "| {name} | {} | {} ({}/{}) | {} ({}/{}) | {} | {} | {:.3} ({}) |\n",
            s.clusters,
            fixed(s.precision(Gender::Female)),
            s.female.0,
            s.female.1,
            fixed(s.precision(Gender::Male)),
            s.male.0,
            s.male.1,
            fixed(s.recall(Gender::Female)),
            fixed(s.recall(Gender::Male)),
            s.unknown_share(),
            s.unknown,
        );
    }
    for (name, s) in ["on", "off"].iter().zip(scores).filter(|_| errors) {
        for w in &s.wrong {
            out += &format!("wrong (first names {name}): {w}\n");
        }
        for m in &s.missed {
            out += &format!("missed (first names {name}): {m}\n");
        }
    }
    if scores[0].missing > 0 {
        out += &format!(
            "{} labelled clusters are not printed by this annotator (names changed).\n",
            scores[0].missing
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_scores() {
        let dir = std::env::temp_dir().join(format!("lede-gender-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.txt"),
            "Ms. Ana Ruiz spoke. “We will rebuild,” Ruiz said.\n\nJohn Kirby said it was late.",
        )
        .unwrap();
        let labels = dir.join("labels.tsv");
        std::fs::write(
            &labels,
            "# comment\narticle\tname\tgender\nNote\na\tAna Ruiz\tfemale\ttext\na\tJohn Kirby\tunknown\tnone\n"
                .replace("Note\n", ""),
        )
        .unwrap();
        let labels = read_labels(&labels).unwrap();
        assert_eq!(labels.len(), 2);
        let e = evaluate(&labels, &dir).unwrap();
        let [on, off] = &e.all;
        assert_eq!((on.female, on.male, on.unknown), ((1, 1), (0, 1), 0));
        assert_eq!((off.female, off.male, off.unknown), ((1, 1), (0, 0), 1));
        // Both are sources: Ana Ruiz quoted, John Kirby in reported speech.
        assert_eq!((e.quoted[0].clusters, e.quoted[0].female), (2, (1, 1)));
        let errors = "wrong (first names on): a\tJohn Kirby\tlabelled unknown\tFirstName \"John\"";
        assert!(!report(&e, false).contains(errors));
        let report = report(&e, true);
        assert!(report.contains("| on | 2 | 1.000 (1/1) | 0.000 (0/1) | 1.000 | – |"));
        assert!(report.contains("| off, quoted | 2 |"), "{report}");
        assert!(report.contains(errors), "{report}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
