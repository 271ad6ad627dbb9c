//! Who gets quoted, by gender: the evidence kinds end to end, conflicts, the reader's
//! corrections, the one-article sums; `lede sources` rows and summaries; and the hand-labelled
//! PolNeAR samples (corpus tests, ignored without the shared data).

use crate::cli::spawn;
use crate::common;
use lede::{annotate, Gender, GenderCorrection, GenderKind, Options, SourceGroup};
use std::io::Write;

const ARTICLE: &str = "Ms. Ana Ruiz, the mayor, spoke on Monday. “We will rebuild,” Ruiz said. \
“Soon,” she added.\n\nJohn Kirby disagreed. “Not yet,” Kirby said.\n\n\
The chairwoman of the board, Pat Quinn, was brief. “No comment on that,” Quinn said.\n\n\
“We are ready,” said a spokeswoman for the agency.";

fn source<'a>(a: &'a lede::Annotation, name: &str) -> &'a lede::Source {
    (a.sources.iter())
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} is a source: {:?}", a.sources))
}

#[test]
fn each_kind_of_evidence_reaches_the_sources() {
    let a = annotate(ARTICLE, &Options::default());
    let ruiz = source(&a, "Ana Ruiz");
    assert_eq!(ruiz.gender, Some(Gender::Female));
    assert_eq!(ruiz.gender_evidence[0].kind, GenderKind::Honorific);
    let kirby = source(&a, "John Kirby");
    assert_eq!(kirby.gender, Some(Gender::Male));
    assert_eq!(kirby.gender_evidence[0].kind, GenderKind::FirstName);
    let quinn = source(&a, "Pat Quinn");
    assert_eq!(
        quinn.gender,
        Some(Gender::Female),
        "{:?}",
        quinn.gender_evidence
    );
    assert_eq!(quinn.gender_evidence[0].kind, GenderKind::Role);
    let spokeswoman = (a.sources.iter())
        .find(|s| s.name.contains("spokeswoman"))
        .expect("the unnamed spokeswoman is a source");
    assert!(!spokeswoman.named && spokeswoman.group != SourceGroup::People);
    assert_eq!(spokeswoman.gender, Some(Gender::Female));
    // The sums count named people only.
    let sum = &a.source_genders;
    assert_eq!(
        (sum.people, sum.female, sum.male, sum.unknown),
        (3, 2, 1, 0)
    );
    assert_eq!(sum.words, sum.female_words + sum.male_words);
    // The cluster carries what its source shows.
    let c = &a.clusters[ruiz.cluster.unwrap()];
    assert_eq!(
        (c.gender, &c.gender_evidence),
        (ruiz.gender, &ruiz.gender_evidence)
    );
}

#[test]
fn first_names_can_be_switched_off() {
    let options = Options {
        first_names: false,
        ..Default::default()
    };
    let a = annotate(ARTICLE, &options);
    assert_eq!(source(&a, "John Kirby").gender, None);
    assert_eq!(source(&a, "Ana Ruiz").gender, Some(Gender::Female));
    assert_eq!(a.source_genders.unknown, 1);
}

#[test]
fn conflicting_evidence_leaves_the_gender_unknown() {
    let text = "Mr. Sam Reed spoke first. “We will see,” Ms. Reed said.";
    let a = annotate(text, &Options::default());
    let reed = (a.clusters.iter())
        .find(|c| c.name.contains("Reed"))
        .expect("a Reed cluster");
    assert_eq!(reed.gender, None, "{:?}", reed.gender_evidence);
    let sides: Vec<Gender> = reed
        .gender_evidence
        .iter()
        .filter_map(|e| e.gender)
        .collect();
    assert!(sides.contains(&Gender::Male) && sides.contains(&Gender::Female));
}

#[test]
fn corrections_win_and_reach_the_sums_and_exports() {
    let options = Options {
        genders: [
            ("john kirby".to_string(), GenderCorrection::Female),
            ("Ana Ruiz".to_string(), GenderCorrection::Unknown),
        ]
        .into(),
        ..Default::default()
    };
    let a = annotate(ARTICLE, &options);
    let kirby = source(&a, "John Kirby");
    assert_eq!(kirby.gender, Some(Gender::Female));
    assert_eq!(kirby.gender_evidence[0].kind, GenderKind::Correction);
    assert!(kirby.gender_evidence[1..]
        .iter()
        .any(|e| e.kind == GenderKind::FirstName));
    // A correction to unknown is kept in the evidence too, with no side.
    let ruiz = source(&a, "Ana Ruiz");
    assert_eq!(ruiz.gender, None);
    assert_eq!(
        (ruiz.gender_evidence[0].kind, ruiz.gender_evidence[0].gender),
        (GenderKind::Correction, None)
    );
    let rows = lede::corpus::rows(&a);
    let row = rows.iter().find(|r| r.name == "Ana Ruiz").unwrap();
    assert_eq!(row.gender_evidence, Some(GenderKind::Correction));
    let sum = &a.source_genders;
    assert_eq!((sum.female, sum.male, sum.unknown), (2, 0, 1));
    let json = lede::export::export(ARTICLE, &a, lede::export::Format::Json).unwrap();
    assert!(json.file.content.contains("\"correction\""));
}

