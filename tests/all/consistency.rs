//! Consistency inside the article, end to end with the shipped model: short articles written
//! here (not corpus text), read as a journalist reads them: one thing per name.

use lede::{annotate, Annotation, Label, Options};

/// (label, cluster name) of every entity whose text is `text`.
fn typed(a: &Annotation, text: &str) -> Vec<(Label, String)> {
    a.entities
        .iter()
        .filter(|e| e.text == text)
        .map(|e| {
            (
                e.label,
                a.clusters[e.cluster.expect("clustered")].name.clone(),
            )
        })
        .collect()
}

#[test]
fn companies_and_their_short_forms() {
    let a = annotate(
        "Patriot Coal, one of the nation's largest coal companies, filed for bankruptcy in \
         2015. Patriot handed over millions of dollars to the fund. Patriot sold its mines, \
         said Tom Clarke.\n\nHe bought a coke plant from Walter Energy Inc. in May. Walter had \
         owed $2 million. Later he sold Lenox Healthcare and Blackhawk Mining.",
        &Options::default(),
    );
    let patriot = typed(&a, "Patriot");
    assert_eq!(patriot.len(), 2, "{:?}", a.entities);
    assert!(
        patriot
            .iter()
            .all(|t| *t == (Label::Org, "Patriot Coal".into())),
        "{patriot:?}"
    );
    assert_eq!(
        typed(&a, "Walter"),
        [(Label::Org, "Walter Energy Inc.".into())]
    );
    for name in ["Lenox Healthcare", "Blackhawk Mining"] {
        assert_eq!(typed(&a, name), [(Label::Org, name.into())]);
    }
}

#[test]
fn people_rooms_and_possessives() {
    let a = annotate(
        "Aung San Suu Kyi arrived in Washington on Wednesday. Suu Kyi's party won the election. \
         Suu Kyi met Obama in the Oval Office.\n\nMcConnell said on Monday that the bill would \
         pass. Senate Majority Leader Mitch McConnell spoke after Barack Obama.",
        &Options::default(),
    );
    let kyi = typed(&a, "Suu Kyi");
    assert_eq!(kyi.len(), 2, "{:?}", a.entities);
    assert!(kyi
        .iter()
        .all(|t| *t == (Label::Person, "Aung San Suu Kyi".into())));
    assert!(a.entities.iter().all(|e| !e.text.ends_with("'s")));
    assert_eq!(typed(&a, "the Oval Office")[0].0, Label::Fac);
    assert_eq!(
        typed(&a, "McConnell"),
        [(Label::Person, "Mitch McConnell".into())]
    );
    assert_eq!(typed(&a, "Obama"), [(Label::Person, "Barack Obama".into())]);
}

#[test]
fn furniture_and_centres() {
    let a = annotate(
        // The correction note itself is boilerplate now (no entities), so the centre is in a body
        // paragraph.
        "Correction Appended\n\nThe former president spoke on Monday at the George W. Bush \
         Presidential Center in Dallas.",
        &Options::default(),
    );
    assert!(typed(&a, "Appended").is_empty(), "{:?}", a.entities);
    let centre = a
        .entities
        .iter()
        .find(|e| e.text.contains("Presidential Center"))
        .expect("the centre");
    assert!(centre.text.contains("George W. Bush"), "{}", centre.text);
    assert!(matches!(centre.label, Label::Org | Label::Fac));
    assert!(typed(&a, "George W. Bush").is_empty());
}
