//! The hand-written types say what the schema serializes. The npm package's TypeScript types
//! (npm/lede.d.ts, what the wasm returns): each interface has exactly the fields its schema type
//! serializes, optional (`?`) exactly when serde leaves the field out, `| null` exactly when it
//! writes null; each string union lists exactly the enum's values. The Python stubs
//! (python/lede.pyi, what `pythonize` returns) the same way: each TypedDict has exactly those
//! fields, optional (`total=False`) exactly when serde leaves the field out, `Optional[…]`
//! exactly when it writes None; each `Literal[…]` alias lists exactly the enum's values. The
//! struct literals below name every field (no `..`), so a field added to the schema fails to
//! compile here until the types follow.

use lede::{
    Act, Annotation, Cluster, DateSource, DateSourceKind, Dateline, Entity, Gender, GenderClue,
    GenderCorrection, GenderKind, Label, Options, Paragraph, ParagraphKind, Quote, QuoteKind,
    Sentence, Source, SourceGenders, SourceGroup, Span, TextSpan, Units,
};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

const TYPES: &str = include_str!("../../npm/lede.d.ts");
const STUBS: &str = include_str!("../../python/lede.pyi");

/// A field of a .d.ts interface: optional, and whether its type admits null.
#[derive(Debug, PartialEq)]
struct Field {
    optional: bool,
    nullable: bool,
}

/// The fields of `export interface name { … }`.
fn interface(name: &str) -> BTreeMap<String, Field> {
    let head = format!("export interface {name} {{");
    let body = TYPES
        .split_once(&head)
        .unwrap_or_else(|| panic!("npm/lede.d.ts has no interface {name}"))
        .1;
    let body = &body[..body.find("\n}").expect("interface ends")];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('/') && !l.starts_with('*'))
        .map(|l| {
            let (name, ty) = l
                .split_once(':')
                .unwrap_or_else(|| panic!("field line {l:?}"));
            let field = Field {
                optional: name.ends_with('?'),
                nullable: ty
                    .split('|')
                    .any(|t| t.trim().trim_end_matches(';') == "null"),
            };
            (name.trim_end_matches('?').to_string(), field)
        })
        .collect()
}