fn lede_sources(args: &[&str], stdin: &str) -> Vec<serde_json::Value> {
    let mut child = spawn(&[&["sources"], args].concat());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (String::from_utf8(out.stdout).unwrap().lines())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn corpus() -> String {
    let records = [
        serde_json::json!({"id": "a", "outlet": "cbc", "text": ARTICLE}),
        serde_json::json!({"id": 7, "outlet": "ctv", "text": "“It is over,” said Mary Jones."}),
        serde_json::json!({"id": "c", "text": "Nobody is quoted."}),
    ];
    records.iter().map(|r| format!("{r}\n")).collect()
}

#[test]
fn cli_rows_per_article_and_source() {
    let rows = lede_sources(&["--jsonl"], &corpus());
    let a = annotate(ARTICLE, &Options::default());
    assert_eq!(rows.len(), a.sources.len() + 1);
    assert_eq!(rows[0]["id"], "a");
    assert_eq!(rows[0]["outlet"], "cbc");
    assert_eq!(rows[0]["name"], a.sources[0].name);
    let jones = rows.last().unwrap();
    assert_eq!(jones["id"], 7);
    assert_eq!(jones["gender"], "female");
    assert_eq!(jones["gender_evidence"], "first name");
    assert_eq!(jones["type"], "PERSON");
    // A text file is one article, its id the path.
    let rows = lede_sources(&[], ARTICLE);
    assert_eq!(rows[0]["id"], "<stdin>");
}

#[test]
fn cli_summary_per_outlet_and_all() {
    let lines = lede_sources(&["--jsonl", "--summary"], &corpus());
    let scopes: Vec<(&str, &serde_json::Value)> = (lines.iter())
        .map(|l| (l["scope"].as_str().unwrap(), &l["outlet"]))
        .collect();
    assert_eq!(scopes.len(), 4, "{scopes:?}");
    let all = lines.last().unwrap();
    assert_eq!(all["scope"], "all");
    assert_eq!(all["articles"], 3);
    assert_eq!(all["people"], 4);
    assert_eq!(all["female"], 3);
    assert_eq!(all["female_share"], 0.75);
    let cbc = lines.iter().find(|l| l["outlet"] == "cbc").unwrap();
    assert_eq!(cbc["people"], 3);
    let none = lines
        .iter()
        .find(|l| l["scope"] == "outlet" && l["outlet"].is_null());
    assert_eq!(none.unwrap()["people"], 0);
    assert!(
        none.unwrap()["female_share"].is_null(),
        "no one known: no share"
    );
}

/// The hand-labelled samples (tests/data/gender_*.tsv, made from the article text only): the
/// development sample and the held-out one, with floors a little under the measured figures
/// so a regression fails. The aim (≥ 0.97 for each gender) is reported by
/// `lede eval --genders`, not asserted.
#[test]
#[ignore = "reads the shared corpora (LEDE_DATA, default ../shared/data)"]
fn labelled_samples_floors() {
    use lede::tools::gender_eval;
    let texts = common::data("quotes/polnear/text/dev");
    for sample in ["gender_sample.tsv", "gender_heldout.tsv"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(sample);
        let labels = gender_eval::read_labels(&path).unwrap();
        assert!(labels.len() >= 150, "{sample}: {} labels", labels.len());
        let scores = gender_eval::evaluate(&labels, &texts).unwrap();
        eprintln!("{sample}\n{}", gender_eval::report(&scores, true));
        let [on, off] = &scores.all;
        assert!(
            on.missing * 20 <= labels.len(),
            "{sample}: {} clusters gone",
            on.missing
        );
        for (setting, s) in [("on", on), ("off", off)] {
            for g in [Gender::Female, Gender::Male] {
                let p = s.precision(g).unwrap();
                assert!(
                    p >= 0.94,
                    "{sample}, first names {setting}: {g:?} precision {p:.3}"
                );
            }
        }
        assert!(
            off.unknown * 20 <= off.clusters * 17,
            "{sample}: unknown {}",
            off.unknown
        );
        assert!(
            on.unknown * 2 <= on.clusters,
            "{sample}: unknown {}",
            on.unknown
        );
    }
}

#[test]
fn cli_eval_scores_several_label_files_as_one_sample() {
    let dir = std::env::temp_dir().join(format!("lede-genders-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Ms. Ana Ruiz spoke. “We will rebuild,” Ruiz said.",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), "John Kirby said it was late.").unwrap();
    let header = "article\tname\tgender\n";
    let one = dir.join("one.tsv");
    std::fs::write(&one, format!("{header}a\tAna Ruiz\tfemale\n")).unwrap();
    let two = dir.join("two.tsv");
    std::fs::write(&two, format!("{header}b\tJohn Kirby\tunknown\n")).unwrap();
    let run = |errors: &[&str]| {
        let (one, two, texts) = (
            one.to_str().unwrap(),
            two.to_str().unwrap(),
            dir.to_str().unwrap(),
        );
        let args = [&["eval", "--genders", one, two, "--texts", texts], errors].concat();
        let out = spawn(&args).wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let report = run(&[]);
    assert!(
        report.contains("| on | 2 | 1.000 (1/1) | 0.000 (0/1) |"),
        "{report}"
    );
    assert!(
        report.contains("| off | 2 | 1.000 (1/1) | – (0/0) | 1.000 | – |"),
        "{report}"
    );
    assert!(!report.contains("wrong"));
    assert!(run(&["--errors"]).contains("wrong (first names on): b\tJohn Kirby\tlabelled unknown"));
    std::fs::remove_dir_all(dir).unwrap();
}