/// The quoted values of `export type name = 'a' | 'b';`, in order.
fn union(name: &str) -> Vec<String> {
    let head = format!("export type {name} =");
    let body = TYPES
        .split_once(&head)
        .unwrap_or_else(|| panic!("npm/lede.d.ts has no type {name}"))
        .1;
    let body = &body[..body.find(';').expect("type ends")];
    // A union may open with `|`: no value before it.
    body.split('|')
        .map(|v| v.trim().trim_matches('\'').to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The lines of python/lede.pyi outside docstrings.
fn stub_lines() -> Vec<&'static str> {
    let mut inside = false;
    let mut lines = Vec::new();
    for line in STUBS.lines() {
        let marks = line.matches("\"\"\"").count();
        if inside || marks > 0 {
            inside ^= marks % 2 == 1;
            continue;
        }
        lines.push(line);
    }
    lines
}

/// The fields of TypedDict `name` in python/lede.pyi: `class name(TypedDict):`, or
/// `class name(_name, total=False):` whose own fields are optional and `_name`'s required.
fn typed_dict(name: &str) -> BTreeMap<String, Field> {
    let lines = stub_lines();
    let class = |name: &str| -> Option<(String, Vec<(String, String)>)> {
        let head = format!("class {name}(");
        let at = lines.iter().position(|l| l.starts_with(&head))?;
        let bases = lines[at][head.len()..].trim_end_matches("):").to_string();
        let fields = (lines[at + 1..].iter())
            .take_while(|l| l.starts_with("    ") || l.trim().is_empty())
            .filter_map(|l| l.trim().split_once(':'))
            .map(|(n, t)| (n.trim().to_string(), t.trim().to_string()))
            .collect();
        Some((bases, fields))
    };
    let (bases, own) = class(name).unwrap_or_else(|| panic!("python/lede.pyi has no class {name}"));
    let field = |ty: &str, optional| Field {
        optional,
        nullable: ty.starts_with("Optional["),
    };
    let mut out = BTreeMap::new();
    let optional = match bases.split_once(", ") {
        None => {
            assert_eq!(bases, "TypedDict", "class {name}");
            false
        }
        Some((base, "total=False")) => {
            let (base_bases, required) =
                class(base).unwrap_or_else(|| panic!("python/lede.pyi has no class {base}"));
            assert_eq!(base_bases, "TypedDict", "class {base}");
            out.extend(required.iter().map(|(n, t)| (n.clone(), field(t, false))));
            true
        }
        Some(other) => panic!("class {name}({other:?})"),
    };
    for (n, t) in &own {
        assert!(
            out.insert(n.clone(), field(t, optional)).is_none(),
            "{name}.{n} twice"
        );
    }
    out
}

/// The quoted values of `name = Literal[…]` in python/lede.pyi, in order.
fn literal(name: &str) -> Vec<String> {
    let head = format!("\n{name} = Literal[");
    let body = STUBS
        .split_once(&head)
        .unwrap_or_else(|| panic!("python/lede.pyi has no {name} = Literal[…]"))
        .1;
    let body = &body[..body.find(']').expect("Literal ends")];
    body.split(',')
        .map(|v| v.trim().trim_matches('"').to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// Checks interface `name` against a value with every field set (`full`) and one with every
/// field at its empty state (`empty`), and the TypedDict of the same name the same way.
fn check(name: &str, full: &impl serde::Serialize, empty: &impl serde::Serialize) {
    check_declared(name, "npm/lede.d.ts", interface(name), full, empty);
    check_declared(name, "python/lede.pyi", typed_dict(name), full, empty);
}

fn check_declared(
    name: &str,
    file: &str,
    declared: BTreeMap<String, Field>,
    full: &impl serde::Serialize,
    empty: &impl serde::Serialize,
) {
    let object = |v: Value| match v {
        Value::Object(m) => m,
        other => panic!("{name} serializes to {other}"),
    };
    let full = object(serde_json::to_value(full).unwrap());
    let empty = object(serde_json::to_value(empty).unwrap());
    let keys: BTreeSet<&String> = full.keys().collect();
    assert_eq!(
        keys,
        declared.keys().collect(),
        "{name} in {file} declares exactly the fields of the schema"
    );
    for (key, field) in &declared {
        let want = Field {
            optional: !empty.contains_key(key),
            nullable: empty.get(key) == Some(&Value::Null),
        };
        assert_eq!(field, &want, "{name}.{key} in {file}");
    }
}

fn text_span() -> TextSpan {
    TextSpan {
        start: 0,
        end: 1,
        text: "x".into(),
    }
}

fn clue() -> GenderClue {
    GenderClue {
        kind: GenderKind::Pronoun,
        gender: Some(Gender::Female),
        count: 2,
        text: "she".into(),
    }
}

#[test]
fn interfaces_match_the_schema() {
    let paragraph = Paragraph {
        start: 0,
        end: 1,
        kind: ParagraphKind::Body,
    };
    let sentence = Sentence { start: 0, end: 1 };
    let entity = |set: bool| Entity {
        start: 0,
        end: 1,
        text: "x".into(),
        label: Label::Person,
        cluster: set.then_some(0),
        value: set.then(|| "1".into()),
    };
    let cluster = |set: bool| Cluster {
        id: 0,
        name: "x".into(),
        label: set.then_some(Label::Person),
        mentions: vec![0],
        roles: if set { vec!["x".into()] } else { vec![] },
        references: if set { vec![text_span()] } else { vec![] },
        gender: set.then_some(Gender::Female),
        gender_evidence: if set { vec![clue()] } else { vec![] },
    };
    let quote = |set: bool| Quote {
        start: 0,
        end: 1,
        text: "x".into(),
        kind: QuoteKind::Direct,
        speaker: set.then(text_span),
        speaker_name: set.then(|| "x".into()),
        speaker_cluster: set.then_some(0),
        cue: set.then(text_span),
        parts: if set { vec![text_span()] } else { vec![] },
        confidence: 0.5,
        speaker_confidence: set.then_some(0.5),
        act: if set { Act::Belief } else { Act::Statement },
    };
    let date_source = |set: bool| DateSource {
        kind: DateSourceKind::Published,
        span: set.then(text_span),
    };
    let dateline = |set: bool| Dateline {
        start: 0,
        end: 1,
        text: "x".into(),
        place: text_span(),
        agency: set.then(text_span),
        date: set.then(text_span),
    };
    let source = |set: bool| Source {
        name: "x".into(),
        group: SourceGroup::People,
        cluster: set.then_some(0),
        label: set.then_some(Label::Person),
        named: true,
        quotes: vec![0],
        words: 1,
        gender: set.then_some(Gender::Male),
        gender_evidence: if set { vec![clue()] } else { vec![] },
    };
    let annotation = |set: bool| Annotation {
        date: set.then(|| "2023-10-13".into()),
        date_source: set.then(|| date_source(true)),
        dateline: set.then(|| dateline(true)),
        paragraphs: vec![paragraph.clone()],
        sentences: vec![sentence.clone()],
        entities: vec![entity(set)],
        clusters: vec![cluster(set)],
        quotes: vec![quote(set)],
        sources: vec![source(set)],
        source_genders: SourceGenders::default(),
        attributions: if set { vec![quote(true)] } else { vec![] },
        warnings: if set { vec!["x".into()] } else { vec![] },
    };
    check("Annotation", &annotation(true), &annotation(false));
    check("Paragraph", &paragraph, &paragraph);
    check("Sentence", &sentence, &sentence);
    check("Entity", &entity(true), &entity(false));
    check("Cluster", &cluster(true), &cluster(false));
    check("Quote", &quote(true), &quote(false));
    check("DateSource", &date_source(true), &date_source(false));
    check("Dateline", &dateline(true), &dateline(false));
    check("Source", &source(true), &source(false));
    check("TextSpan", &text_span(), &text_span());
    let unknown = GenderClue {
        kind: GenderKind::Correction,
        gender: None,
        ..clue()
    };
    check("GenderClue", &clue(), &unknown);
    let sums = SourceGenders::default();
    check("SourceGenders", &sums, &sums);
    // Spans are not returned to Python (only TextSpans are).
    check_declared(
        "Span",
        "npm/lede.d.ts",
        interface("Span"),
        &Span::new(0, 1),
        &Span::new(0, 1),
    );
}

/// Options: every field may be left out (serde `default`); the types say so.
#[test]
fn options_match() {
    let options = Options {
        offsets: Some(Units::Utf16),
        date: Some("2023-10-13".into()),
        attributions: true,
        genders: [("x".to_string(), GenderCorrection::Unknown)].into(),
        first_names: false,
    };
    let keys: BTreeSet<String> = match serde_json::to_value(&options).unwrap() {
        Value::Object(m) => m.keys().cloned().collect(),
        _ => unreachable!(),
    };
    let declared = interface("Options");
    assert_eq!(keys, declared.keys().cloned().collect());
    assert!(declared.values().all(|f| f.optional && !f.nullable));
    let partial: Options = serde_json::from_value(json!({})).unwrap();
    assert!(partial.offsets.is_none() && partial.date.is_none());
    assert!(
        partial.first_names,
        "first-name guesses are on unless switched off"
    );
}

fn names<T: serde::Serialize>(values: &[T]) -> Vec<String> {
    values
        .iter()
        .map(|v| {
            serde_json::to_value(v)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn unions_list_every_enum_value() {
    // Each union in the .d.ts and the .pyi alias of the same values.
    let both = |ts: &str, py: &str, values: Vec<String>| {
        assert_eq!(union(ts), values, "npm/lede.d.ts {ts}");
        assert_eq!(literal(py), values, "python/lede.pyi {py}");
    };
    both("Label", "EntityLabel", names(&Label::ALL));

    // The matches fail to compile when a variant is added, so these lists stay whole.
    let kinds = [
        ParagraphKind::Body,
        ParagraphKind::Dateline,
        ParagraphKind::Header,
        ParagraphKind::Boilerplate,
        ParagraphKind::Caption,
    ];
    for k in kinds {
        match k {
            ParagraphKind::Body
            | ParagraphKind::Dateline
            | ParagraphKind::Header
            | ParagraphKind::Boilerplate
            | ParagraphKind::Caption => {}
        }
    }
    both("ParagraphKind", "ParagraphKind", names(&kinds));

    let sources = [
        DateSourceKind::Option,
        DateSourceKind::Marker,
        DateSourceKind::Published,
        DateSourceKind::Updated,
        DateSourceKind::Byline,
        DateSourceKind::Header,
    ];
    for k in sources {
        match k {
            DateSourceKind::Option
            | DateSourceKind::Marker
            | DateSourceKind::Published
            | DateSourceKind::Updated
            | DateSourceKind::Byline
            | DateSourceKind::Header => {}
        }
    }
    both("DateSourceKind", "DateSourceKind", names(&sources));

    let kinds = [
        QuoteKind::Direct,
        QuoteKind::Partial,
        QuoteKind::Indirect,
        QuoteKind::Mixed,
    ];
    for k in kinds {
        match k {
            QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Indirect | QuoteKind::Mixed => {}
        }
    }
    both("QuoteKind", "QuoteKind", names(&kinds));

    let groups = [
        SourceGroup::People,
        SourceGroup::Groups,
        SourceGroup::Others,
        SourceGroup::Documents,
        SourceGroup::Unattributed,
    ];
    for g in groups {
        match g {
            SourceGroup::People
            | SourceGroup::Groups
            | SourceGroup::Others
            | SourceGroup::Documents
            | SourceGroup::Unattributed => {}
        }
    }
    both("SourceGroup", "SourceGroup", names(&groups));

    let genders = [Gender::Female, Gender::Male];
    for g in genders {
        match g {
            Gender::Female | Gender::Male => {}
        }
    }
    both("Gender", "Gender", names(&genders));
    let kinds = [
        GenderKind::Correction,
        GenderKind::Honorific,
        GenderKind::Role,
        GenderKind::Pronoun,
        GenderKind::FirstName,
    ];
    for k in kinds {
        match k {
            GenderKind::Correction
            | GenderKind::Honorific
            | GenderKind::Role
            | GenderKind::Pronoun
            | GenderKind::FirstName => {}
        }
    }
    both("GenderKind", "GenderKind", names(&kinds));
    let corrections = [
        GenderCorrection::Female,
        GenderCorrection::Male,
        GenderCorrection::Unknown,
    ];
    for c in corrections {
        match c {
            GenderCorrection::Female | GenderCorrection::Male | GenderCorrection::Unknown => {}
        }
    }
    both("GenderCorrection", "GenderCorrection", names(&corrections));

    let units = [Units::Utf16, Units::Chars, Units::Bytes];
    for u in units {
        match u {
            Units::Utf16 | Units::Chars | Units::Bytes => {}
        }
    }
    assert_eq!(union("Units"), names(&units));
}
